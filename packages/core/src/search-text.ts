import { normalizeThai } from "./thai-text.ts";

// Thai is written without spaces between words, so search cannot split on spaces: both the indexed
// text and the query are cut into words by ICU's dictionary word break (Intl.Segmenter "th"), after
// the same normalisation, so that both sides agree on what a word is (DESIGN.md §4).

const segmenter = new Intl.Segmenter("th", { granularity: "word" });

const THAI_LETTER = /[\u0E01-\u0E5B]/;
const FRAGMENT_MAX_LENGTH = 2;

/**
 * Words too common to tell records apart. Company-form words are here so that "บริษัท … จำกัด" and
 * "Co., Ltd." — on most enterprise names — do not dominate results; `legalFormFromName` keeps the
 * legal form itself.
 */
export const searchStopWords: ReadonlySet<string> = new Set([
  // Thai function words
  "และ",
  "หรือ",
  "ของ",
  "ที่",
  "ใน",
  "กับ",
  "แห่ง",
  // Thai company forms (ห้างหุ้นส่วน… is removed as a phrase before segmenting)
  "บริษัท",
  "จำกัด",
  "มหาชน",
  "บจ",
  "บจก",
  "บมจ",
  "หจก",
  "หสน",
  // English function words
  "the",
  "of",
  "and",
  "or",
  "in",
  "an",
  "for",
  // English company forms
  "co",
  "ltd",
  "company",
  "limited",
  "inc",
  "corp",
  "plc",
  "pcl",
]);

// Partnership forms segment into ordinary words (ห้าง|หุ้น|ส่วน) that must not be dropped one by one.
const COMPANY_PHRASES = /ห้างหุ้นส่วนสามัญนิติบุคคล|ห้างหุ้นส่วนสามัญ|ห้างหุ้นส่วนจำกัด|ห้างหุ้นส่วน|บริษัทมหาชนจำกัด/g;

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= "0" && char <= "9";

