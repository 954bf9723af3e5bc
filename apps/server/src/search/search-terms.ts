// What a record is found by: pure functions of its fields, with no database, so the import's reading
// thread (imports/import-worker.ts) can work out search terms without loading @sainam/db.
import { searchTokens } from "@sainam/core";
import type { ClusterRow, EnterpriseDetail, IndexedTerm, InstitutionRow } from "@sainam/db";

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
