import type { Actor } from "@sainam/core";
import { errors } from "../errors.ts";
import { forbiddenMessage, type Action } from "./policy-words.ts";

export type { Action } from "./policy-words.ts";

/**
 * The one place that decides who may do what, per record. Routes call `authorize` before a use case
 * touches data; use cases that filter lists call `can`. Anything not granted here is refused.
 */
export type Resource =
  | { type: "reference" }
  | { type: "agency"; agencyId: number }
  /**
   * A plan: kept by its owner agency's officers and, for a cluster plan, its cluster's coordinators. Left out,
   * `published` counts as false and `clusterId` as none, so a caller that forgets them grants less, never more.
   * `clusterAgencyId`: the cluster's coordinating agency, needed to create a cluster plan (or move one to a cluster):
   * a cluster plan is owned by that agency. Left out, only an admin may create a cluster plan.
   */
  | {
      type: "plan";
      ownerAgencyId: number;
      clusterId?: number | null;
      published?: boolean;
      clusterAgencyId?: number | null | undefined;
    }
  | { type: "user"; userId: number }
  | { type: "users" }
  | { type: "audit" }
  /** The e-mail outbox: failed mail and its retry (admins). */
  | { type: "mail" }
  | { type: "self" }
  | { type: "cluster"; clusterId: number | null; coordinatingAgencyId: number | null; published: boolean }
  /**
   * A firm. `clusterIds`: clusters it is an approved current member of (their coordinators work with it: personal
   * data, edits). `pendingClusterIds`: memberships awaiting approval (their coordinators only see the firm).
   * `createdBy`: the user who registered it (they see it, published or not). Left out, these grant nothing.
   */
  | {
      type: "enterprise";
      enterpriseId: number | null;
      clusterIds: readonly number[];
      published: boolean;
      pendingClusterIds?: readonly number[];
      createdBy?: number | null;
    }
  /**
   * A firm's membership of a cluster, for approval: an officer of the cluster's coordinating agency, an admin or
   * the firm itself vouches that the cluster's coordinators work with the firm; so does a coordinator of the
   * cluster who registered the firm (new to the registry, by hand or by their own import).
   */
  | {
      type: "membership";
      clusterId: number;
      clusterAgencyId: number | null;
      enterpriseId: number;
      enterpriseCreatedBy: number | null;
    }
  /** A support institution: unpublished, it is kept (and seen) by its agency's officers and whoever registered it. */
  | { type: "institution"; agencyId: number | null; published: boolean; createdBy?: number | null }
  /**
   * Import batches. A batch is its uploader's; `others`: the batches of other users (listing every user's, taking
   * one over), which only admins reach. Left out, it counts as false: the caller's own batches.
   */
  | { type: "import"; others?: boolean }
  /** A programme: its agency keeps it; coordinators of clusters it supports see its records. */
  | { type: "programme"; agencyId: number; published: boolean; clusterIds: readonly number[] }
  /**
   * An activity: of a programme (its agency) and/or of a cluster (its coordinators). `programmeClusterIds`: the
   * clusters the programme supports; a coordinator records activities of a programme that supports their cluster
   * (or belongs to the cluster's own agency), never of another agency's programme.
   */
  | {
      type: "activity";
      programmeAgencyId: number | null;
      clusterId: number | null;
      clusterAgencyId: number | null;
      programmeClusterIds: readonly number[];
    }
  /** Verifying an economic-value claim: the agencies of the programmes it is attributed to, and who recorded it. */
  | { type: "value_claim"; agencyIds: readonly number[]; createdBy: number | null }
  /**
   * A service provider (issue 13): anyone reads providers; admins and the officers of the provider's agency keep
   * it (`agencyId` null: admins only). `read_personal`: its contacts, for signed-in users.
   */
  | { type: "service_provider"; agencyId: number | null }
  /** An expert of a provider: signed-in users read experts; the provider's keepers keep them. */
  | { type: "expert"; providerAgencyId: number | null }
  /**
   * A firm's request for help (issue 13). The service looks up who stands where: the firm, the clusters it is an
   * approved member of, the provider's agency, whether the caller manages the provider, the expert's user,
   * whether the expert has accepted, and whether the firm consented to share its contacts. A new request
   * (create) has no provider yet: providerAgencyId null, actorManagesProvider as for the centre filing a walk-in.
   */
  | ServiceRequestResource
  | PlanValuesResource
  | TradeEventResource
  | MeetingResource
  | DealResource
  | ProductResource;

