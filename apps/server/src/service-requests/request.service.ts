import type { CreateServiceRequestBody, RequestCandidate, ServiceRequestListQuery } from "@sainam/contract";
import { canMoveTo, fiscalYearOf, requestCode, toBuddhistYear, type Actor, type RequestStatus } from "@sainam/core";
import { audit, nowIso, programmes, serviceRequests, type DB, type ServiceRequestRow } from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { requireVisibleEnterprise } from "../enterprises/enterprise.service.ts";
import { errors } from "../errors.ts";
import { authorize, type ServiceRequestResource } from "../policies/policy.ts";
import { loadRequestFor, recordRequestEvent } from "./request-access.ts";
import { mayWithdraw, namesFor, presentDetail, presentListItem } from "./request.presenter.ts";
import { bangkokToday, candidatesFor, offerTo, routeRequest } from "./request-routing.ts";

type Executor = Kysely<DB> | Transaction<DB>;

const actorId = (actor: Actor) => (actor.kind === "user" ? actor.id : null);

/** One request with its timeline, offers and attachments, as the caller may see it (404 if they may not). */
export async function getServiceRequest(ctx: AppContext, actor: Actor, id: number) {
  const { db } = ctx.database;
  const { request, resource } = await loadRequestFor(db, actor, id, "read");
  return presentDetail(db, actor, request, resource);
}

/** A state move the rules allow, else 409 naming the status. */
function checkMove(from: string, to: RequestStatus): void {
  if (!canMoveTo(from as RequestStatus, to))
    throw errors.conflict(`A request that is ${from} cannot become ${to}.`, "status", "wrong_status", { from, to });
}

/**
 * A request's audit entry: what changed in the request's life, never the firm's words or contacts (the need text
 * may name people; its length is kept).
 */
async function auditRequest(
  trx: Executor,
  actor: Actor,
  action: string,
  id: number,
  after: Record<string, unknown>,
): Promise<void> {
  await audit.appendAudit(trx, {
    actorUserId: actorId(actor),
    action: `service_request.${action}`,
    entityType: "service_request",
    entityId: id,
    after,
  });
}

async function reload(trx: Executor, id: number): Promise<ServiceRequestRow> {
  const row = await serviceRequests.findRequest(trx, id);
  if (!row) throw errors.notFound("service request", id);
  return row;
}

/** Who files: the firm itself, a centre for a walk-in, a coordinator, or an officer (admins count as officers). */
function channelOf(actor: Actor, enterpriseId: number, walkIn: boolean) {
  if (walkIn) return "walk_in" as const;
  if (actor.kind === "user" && actor.role === "member" && actor.enterpriseId === enterpriseId) return "member" as const;
  if (actor.kind === "user" && actor.role === "cluster_coordinator") return "coordinator" as const;
  return "officer" as const;
}

/**
 * Files a request for a firm and routes it in the same transaction: a member for their own firm, an officer for
 * any, a coordinator for their clusters' member firms, a provider's manager for a walk-in at their centre. The code
 * `SR<B.E. fiscal year>-<seq>` comes from the year's counter (migration 0019), safe when two file at once.
 */
