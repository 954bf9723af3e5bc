import { sql, type Kysely, type Transaction } from "kysely";
import type { DB, IndicatorRow, IndicatorValueRow, PlanRow } from "./schema.ts";
import { listIndicatorsInPlanOrder } from "./plan.repository.ts";
import { descendantsOf } from "./value-approval.repository.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** An indicator with the plan it belongs to (through its node): what value entry and access need. */
export type IndicatorInPlan = { indicator: IndicatorRow; plan: PlanRow };

export async function findIndicatorInPlan(db: Executor, indicatorId: number): Promise<IndicatorInPlan | undefined> {
  const indicator = await db.selectFrom("indicators").selectAll().where("id", "=", indicatorId).executeTakeFirst();
  if (!indicator) return undefined;
  const plan = await db
    .selectFrom("plans")
    .innerJoin("plan_nodes", "plan_nodes.plan_id", "plans.id")
    .selectAll("plans")
    .where("plan_nodes.id", "=", indicator.plan_node_id)
    .executeTakeFirst();
  return plan ? { indicator, plan } : undefined;
}

/** Every indicator of a plan, in plan order (depth-first through the tree; see `plans.inPlanOrder`). */
export async function listPlanIndicators(db: Executor, planId: number): Promise<IndicatorRow[]> {
  return listIndicatorsInPlanOrder(db, planId);
}

/** Plans owned by any of these agencies (every plan when `agencyIds` is null): those whose values they review. */
export async function plansOwnedBy(db: Executor, agencyIds: readonly number[] | null): Promise<PlanRow[]> {
  let q = db.selectFrom("plans").selectAll();
  if (agencyIds !== null) q = q.where("owner_agency_id", "in", agencyIds.length ? [...agencyIds] : [-1]);
  return q.orderBy("id").execute();
}

/** Agencies below the given agency in the tree: its children, their children (a ministry's provincial offices), … */
export async function childAgencyIds(db: Executor, agencyId: number): Promise<number[]> {
  return descendantsOf(await db.selectFrom("agencies").select(["id", "parent_id"]).execute(), agencyId);
}

export type ValueFilter = {
  indicatorIds: readonly number[];
  periodKey?: string | undefined;
  orgUnitType?: string | undefined;
  orgUnitCode?: string | undefined;
  disaggregation?: string | undefined;
  status?: string | undefined;
  /** Statuses the caller may see; undefined: all. */
  visibleStatuses?: readonly string[] | undefined;
  /** Org units (type "cluster") whose values are visible in every status although `visibleStatuses` limits the rest. */
  alsoVisibleClusterCodes?: readonly string[] | undefined;
  page: number;
  pageSize: number;
};

/** The rank of a value's indicator in `ids` (literal integers, so both engines sort numerically). */
function indicatorRank(ids: readonly number[]) {
  // Never a bare constant: ORDER BY 0 names a column position.
  if (ids.length <= 1) return sql<number>`indicator_id`;
  const whens = ids.map((id, rank) => sql`when ${sql.lit(Math.trunc(id))} then ${sql.lit(rank)}`);
  return sql<number>`case indicator_id ${sql.join(whens, sql` `)} else ${sql.lit(ids.length)} end`;
}

function filtered(db: Executor, f: Omit<ValueFilter, "page" | "pageSize">) {
  let q = db
    .selectFrom("indicator_values")
    .where("indicator_id", "in", f.indicatorIds.length ? [...f.indicatorIds] : [-1]);
  if (f.periodKey !== undefined) q = q.where("period_key", "=", f.periodKey);
  if (f.orgUnitType !== undefined) q = q.where("org_unit_type", "=", f.orgUnitType);
  if (f.orgUnitCode !== undefined) q = q.where("org_unit_code", "=", f.orgUnitCode);
  if (f.disaggregation !== undefined) q = q.where("disaggregation", "=", f.disaggregation);
  if (f.status !== undefined) q = q.where("status", "=", f.status);
  const visible = f.visibleStatuses;
  if (visible !== undefined) {
    const also = f.alsoVisibleClusterCodes ?? [];
    q = q.where((eb) =>
      also.length
        ? eb.or([
            eb("status", "in", [...visible]),
            eb.and([eb("org_unit_type", "=", "cluster"), eb("org_unit_code", "in", [...also])]),
          ])
        : eb("status", "in", [...visible]),
    );
  }
  return q;
}

/**
 * A page of values, ordered by indicator (in the order of `indicatorIds`: callers pass a plan's indicators in
 * plan order), period, org unit and breakdown; with the total count.
 */
export async function listValues(db: Executor, f: ValueFilter): Promise<{ items: IndicatorValueRow[]; total: number }> {
  const { total } = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const items = await filtered(db, f)
    .selectAll()
    .orderBy(indicatorRank(f.indicatorIds))
    .orderBy("period_key")
    .orderBy("org_unit_type")
    .orderBy("org_unit_code")
    .orderBy("disaggregation")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total: Number(total) };
}

export type ValueKey = { orgUnitType: string; orgUnitCode: string; periodKey: string; disaggregation: string };

export function valueKeyText(k: ValueKey): string {
  return `${k.orgUnitType}|${k.orgUnitCode}|${k.periodKey}|${k.disaggregation}`;
}