/**
 * A firm's product in the catalogue (issue 14). `firmClusterIds`: the clusters the firm is an approved current member
 * of (their coordinators edit its products with it); `published`: in the public catalogue. Creating one asks with
 * published false. `read_personal`: the contacts of buyers' inquiries about the firm's products.
 */
export type ProductResource = {
  type: "product";
  enterpriseId: number;
  firmClusterIds: readonly number[];
  published: boolean;
};

/**
 * A trade event (issue 14). Its keepers are admins, the officers of the organiser agency and whoever created it:
 * they edit it, add participants, schedule meetings, check people in, and see its records (every participant,
 * meeting and deal) and its participants' contacts. Published events are public; an unpublished one is seen by
 * agency officers, its keepers and its participants (`actorParticipates`: the caller's firm takes part).
 */
export type TradeEventResource = {
  type: "trade_event";
  organiserAgencyId: number | null;
  createdBy: number | null;
  published: boolean;
  actorParticipates?: boolean;
};

/**
 * A meeting between two participants of an event. `eventKeeper`: the caller keeps the event (`can(update)` on its
 * trade_event). A side's firm (requester or target; null for a buyer) requests (create: the requester), answers
 * (respond: the target), and records the outcome or cancels (update). Keepers do all of it on behalf of buyers
 * and firms; attendance on the day is the keepers' alone (the meetings service asks for the event's `update`), so
 * no side marks the other absent. `read_personal` (the other side's contacts): keepers, and the two sides only once it is accepted.
 */
export type MeetingResource = {
  type: "meeting";
  eventKeeper: boolean;
  requesterEnterpriseId: number | null;
  targetEnterpriseId: number | null;
  accepted: boolean;
};

/**
 * A deal that followed a meeting or an inquiry: the selling firm (`enterpriseId`) and the coordinators of the
 * clusters it is an approved member of keep it; so do the event's keepers (`eventKeeper`) and the officers of the
 * agency whose programme funded it (`programmeAgencyId`).
 */
export type DealResource = {
  type: "deal";
  enterpriseId: number;
  firmClusterIds: readonly number[];
  eventKeeper: boolean;
  programmeAgencyId: number | null;
};

/**
 * The values of one plan's indicators, as entered (value entry, approval) and as figures (dashboards, maps,
 * reports): one rule for both. `childAgencyIds`: agencies below the owner agency in the tree (their
 * officers enter values, e.g. a Provincial Commerce Office into the Ministry of Commerce plan).
 * `orgUnit`: the unit a value is entered for, when the question is about one value (a coordinator may enter
 * values of their own clusters). `enteredBy`: who last entered the value, for separation of duties.
 * `approvalStep`: when the question is approving (or rejecting) one submitted value, the agencies whose officers
 * may approve the level it waits on (the office serving its province, its parent, …: see approval-chain.ts) and
 * who approved its earlier levels. Left out, `approve` asks about the plan as a whole: its owner's officers
 * (reopening an approved value, the entry screens' flags).
 */
export type ServiceRequestResource = {
  type: "service_request";
  enterpriseId: number;
  firmClusterIds: readonly number[];
  providerAgencyId: number | null;
  actorManagesProvider: boolean;
  expertUserId: number | null;
  expertAccepted: boolean;
  consent: boolean;
  /**
   * The caller filed the request (an officer or coordinator for the firm, a centre for a walk-in): they follow what
   * they filed (read it, see its state) wherever it was routed. Left out, false.
   */
  actorFiledIt?: boolean;
};

export type PlanValuesResource = {
  type: "plan_values";
  ownerAgencyId: number;
  childAgencyIds: readonly number[];
  clusterId: number | null;
  published: boolean;
  orgUnit?: { type: string; code: string } | undefined;
  enteredBy?: number | null | undefined;
  approvalStep?: { agencyIds: readonly number[]; priorApprovers: readonly (number | null)[] } | undefined;
};