export async function fileServiceRequest(ctx: AppContext, actor: Actor, input: CreateServiceRequestBody) {
  const { db } = ctx.database;
  if (actor.kind === "public") throw errors.unauthenticated();
  const firm = await requireVisibleEnterprise(db, actor, "enterpriseId", input.enterpriseId);
  const userId = actorId(actor);
  const walkIn = input.walkInProviderId !== undefined;
  if (walkIn && (userId === null || !(await serviceRequests.managesProvider(db, userId, input.walkInProviderId!))))
    throw errors.validation(
      "walkInProviderId",
      "only a manager of this provider records its walk-ins",
      "not_applicable",
    );
  const facts = await serviceRequests.accessFacts(
    db,
    { enterprise_id: firm.id, provider_id: null, expert_id: null },
    userId,
  );
  const resource: ServiceRequestResource = {
    type: "service_request",
    enterpriseId: firm.id,
    firmClusterIds: facts.firmClusterIds,
    providerAgencyId: null,
    actorManagesProvider: walkIn,
    expertUserId: null,
    expertAccepted: false,
    consent: input.consent,
  };
  authorize(actor, "create", resource);
  const provinceCode = input.provinceCode ?? firm.province_code;
  if (provinceCode === null || provinceCode === undefined)
    throw errors.required("provinceCode", "is required: the enterprise has no province");
  if (!(await serviceRequests.provinceWithRegion(db, provinceCode)))
    throw errors.missing("provinceCode", "province", provinceCode);
  if (
    input.programmeId !== undefined &&
    input.programmeId !== null &&
    !(await programmes.findProgramme(db, input.programmeId))
  )
    throw errors.missing("programmeId", "programme", input.programmeId);

  const now = nowIso();
  const filedVia = channelOf(actor, firm.id, walkIn);
  const id = await db.transaction().execute(async (trx) => {
    const sequence = await serviceRequests.nextSequence(trx, toBuddhistYear(fiscalYearOf(new Date(now))));
    const newId = await serviceRequests.insertRequest(trx, {
      code: requestCode(toBuddhistYear(fiscalYearOf(new Date(now))), sequence),
      enterprise_id: firm.id,
      field: input.field,
      need_text: input.needText,
      province_code: provinceCode,
      mode: input.mode,
      consent_contacts: input.consent ? 1 : 0,
      consent_at: input.consent ? now : null,
      filed_via: filedVia,
      filed_by: userId,
      filed_at: now,
      status: "unassigned",
      programme_id: input.programmeId ?? null,
      created_at: now,
      updated_at: now,
    });
    await recordRequestEvent(trx, newId, "filed", userId, { via: filedVia }, now);
    const expert = await routeRequest(trx, await reload(trx, newId), now, null);
    const stored = await reload(trx, newId);
    await auditRequest(trx, actor, "create", newId, {
      code: stored.code,
      enterpriseId: firm.id,
      field: input.field,
      provinceCode,
      mode: input.mode,
      consent: input.consent,
      filedVia,
      programmeId: input.programmeId ?? null,
      needTextLength: input.needText.length,
      status: stored.status,
      expertId: expert?.id ?? null,
      ...(walkIn ? { walkInProviderId: input.walkInProviderId } : {}),
    });
    return newId;
  });
  return getServiceRequest(ctx, actor, id);
}

/** The expert accepts the request offered to them: first_response_at is stamped on their first answer. */
export async function acceptServiceRequest(ctx: AppContext, actor: Actor, id: number) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const { request } = await loadRequestFor(trx, actor, id, "respond");
    checkMove(request.status, "accepted");
    const offer = await serviceRequests.currentAssignment(trx, id);
    const now = nowIso();
    if (offer && offer.response === "pending")
      await serviceRequests.closeAssignment(trx, offer.id, { response: "accepted", responded_at: now });
    await serviceRequests.updateRequest(trx, id, {
      status: "accepted",
      accepted_at: now,
      first_response_at: request.first_response_at ?? now,
      updated_at: now,
    });
    await recordRequestEvent(trx, id, "accepted", actorId(actor), { expertId: request.expert_id }, now);
    await auditRequest(trx, actor, "accept", id, { status: "accepted", expertId: request.expert_id });
  });
  return getServiceRequest(ctx, actor, id);
}

/** The expert declines with a reason; the request moves on to the next candidate (never back to them). */
export async function declineServiceRequest(ctx: AppContext, actor: Actor, id: number, reason: string) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const { request } = await loadRequestFor(trx, actor, id, "respond");
    // Only an offer awaiting an answer can be declined: an accepted case is handed back by a manager.
    checkMove(request.status, "unassigned");
    const offer = await serviceRequests.currentAssignment(trx, id);
    const now = nowIso();
    if (offer)
      await serviceRequests.closeAssignment(trx, offer.id, {
        response: "declined",
        responded_at: now,
        decline_reason: reason,
      });
    await serviceRequests.updateRequest(trx, id, {
      first_response_at: request.first_response_at ?? now,
      updated_at: now,
    });
    await recordRequestEvent(trx, id, "declined", actorId(actor), { expertId: request.expert_id, reason }, now);
    const next = await routeRequest(trx, await reload(trx, id), now, null);
    await auditRequest(trx, actor, "decline", id, {
      expertId: request.expert_id,
      reason,
      routedTo: next?.id ?? null,
    });
  });
  // The expert who declined no longer reads it: answer what they may still see, or nothing.
  const after = await reload(ctx.database.db, id);
  return { id, status: after.status as RequestStatus };
}

