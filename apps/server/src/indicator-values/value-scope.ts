import { indicatorValues, periodLocks, type DB, type PlanRow } from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import { errors } from "../errors.ts";
import type { PlanValuesResource } from "../policies/policy.ts";
import { coveringLockKeys } from "./value-rules.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** The access resource of a plan's values: its owner, the owner's child agencies, its cluster, published. */
export async function planValuesResource(db: Executor, plan: PlanRow): Promise<PlanValuesResource> {
  return {
    type: "plan_values",
    ownerAgencyId: plan.owner_agency_id,
    childAgencyIds: await indicatorValues.childAgencyIds(db, plan.owner_agency_id),
    clusterId: plan.cluster_id,
    published: plan.published === 1,
  };
}

/**
 * Checks the org unit a value list is filtered by: a code needs its type, and the unit must exist (400 naming
 * `orgUnitCode`, "no province with code 99"), so a mistyped filter is not answered with an empty list.
 */
export async function assertKnownUnitFilter(
  db: Executor,
  query: { orgUnitType?: string | undefined; orgUnitCode?: string | undefined },
): Promise<void> {
  const { orgUnitType, orgUnitCode } = query;
  if (orgUnitCode === undefined || orgUnitCode === "") return;
  if (orgUnitType === undefined) throw errors.validation("orgUnitType", "is required with orgUnitCode", "required");
  const found = await indicatorValues.existingOrgUnitCodes(db, orgUnitType, [orgUnitCode]);
  if (!found.has(orgUnitCode))
    throw errors.validation(
      "orgUnitCode",
      `no ${orgUnitType.replaceAll("_", " ")} with code ${orgUnitCode}`,
      "not_found",
      { id: orgUnitCode },
    );
}

/** Throws `period_locked` naming the first locked period among these, for the plan. */
export async function assertUnlocked(db: Executor, planId: number, periodKeys: Iterable<string>): Promise<void> {
  const keys = new Set<string>();
  for (const key of periodKeys) for (const lockKey of coveringLockKeys(key)) keys.add(lockKey);
  const locks = await periodLocks.findLocks(db, planId, [...keys]);
  const first = locks.sort((a, b) => a.period_key.localeCompare(b.period_key))[0];
  if (first) throw errors.periodLocked(first.period_key);
}
