import type { Locale } from "./format";

/** Picks the field in the interface language, falling back to the other one when it is missing or empty. */
export function pickLocalized(locale: Locale, th: string | null | undefined, en: string | null | undefined): string {
  const first = locale === "th" ? th : en;
  const second = locale === "th" ? en : th;
  if (first && first.trim() !== "") return first;
  return second ?? "";
}

/** The bilingual name of anything with `nameTh` / `nameEn`. */
export function localName(locale: Locale, item: { nameTh?: string | null; nameEn?: string | null }): string {
  return pickLocalized(locale, item.nameTh, item.nameEn);
}

/** The other language's name, for showing both (e.g. "เชียงใหม่ · Chiang Mai"); empty when it is the same. */
export function otherName(locale: Locale, item: { nameTh?: string | null; nameEn?: string | null }): string {
  const other = locale === "th" ? item.nameEn : item.nameTh;
  const main = localName(locale, item);
  return other && other !== main ? other : "";
}

/** The language that is not the interface language, for marking up names shown in both (`lang` attribute). */
export function otherLocale(locale: Locale): Locale {
  return locale === "th" ? "en" : "th";
}
