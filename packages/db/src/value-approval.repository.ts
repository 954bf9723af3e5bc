import type { Kysely, Transaction } from "kysely";
import type { DB, IndicatorValueApprovalRow } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** An agency as the approval chain needs it: its place in the tree and its names. */
export type AgencyNode = {
  id: number;
  parent_id: number | null;
  code: string;
  name_en: string | null;
  name_th: string | null;
};

/** Every agency with its parent (a small table: the tree is walked in memory). */
export async function agencyTree(db: Executor): Promise<AgencyNode[]> {
  return db.selectFrom("agencies").select(["id", "parent_id", "code", "name_en", "name_th"]).orderBy("id").execute();
}

/** The agencies serving each of these provinces (agency_provinces), by province code. */
export async function agenciesServing(db: Executor, provinceCodes: readonly string[]): Promise<Map<string, number[]>> {
  const unique = [...new Set(provinceCodes)];
  const out = new Map<string, number[]>();
  if (unique.length === 0) return out;
  const rows = await db
    .selectFrom("agency_provinces")
    .select(["agency_id", "province_code"])
    .where("province_code", "in", unique)
    .orderBy("agency_id")
    .execute();
  for (const r of rows) out.set(r.province_code, [...(out.get(r.province_code) ?? []), r.agency_id]);
  return out;
}

/** The provinces an agency serves, by code. */
export async function provincesOf(db: Executor, agencyId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("agency_provinces")
    .select("province_code")
    .where("agency_id", "=", agencyId)
    .orderBy("province_code")
    .execute();
  return rows.map((r) => r.province_code);
}

/** The provinces every agency serves, by agency id. */
export async function provincesByAgency(db: Executor): Promise<Map<number, string[]>> {
  const rows = await db
    .selectFrom("agency_provinces")
    .select(["agency_id", "province_code"])
    .orderBy("agency_id")
    .orderBy("province_code")
    .execute();
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.agency_id, [...(out.get(r.agency_id) ?? []), r.province_code]);
  return out;
}

/** Replaces the provinces an agency serves. */
export async function setProvincesOf(db: Transaction<DB>, agencyId: number, provinceCodes: readonly string[]) {
  await db.deleteFrom("agency_provinces").where("agency_id", "=", agencyId).execute();
  const unique = [...new Set(provinceCodes)];
  if (unique.length)
    await db
      .insertInto("agency_provinces")
      .values(unique.map((code) => ({ agency_id: agencyId, province_code: code })))
      .execute();
}

/**
 * The display names of the active officers of these agencies, by agency: who to ask when a value waits on them.
 * Names only: no e-mails or other personal data.
 */
export async function officerNames(db: Executor, agencyIds: readonly number[]): Promise<Map<number, string[]>> {
  const unique = [...new Set(agencyIds)];
  const out = new Map<number, string[]>();
  if (unique.length === 0) return out;
  const rows = await db
    .selectFrom("users")
    .select(["agency_id", "display_name"])
    .where("role", "=", "agency_officer")
    .where("active", "=", 1)
    .where("agency_id", "in", unique)
    .orderBy("display_name")
    .execute();
  for (const r of rows)
    if (r.agency_id !== null) out.set(r.agency_id, [...(out.get(r.agency_id) ?? []), r.display_name]);
  return out;
}

/**
 * The approvals of each value's current submission: its newest `approval_level` steps (older ones belong to
 * earlier submissions and stay as history), oldest first.
 */
export async function currentApprovals(
  db: Executor,
  values: ReadonlyArray<{ id: number; approval_level: number }>,
): Promise<Map<number, IndicatorValueApprovalRow[]>> {
  const out = new Map<number, IndicatorValueApprovalRow[]>();
  const pending = values.filter((v) => v.approval_level > 0);
  if (pending.length === 0) return out;
  const rows = await db
    .selectFrom("indicator_value_approvals")
    .selectAll()
    .where(
      "value_id",
      "in",
      pending.map((v) => v.id),
    )
    .orderBy("id", "desc")
    .execute();
  const wanted = new Map(pending.map((v) => [v.id, v.approval_level]));
  for (const r of rows) {
    const list = out.get(r.value_id) ?? [];
    if (list.length < (wanted.get(r.value_id) ?? 0)) out.set(r.value_id, [...list, r]);
  }
  for (const [id, list] of out) out.set(id, list.reverse());
  return out;
}

export async function appendApproval(
  db: Transaction<DB>,
  row: { value_id: number; level: number; agency_id: number | null; approved_by: number | null; approved_at: string },
): Promise<void> {
  await db.insertInto("indicator_value_approvals").values(row).execute();
}

/** Agencies below an agency in the tree (children, their children, …), not the agency itself. */
export function descendantsOf(tree: ReadonlyArray<Pick<AgencyNode, "id" | "parent_id">>, agencyId: number): number[] {
  const out: number[] = [];
  let frontier = [agencyId];
  const seen = new Set(frontier);
  while (frontier.length) {
    const next = tree.filter((a) => a.parent_id !== null && frontier.includes(a.parent_id) && !seen.has(a.id));
    for (const a of next) seen.add(a.id);
    out.push(...next.map((a) => a.id));
    frontier = next.map((a) => a.id);
  }
  return out;
}
