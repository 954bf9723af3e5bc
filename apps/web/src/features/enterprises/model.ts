import { legalForms, sizeClasses, type LegalForm, type SizeClass } from "@sainam/core";
import { productInput, type EnterpriseDetail } from "@sainam/contract";

export { legalForms as LEGAL_FORMS, type LegalForm } from "@sainam/core";

export function isLegalForm(value: unknown): value is LegalForm {
  return legalForms.some((form) => form === value);
}

/** Size classes by the 2019 ministerial definition: วิสาหกิจรายย่อย, ขนาดย่อม, ขนาดกลาง, ขนาดใหญ่. */
export { sizeClasses as SIZE_CLASSES, type SizeClass } from "@sainam/core";

export function isSizeClass(value: unknown): value is SizeClass {
  return sizeClasses.some((size) => size === value);
}

/** Whether a firm makes a product or buys it in, as the contract lists them. */
export const PRODUCT_DIRECTIONS = productInput.shape.direction.options;
export type ProductDirection = (typeof PRODUCT_DIRECTIONS)[number];

export function isProductDirection(value: unknown): value is ProductDirection {
  return PRODUCT_DIRECTIONS.some((direction) => direction === value);
}

/** What the server answers for enterprises: the contract's own types, checked by its schemas in the queries. */
export type { Enterprise, EnterpriseDetail, EnterprisePage } from "@sainam/contract";
export type Product = EnterpriseDetail["products"][number];
export type Contact = EnterpriseDetail["contacts"][number];

export interface EnterpriseFilters {
  province: string;
  region: string;
  size: string;
  tsic: string;
  cluster: string;
}

export const ENTERPRISE_FILTER_KEYS = [
  "province",
  "region",
  "size",
  "tsic",
  "cluster",
] as const satisfies readonly (keyof EnterpriseFilters)[];

export function enterpriseFiltersFrom(params: URLSearchParams): EnterpriseFilters {
  return {
    province: params.get("province") ?? "",
    region: params.get("region") ?? "",
    size: params.get("size") ?? "",
    tsic: params.get("tsic") ?? "",
    cluster: params.get("cluster") ?? "",
  };
}

/** Filters as API parameters; a TSIC prefix that is not 1-5 digits is left out rather than sent for a 400. */
export function enterpriseQuery(filters: EnterpriseFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ENTERPRISE_FILTER_KEYS) {
    const value = filters[key].trim();
    if (!value) continue;
    if (key === "tsic" && !/^\d{1,5}$/.test(value)) continue;
    out[key] = value;
  }
  return out;
}

/** Export links carry the list's filters, so the file holds what the list shows. */
export function exportHref(format: "csv" | "xlsx", filters: EnterpriseFilters): string {
  const query = new URLSearchParams(enterpriseQuery(filters)).toString();
  return `/api/exports/enterprises.${format}${query ? `?${query}` : ""}`;
}
