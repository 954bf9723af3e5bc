import type { Locale } from "./locale.ts";
import { normalizeThai } from "./thai-text.ts";

export const legalForms = [
  "company_limited",
  "public_company_limited",
  "limited_partnership",
  "registered_ordinary_partnership",
  "community_enterprise",
  "cooperative",
  "unknown",
] as const;
export type LegalForm = (typeof legalForms)[number];

export type LegalFormOfName = { readonly form: LegalForm; readonly baseName: string };

/**
 * A pattern, and (`needs`) words one of which a name must contain, lower-cased, for the pattern to match: checked
 * first, so a pattern whose lazy base name would be tried at every position is not run on a name it cannot match.
 */
type Pattern = RegExp | { readonly pattern: RegExp; readonly needs: ReadonlyArray<string> };
type Rule = { readonly form: Exclude<LegalForm, "unknown">; readonly patterns: ReadonlyArray<Pattern> };

const LATIN_LETTER = /[A-Za-z]/;
const THAI_LETTER = /[\u0E01-\u0E5B]/;

// Each pattern captures the base name in group 1. Thai abbreviations need their dot or a following
// space, so a name that merely begins with the same letters is not taken for one.
const THAI_ABBREVIATION_END = String.raw`(?:\.\s*|\s+)`;

// Order matters: public before limited ("บริษัท … จำกัด (มหาชน)" also ends in จำกัด … ), limited
// partnership before company ("Ltd. Part." starts like "Ltd."), cooperative before company
// ("สหกรณ์ … จำกัด" is not a company).
const rules: ReadonlyArray<Rule> = [
  {
    form: "public_company_limited",
    patterns: [
      new RegExp(String.raw`^(?:บมจ${THAI_ABBREVIATION_END}|บริษัทมหาชนจำกัด\s*)(.+?)(?:\s*จำกัด\s*\(\s*มหาชน\s*\))?$`),
      { pattern: /^(?:บริษัท\s*)?(.+?)\s*จำกัด\s*\(\s*มหาชน\s*\)$/, needs: ["มหาชน"] },
      {
        pattern: /^(.+?)[\s,]*(?:public\s+company\s+limited|public\s+co\.?\s*,?\s*ltd\.?|pcl\.?|plc\.?)$/i,
        needs: ["public", "pcl", "plc"],
      },
    ],
  },
  {
    form: "limited_partnership",
    patterns: [
      new RegExp(String.raw`^(?:หจก${THAI_ABBREVIATION_END}|ห้างหุ้นส่วนจำกัด\s*)(.+)$`),
      {
        pattern: /^(.+?)[\s,]*(?:limited\s+partnership|ltd\.?\s*,?\s*part(?:nership)?\.?|l\.p\.)$/i,
        needs: ["part", "l.p."],
      },
    ],
  },
  {
    form: "registered_ordinary_partnership",
    patterns: [
      new RegExp(String.raw`^(?:หสน${THAI_ABBREVIATION_END}|ห้างหุ้นส่วนสามัญนิติบุคคล\s*)(.+)$`),
      {
        pattern:
          /^(.+?)[\s,]*(?:registered\s+ordinary\s+partnership|reg(?:istered)?\.?\s*ord(?:inary)?\.?\s*part(?:nership)?\.?)$/i,
        needs: ["part"],
      },
    ],
  },
  {
    form: "community_enterprise",
    patterns: [
      /^วิสาหกิจชุมชน\s*(.+)$/,
      /^community\s+enterprise\s+(?:of\s+)?(.+)$/i,
      { pattern: /^(.+?)\s+community\s+enterprise$/i, needs: ["community"] },
    ],
  },
  {
    form: "cooperative",
    patterns: [
      /^สหกรณ์\s*(.+?)(?:\s*จำกัด)?$/,
      { pattern: /^(.+?)\s+cooperatives?(?:\s+limited|\s+ltd\.?)?$/i, needs: ["cooperative"] },
    ],
  },
  {
    form: "company_limited",
    patterns: [
      new RegExp(String.raw`^(?:บจก${THAI_ABBREVIATION_END}|บจ${THAI_ABBREVIATION_END}|บริษัท\s*)(.+?)(?:\s*จำกัด)?$`),
      { pattern: /^(.+?)\s*จำกัด$/, needs: ["จำกัด"] },
      /^(.+?)[\s,]*(?:company\s+limited|co\.?\s*,?\s*ltd\.?|limited|ltd\.?)$/i,
    ],
  },
];

