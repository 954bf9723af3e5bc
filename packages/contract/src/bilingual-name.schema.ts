import { hasNameInOneLanguage, nameRequiredMessage } from "@sainam/core";
import type { z } from "zod";

type Names<Th extends string, En extends string> = { [K in Th | En]?: string | null | undefined };

/**
 * Thai first, English optional: a new record needs a name in at least one language (`@sainam/core`
 * hasNameInOneLanguage). The error names the Thai field — the one a Thai user fills first — as `required`
 * with `{ or: <English field> }`, so clients word it "enter the Thai name or the English name" under that field.
 */
export function nameInOneLanguage<Th extends string, En extends string>(th: Th, en: En) {
  return [
    (value: Names<Th, En>) => hasNameInOneLanguage(value[th], value[en]),
    { path: [th], message: nameRequiredMessage, params: { code: "required", or: en } },
  ] as const satisfies readonly [unknown, z.core.$ZodCustomParams];
}

/**
 * The same rule for a change: when it sets both names, one must remain. A change that sets only one of them is
 * checked against the stored record by the use case.
 */
export function nameInOneLanguageOnChange<Th extends string, En extends string>(th: Th, en: En) {
  return [
    (value: Names<Th, En>) =>
      value[th] === undefined || value[en] === undefined || hasNameInOneLanguage(value[th], value[en]),
    { path: [th], message: nameRequiredMessage, params: { code: "required", or: en } },
  ] as const satisfies readonly [unknown, z.core.$ZodCustomParams];
}