/*
 * Actions (policy-words.ts lists them):
 * `read_personal`: see the personal data (contact names, phones, e-mails) that others see masked.
 * `read_unapproved`: see a plan's indicator values in every workflow state (drafts, submitted), not only approved
 * ones — in value lists and in the figures of dashboards and reports alike.
 * `read_records`: see per-enterprise records (a programme's firm list, participants, claims), not only aggregates.
 * `verify`: verify or reject a value claim.
 * `enter`: enter, edit and submit indicator values. `approve`: approve, reject and reopen them. `lock`: lock
 * and unlock a plan's periods.
 */

function coordinates(actor: Actor, clusterIds: readonly (number | null)[]): boolean {
  return (
    actor.kind === "user" &&
    actor.role === "cluster_coordinator" &&
    clusterIds.some((id) => id !== null && actor.clusterIds.includes(id))
  );
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  // The system (CLI on the server's own machine) holds admin rights; its audit entries carry no user.
  const isAdmin = actor.kind === "system" || (actor.kind === "user" && actor.role === "admin");
  switch (resource.type) {
    case "reference":
      return action === "read" || action === "list" ? true : isAdmin;
    case "agency": {
      if (action === "read" || action === "list") return true;
      if (isAdmin) return true;
      // An agency officer keeps the records of their own agency, not of a sibling or parent agency.
      return (
        action === "update" &&
        actor.kind === "user" &&
        actor.role === "agency_officer" &&
        actor.agencyId === resource.agencyId
      );
    }
    case "plan": {
      if (isAdmin) return true;
      // An agency officer keeps the plans of their own agency, not of a sibling or parent agency;
      // a cluster's coordinators keep that cluster's plans.
      const ownerOfficer =
        actor.kind === "user" && actor.role === "agency_officer" && actor.agencyId === resource.ownerAgencyId;
      const keeper = ownerOfficer || coordinates(actor, [resource.clusterId ?? null]);
      if (action === "read" || action === "list") return resource.published === true || keeper;
      if (action === "update") return keeper;
      if (action !== "create" || !keeper) return false;
      // Creating (or moving) a plan: its owner must be an agency the caller acts for. A cluster plan is owned by
      // the cluster's coordinating agency: an officer of agency A plans not for agency B's cluster, and a
      // coordinator's cluster plan belongs to the cluster's agency (a cluster without one: officers only).
      const clusterId = resource.clusterId ?? null;
      if (clusterId === null) return ownerOfficer;
      if (resource.clusterAgencyId === undefined) return false;
      if (resource.clusterAgencyId === null) return ownerOfficer;
      return resource.clusterAgencyId === resource.ownerAgencyId;
    }
    case "service_provider":
    case "expert": {
      const agencyId = resource.type === "expert" ? resource.providerAgencyId : resource.agencyId;
      if (action === "read" || action === "list")
        return resource.type === "service_provider" || actor.kind !== "public";
      if (resource.type === "service_provider" && action === "read_personal") return actor.kind !== "public";
      if (isAdmin) return true;
      // An agency officer keeps the providers of their own agency (and their experts), not another agency's.
      return (
        (action === "create" || action === "update") &&
        actor.kind === "user" &&
        actor.role === "agency_officer" &&
        agencyId !== null &&
        actor.agencyId === agencyId
      );
    }
    case "service_request":
      return canOnServiceRequest(actor, action, resource, isAdmin);
    case "product":
      return canOnProduct(actor, action, resource, isAdmin);
    case "trade_event":
      return canOnTradeEvent(actor, action, resource, isAdmin);
    case "meeting":
      return canOnMeeting(actor, action, resource, isAdmin);
    case "deal":
      return canOnDeal(actor, action, resource, isAdmin);
    case "user":
      if (isAdmin) return true;
      return action === "read" && actor.kind === "user" && actor.id === resource.userId;
    case "users":
    case "audit":
    case "mail":
      return isAdmin;
    case "self":
      return actor.kind === "user";
    case "cluster": {
      if (isAdmin) return true;
      const officerOfIt =
        actor.kind === "user" &&
        actor.role === "agency_officer" &&
        actor.agencyId !== null &&
        actor.agencyId === resource.coordinatingAgencyId;
      if (action === "read" || action === "list") {
        // Published clusters are public; agency officers see every cluster; coordinators their own.
        return (
          resource.published ||
          (actor.kind === "user" && actor.role === "agency_officer") ||
          coordinates(actor, [resource.clusterId])
        );
      }
      // A new cluster may be created by an officer for their own agency; coordinators keep their clusters.
      if (action === "create")
        return (
          actor.kind === "user" && actor.role === "agency_officer" && actor.agencyId === resource.coordinatingAgencyId
        );
      return officerOfIt || coordinates(actor, [resource.clusterId]);
    }
    case "enterprise": {
      if (isAdmin) return true;
      const isOwner =
        actor.kind === "user" &&
        actor.role === "member" &&
        resource.enterpriseId !== null &&
        actor.enterpriseId === resource.enterpriseId;
      const isOfficer = actor.kind === "user" && actor.role === "agency_officer";
      if (action === "read" || action === "list") {
        const registeredIt =
          actor.kind === "user" &&
          resource.createdBy !== undefined &&
          resource.createdBy !== null &&
          resource.createdBy === actor.id;
        return (
          resource.published ||
          isOwner ||
          isOfficer ||
          registeredIt ||
          coordinates(actor, [...resource.clusterIds, ...(resource.pendingClusterIds ?? [])])
        );
      }
      // Personal data only for those who work with the firm: officers, the coordinators of clusters whose
      // membership of it is approved, the firm itself. A pending membership unmasks nothing.
      if (action === "read_personal") return isOwner || isOfficer || coordinates(actor, resource.clusterIds);
      if (action === "create") return isOfficer || (actor.kind === "user" && actor.role === "cluster_coordinator");
      return isOwner || isOfficer || coordinates(actor, resource.clusterIds);
    }
    case "membership": {
      if (action !== "approve") return false;
      if (isAdmin) return true;
      if (actor.kind !== "user") return false;
      if (actor.role === "agency_officer")
        return actor.agencyId !== null && actor.agencyId === resource.clusterAgencyId;
      if (actor.role === "member") return actor.enterpriseId === resource.enterpriseId;
      // A coordinator vouches only for a firm they registered themselves (new to the registry).
      return (
        coordinates(actor, [resource.clusterId]) &&
        resource.enterpriseCreatedBy !== null &&
        resource.enterpriseCreatedBy === actor.id
      );
    }
    case "institution": {
      if (isAdmin) return true;
      if (actor.kind !== "user") return (action === "read" || action === "list") && resource.published;
      // Unpublished institutions are their keepers' only: the officers of their agency and whoever registered them.
      const keeper =
        (actor.role === "agency_officer" && actor.agencyId !== null && actor.agencyId === resource.agencyId) ||
        (resource.createdBy !== undefined && resource.createdBy !== null && resource.createdBy === actor.id);
      if (action === "read" || action === "list" || action === "read_personal") return resource.published || keeper;
      if (action === "create") return actor.role === "agency_officer" || actor.role === "cluster_coordinator";
      return keeper;
    }
    case "import":
      // "update" is an admin's takeover of someone else's batch (R3), and other users' batches are listed for it:
      // only admins. Anyone with import rights lists their own.
      if (action === "update" || resource.others === true) return isAdmin;
      return (
        isAdmin || (actor.kind === "user" && (actor.role === "agency_officer" || actor.role === "cluster_coordinator"))
      );
    case "programme": {
      if (isAdmin) return true;
      const ownOfficer =
        actor.kind === "user" && actor.role === "agency_officer" && actor.agencyId === resource.agencyId;
      // The public and other roles see published programmes and their aggregated figures only.
      if (action === "read" || action === "list") return resource.published || ownOfficer;
      if (action === "read_records") return ownOfficer || coordinates(actor, resource.clusterIds);
      return (action === "create" || action === "update") && ownOfficer;
    }
    case "activity": {
      if (isAdmin) return true;
      if (action !== "create" && action !== "update") return false;
      const agencyId = resource.programmeAgencyId ?? resource.clusterAgencyId;
      const ownOfficer =
        actor.kind === "user" && actor.role === "agency_officer" && agencyId !== null && actor.agencyId === agencyId;
      if (ownOfficer) return true;
      if (!coordinates(actor, [resource.clusterId])) return false;
      // Coordinators record the activities of their own clusters, under a programme that supports the cluster or
      // belongs to the cluster's own agency; never into another agency's programme.
      const { programmeAgencyId, clusterId } = resource;
      return (
        programmeAgencyId === null ||
        programmeAgencyId === resource.clusterAgencyId ||
        (clusterId !== null && resource.programmeClusterIds.includes(clusterId))
      );
    }
    case "value_claim": {
      if (action !== "verify") return false;
      // Separation of duties: whoever recorded a claim never verifies it, admins included; the system is exempt.
      if (actor.kind === "system") return true;
      if (actor.kind !== "user" || (resource.createdBy !== null && actor.id === resource.createdBy)) return false;
      if (actor.role === "admin") return true;
      return actor.role === "agency_officer" && actor.agencyId !== null && resource.agencyIds.includes(actor.agencyId);
    }
    case "plan_values":
      return canOnPlanValues(actor, action, resource, isAdmin);
  }
}

