import type { Gazetteer } from "@sainam/core";
import { sql, type Kysely, type Transaction } from "kysely";
import type { AgencyRow, DB } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export async function listRegions(db: Executor) {
  return db
    .selectFrom("regions")
    .leftJoin("provinces", "provinces.region_code", "regions.code")
    .select(["regions.code", "regions.name_th", "regions.name_en", "regions.position"])
    .select((eb) => eb.fn.count<number>("provinces.code").as("province_count"))
    .groupBy(["regions.code", "regions.name_th", "regions.name_en", "regions.position"])
    .orderBy("regions.position")
    .execute();
}

export async function listProvinces(db: Executor, filter: { regionCode?: string | undefined } = {}) {
  let query = db
    .selectFrom("provinces")
    .leftJoin("provincial_cluster_provinces as pcp", "pcp.province_code", "provinces.code")
    .select(["provinces.code", "provinces.iso", "provinces.name_th", "provinces.name_en", "provinces.region_code"])
    .select("pcp.provincial_cluster_id");
  if (filter.regionCode) query = query.where("provinces.region_code", "=", filter.regionCode);
  return query.orderBy("provinces.code").execute();
}

export async function findProvince(db: Executor, code: string) {
  return db
    .selectFrom("provinces")
    .leftJoin("provincial_cluster_provinces as pcp", "pcp.province_code", "provinces.code")
    .select(["provinces.code", "provinces.iso", "provinces.name_th", "provinces.name_en", "provinces.region_code"])
    .select("pcp.provincial_cluster_id")
    .where("provinces.code", "=", code)
    .executeTakeFirst();
}

export async function listDistricts(db: Executor, provinceCode: string) {
  return db
    .selectFrom("districts")
    .select(["code", "name_th", "name_en"])
    .where("province_code", "=", provinceCode)
    .orderBy("code")
    .execute();
}

export async function listProvinceBoundaries(db: Executor) {
  return db
    .selectFrom("province_boundaries as b")
    .innerJoin("provinces as p", "p.code", "b.province_code")
    .leftJoin("provincial_cluster_provinces as pcp", "pcp.province_code", "p.code")
    .select(["p.code", "p.name_th", "p.name_en", "pcp.provincial_cluster_id", "b.geometry_json"])
    .orderBy("p.code")
    .execute();
}

export async function listProvincialClusters(db: Executor, filter: { id?: number } = {}) {
  let clusters = db.selectFrom("provincial_clusters").selectAll().orderBy("number");
  if (filter.id !== undefined) clusters = clusters.where("id", "=", filter.id);
  const rows = await clusters.execute();
  if (rows.length === 0) return [];
  const members = await db
    .selectFrom("provincial_cluster_provinces as pcp")
    .innerJoin("provinces as p", "p.code", "pcp.province_code")
    .select(["pcp.provincial_cluster_id", "p.code", "p.name_th", "p.name_en"])
    .where(
      "pcp.provincial_cluster_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("p.name_en")
    .execute();
  return rows.map((row) => ({ ...row, provinces: members.filter((m) => m.provincial_cluster_id === row.id) }));
}

export async function listAgencies(db: Executor): Promise<AgencyRow[]> {
  return db.selectFrom("agencies").selectAll().orderBy("id").execute();
}

export async function findAgency(db: Executor, id: number): Promise<AgencyRow | undefined> {
  return db.selectFrom("agencies").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateAgency(
  db: Transaction<DB>,
  id: number,
  patch: { name_en?: string | null; name_th?: string | null; abbreviation?: string | null; updated_at: string },
): Promise<AgencyRow | undefined> {
  await db.updateTable("agencies").set(patch).where("id", "=", id).execute();
  return findAgency(db, id);
}

export async function referenceCounts(db: Executor) {
  const count = async (table: "provinces" | "provincial_clusters" | "agencies" | "plans" | "districts") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    provinces: await count("provinces"),
    districts: await count("districts"),
    provincialClusters: await count("provincial_clusters"),
    agencies: await count("agencies"),
    plans: await count("plans"),
  };
}

export async function findDistrict(db: Executor, code: string) {
  return db
    .selectFrom("districts")
    .select(["code", "province_code", "name_th", "name_en"])
    .where("code", "=", code)
    .executeTakeFirst();
}

export async function findProvincialCluster(db: Executor, id: number) {
  return db
    .selectFrom("provincial_clusters")
    .select(["id", "name_th", "name_en"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Every province and district, for the importer's address matching (core's Gazetteer). */
export async function loadGazetteer(db: Executor): Promise<Gazetteer> {
  const provinces = await db.selectFrom("provinces").select(["code", "name_th", "name_en"]).execute();
  const districts = await db.selectFrom("districts").select(["code", "province_code", "name_th", "name_en"]).execute();
  return {
    provinces: provinces.map((p) => ({ code: p.code, nameTh: p.name_th, nameEn: p.name_en })),
    districts: districts.map((d) => ({
      code: d.code,
      provinceCode: d.province_code,
      nameTh: d.name_th,
      nameEn: d.name_en,
    })),
  };
}

/** The Thai and English names of every province, region and provincial cluster (a value file may name its unit). */
export async function listOrgUnitNames(db: Executor) {
  return {
    provinces: await db.selectFrom("provinces").select(["code", "name_th", "name_en"]).execute(),
    regions: await db.selectFrom("regions").select(["code", "name_th", "name_en"]).execute(),
    provincialClusters: await db.selectFrom("provincial_clusters").select(["id", "name_th", "name_en"]).execute(),
  };
}

/** Answers when the database is reachable (the health check). */
export async function ping(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}
