import { clusterSearchText, enterpriseSearchText, institutionSearchText } from "@sainam/core";
import { search, type DB, type EnterpriseDetail, type ClusterRow, type InstitutionRow } from "@sainam/db";
import type { Kysely, Transaction } from "kysely";

type Executor = Kysely<DB> | Transaction<DB>;

// Callers pass the transaction that changed the records, so a record and its index row commit together.

export async function indexEnterprises(db: Executor, list: readonly EnterpriseDetail[]): Promise<void> {
  await search.writeSearchTexts(
    db,
    "enterprise",
    list.map((e) => ({ id: e.id, text: enterpriseSearchText(e) })),
  );
}

export async function indexClusters(db: Executor, list: readonly ClusterRow[]): Promise<void> {
  await search.writeSearchTexts(
    db,
    "cluster",
    list.map((c) => ({ id: c.id, text: clusterSearchText(c) })),
  );
}

export async function indexInstitutions(db: Executor, list: readonly InstitutionRow[]): Promise<void> {
  await search.writeSearchTexts(
    db,
    "institution",
    list.map((i) => ({ id: i.id, text: institutionSearchText(i) })),
  );
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