/*
 * Requests for help: the firm's members see and file their own; an officer or coordinator files on a firm's
 * behalf (an officer for any firm, a coordinator for the members of their clusters) and follows what they can
 * see; experts see only requests assigned to them; a provider's managers and the officers of its agency see the
 * provider's. `assign` (route, reassign): managers, the provider's agency officers, admins. `respond` (accept,
 * decline): the assigned expert. `update` (consultations, tasks, closure): the expert once accepted, managers,
 * admins. `read_personal` (the firm's contacts in the request): the firm itself and admins always; everyone
 * else who may read it only once the firm consented and the expert accepted (PDPA).
 */
function canOnServiceRequest(actor: Actor, action: Action, r: ServiceRequestResource, isAdmin: boolean): boolean {
  if (actor.kind !== "user" && !isAdmin) return false;
  const user = actor.kind === "user" ? actor : null;
  const ownFirm = user !== null && user.role === "member" && user.enterpriseId === r.enterpriseId;
  const assignedExpert = user !== null && user.role === "expert" && r.expertUserId === user.id;
  const providerOfficer =
    user !== null &&
    user.role === "agency_officer" &&
    r.providerAgencyId !== null &&
    user.agencyId === r.providerAgencyId;
  const keeper = isAdmin || r.actorManagesProvider || providerOfficer;
  const coordinator = coordinates(actor, r.firmClusterIds);
  const officer = user !== null && user.role === "agency_officer";
  const readers = ownFirm || assignedExpert || keeper || coordinator || r.actorFiledIt === true;
  switch (action) {
    case "create":
      return isAdmin || ownFirm || officer || coordinator || r.actorManagesProvider;
    case "read":
      return readers;
    case "list":
      return user !== null || isAdmin;
    case "assign":
      return keeper;
    case "respond":
      return assignedExpert;
    case "update":
      return keeper || (assignedExpert && r.expertAccepted);
    case "read_personal":
      return ownFirm || isAdmin || (readers && r.consent && r.expertAccepted);
    default:
      return false;
  }
}

