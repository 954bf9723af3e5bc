import type { Actor } from "@sainam/core";
import { audit, clusters, nowIso, programmes, type ClaimView, type DB } from "@sainam/db";
import type { Kysely } from "kysely";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { authorize, can } from "../policies/policy.ts";
import { presentClaim } from "./programme.presenter.ts";
import { actorUserId, requireProgramme } from "./programme.service.ts";
import type { CreateClaimBody } from "@sainam/contract";

async function agencyIdsOf(db: Kysely<DB>, programmeIds: readonly number[]): Promise<number[]> {
  const ids = new Set<number>();
  for (const id of programmeIds) {
    const p = await programmes.findProgramme(db, id);
    if (p) ids.add(p.agency_id);
  }
  return [...ids];
}

async function canVerify(db: Kysely<DB>, actor: Actor, claim: ClaimView): Promise<boolean> {
  if (claim.verification !== "claimed") return false;
  return can(actor, "verify", {
    type: "value_claim",
    agencyIds: await agencyIdsOf(db, claim.programme_ids),
    createdBy: claim.created_by,
  });
}

/** A programme's value claims, firm by firm: for its scope only (the public sees the totals in the figures). */
export async function listClaims(
  ctx: AppContext,
  actor: Actor,
  query: {
    page: number;
    pageSize: number;
    programmeId: number;
    fiscalYear?: number | undefined;
    verification?: string | undefined;
  },
) {
  await requireProgramme(ctx, actor, query.programmeId, "read_records");
  const { db } = ctx.database;
  const { items, total } = await programmes.listClaims(db, { ...query, programmeIds: [query.programmeId] });
  return {
    items: await Promise.all(items.map(async (c) => presentClaim(c, await canVerify(db, actor, c)))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * Records an economic-value claim for one or more programmes. When a standing claim identical in enterprise,
 * fiscal year, method and amount exists (another programme recorded the same value), the programmes are
 * attributed to that claim instead of creating a second one, so cross-programme totals count the value once.
 */
export async function createClaim(ctx: AppContext, actor: Actor, input: CreateClaimBody) {
  const { db } = ctx.database;
  const programmeIds = [...new Set(input.programmeIds)];
  for (const [i, id] of programmeIds.entries()) {
    const p = await programmes.findProgramme(db, id);
    if (!p) throw errors.missing(`programmeIds.${i}`, "programme", id);
    await requireProgramme(ctx, actor, id, "update");
  }
  if ((input.enterpriseId ?? null) === null && (input.clusterId ?? null) === null)
    throw errors.validation("enterpriseId", "a claim is about an enterprise or a cluster", "required", {
      or: "clusterId",
    });
  if (input.enterpriseId && !(await programmes.existingEnterpriseIds(db, [input.enterpriseId])).size)
    throw errors.missing("enterpriseId", "enterprise", input.enterpriseId);
  if (input.clusterId && !(await clusters.findCluster(db, input.clusterId)))
    throw errors.missing("clusterId", "cluster", input.clusterId);
  if (input.activityId && !(await programmes.findActivity(db, input.activityId)))
    throw errors.missing("activityId", "activity", input.activityId);
  if (!input.evidenceUrl && !input.evidenceNote)
    throw errors.validation("evidenceNote", "give evidence: a link or a note", "required", { or: "evidenceUrl" });

  const now = nowIso();
  const result = await db.transaction().execute(async (trx) => {
    const identical = input.enterpriseId
      ? await programmes.findIdenticalClaim(trx, {
          enterprise_id: input.enterpriseId,
          fiscal_year: input.fiscalYear,
          method: input.method,
          amount: input.amount,
        })
      : undefined;
    if (identical) {
      const added = await programmes.linkClaimProgrammes(trx, identical.id, programmeIds);
      await audit.appendAudit(trx, {
        actorUserId: actorUserId(actor),
        action: "value_claim.link",
        entityType: "value_claim",
        entityId: identical.id,
        after: { programmeIds: added },
      });
      return { id: identical.id, outcome: "linked" as const };
    }
    const id = await programmes.insertClaim(trx, {
      enterprise_id: input.enterpriseId ?? null,
      cluster_id: input.clusterId ?? null,
      activity_id: input.activityId ?? null,
      fiscal_year: input.fiscalYear,
      amount: input.amount,
      method: input.method,
      method_note: input.methodNote ?? null,
      evidence_url: input.evidenceUrl ?? null,
      evidence_note: input.evidenceNote ?? null,
      verification: "claimed",
      verified_by: null,
      verified_at: null,
      created_by: actorUserId(actor),
      is_example: 0,
      created_at: now,
      updated_at: now,
    });
    await programmes.linkClaimProgrammes(trx, id, programmeIds);
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "value_claim.create",
      entityType: "value_claim",
      entityId: id,
      after: input,
    });
    return { id, outcome: "created" as const };
  });
  const claim = await programmes.findClaim(db, result.id);
  if (!claim) throw errors.notFound("value claim", result.id);
  const message =
    result.outcome === "linked"
      ? `An identical claim (${claim.id}: same enterprise, fiscal year, method and amount) was already recorded; it is now attributed to programmes ${claim.programme_ids.join(", ")} and counted once in totals.`
      : `Claim ${claim.id} recorded.`;
  return { claim: presentClaim(claim, await canVerify(db, actor, claim)), outcome: result.outcome, message };
}

/** Verifies or rejects a claim: an officer of an attributed programme's agency who did not record it. */
export async function verifyClaim(ctx: AppContext, actor: Actor, id: number, decision: "verified" | "rejected") {
  const { db } = ctx.database;
  const before = await programmes.findClaim(db, id);
  if (!before) throw errors.notFound("value claim", id);
  authorize(actor, "verify", {
    type: "value_claim",
    agencyIds: await agencyIdsOf(db, before.programme_ids),
    createdBy: before.created_by,
  });
  if (before.verification !== "claimed")
    throw errors.conflict(`claim ${id} is already ${before.verification}`, "decision", "already_decided");
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await programmes.setClaimVerification(trx, id, {
      verification: decision,
      verified_by: actorUserId(actor),
      verified_at: now,
      updated_at: now,
    });
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: `value_claim.${decision === "verified" ? "verify" : "reject"}`,
      entityType: "value_claim",
      entityId: id,
      before: { verification: before.verification },
      after: { verification: decision },
    });
  });
  const after = await programmes.findClaim(db, id);
  if (!after) throw errors.notFound("value claim", id);
  return presentClaim(after, false);
}
