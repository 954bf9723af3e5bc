import {
  addWorkingDays,
  bangkokDateOf,
  defaultServiceLevels,
  holidayDates,
  rankCandidates,
  toIsoDate,
  type RoutingCandidate,
  type RoutingReasonFacts,
} from "@sainam/core";
import {
  holidays,
  serviceRequests,
  type DB,
  type PoolExpert,
  type PoolProvider,
  type ServiceRequestRow,
} from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import { recordRequestEvent } from "./request-access.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** The Bangkok calendar date of an instant: the day a service clock counts from. */
export const bangkokToday = (at: string): string => toIsoDate(bangkokDateOf(new Date(at)));

/** Every expert who could serve the request by field and place, ranked, with reasons (full and excluded too). */
export async function candidatesFor(
  db: Executor,
  request: Pick<ServiceRequestRow, "id" | "field" | "province_code">,
): Promise<{ candidates: (RoutingCandidate & { expert: PoolExpert })[]; providers: PoolProvider[] }> {
  const pool = await serviceRequests.routingPool(db, {
    id: request.id,
    field: request.field,
    provinceCode: request.province_code,
  });
  if (!pool.province) return { candidates: [], providers: [] };
  const ranked = rankCandidates(
    { field: request.field, province: pool.province, excludedExpertIds: pool.excludedExpertIds },
    pool.providers,
    pool.experts,
  );
  return { candidates: ranked as (RoutingCandidate & { expert: PoolExpert })[], providers: pool.providers };
}

async function providerTargetsOf(
  db: Executor,
  providerId: number,
): Promise<{ responseDays: number | null; closureDays: number | null }> {
  const p = await db
    .selectFrom("service_providers")
    .select(["response_days", "closure_days"])
    .where("id", "=", providerId)
    .executeTakeFirstOrThrow();
  return { responseDays: p.response_days, closureDays: p.closure_days };
}

/**
 * Offers the request to an expert: closes the offer still open (as `closedAs`), records the new offer with its
 * reason, moves the request to `assigned` and stamps its clocks: the first routing stamps routed_at and the closure
 * due date; every offer stamps the response due date (the expert it now waits on answers within the provider's
 * target, in working days on the Thai calendar).
 */
export async function offerTo(
  trx: Transaction<DB>,
  request: ServiceRequestRow,
  target: { expert: PoolExpert; reason: RoutingReasonFacts; provider: PoolProvider | undefined },
  by: { userId: number | null; at: string; event: "routed" | "reassigned" },
): Promise<void> {
  const providerTargets = target.provider ?? (await providerTargetsOf(trx, target.expert.providerId));
  const today = bangkokToday(by.at);
  const offDays = holidayDates(await holidays.datesFrom(trx, today));
  const responseDays = providerTargets.responseDays ?? defaultServiceLevels.responseDays;
  const closureDays = providerTargets.closureDays ?? defaultServiceLevels.closureDays;
  await serviceRequests.insertAssignment(trx, {
    request_id: request.id,
    provider_id: target.expert.providerId,
    expert_id: target.expert.id,
    assigned_at: by.at,
    assigned_by: by.userId,
    reason_json: JSON.stringify(target.reason),
    response: "pending",
    responded_at: null,
    decline_reason: null,
  });
  const firstRouting = request.routed_at === null;
  await serviceRequests.updateRequest(trx, request.id, {
    status: "assigned",
    provider_id: target.expert.providerId,
    expert_id: target.expert.id,
    response_due_on: addWorkingDays(today, responseDays, offDays),
    ...(firstRouting ? { routed_at: by.at, closure_due_on: addWorkingDays(today, closureDays, offDays) } : {}),
    updated_at: by.at,
  });
  await recordRequestEvent(
    trx,
    request.id,
    by.event,
    by.userId,
    { expertId: target.expert.id, providerId: target.expert.providerId, reason: target.reason },
    by.at,
  );
}

/**
 * Routes the request to the best offerable expert (core routing), or leaves it `unassigned` with an `unrouted`
 * event when nobody with room serves it. Answers the expert chosen, or null.
 */
export async function routeRequest(
  trx: Transaction<DB>,
  request: ServiceRequestRow,
  at: string,
  actorUserId: number | null,
): Promise<PoolExpert | null> {
  const { candidates, providers } = await candidatesFor(trx, request);
  const chosen = candidates.find((c) => c.hasRoom && !c.excluded);
  if (!chosen) {
    // The provider it last went to keeps it (its managers may hand it to someone by hand); no expert holds it.
    await serviceRequests.updateRequest(trx, request.id, {
      status: "unassigned",
      expert_id: null,
      response_due_on: null,
      updated_at: at,
    });
    await recordRequestEvent(trx, request.id, "unrouted", actorUserId, undefined, at);
    return null;
  }
  await offerTo(
    trx,
    request,
    {
      expert: chosen.expert,
      reason: chosen.reason,
      provider: providers.find((p) => p.id === chosen.expert.providerId),
    },
    { userId: null, at, event: "routed" },
  );
  return chosen.expert;
}