/**
 * Offers that waited past their response due date expire and the requests move on: a plain function of the clock,
 * for the job runner to call periodically. Answers how many expired.
 */
export async function expireUnansweredAssignments(db: Kysely<DB>, now: Date): Promise<number> {
  const at = now.toISOString();
  const today = bangkokToday(at);
  let expired = 0;
  for (const overdue of await serviceRequests.overdueOffers(db, today)) {
    const done = await db.transaction().execute(async (trx) => {
      // Read again inside the transaction: the expert may have answered since the list was taken.
      const request = await reload(trx, overdue.id);
      if (request.status !== "assigned" || request.response_due_on === null || request.response_due_on >= today)
        return false;
      const offer = await serviceRequests.currentAssignment(trx, request.id);
      if (offer) await serviceRequests.closeAssignment(trx, offer.id, { response: "expired", responded_at: at });
      await recordRequestEvent(
        trx,
        request.id,
        "expired",
        null,
        { expertId: request.expert_id, dueOn: request.response_due_on },
        at,
      );
      const next = await routeRequest(trx, request, at, null);
      await audit.appendAudit(trx, {
        actorUserId: null,
        action: "service_request.expire",
        entityType: "service_request",
        entityId: request.id,
        after: { expertId: request.expert_id, dueOn: request.response_due_on, routedTo: next?.id ?? null },
      });
      return true;
    });
    if (done) expired += 1;
  }
  return expired;
}

/** The experts who could take the request, ranked with reasons, for a manager choosing by hand. */
export async function listCandidates(ctx: AppContext, actor: Actor, id: number): Promise<RequestCandidate[]> {
  const { db } = ctx.database;
  const { request } = await loadRequestFor(db, actor, id, "assign");
  const { candidates } = await candidatesFor(db, request);
  const names = await namesFor(
    db,
    candidates.map((c) => ({ ...request, provider_id: c.expert.providerId })),
  );
  return candidates.map((c) => ({
    expertId: c.expert.id,
    displayName: c.expert.displayName,
    provider: names.provider.get(c.expert.providerId) ?? { id: c.expert.providerId, nameTh: null, nameEn: null },
    reason: { ...c.reason, field: c.reason.field as RequestCandidate["reason"]["field"] },
    hasRoom: c.hasRoom,
    available: c.expert.available,
  }));
}

/**
 * A provider's manager, its agency's officers or an admin hands the request to a chosen expert (one who serves the
 * field in the province and is available; capacity is theirs to judge). The open offer ends as `reassigned`.
 */
export async function reassignServiceRequest(ctx: AppContext, actor: Actor, id: number, expertId: number) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const { request } = await loadRequestFor(trx, actor, id, "assign");
    checkMove(request.status, "assigned");
    const { candidates, providers } = await candidatesFor(trx, request);
    const chosen = candidates.find((c) => c.expert.id === expertId);
    if (!chosen) throw errors.validation("expertId", "does not serve this field in this province", "invalid_choice");
    if (!chosen.expert.available) throw errors.validation("expertId", "is not available", "not_applicable");
    if (request.expert_id === expertId)
      throw errors.conflict("The request is already with this expert.", "expertId", "conflict");
    const now = nowIso();
    const offer = await serviceRequests.currentAssignment(trx, id);
    if (offer) await serviceRequests.closeAssignment(trx, offer.id, { response: "reassigned", responded_at: now });
    await offerTo(
      trx,
      request,
      {
        expert: chosen.expert,
        reason: { ...chosen.reason, manual: true },
        provider: providers.find((p) => p.id === chosen.expert.providerId),
      },
      { userId: actorId(actor), at: now, event: "reassigned" },
    );
    await auditRequest(trx, actor, "reassign", id, { fromExpertId: request.expert_id, toExpertId: expertId });
  });
  return getServiceRequest(ctx, actor, id);
}

