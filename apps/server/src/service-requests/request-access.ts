import type { Actor, RequestEventKind } from "@sainam/core";
import { nowIso, serviceRequests, type DB, type ServiceRequestRow } from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import { errors } from "../errors.ts";
import { authorize, can, type Action, type ServiceRequestResource } from "../policies/policy.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The policy's view of one request, built from the database: the firm's approved cluster memberships, the
 * provider's agency, whether the actor manages the provider, the current expert's user, whether the expert has
 * accepted (status accepted, or closed after acceptance), and the firm's consent to share its contacts.
 */
export async function requestResource(
  db: Executor,
  actor: Actor,
  request: ServiceRequestRow,
): Promise<ServiceRequestResource> {
  const facts = await serviceRequests.accessFacts(db, request, actor.kind === "user" ? actor.id : null);
  return {
    type: "service_request",
    enterpriseId: request.enterprise_id,
    firmClusterIds: facts.firmClusterIds,
    providerAgencyId: facts.providerAgencyId,
    actorManagesProvider: facts.actorManagesProvider,
    expertUserId: facts.expertUserId,
    expertAccepted: request.status === "accepted" || request.status === "closed",
    consent: request.consent_contacts === 1,
    actorFiledIt: actor.kind === "user" && request.filed_by === actor.id,
  };
}

/**
 * One request as `actor` may act on it with `action`: 404 when it does not exist or the actor may not even read
 * it (so ids cannot be probed), 401/403 per the policy when they may read it but not do this.
 */
export async function loadRequestFor(
  db: Executor,
  actor: Actor,
  id: number,
  action: Action,
): Promise<{ request: ServiceRequestRow; resource: ServiceRequestResource }> {
  const request = await serviceRequests.findRequest(db, id);
  if (!request) throw errors.notFound("service request", id);
  const resource = await requestResource(db, actor, request);
  if (!can(actor, "read", resource)) {
    if (actor.kind === "public") throw errors.unauthenticated();
    throw errors.notFound("service request", id);
  }
  authorize(actor, action, resource);
  return { request, resource };
}

/**
 * A step of the request's timeline (notifications are made from these). `data`: what the step needs to be told
 * (a decline's reason, the expert it went to), never the firm's contacts. `at`: when it happened (now by default;
 * scheduled work passes its own clock).
 */
export async function recordRequestEvent(
  db: Executor,
  requestId: number,
  kind: RequestEventKind,
  actorUserId: number | null,
  data?: Record<string, unknown>,
  at: string = nowIso(),
): Promise<number> {
  return serviceRequests.insertEvent(db, {
    request_id: requestId,
    kind,
    actor_user_id: actorUserId,
    at,
    data_json: data === undefined ? null : JSON.stringify(data),
  });
}
