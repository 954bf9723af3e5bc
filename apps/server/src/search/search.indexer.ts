import { searchTokens } from "@sainam/core";
import { search, type DB, type EnterpriseDetail, type IndexedTerm, type ClusterRow, type InstitutionRow } from "@sainam/db";
import type { Kysely, Transaction } from "kysely";

type Executor = Kysely<DB> | Transaction<DB>;

// Field weights: a name match outranks a product match, which outranks a description match.
export const WEIGHTS = { name: 10, code: 8, product: 5, business: 2, description: 2 } as const;

function termsOf(field: string, weight: number, ...texts: Array<string | null | undefined>): IndexedTerm[] {
  return texts.flatMap((text) => (text ? searchTokens(text).map((term) => ({ term, field, weight })) : []));
}

/** The terms an enterprise is found by: names, juristic ID, products, business type. */
export function enterpriseTerms(e: Pick<EnterpriseDetail, "name_th" | "name_en" | "juristic_id" | "business_type"> & { products: ReadonlyArray<{ name: string }> }): IndexedTerm[] {
  return [
    ...termsOf("name", WEIGHTS.name, e.name_th, e.name_en),
    ...(e.juristic_id ? [{ term: e.juristic_id, field: "code", weight: WEIGHTS.code }] : []),
    ...termsOf("product", WEIGHTS.product, ...e.products.map((p) => p.name)),
    ...termsOf("business", WEIGHTS.business, e.business_type),
  ];
}

export function clusterTerms(c: ClusterRow): IndexedTerm[] {
  return [
    ...termsOf("name", WEIGHTS.name, c.name_th, c.name_en),
    { term: c.code, field: "code", weight: WEIGHTS.code },
    ...termsOf("description", WEIGHTS.description, c.description_th, c.description_en),
  ];
}

export function institutionTerms(i: InstitutionRow): IndexedTerm[] {
  return [...termsOf("name", WEIGHTS.name, i.name_th, i.name_en), ...termsOf("description", WEIGHTS.description, i.description)];
}

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