/** The firm (or whoever filed for it, or an admin) withdraws the request before it is closed. */
export async function withdrawServiceRequest(ctx: AppContext, actor: Actor, id: number, reason: string | undefined) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const { request } = await loadRequestFor(trx, actor, id, "read");
    if (!mayWithdraw(actor, request))
      throw errors.forbidden("Only the firm, whoever filed the request for it, or an admin may withdraw it.", {
        action: "update",
        resource: "service_request",
      });
    checkMove(request.status, "withdrawn");
    const now = nowIso();
    // The offer stays as it stood (it was with that expert when the firm withdrew); a withdrawn request counts
    // against nobody's capacity and is never expired or routed again.
    await serviceRequests.updateRequest(trx, id, { status: "withdrawn", updated_at: now });
    await recordRequestEvent(trx, id, "withdrawn", actorId(actor), reason ? { reason } : undefined, now);
    await auditRequest(trx, actor, "withdraw", id, { from: request.status, reasonGiven: reason !== undefined });
  });
  return getServiceRequest(ctx, actor, id);
}

/**
 * Requests the caller may see, newest first: a firm its own; an expert those with them now; a provider's managers
 * the provider's; officers their agency's providers'; coordinators their clusters' firms'; admins all.
 */
export async function listServiceRequests(ctx: AppContext, actor: Actor, query: ServiceRequestListQuery) {
  const { db } = ctx.database;
  authorize(actor, "list", {
    type: "service_request",
    enterpriseId: 0,
    firmClusterIds: [],
    providerAgencyId: null,
    actorManagesProvider: false,
    expertUserId: null,
    expertAccepted: false,
    consent: false,
  });
  const admin = actor.kind === "system" || (actor.kind === "user" && actor.role === "admin");
  let base = db.selectFrom("service_requests");
  if (!admin && actor.kind === "user") {
    // The caller's ways in, as a union of request ids: each arm reads its own index (an OR of them would scan every
    // request), which bench/services.ts measured at 150 ms → 7 ms for an expert's first page of 100,000 requests.
    const user = actor;
    const arm = () => db.selectFrom("service_requests as s").select("s.id");
    let ids = arm()
      .where(
        "s.provider_id",
        "in",
        db.selectFrom("provider_managers").select("provider_id").where("provider_managers.user_id", "=", user.id),
      )
      .union(arm().where("s.filed_by", "=", user.id));
    if (user.role === "member" && user.enterpriseId !== null)
      ids = ids.union(arm().where("s.enterprise_id", "=", user.enterpriseId));
    if (user.role === "expert")
      ids = ids.union(
        arm().where(
          "s.expert_id",
          "in",
          db.selectFrom("experts").select("experts.id").where("experts.user_id", "=", user.id),
        ),
      );
    if (user.role === "agency_officer" && user.agencyId !== null)
      ids = ids.union(
        arm().where(
          "s.provider_id",
          "in",
          db
            .selectFrom("service_providers")
            .select("service_providers.id")
            .where("service_providers.agency_id", "=", user.agencyId),
        ),
      );
    if (user.role === "cluster_coordinator" && user.clusterIds.length > 0)
      ids = ids.union(
        arm().where(
          "s.enterprise_id",
          "in",
          db
            .selectFrom("memberships")
            .select("memberships.enterprise_id")
            .where("memberships.cluster_id", "in", user.clusterIds)
            .where("memberships.left_on", "is", null)
            .where("memberships.approved_at", "is not", null),
        ),
      );
    base = base.where("service_requests.id", "in", ids);
  }
  if (query.status) base = base.where("service_requests.status", "=", query.status);
  if (query.field) base = base.where("service_requests.field", "=", query.field);
  if (query.province) base = base.where("service_requests.province_code", "=", query.province);
  if (query.provider !== undefined) base = base.where("service_requests.provider_id", "=", query.provider);
  const [rows, count] = await Promise.all([
    base
      .selectAll("service_requests")
      .orderBy("service_requests.filed_at", "desc")
      .orderBy("service_requests.id", "desc")
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const names = await namesFor(db, rows);
  return {
    items: rows.map((r) => presentListItem(r, names)),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}
