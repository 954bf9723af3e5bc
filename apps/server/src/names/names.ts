import { hasNameInOneLanguage } from "@sainam/core";
import { errors } from "../errors.ts";

type NameChange = { th?: string | null | undefined; en?: string | null | undefined };

/**
 * A change to a record's names must leave one (Thai first, English optional): the names it sets, over the stored
 * ones it leaves alone. Throws the error naming the Thai field otherwise.
 */
export function keepNameInOneLanguage(
  fields: { th: string; en: string },
  stored: { th: string | null; en: string | null },
  change: NameChange,
): void {
  const th = change.th === undefined ? stored.th : change.th;
  const en = change.en === undefined ? stored.en : change.en;
  if (!hasNameInOneLanguage(th, en)) throw errors.nameRequired(fields.th, fields.en);
}