/** The values of one indicator stored under the given keys, by key text. */
export async function findValuesByKeys(
  db: Executor,
  indicatorId: number,
  keys: readonly ValueKey[],
): Promise<Map<string, IndicatorValueRow>> {
  const found = new Map<string, IndicatorValueRow>();
  const periods = [...new Set(keys.map((k) => k.periodKey))];
  if (periods.length === 0) return found;
  const wanted = new Set(keys.map(valueKeyText));
  // Read the indicator's values of those periods and keep the wanted keys: one query, whatever the batch size.
  const rows = await db
    .selectFrom("indicator_values")
    .selectAll()
    .where("indicator_id", "=", indicatorId)
    .where("period_key", "in", periods)
    .execute();
  for (const row of rows) {
    const key = valueKeyText({
      orgUnitType: row.org_unit_type,
      orgUnitCode: row.org_unit_code,
      periodKey: row.period_key,
      disaggregation: row.disaggregation,
    });
    if (wanted.has(key)) found.set(key, row);
  }
  return found;
}

export type ValueFields = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  weight: number | null;
  source: string | null;
  note: string | null;
  evidence_url: string | null;
};

export async function insertValue(
  db: Transaction<DB>,
  row: ValueFields & {
    indicator_id: number;
    org_unit_type: string;
    org_unit_code: string;
    period_key: string;
    disaggregation: string;
    status: string;
    entered_by: number | null;
    is_example: number;
    now: string;
  },
): Promise<IndicatorValueRow> {
  const { now, ...values } = row;
  return db
    .insertInto("indicator_values")
    .values({
      ...values,
      review_note: null,
      submitted_at: null,
      approved_by: null,
      approved_at: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Rewrites a value's figures; the workflow goes back to draft (an approved value edited needs approval again).
 * `isExample` is what the writer is: a person's figures are never labelled an example.
 */
export async function updateValueFields(
  db: Transaction<DB>,
  id: number,
  fields: ValueFields,
  enteredBy: number | null,
  now: string,
  isExample: 0 | 1,
): Promise<IndicatorValueRow> {
  return db
    .updateTable("indicator_values")
    .set({
      ...fields,
      is_example: isExample,
      status: "draft",
      entered_by: enteredBy,
      submitted_at: null,
      approved_by: null,
      approved_at: null,
      approval_level: 0,
      review_note: null,
      updated_at: now,
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findValuesByIds(db: Executor, ids: readonly number[]): Promise<IndicatorValueRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("indicator_values")
    .selectAll()
    .where("id", "in", [...ids])
    .orderBy("id")
    .execute();
}

export type StatusPatch = {
  status: string;
  review_note?: string | null;
  submitted_at?: string | null;
  approved_by?: number | null;
  approved_at?: string | null;
  /** Levels of the current submission approved (0 on submit, reject, reopen). */
  approval_level?: number;
};

export async function setStatus(
  db: Transaction<DB>,
  ids: readonly number[],
  patch: StatusPatch,
  now: string,
): Promise<IndicatorValueRow[]> {
  if (ids.length === 0) return [];
  await db
    .updateTable("indicator_values")
    .set({ ...patch, updated_at: now })
    .where("id", "in", [...ids])
    .execute();
  return findValuesByIds(db, ids);
}

/** The codes of one org-unit type, among those given, that exist (nation "TH", regions, provinces, …). */
export async function existingOrgUnitCodes(db: Executor, type: string, codes: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Set();
  const numeric = unique.filter((c) => /^\d{1,9}$/.test(c)).map(Number);
  switch (type) {
    case "nation":
      return new Set(unique.filter((c) => c === "TH"));
    case "region":
      return new Set(
        (await db.selectFrom("regions").select("code").where("code", "in", unique).execute()).map((r) => r.code),
      );
    case "province":
      return new Set(
        (await db.selectFrom("provinces").select("code").where("code", "in", unique).execute()).map((r) => r.code),
      );
    case "provincial_cluster":
      return numeric.length
        ? new Set(
            (await db.selectFrom("provincial_clusters").select("id").where("id", "in", numeric).execute()).map((r) =>
              String(r.id),
            ),
          )
        : new Set();
    case "cluster":
      return numeric.length
        ? new Set(
            (await db.selectFrom("clusters").select("id").where("id", "in", numeric).execute()).map((r) =>
              String(r.id),
            ),
          )
        : new Set();
    case "programme":
      return numeric.length
        ? new Set(
            (await db.selectFrom("programmes").select("id").where("id", "in", numeric).execute()).map((r) =>
              String(r.id),
            ),
          )
        : new Set();
    default:
      return new Set();
  }
}

/** Names of clusters or programmes used as org units, by their code (the id as text); unknown ids are left out. */
export async function namedUnits(
  db: Executor,
  type: "cluster" | "programme",
  codes: readonly string[],
): Promise<Map<string, { nameEn: string | null; nameTh: string | null }>> {
  const ids = [...new Set(codes.filter((c) => /^\d{1,9}$/.test(c)).map(Number))];
  if (ids.length === 0) return new Map();
  const rows =
    type === "cluster"
      ? await db.selectFrom("clusters").select(["id", "code", "name_en", "name_th"]).where("id", "in", ids).execute()
      : await db.selectFrom("programmes").select(["id", "code", "name_en", "name_th"]).where("id", "in", ids).execute();
  // A unit named in one language keeps that name (clients fall back to it); one named in neither shows its code.
  return new Map(
    rows.map((r) => [String(r.id), { nameEn: r.name_en ?? (r.name_th === null ? r.code : null), nameTh: r.name_th }]),
  );
}
