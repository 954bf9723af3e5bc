import { search, type DB, type EnterpriseDetail, type ClusterRow, type InstitutionRow } from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import { clusterTerms, enterpriseTerms, institutionTerms } from "./search-terms.ts";

export { WEIGHTS, clusterTerms, enterpriseTerms, institutionTerms } from "./search-terms.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export async function indexEnterprise(db: Executor, e: EnterpriseDetail): Promise<void> {
  await search.replaceSearchTerms(db, "enterprise", e.id, enterpriseTerms(e));
}

export async function indexCluster(db: Executor, c: ClusterRow): Promise<void> {
  await search.replaceSearchTerms(db, "cluster", c.id, clusterTerms(c));
}

export async function indexInstitution(db: Executor, i: InstitutionRow): Promise<void> {
  await search.replaceSearchTerms(db, "institution", i.id, institutionTerms(i));
}
