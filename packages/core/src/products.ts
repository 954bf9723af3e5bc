import { countryCodeIssue } from "./country-code.ts";
import { isIsoDate } from "./fiscal-year.ts";
import { searchField, firmSearchName, type SearchText } from "./search-text.ts";

/**
 * The product catalogue (issue 14, point 1): what a product is certified by, what BCG practice it follows, and the
 * rules a product and its certifications keep. Pure; the server stores these codes, the web words them (i18n
 * `catalogue.*`), and validation answers problems as { path, code } for the server to refuse naming the field.
 */

/** Certifications a Thai product carries: อย. (FDA), มอก. (TISI), GMP, Halal, organic, GI and OTOP stars. */
export const certificationKinds = ["fda", "tisi", "gmp", "halal", "organic", "gi", "otop"] as const;
export type CertificationKind = (typeof certificationKinds)[number];

/** The words of each certification, as a Thai label shows it and as an English one. */
export const certificationWords: Record<CertificationKind, { th: string; en: string }> = {
  fda: { th: "อย.", en: "Thai FDA" },
  tisi: { th: "มอก.", en: "TISI standard" },
  gmp: { th: "GMP", en: "GMP" },
  halal: { th: "ฮาลาล", en: "Halal" },
  organic: { th: "เกษตรอินทรีย์", en: "Organic" },
  gi: { th: "สิ่งบ่งชี้ทางภูมิศาสตร์ (GI)", en: "Geographical indication (GI)" },
  otop: { th: "OTOP", en: "OTOP" },
};

export function isCertificationKind(value: string): value is CertificationKind {
  return certificationKinds.some((kind) => kind === value);
}

/**
 * BCG (Bio-Circular-Green) tags a product may carry: the three economies and the practices the seeds name (local
 * and community materials, waste turned into products, less energy and carbon).
 */
export const bcgTags = [
  "bio",
  "circular",
  "green",
  "local_materials",
  "upcycled",
  "zero_waste",
  "renewable_energy",
  "low_carbon",
  "community",
] as const;
export type BcgTag = (typeof bcgTags)[number];

export function isBcgTag(value: string): value is BcgTag {
  return bcgTags.some((tag) => tag === value);
}

export const productStatuses = ["draft", "published"] as const;
export type ProductStatus = (typeof productStatuses)[number];

export const inquiryStatuses = ["new", "answered", "closed"] as const;
export type InquiryStatus = (typeof inquiryStatuses)[number];

/** An HS code as customs writes it: 4 to 10 digits (heading, subheading, national tariff line), dots allowed. */
export function normaliseHsCode(text: string): string | null {
  const digits = text.replace(/[.\s]/g, "");
  return /^\d{4,10}$/.test(digits) ? digits : null;
}

/** The HS chapter (first two digits) of an HS code. */
export function hsChapterOf(hsCode: string): string {
  return hsCode.slice(0, 2);
}

/** One thing wrong with a product or a certification: the field, and why (a server field error code). */
export type ProductProblem = {
  readonly path: string;
  readonly code: "required" | "invalid_format" | "not_before" | "not_applicable" | "out_of_range" | "invalid_choice";
  readonly params?: Readonly<Record<string, string | number>>;
};

/** The fields of a product the rules look at (as the contract hands them over). */
export type ProductFields = {
  readonly nameTh?: string | null | undefined;
  readonly nameEn?: string | null | undefined;
  readonly hsCode?: string | null | undefined;
  readonly priceMin?: number | null | undefined;
  readonly priceMax?: number | null | undefined;
  readonly exportMarkets?: readonly string[] | undefined;
};

/**
 * The problems of a product's fields: a name in Thai or English, an HS code of 4-10 digits, a price range whose
 * lowest is not above its highest, export markets that are ISO country codes. Empty when the product is fine.
 */
export function productProblems(p: ProductFields): ProductProblem[] {
  const problems: ProductProblem[] = [];
  if (!p.nameTh?.trim() && !p.nameEn?.trim())
    problems.push({ path: "nameTh", code: "required", params: { or: "nameEn" } });
  if (p.hsCode && normaliseHsCode(p.hsCode) === null)
    problems.push({ path: "hsCode", code: "invalid_format", params: { format: "4-10 digits" } });
  if (p.priceMin != null && p.priceMax != null && p.priceMin > p.priceMax)
    problems.push({ path: "priceMax", code: "not_before", params: { other: "priceMin" } });
  (p.exportMarkets ?? []).forEach((code, i) => {
    const issue = countryCodeIssue(code);
    if (issue !== null) problems.push({ path: `exportMarkets.${i}`, code: issue.code, params: issue.params });
  });
  return problems;
}

export type CertificationFields = {
  readonly kind: string;
  readonly otopStars?: number | null | undefined;
  readonly expiresOn?: string | null | undefined;
};

/** The problems of a certification: a known kind, OTOP stars (1-5) for OTOP only and required there, a real expiry date. */
export function certificationProblems(c: CertificationFields): ProductProblem[] {
  const problems: ProductProblem[] = [];
  if (!isCertificationKind(c.kind)) problems.push({ path: "kind", code: "invalid_choice" });
  if (c.kind === "otop") {
    if (c.otopStars == null) problems.push({ path: "otopStars", code: "required" });
    else if (!Number.isInteger(c.otopStars) || c.otopStars < 1 || c.otopStars > 5)
      problems.push({ path: "otopStars", code: "out_of_range", params: { min: 1, max: 5 } });
  } else if (c.otopStars != null) {
    problems.push({ path: "otopStars", code: "not_applicable", params: { kind: c.kind } });
  }
  if (c.expiresOn != null && !isIsoDate(c.expiresOn)) problems.push({ path: "expiresOn", code: "invalid_format" });
  return problems;
}

/**
 * Whether a certification has expired on `today` (an ISO date, Bangkok's): valid through its expiry day, expired
 * from the day after. One without an expiry date never expires (OTOP stars, GI registrations).
 */
export function certificationExpired(expiresOn: string | null | undefined, today: string): boolean {
  return expiresOn != null && expiresOn < today;
}

/** A product as the catalogue's search finds it: its names; its descriptions and the firm's names. */
export function productSearchText(p: {
  readonly name_th: string | null;
  readonly name_en: string | null;
  readonly description_th: string | null;
  readonly description_en: string | null;
  readonly firm_name_th: string | null;
  readonly firm_name_en: string | null;
}): SearchText {
  return {
    name: searchField(p.name_th, p.name_en),
    body: searchField(
      p.description_th,
      p.description_en,
      firmSearchName(p.firm_name_th),
      firmSearchName(p.firm_name_en),
    ),
  };
}
