import { formatNumber, type Locale } from "../../../lib/format";

/** A figure for tables and legends: grouped digits, at most two decimals; a dash when missing. */
export function formatFigure(value: number | null, locale: Locale): string {
  return value === null ? "–" : formatNumber(value, locale, { maximumFractionDigits: 2 });
}
