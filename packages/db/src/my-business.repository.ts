import type { Kysely, Transaction } from "kysely";
import type { DB } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** One firm's ties, read for its member's home: what the policy needs to decide links, and what the page shows. */

export type FirmCluster = {
  cluster_id: number;
  code: string;
  name_th: string | null;
  name_en: string | null;
  published: number;
  coordinating_agency_id: number | null;
  stage: string;
  joined_on: string | null;
  left_on: string | null;
  approved_at: string | null;
};

/** The firm's memberships (current and past, approved or pending) with their clusters, current ones first. */
export async function clustersOfEnterprise(db: Executor, enterpriseId: number): Promise<FirmCluster[]> {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("clusters as c", "c.id", "m.cluster_id")
    .select([
      "m.cluster_id",
      "c.code",
      "c.name_th",
      "c.name_en",
      "c.published",
      "c.coordinating_agency_id",
      "m.stage",
      "m.joined_on",
      "m.left_on",
      "m.approved_at",
    ])
    .where("m.enterprise_id", "=", enterpriseId)
    .orderBy("c.code")
    .orderBy("m.id")
    .execute();
  return rows.sort((a, b) => Number(a.left_on !== null) - Number(b.left_on !== null));
}

export type FirmProgramme = {
  programme_id: number;
  code: string;
  name_th: string | null;
  name_en: string | null;
  agency_id: number;
  published: number;
  fiscal_year: number;
};

/** The programmes that supported the firm, one row per fiscal year, newest year first. */
export async function programmesOfEnterprise(db: Executor, enterpriseId: number): Promise<FirmProgramme[]> {
  return db
    .selectFrom("programme_enterprises as pe")
    .innerJoin("programmes as p", "p.id", "pe.programme_id")
    .select(["pe.programme_id", "p.code", "p.name_th", "p.name_en", "p.agency_id", "p.published", "pe.fiscal_year"])
    .where("pe.enterprise_id", "=", enterpriseId)
    .orderBy("pe.fiscal_year", "desc")
    .orderBy("p.code")
    .execute();
}

export type FirmActivity = {
  id: number;
  kind: string;
  title_th: string | null;
  title_en: string | null;
  starts_on: string;
  ends_on: string | null;
  fiscal_year: number;
  programme_id: number | null;
  cluster_id: number | null;
};

/** The activities the firm took part in (named as a participant), newest first; at most `limit`. */
export async function activitiesOfEnterprise(
  db: Executor,
  enterpriseId: number,
  limit: number,
): Promise<FirmActivity[]> {
  return db
    .selectFrom("activity_participants as ap")
    .innerJoin("activities as a", "a.id", "ap.activity_id")
    .select([
      "a.id",
      "a.kind",
      "a.title_th",
      "a.title_en",
      "a.starts_on",
      "a.ends_on",
      "a.fiscal_year",
      "a.programme_id",
      "a.cluster_id",
    ])
    .where("ap.enterprise_id", "=", enterpriseId)
    .orderBy("a.starts_on", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
}
