import { legalFormFromName } from "./legal-form.ts";
import { normalizeThai } from "./thai-text.ts";

// Search finds text as a person types it: every word of the query is a substring of the record's folded
// text, found through the engine's trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL). Thai is written
// without spaces and ICU's dictionary cuts transliterated and unknown words into fragments (โซล่าร์ →
// โซ|ล่า|ร์), so words are never cut on either side; a space typed in the query separates terms, and
// spaces in the record mark where its words begin and end, which ranking uses (DESIGN.md §4).

// Words that name a legal form rather than the firm: dropped from queries ("บริษัท สยามกาแฟ จำกัด" looks
// for สยามกาแฟ). Firms are indexed by their base name (legalFormFromName), so these never help to find one.
const LEGAL_FORM_WORDS: ReadonlySet<string> = new Set([
  "บริษัท",
  "จำกัด",
  "มหาชน",
  "บจ",
  "บจ.",
  "บจก",
  "บจก.",
  "บมจ",
  "บมจ.",
  "หจก",
  "หจก.",
  "หสน",
  "หสน.",
  "ห้างหุ้นส่วน",
  "ห้างหุ้นส่วนจำกัด",
  "ห้างหุ้นส่วนสามัญ",
  "ห้างหุ้นส่วนสามัญนิติบุคคล",
  "บริษัทมหาชนจำกัด",
  "co",
  "co.",
  "ltd",
  "ltd.",
  "company",
  "limited",
  "inc",
  "inc.",
  "corp",
  "corp.",
  "plc",
  "pcl",
]);

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** A character foldSearchText changes or drops (ฯ and ๆ are letters), or a space it would not keep. */
const NEEDS_FOLDING = /[^\p{L}\p{N}\p{M} ]|[ฯๆ]|^ | $| {2}/u;
const isWordChar = (char: string | undefined): boolean => char !== undefined && WORD_CHAR.test(char);

/**
 * Text as search compares it, on both sides: normalised (`normalizeThai`: NFC, invisible characters,
 * SARA AM, Thai digits → ASCII), lower-cased; punctuation and symbols become spaces — except a dot between
 * two letters or digits (dotted initials เอ.พี.พี, a decimal 2.5) — as do the marks ฯ, ฯลฯ and ๆ; an
 * apostrophe joins (O'Neil → oneil), a thousands comma between digits goes; one space between words.
 * "บจ. น้ำทอง ๙๙ (สาขา 1)" → "บจ น้ำทอง 99 สาขา 1".
 */