function canOnTradeEvent(actor: Actor, action: Action, r: TradeEventResource, isAdmin: boolean): boolean {
  const user = actor.kind === "user" ? actor : null;
  const officer = user !== null && user.role === "agency_officer";
  const keeper =
    isAdmin ||
    (officer && r.organiserAgencyId !== null && user.agencyId === r.organiserAgencyId) ||
    (user !== null && r.createdBy !== null && user.id === r.createdBy);
  switch (action) {
    case "read":
      return r.published || keeper || officer || r.actorParticipates === true;
    case "list":
      return true;
    case "create":
      return isAdmin || officer || (user !== null && user.role === "cluster_coordinator");
    case "update":
    case "read_records":
    case "read_personal":
      return keeper;
    default:
      return false;
  }
}

function canOnMeeting(actor: Actor, action: Action, r: MeetingResource, isAdmin: boolean): boolean {
  if (isAdmin || r.eventKeeper) {
    return ["read", "list", "create", "respond", "update", "read_personal"].includes(action);
  }
  const firm = actor.kind === "user" && actor.role === "member" ? actor.enterpriseId : null;
  if (firm === null) return false;
  const requester = r.requesterEnterpriseId === firm;
  const target = r.targetEnterpriseId === firm;
  switch (action) {
    case "read":
    case "update":
      return requester || target;
    case "list":
      return true;
    case "create":
      return requester;
    case "respond":
      return target;
    case "read_personal":
      return (requester || target) && r.accepted;
    default:
      return false;
  }
}

