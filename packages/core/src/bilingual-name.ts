/**
 * Thai first, English optional: a record (programme, activity, plan, plan node, indicator, cluster, …) needs
 * a name in at least one language, and Thai alone is enough. A name counts when it holds more than spaces.
 */
export function hasNameInOneLanguage(th: string | null | undefined, en: string | null | undefined): boolean {
  return isGiven(th) || isGiven(en);
}

/** The English sentence of the rule, for an error's message (clients word it by its code and field). */
export const nameRequiredMessage = "a Thai or English name is required";

/** A name as stored: trimmed, and null when nothing is left, so an empty English name is "not given". */
export function storedName(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/**
 * The name to show in one language, falling back to the other one, so a Thai-only record still reads in
 * English and an English-only one in Thai; "" only when neither is given.
 */
export function nameIn(locale: "th" | "en", th: string | null | undefined, en: string | null | undefined): string {
  const first = locale === "th" ? th : en;
  const second = locale === "th" ? en : th;
  return storedName(first) ?? storedName(second) ?? "";
}

function isGiven(value: string | null | undefined): boolean {
  return storedName(value) !== null;
}
