import type { Transaction } from "kysely";
import type { DB } from "./schema.ts";

// The reads and writes of a membership or linkage import (the server's import-writers.ts), row by row, in the
// slice's transaction. Firms are written by enterprise-import.repository.ts.

/** What the policy needs of a cluster a row names: its id, coordinating agency and whether it is published. */
export type ClusterFacts = { id: number; coordinating_agency_id: number | null; published: number };

export async function findClustersByCodes(
  trx: Transaction<DB>,
  codes: readonly string[],
): Promise<Array<ClusterFacts & { code: string }>> {
  if (codes.length === 0) return [];
  return trx
    .selectFrom("clusters")
    .select(["id", "code", "coordinating_agency_id", "published"])
    .where("code", "in", codes)
    .execute();
}

export async function findClusterByCode(trx: Transaction<DB>, code: string): Promise<ClusterFacts | undefined> {
  return trx
    .selectFrom("clusters")
    .select(["id", "coordinating_agency_id", "published"])
    .where("code", "=", code)
    .executeTakeFirst();
}

export async function findClusterById(trx: Transaction<DB>, id: number): Promise<ClusterFacts | undefined> {
  return trx
    .selectFrom("clusters")
    .select(["id", "coordinating_agency_id", "published"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The juristic IDs among these that are in the registry already. */
export async function knownJuristicIds(
  trx: Transaction<DB>,
  juristicIds: readonly string[],
): Promise<Array<string | null>> {
  return (
    await trx.selectFrom("enterprises").select("juristic_id").where("juristic_id", "in", juristicIds).execute()
  ).map((e) => e.juristic_id);
}

/** A firm a row names by juristic ID, with what the policy needs to tell whether the importer may see it. */
export async function findFirmByJuristicId(trx: Transaction<DB>, juristicId: string) {
  return trx
    .selectFrom("enterprises")
    .select(["id", "published", "created_by"])
    .where("juristic_id", "=", juristicId)
    .executeTakeFirst();
}

export async function findMembership(trx: Transaction<DB>, clusterId: number, enterpriseId: number) {
  return trx
    .selectFrom("memberships")
    .select(["id", "stage", "joined_on", "left_on", "updated_at"])
    .where("cluster_id", "=", clusterId)
    .where("enterprise_id", "=", enterpriseId)
    .executeTakeFirst();
}

export async function updateMembership(
  trx: Transaction<DB>,
  id: number,
  patch: { stage: string; joined_on: string | null; left_on: string | null; updated_at: string },
): Promise<void> {
  await trx.updateTable("memberships").set(patch).where("id", "=", id).execute();
}

export async function insertMembership(
  trx: Transaction<DB>,
  row: {
    cluster_id: number;
    enterprise_id: number;
    stage: string;
    joined_on: string | null;
    left_on: string | null;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    approved_at: string | null;
    approved_by: number | null;
  },
): Promise<number> {
  return (await trx.insertInto("memberships").values(row).returning("id").executeTakeFirstOrThrow()).id;
}

/** The link between two firms of this kind and product (a product of null matches a link without one). */
export async function findLinkage(
  trx: Transaction<DB>,
  link: { from: number; to: number; kind: string; product: string | null },
) {
  return trx
    .selectFrom("linkages")
    .select(["id", "annual_value", "cluster_id", "updated_at"])
    .where("from_type", "=", "enterprise")
    .where("from_id", "=", link.from)
    .where("to_type", "=", "enterprise")
    .where("to_id", "=", link.to)
    .where("kind", "=", link.kind)
    .where((eb) => (link.product === null ? eb("product", "is", null) : eb("product", "=", link.product)))
    .executeTakeFirst();
}

export async function updateLinkage(
  trx: Transaction<DB>,
  id: number,
  patch: { annual_value: number | null; cluster_id: number | null; updated_at: string },
): Promise<void> {
  await trx.updateTable("linkages").set(patch).where("id", "=", id).execute();
}

export async function insertFirmLinkage(
  trx: Transaction<DB>,
  row: {
    cluster_id: number | null;
    from_id: number;
    to_id: number;
    kind: string;
    product: string | null;
    annual_value: number | null;
    created_at: string;
    updated_at: string;
  },
): Promise<number> {
  return (
    await trx
      .insertInto("linkages")
      .values({ ...row, from_type: "enterprise", to_type: "enterprise", is_example: 0 })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}