function canOnDeal(actor: Actor, action: Action, r: DealResource, isAdmin: boolean): boolean {
  const user = actor.kind === "user" ? actor : null;
  const ownFirm = user !== null && user.role === "member" && user.enterpriseId === r.enterpriseId;
  const programmeOfficer =
    user !== null &&
    user.role === "agency_officer" &&
    r.programmeAgencyId !== null &&
    user.agencyId === r.programmeAgencyId;
  const keeper = isAdmin || ownFirm || r.eventKeeper || programmeOfficer || coordinates(actor, r.firmClusterIds);
  switch (action) {
    case "read":
    case "create":
    case "update":
      return keeper;
    case "list":
      return user !== null;
    default:
      return false;
  }
}

/*
 * Products: everyone, the public included, reads published products. Drafts, edits, photos, certifications and
 * publishing are the firm's own members', the coordinators' of the clusters the firm is an approved member of (a
 * pending membership gives nothing), agency officers' (who run the programmes that market the firm) and admins'.
 * Buyers' contacts in inquiries (`read_personal`): the firm and its coordinators, and admins; an officer sees that a
 * firm has inquiries in its figures, never who sent them.
 */
function canOnProduct(actor: Actor, action: Action, r: ProductResource, isAdmin: boolean): boolean {
  const user = actor.kind === "user" ? actor : null;
  const ownFirm = user !== null && user.role === "member" && user.enterpriseId === r.enterpriseId;
  const coordinator = coordinates(actor, r.firmClusterIds);
  const officer = user !== null && user.role === "agency_officer";
  const editor = isAdmin || ownFirm || coordinator || officer;
  switch (action) {
    case "read":
    case "list":
      return r.published || editor;
    case "create":
    case "update":
      return editor;
    case "read_personal":
      return isAdmin || ownFirm || coordinator;
    default:
      return false;
  }
}

function canOnPlanValues(actor: Actor, action: Action, resource: PlanValuesResource, isAdmin: boolean): boolean {
  const officerOf = (agencyIds: readonly number[]) =>
    actor.kind === "user" &&
    actor.role === "agency_officer" &&
    actor.agencyId !== null &&
    agencyIds.includes(actor.agencyId);
  const ownerOfficer = officerOf([resource.ownerAgencyId]);
  const unit = resource.orgUnit;
  const coordinatesUnit =
    unit !== undefined && unit.type === "cluster" && /^\d+$/.test(unit.code) && coordinates(actor, [Number(unit.code)]);
  const enters =
    isAdmin ||
    ownerOfficer ||
    officerOf(resource.childAgencyIds) ||
    coordinates(actor, [resource.clusterId]) ||
    coordinatesUnit;
  switch (action) {
    case "read":
    case "list":
      // Everyone else sees the approved values of published plans (aggregates per org unit, no firm data).
      return resource.published || enters;
    case "read_unapproved":
    case "enter":
      // Those who enter a plan's values see them in every state; a coordinator also their own clusters' values.
      return enters;
    case "approve": {
      const step = resource.approvalStep;
      if (!(isAdmin || (step === undefined ? ownerOfficer : officerOf(step.agencyIds)))) return false;
      if (actor.kind !== "user") return true;
      // Separation of duties: nobody approves what they entered, nor two levels of one value, admins included;
      // the system is exempt.
      const entered =
        resource.enteredBy !== undefined && resource.enteredBy !== null && resource.enteredBy === actor.id;
      return !entered && !(step?.priorApprovers.includes(actor.id) ?? false);
    }
    case "lock":
      return isAdmin || ownerOfficer;
    default:
      return false;
  }
}

/**
 * Whether list queries may include unpublished clusters and firms: the system, admins and agency officers
 * (who run the programmes). Coordinators and members see unpublished records of their own scope only.
 */
