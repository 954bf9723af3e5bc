import type { CatalogueCard, Product } from "@sainam/contract";

export { bcgTags as BCG_TAGS, certificationKinds as CERTIFICATION_KINDS } from "@sainam/core";

/** A product's name in the reader's language, falling back to the other. */
export function productName(locale: "th" | "en", p: Pick<Product | CatalogueCard, "nameTh" | "nameEn">): string {
  return (locale === "th" ? (p.nameTh ?? p.nameEn) : (p.nameEn ?? p.nameTh)) ?? "";
}

/** Export markets as typed ("jp, cn ,TH") → ISO codes ["JP", "CN", "TH"], each once. */
export function parseMarkets(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((c) => c.trim().toUpperCase())
        .filter((c) => c !== ""),
    ),
  ];
}

/** A number field as typed: empty is null, anything else a number (the server names a wrong one). */
export function numberOrNull(text: string): number | null {
  const trimmed = text.trim().replace(/,/g, "");
  return trimmed === "" ? null : Number(trimmed);
}