/**
 * Reads the legal form from a Thai or English enterprise name and strips the marker, so registries
 * that write "บจ. สายน้ำ", "บริษัท สายน้ำ จำกัด" and "Sainam Co., Ltd." can be matched on the base
 * name. Recognised: บจ./บจก./บริษัท … จำกัด, "Co., Ltd.", "Company Limited" → company_limited;
 * บมจ./บริษัท … จำกัด (มหาชน), "Public Company Limited", "PCL" → public_company_limited (checked first,
 * since it also ends in จำกัด); หจก./ห้างหุ้นส่วนจำกัด, "Ltd. Part.", "Limited Partnership" →
 * limited_partnership; หสน./ห้างหุ้นส่วนสามัญนิติบุคคล → registered_ordinary_partnership;
 * วิสาหกิจชุมชน, "Community Enterprise" → community_enterprise; สหกรณ์ … จำกัด → cooperative (so it is
 * not read as a company). Anything else, including a non-registered ห้างหุ้นส่วนสามัญ, is "unknown"
 * with the whole (normalised) name as base name.
 */
export function legalFormFromName(name: string): LegalFormOfName {
  // An import asks twice for each name (the firm's legal form, then its search name): the last answer is kept.
  if (name === lastName && lastAnswer) return lastAnswer;
  const answer = readLegalForm(name);
  lastName = name;
  lastAnswer = answer;
  return answer;
}

let lastName: string | null = null;
let lastAnswer: LegalFormOfName | null = null;

function readLegalForm(name: string): LegalFormOfName {
  const normalized = normalizeThai(name);
  // The English patterns (flag i) need Latin letters and the Thai ones Thai letters: a name without them skips them,
  // and the costly ones (a lazy base name, then a suffix) are never tried on a name that cannot match. An import
  // reads a name's legal form for every row.
  const latin = LATIN_LETTER.test(normalized);
  const thai = THAI_LETTER.test(normalized);
  const lower = normalized.toLowerCase();
  for (const rule of rules) {
    for (const entry of rule.patterns) {
      const pattern = entry instanceof RegExp ? entry : entry.pattern;
      if (pattern.flags.includes("i") ? !latin : !thai) continue;
      if (!(entry instanceof RegExp) && !entry.needs.some((word) => lower.includes(word))) continue;
      const baseName = pattern
        .exec(normalized)?.[1]
        ?.trim()
        .replace(/[\s,]+$/, "");
      if (baseName) return { form: rule.form, baseName };
    }
  }
  return { form: "unknown", baseName: normalized };
}

const legalFormLabels = {
  company_limited: { th: "บริษัทจำกัด", en: "Company limited" },
  public_company_limited: { th: "บริษัทมหาชนจำกัด", en: "Public company limited" },
  limited_partnership: { th: "ห้างหุ้นส่วนจำกัด", en: "Limited partnership" },
  registered_ordinary_partnership: { th: "ห้างหุ้นส่วนสามัญนิติบุคคล", en: "Registered ordinary partnership" },
  community_enterprise: { th: "วิสาหกิจชุมชน", en: "Community enterprise" },
  cooperative: { th: "สหกรณ์", en: "Cooperative" },
  unknown: { th: "ไม่ระบุ", en: "Unknown" },
} as const satisfies Record<LegalForm, Record<Locale, string>>;

/** The name of a legal form in Thai or English, for lists and filters. */
export function formatLegalForm(form: LegalForm, locale: Locale): string {
  return legalFormLabels[form][locale];
}