export function seesUnpublished(actor: Actor): boolean {
  return (
    actor.kind === "system" || (actor.kind === "user" && (actor.role === "admin" || actor.role === "agency_officer"))
  );
}

/**
 * The plans a list may show beyond the published ones: every plan for the system and admins; otherwise those of
 * the actor's agency (officers) and clusters (coordinators), matching `can(…, "read", plan)`.
 */
export function planVisibility(
  actor: Actor,
): { all: true } | { all: false; agencyId: number | null; clusterIds: readonly number[] } {
  if (actor.kind === "system" || (actor.kind === "user" && actor.role === "admin")) return { all: true };
  if (actor.kind !== "user") return { all: false, agencyId: null, clusterIds: [] };
  return {
    all: false,
    agencyId: actor.role === "agency_officer" ? actor.agencyId : null,
    clusterIds: actor.role === "cluster_coordinator" ? actor.clusterIds : [],
  };
}

/**
 * The pending memberships a caller is shown (`GET /api/memberships/pending`): every one for the system and admins;
 * an officer those of the clusters their agency coordinates (they approve them), the firm's member its own firm's
 * (it approves them), a coordinator their clusters' (to follow, read-only). Matches `can(…, "approve", membership)`
 * widened by the coordinator's read; experts and the public see none.
 */
export function pendingMembershipScope(
  actor: Actor,
): { all: true } | { all: false; agencyId: number | null; enterpriseId: number | null; clusterIds: readonly number[] } {
  if (actor.kind === "system" || (actor.kind === "user" && actor.role === "admin")) return { all: true };
  if (actor.kind !== "user") return { all: false, agencyId: null, enterpriseId: null, clusterIds: [] };
  return {
    all: false,
    agencyId: actor.role === "agency_officer" ? actor.agencyId : null,
    enterpriseId: actor.role === "member" ? actor.enterpriseId : null,
    clusterIds: actor.role === "cluster_coordinator" ? actor.clusterIds : [],
  };
}

/**
 * The institutions a list may show beyond the published ones: every one for the system and admins; otherwise
 * those of the actor's agency (officers) and those the actor registered, matching `can(…, "read", institution)`.
 */
export function institutionVisibility(
  actor: Actor,
): { all: true } | { all: false; agencyId: number | null; userId: number | null } {
  if (actor.kind === "system" || (actor.kind === "user" && actor.role === "admin")) return { all: true };
  if (actor.kind !== "user") return { all: false, agencyId: null, userId: null };
  return { all: false, agencyId: actor.role === "agency_officer" ? actor.agencyId : null, userId: actor.id };
}

function isAdministrator(actor: Actor): boolean {
  return actor.kind === "system" || (actor.kind === "user" && actor.role === "admin");
}

/**
 * Whether the actor may hand a cluster or a programme to another agency (its coordinating or owning agency):
 * an admin's decision, whoever else may edit the record.
 */
export function canMoveToAnotherAgency(actor: Actor, _record: "cluster" | "programme"): boolean {
  return isAdministrator(actor);
}

/**
 * The clusters a list may show beyond the published ones: every one for those who see unpublished records
 * (`seesUnpublished`), otherwise the clusters the user coordinates (matching `can(…, "read", cluster)`).
 */
export function clusterVisibility(actor: Actor): "all" | readonly number[] {
  if (seesUnpublished(actor)) return "all";
  return actor.kind === "user" ? actor.clusterIds : [];
}

/** Whether the actor may set the provinces an agency serves (which decides who approves their values): admins. */
export function canAssignProvinces(actor: Actor): boolean {
  return isAdministrator(actor);
}

/** Agencies whose unpublished programmes the actor may see in lists and figures: all (admins), their own (officers). */
export function programmeVisibility(actor: Actor): readonly number[] | "all" {
  if (isAdministrator(actor)) return "all";
  if (actor.kind === "user" && actor.role === "agency_officer" && actor.agencyId !== null) return [actor.agencyId];
  return [];
}

/** Whether the actor may create a programme at all: an admin for any agency, an officer for their own. */
export function canCreateProgramme(actor: Actor): boolean {
  if (isAdministrator(actor)) return true;
  if (actor.kind !== "user" || actor.agencyId === null) return false;
  return can(actor, "create", { type: "programme", agencyId: actor.agencyId, published: false, clusterIds: [] });
}