/** Normalised, lower-cased text with punctuation and symbols turned into spaces; decimals and thousands survive. */
function prepare(text: string): string {
  return normalizeThai(text)
    .toLowerCase()
    .replace(COMPANY_PHRASES, " ")
    // ฯลฯ ("etc."), the abbreviation mark ฯ (กรุงเทพฯ) and the repetition mark ๆ are letters to Unicode
    // but punctuation to a reader: "กรุงเทพฯ" is found by "กรุงเทพ", "ต่างๆ" by "ต่าง".
    .replace(/ฯลฯ/g, " ")
    .replace(/[ฯๆ]/g, " ")
    .replace(/['\u2019]/g, "")
    .replace(/(?<=\d),(?=\d{3}(?!\d))/g, "")
    .replace(/[\p{P}\p{S}]/gu, (mark: string, offset: number, whole: string) =>
      mark === "." && isDigit(whole[offset - 1]) && isDigit(whole[offset + 1]) ? "." : " ",
    );
}

type Word = { readonly text: string; readonly start: number; readonly end: number };

function words(prepared: string): Word[] {
  const found: Word[] = [];
  for (const segment of segmenter.segment(prepared)) {
    if (!segment.isWordLike) continue;
    found.push({ text: segment.segment, start: segment.index, end: segment.index + segment.segment.length });
  }
  return found;
}

// Words of each space-separated piece of prepared text, for searchTokens: indexing a registry cuts the
// same pieces ("บริษัท", "กาแฟเชียงใหม่", "จำกัด") again and again, and ICU's dictionary is the costly part.
// The word break always breaks at a space and the Thai dictionary sees one run of letters at a time,
// so a piece cuts the same alone as inside the text — unless it starts with a mark (combining or
// format), which the break may glue to the space before it; such text is cut whole, as before.
const pieceWords = new Map<string, ReadonlyArray<string>>();
const PIECE_CACHE_SIZE = 50_000;
const PLAIN_WORD = /^[a-z0-9]+$/;
const STARTS_WITH_MARK = /(?:^| )[\p{M}\p{Cf}]/u;

function wordTexts(prepared: string): ReadonlyArray<string> {
  if (STARTS_WITH_MARK.test(prepared)) return words(prepared).map((word) => word.text);
  const found: string[] = [];
  for (const piece of prepared.split(" ")) {
    if (piece === "") continue;
    if (PLAIN_WORD.test(piece)) {
      found.push(piece);
      continue;
    }
    let cut = pieceWords.get(piece);
    if (!cut) {
      cut = words(piece).map((word) => word.text);
      if (pieceWords.size >= PIECE_CACHE_SIZE) pieceWords.clear();
      pieceWords.set(piece, cut);
    }
    for (const word of cut) found.push(word);
  }
  return found;
}

function isThai(word: string): boolean {
  return THAI_LETTER.test(word);
}

function isFragment(word: string): boolean {
  return [...word].length <= FRAGMENT_MAX_LENGTH;
}

function keep(word: string): boolean {
  if (searchStopWords.has(word)) return false;
  return isThai(word) || [...word].length > 1;
}

/**
 * A word still being typed may be the start of a longer one: "c" or "co" of "coffee", "or" of
 * "organic". Longer stop words ("ltd", "company") and Thai ones (the dictionary only cuts a Thai
 * stop word off when it is complete) are dropped as usual, so "… Co Ltd" still finds the company.
 */
function keepWhileTyping(word: string): boolean {
  if (isThai(word)) return !searchStopWords.has(word);
  return keep(word) || [...word].length <= 2;
}

/**
 * The words a text is found by: normalised (`normalizeThai`: NFC, invisible characters, SARA AM,
 * Thai digits → ASCII), lower-cased, punctuation and symbols removed — the Thai marks ฯ, ฯลฯ and ๆ
 * too (a decimal point between digits is kept, a thousands comma dropped, so numbers stay whole),
 * then cut into words with `Intl.Segmenter("th", { granularity: "word" })`, keeping word-like
 * segments only. One-character tokens that are not Thai ("a", "x", "5") and `searchStopWords` are
 * dropped; duplicates are dropped keeping the first, so the order is the text's order:
 * "บริษัท กาแฟคั่วบดเชียงใหม่ จำกัด" → ["กาแฟ", "คั่ว", "บด", "เชียงใหม่"].
 */
export function searchTokens(text: string): string[] {
  const seen = new Set<string>();
  const tokens: string[] = [];
  for (const word of wordTexts(prepare(text))) {
    if (!keep(word) || seen.has(word)) continue;
    seen.add(word);
    tokens.push(word);
  }
  return tokens;
}

/** One word of a search query; a prefix term matches any token starting with it. */
export type QueryTerm = { readonly term: string; readonly prefix: boolean };

/**
 * The terms of a search box query, by the `searchTokens` pipeline. The last word is a prefix term,
 * because the user is still typing it ("roas" finds "roasted") — unless the query ends in a space or
 * punctuation, which says the word is finished. While typed, a Latin word of one or two letters is
 * kept even when it is a stop word or a single letter, since it may start a longer word ("co" →
 * "coffee"); other stop words are dropped as in `searchTokens`.
 *
 * A Thai word typed halfway is often cut by the dictionary into a known word plus a fragment
 * ("เชียงให" → "เชียง" | "ให"); when the last piece is a fragment of at most two characters joined to
 * the Thai word before it, the two are kept together as the prefix term ("เชียงให"). A genuine
 * two-letter word at the end ("กาแฟชา") then has to follow its neighbour in the text, a cost paid
 * only while it is being typed.
 */
export function searchQueryTerms(query: string): QueryTerm[] {
  const prepared = prepare(query);
  const all = words(prepared);
  const typing = !/[\s\p{P}\p{S}]$/u.test(query.normalize("NFC"));
  let last: Word | undefined;
  let body = all;
  if (typing && all.length > 0) {
    last = all[all.length - 1];
    body = all.slice(0, -1);
    const before = body[body.length - 1];
    const glued = last !== undefined && before !== undefined && before.end === last.start;
    if (last && before && glued && isThai(before.text) && isThai(last.text) && isFragment(last.text)) {
      last = { text: before.text + last.text, start: before.start, end: last.end };
      body = body.slice(0, -1);
    }
  }
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const word of body) {
    if (!keep(word.text) || seen.has(word.text)) continue;
    seen.add(word.text);
    terms.push({ term: word.text, prefix: false });
  }
  if (last && keepWhileTyping(last.text) && !seen.has(last.text)) terms.push({ term: last.text, prefix: true });
  return terms;
}

/** A record to rank: its searchable fields (name, description, …), each tokenised and weighted. */
export type SearchDocument = {
  readonly fields: ReadonlyArray<{ readonly tokens: ReadonlyArray<string>; readonly weight: number }>;
};

const EXACT = 1;
const PREFIX = 0.5;
const ADJACENT_BONUS = 0.25;

type Span = { readonly start: number; readonly end: number; readonly quality: number };

/**
 * Where a term matches a field's tokens. Exact: a token equals the term. Prefix (prefix terms only):
 * a token starts with it. Either may also run over consecutive tokens, because the same Thai phrase
 * can be cut differently in the record and in the query ("เชียงใหม่" vs "เชียง" | "ใหม่").
 */
function spans(tokens: ReadonlyArray<string>, term: QueryTerm): Span[] {
  const found: Span[] = [];
  for (let start = 0; start < tokens.length; start++) {
    let joined = "";
    for (let end = start + 1; end <= tokens.length; end++) {
      joined += tokens[end - 1] ?? "";
      if (joined === term.term) {
        found.push({ start, end, quality: EXACT });
        break;
      }
      if (joined.length >= term.term.length) {
        if (term.prefix && joined.startsWith(term.term)) found.push({ start, end, quality: PREFIX });
        break;
      }
      if (!term.term.startsWith(joined)) break;
    }
  }
  return found;
}

/**
 * A simple, explainable relevance score for one record against query terms; 0 means "not a match".
 *
 * - Every term must match a token of some field (AND); if one does not, the score is 0.
 * - Each term scores its best match: field weight × 1 for an exact token, × 0.5 for a prefix match
 *   (a prefix term that equals a whole token counts as exact). So a name field weighted above the
 *   description puts name matches first, and "roast" ranks "roast" above "roasted".
 * - Each pair of consecutive query terms found next to each other, in order, in the same field adds
 *   0.25 × that field's weight (the best field), so a phrase beats the same words scattered.
 * - No terms (empty ones are ignored), or fields with a non-positive or non-finite weight, score nothing.
 */
export function rankScore(doc: SearchDocument, terms: ReadonlyArray<QueryTerm>): number {
  const usable = terms.filter((term) => term.term !== "");
  if (usable.length === 0) return 0;
  const fields = doc.fields.filter((field) => Number.isFinite(field.weight) && field.weight > 0);
  const matches = usable.map((term) => fields.map((field) => spans(field.tokens, term)));
  let score = 0;
  for (const perField of matches) {
    let best = 0;
    perField.forEach((found, i) => {
      const weight = fields[i]?.weight ?? 0;
      for (const span of found) best = Math.max(best, weight * span.quality);
    });
    if (best === 0) return 0;
    score += best;
  }
  for (let t = 0; t + 1 < matches.length; t++) {
    let bonus = 0;
    fields.forEach((field, i) => {
      const left = matches[t]?.[i] ?? [];
      const right = matches[t + 1]?.[i] ?? [];
      const next = left.some((a) => right.some((b) => b.start === a.end));
      if (next) bonus = Math.max(bonus, ADJACENT_BONUS * field.weight);
    });
    score += bonus;
  }
  return score;
}
