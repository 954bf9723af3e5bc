import type { ServiceFigures } from "@sainam/contract";
import type { Locale } from "../../lib/format";

export type { ServiceFigures };

/** A month `yyyy-mm` as people read it: "ต.ค. 2569" (B.E.) in Thai, "Oct 2026" in English. */
export function monthLabel(month: string, locale: Locale): string {
  const format = new Intl.DateTimeFormat(locale === "th" ? "th-TH-u-ca-buddhist" : "en-GB", {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  return format.format(new Date(`${month}-01T00:00:00Z`));
}

/** A share (0-1) as a percentage with one decimal, or null. */
export function percent(share: number | null, locale: Locale): string | null {
  if (share === null) return null;
  return new Intl.NumberFormat(locale === "th" ? "th-TH" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(share);
}

/** Working days with at most one decimal (a median of an even count may be a half day). */
export function days(value: number | null, locale: Locale): string | null {
  if (value === null) return null;
  return new Intl.NumberFormat(locale === "th" ? "th-TH" : "en-GB", { maximumFractionDigits: 1 }).format(value);
}
