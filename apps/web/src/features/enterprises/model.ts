import { legalForms, sizeClasses, type LegalForm, type SizeClass } from "@sainam/core";
import { arrayOf, bool, id, nullable, num, object, str, withDefault, type Decoded } from "../../api/decode";

export { legalForms as LEGAL_FORMS, type LegalForm } from "@sainam/core";

export function isLegalForm(value: unknown): value is LegalForm {
  return legalForms.some((form) => form === value);
}

/** Size classes by the 2019 ministerial definition: วิสาหกิจรายย่อย, ขนาดย่อม, ขนาดกลาง, ขนาดใหญ่. */
export { sizeClasses as SIZE_CLASSES, type SizeClass } from "@sainam/core";

export function isSizeClass(value: unknown): value is SizeClass {
  return sizeClasses.some((size) => size === value);
}

export const PRODUCT_DIRECTIONS = ["output", "input"] as const;
export type ProductDirection = (typeof PRODUCT_DIRECTIONS)[number];

export function isProductDirection(value: unknown): value is ProductDirection {
  return PRODUCT_DIRECTIONS.some((direction) => direction === value);
}

const enterpriseShape = {
  id,
  juristicId: nullable(str),
  ceRegistrationNo: nullable(str),
  nameTh: nullable(str),
  nameEn: nullable(str),
  legalForm: withDefault(str, "unknown"),
  sizeClass: nullable(str),
  revenue: nullable(num),
  employees: nullable(num),
  capital: nullable(num),
  tsicCode: nullable(str),
  businessType: nullable(str),
  address: nullable(str),
  provinceCode: nullable(str),
  districtCode: nullable(str),
  postcode: nullable(str),
  registeredOn: nullable(str),
  published: withDefault(bool, true),
  isExample: withDefault(bool, false),
};

export const enterpriseDecoder = object(enterpriseShape);
export type Enterprise = Decoded<typeof enterpriseDecoder>;

export const productDecoder = object({ direction: str, name: str, tsicCode: nullable(str) });
export type Product = Decoded<typeof productDecoder>;

export const contactDecoder = object({
  name: nullable(str),
  position: nullable(str),
  phone: nullable(str),
  email: nullable(str),
});
export type Contact = Decoded<typeof contactDecoder>;

export const enterpriseDetailDecoder = object({
  ...enterpriseShape,
  products: withDefault(arrayOf(productDecoder), []),
  contacts: withDefault(arrayOf(contactDecoder), []),
  // When the server does not say, treat the contacts as masked: the cautious reading for personal data.
  contactsMasked: withDefault(bool, true),
  memberships: withDefault(
    arrayOf(object({ clusterId: id, stage: str, joinedOn: nullable(str), leftOn: nullable(str), approved: withDefault(bool, true) })),
    [],
  ),
});
export type EnterpriseDetail = Decoded<typeof enterpriseDetailDecoder>;

export const enterprisePageDecoder = object({
  items: arrayOf(enterpriseDecoder),
  total: withDefault(num, 0),
  page: withDefault(num, 1),
  pageSize: withDefault(num, 20),
});

export const createdEnterpriseDecoder = object({ id });

export interface EnterpriseFilters {
  province: string;
  region: string;
  size: string;
  tsic: string;
  cluster: string;
}

export const ENTERPRISE_FILTER_KEYS = ["province", "region", "size", "tsic", "cluster"] as const satisfies readonly (keyof EnterpriseFilters)[];

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