export function foldSearchText(text: string): string {
  const lower = normalizeThai(text).toLowerCase();
  // Most names are letters, digits and marks between single spaces: every replacement below would leave them as
  // they are (an import folds several texts a row).
  if (!NEEDS_FOLDING.test(lower)) return lower;
  return (
    lower
      // Private-use characters mean nothing to a reader, and the index stores a record's body among them.
      .replace(/\p{Co}/gu, "")
      .replace(/ฯลฯ/g, " ")
      .replace(/[ฯๆ]/g, " ")
      .replace(/['\u2019]/g, "")
      .replace(/(?<=\d),(?=\d{3}(?!\d))/g, "")
      .replace(/[\p{P}\p{S}]/gu, (mark: string, offset: number, whole: string) =>
        mark === "." && isWordChar(whole[offset - 1]) && isWordChar(whole[offset + 1]) ? "." : " ",
      )
      .replace(/\s+/g, " ")
      .trim()
  );
}

/**
 * A record's searchable field as stored in the index: each text folded, the texts separated by " | ", with a
 * space at both ends, so every word of the field has a space before and after it (" สยามกาแฟ | siam coffee ").
 * Empty texts are left out; no text gives "".
 */
export function searchField(...texts: ReadonlyArray<string | null | undefined>): string {
  const folded = texts.flatMap((text) => {
    const f = text ? foldSearchText(text) : "";
    return f === "" ? [] : [f];
  });
  return folded.length === 0 ? "" : ` ${folded.join(" | ")} `;
}

/** The name a firm is found and ranked by: its base name, without the legal form (legalFormFromName). */
export function firmSearchName(name: string | null | undefined): string | null {
  if (!name) return null;
  const base = legalFormFromName(name).baseName;
  return base === "" ? name : base;
}

/** A search box query, folded. */
export type SearchQueryText = {
  /** The whole query, folded, legal-form words dropped: what an exact name equals. */
  readonly text: string;
  /** Its space-separated words, each once: every one must be found. */
  readonly terms: ReadonlyArray<string>;
  /**
   * Thai words typed without spaces, cut into dictionary words (กาแฟเชียงใหม่ → กาแฟ, เชียงใหม่): the
   * fallback when the words as typed are not found together, for a record that spaces them. Null when no
   * term cuts into two or more words of at least two characters.
   */
  readonly segmented: ReadonlyArray<string> | null;
  /** The query is a juristic ID (13 digits, with or without dashes and spaces): the firm that has it. */
  readonly juristicId: string | null;
};

const segmenter = new Intl.Segmenter("th", { granularity: "word" });
const THAI_LETTER = /[\u0E01-\u0E5B]/;

function segmentedTerms(terms: ReadonlyArray<string>): string[] | null {
  let cut = false;
  const out: string[] = [];
  for (const term of terms) {
    const pieces = THAI_LETTER.test(term)
      ? [...segmenter.segment(term)].filter((s) => s.isWordLike && [...s.segment].length >= 2).map((s) => s.segment)
      : [term];
    if (pieces.length >= 2) cut = true;
    for (const piece of pieces.length > 0 ? pieces : [term]) if (!out.includes(piece)) out.push(piece);
  }
  return cut ? out : null;
}

/**
 * The query as search uses it: the legal form read off as from a firm's name (บจ./บริษัท … จำกัด/Co., Ltd.),
 * folded (`foldSearchText`), legal-form words dropped; when nothing else is left the words are kept, so a
 * search for "จำกัด" still means something. Blank or punctuation-only input gives no terms.
 */
export function parseSearchQuery(query: string): SearchQueryText {
  const base = legalFormFromName(query).baseName;
  let words = foldSearchText(base)
    .split(" ")
    .filter((w) => w !== "");
  const kept = words.filter((w) => !LEGAL_FORM_WORDS.has(w));
  if (kept.length > 0) words = kept;
  const terms = [...new Set(words)];
  const digits = foldSearchText(query).replace(/[\s.]/g, "");
  return {
    text: words.join(" "),
    terms,
    segmented: segmentedTerms(terms),
    juristicId: /^\d{13}$/.test(digits) ? digits : null,
  };
}

/** What the index holds of a record: the names it is found and ranked by, and the rest of its searchable text. */
export type SearchText = { readonly name: string; readonly body: string };

/**
 * A firm: base names (without the legal form); products and business type. Its juristic ID is found through the
 * registry's own unique index instead (parseSearchQuery's `juristicId`), which keeps 13 trigrams a firm out of the index.
 */
export function enterpriseSearchText(e: {
  readonly name_th: string | null;
  readonly name_en: string | null;
  readonly business_type: string | null;
  readonly products: ReadonlyArray<{ readonly name: string }>;
}): SearchText {
  return {
    name: searchField(firmSearchName(e.name_th), firmSearchName(e.name_en)),
    body: searchField(...e.products.map((p) => p.name), e.business_type),
  };
}

/** A cluster: its names; its code and descriptions. */
export function clusterSearchText(c: {
  readonly name_th: string | null;
  readonly name_en: string | null;
  readonly code: string;
  readonly description_th: string | null;
  readonly description_en: string | null;
}): SearchText {
  return { name: searchField(c.name_th, c.name_en), body: searchField(c.code, c.description_th, c.description_en) };
}

/** An institution: its names; its description. */
export function institutionSearchText(i: {
  readonly name_th: string | null;
  readonly name_en: string | null;
  readonly description: string | null;
}): SearchText {
  return { name: searchField(i.name_th, i.name_en), body: searchField(i.description) };
}