/**
 * Whose submitted values the actor reviews (the approval queue): every plan's for admins and the system
 * (`agencyId` null); for an officer, those of plans owned by their agency or an agency above it, where their
 * agency is in a value's approval chain (see approval-chain.ts); none for anyone else (`null`). Each value is
 * then checked with `can(…, "approve", plan_values)` and its approval step.
 */
export function approvalQueueScope(actor: Actor): { agencyId: number | null } | null {
  if (isAdministrator(actor)) return { agencyId: null };
  const agencyId = actor.kind === "user" && actor.role === "agency_officer" ? actor.agencyId : null;
  return agencyId === null ? null : { agencyId };
}

/**
 * What the actor may see of a plan's values: every status when they may read unapproved ones; otherwise approved
 * values only, plus every status of the clusters they coordinate (org units of type cluster, by code).
 */
export function valueVisibility(
  actor: Actor,
  resource: PlanValuesResource,
): { visibleStatuses: string[] | undefined; alsoVisibleClusterCodes: string[] } {
  if (can(actor, "read_unapproved", resource)) return { visibleStatuses: undefined, alsoVisibleClusterCodes: [] };
  const own = actor.kind === "user" && actor.role === "cluster_coordinator" ? actor.clusterIds.map(String) : [];
  return { visibleStatuses: ["approved"], alsoVisibleClusterCodes: own };
}

/**
 * Whether the actor may start an import of a plan's indicator values: plan-wide entry rights, or a coordinator,
 * whose rows are each checked (`can(…, "enter", …)` with the row's org unit) as the file is read.
 */
export function canImportValues(actor: Actor, resource: PlanValuesResource): boolean {
  return can(actor, "enter", resource) || (actor.kind === "user" && actor.role === "cluster_coordinator");
}

/** The scope of a search: unpublished records (officers, admins), the user's own clusters, and which institutions. */
export function searchVisibility(actor: Actor): {
  unpublishedToo: boolean;
  ownClusters: number[];
  institutions: ReturnType<typeof institutionVisibility>;
} {
  return {
    unpublishedToo: seesUnpublished(actor),
    ownClusters: actor.kind === "user" ? [...actor.clusterIds] : [],
    institutions: institutionVisibility(actor),
  };
}

/** Whether the actor sees who did something (who locked a period): signed-in users, not the public. */
export function seesWhoActed(actor: Actor): boolean {
  return actor.kind !== "public";
}

/**
 * Whether a change to user `userId` would have the acting admin deactivate or demote themselves, which is refused
 * (the system would be left without the admin who made the change).
 */
export function demotesSelf(
  actor: Actor,
  userId: number,
  change: { active?: boolean | undefined; role?: string | undefined },
): boolean {
  return (
    actor.kind === "user" &&
    actor.id === userId &&
    (change.active === false || (change.role !== undefined && change.role !== "admin"))
  );
}

/**
 * The firm whose home a caller has ("my business"): a member's own firm, never another, whatever they ask for;
 * `linked: false` for a member whose account is not yet tied to a firm. Null for everyone else: only members have one.
 */
export function ownBusiness(actor: Actor): { linked: true; enterpriseId: number } | { linked: false } | null {
  if (actor.kind !== "user" || actor.role !== "member") return null;
  return actor.enterpriseId === null ? { linked: false } : { linked: true, enterpriseId: actor.enterpriseId };
}

/**
 * Whether the caller may change a firm's identity (juristic ID, community-enterprise number): the keys imports and
 * registrations match firms by. A member edits their firm's profile and products but not these; an officer does.
 */
export function mayChangeFirmIdentity(actor: Actor): boolean {
  return actor.kind === "system" || (actor.kind === "user" && actor.role !== "member");
}

/** Throws `unauthenticated` for an anonymous caller and `forbidden` for a signed-in one when `can` says no. */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  if (can(actor, action, resource)) return;
  if (actor.kind === "public") throw errors.unauthenticated();
  throw errors.forbidden(forbiddenMessage(action, resource.type), { action, resource: resource.type });
}
