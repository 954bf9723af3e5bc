import { search, type DB, type EnterpriseDetail, type ClusterRow, type InstitutionRow } from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import { clusterTerms, enterpriseTerms, institutionTerms } from "./search-terms.ts";

export { WEIGHTS, clusterTerms, enterpriseTerms, institutionTerms } from "./search-terms.ts";

type Executor = Kysely<DB> | Transaction<DB>;

// One entity or many: many go through one bulk write, which rewrites each postings block once for all of
// them (one write per entity would rewrite a common word's block once per entity).

export async function indexEnterprises(db: Executor, list: readonly EnterpriseDetail[]): Promise<void> {
  await search.writeSearchDocuments(db, "enterprise", list.map((e) => ({ id: e.id, terms: enterpriseTerms(e) })));
}

export async function indexClusters(db: Executor, list: readonly ClusterRow[]): Promise<void> {
  await search.writeSearchDocuments(db, "cluster", list.map((c) => ({ id: c.id, terms: clusterTerms(c) })));
}

export async function indexInstitutions(db: Executor, list: readonly InstitutionRow[]): Promise<void> {
  await search.writeSearchDocuments(db, "institution", list.map((i) => ({ id: i.id, terms: institutionTerms(i) })));
}

export async function indexEnterprise(db: Executor, e: EnterpriseDetail): Promise<void> {
  await indexEnterprises(db, [e]);
}

export async function indexCluster(db: Executor, c: ClusterRow): Promise<void> {
  await indexClusters(db, [c]);
}

export async function indexInstitution(db: Executor, i: InstitutionRow): Promise<void> {
  await indexInstitutions(db, [i]);
}
