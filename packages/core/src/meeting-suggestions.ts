import type { ParticipantRole } from "./market.ts";
import { foldSearchText } from "./search-text.ts";
import { containsRun, productWords } from "./value-chain.ts";

/**
 * Suggested meetings at a trade event (issue 14 point 3): the value-chain product matching (`suggestLinks`), taken
 * across clusters and to buyers. An offer of one participant matches a need of another by
 *
 * - HS code: the same code, or the same subheading (6 digits), heading (4) or chapter (2);
 * - TSIC code: the same code, or the same class (4 digits) or group (3); a division is too broad to suggest on;
 * - product words: the texts folded as search folds them (`foldSearchText`) and cut into words by
 *   `Intl.Segmenter("th")`: the same words, one text's words as a run inside the other's ("กาแฟคั่ว" inside
 *   "เมล็ดกาแฟคั่ว"), or, weakest, a shared word that names something (not "สินค้า", "product").
 *
 * Each match is a reason worded in Thai and English. Only a participant who sells (role seller or both) offers, so
 * two pure buyers are never paired; a seller's needs count (firms buy inputs from each other, across clusters).
 * Pairs that already have a meeting (any status) and a participant with itself are never suggested. Every
 * participant gets at most `perParticipant` suggestions (their best); order and choice are deterministic.
 */

export type SuggestionInterest = {
  readonly direction: "offer" | "need";
  readonly hsCode: string | null;
  readonly tsicCode: string | null;
  /** Product words as the participant wrote them (or the catalogue product's name). */
  readonly text: string | null;
};

export type SuggestionParticipant = {
  readonly id: number;
  readonly role: ParticipantRole;
  /** A buyer record (foreign company, organisation) rather than a member firm: worded "ผู้ซื้อ" / "the buyer". */
  readonly isBuyer: boolean;
  readonly interests: ReadonlyArray<SuggestionInterest>;
};

export const matchBases = ["hs", "tsic", "words"] as const;
export type MatchBasis = (typeof matchBases)[number];

export const matchLevels = [
  "exact",
  "hs_subheading",
  "hs_heading",
  "hs_chapter",
  "tsic_class",
  "tsic_group",
  "words_run",
  "words_shared",
] as const;
export type MatchLevel = (typeof matchLevels)[number];

/** One offer matching one need: who sells, who needs, on what, and the sentence that says so. */
export type MeetingReason = {
  readonly basis: MatchBasis;
  readonly level: MatchLevel;
  /** The participant whose offer matched. */
  readonly sellerId: number;
  /** The participant whose need matched. */
  readonly needId: number;
  /** The offer and the need as shown: their words, else their code ("HS 0901"). */
  readonly offer: string;
  readonly need: string;
  /** The code or words they share: "0901", "10791", "กาแฟ". */
  readonly shared: string;
  readonly score: number;
  readonly th: string;
  readonly en: string;
};

export type MeetingSuggestion = {
  /** The pair, low id first (core `meetingPair`), whoever sells. */
  readonly low: number;
  readonly high: number;
  /** 0..1, higher is nearer: the best reason, plus a little for each further one. */
  readonly score: number;
  /** Best first; at most `MAX_REASONS`. */
  readonly reasons: ReadonlyArray<MeetingReason>;
};

const MAX_REASONS = 5;

const LEVEL_SCORE: Readonly<Record<MatchLevel, number>> = {
  exact: 1,
  hs_subheading: 0.9,
  hs_heading: 0.8,
  tsic_class: 0.6,
  words_run: 0.55,
  hs_chapter: 0.5,
  tsic_group: 0.45,
  words_shared: 0.3,
};

/** An exact HS match outranks an exact TSIC one, which outranks the same words (HS names the product itself). */
const EXACT_SCORE: Readonly<Record<MatchBasis, number>> = { hs: 1, tsic: 0.7, words: 0.7 };

/** Words too general to pair two participants on their own. */
const GENERIC_WORDS: ReadonlySet<string> = new Set([
  "สินค้า",
  "ผลิตภัณฑ์",
  "และ",
  "หรือ",
  "ของ",
  "ที่",
  "จาก",
  "สำหรับ",
  "ชนิด",
  "ประเภท",
  "อื่นๆ",
  "อื่น",
  "product",
  "products",
  "goods",
  "and",
  "or",
  "of",
  "the",
  "for",
  "from",
  "with",
  "other",
  "others",
]);

type Prepared = {
  readonly participant: SuggestionParticipant;
  readonly interest: SuggestionInterest;
  readonly hs: string | null;
  readonly tsic: string | null;
  readonly words: ReadonlyArray<string>;
  /** Words that may pair on their own (not generic, not a single character). */
  readonly keyWords: ReadonlyArray<string>;
  /** `words` joined, and `keyWords` as a set: compared for every candidate pair, so made once. */
  readonly joined: string;
  readonly keySet: ReadonlySet<string>;
  readonly label: string;
};

/** Digits only ("0901.21" → "090121"); null when fewer than two digits remain. */
export function codeDigits(code: string | null): string | null {
  if (code === null) return null;
  const digits = code.replace(/[\s.-]/g, "");
  return /^\d{2,}$/.test(digits) ? digits : null;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** HS codes: equal, or the longest of subheading (6), heading (4), chapter (2) they share. */
function hsLevel(a: string, b: string): { level: MatchLevel; shared: string } | null {
  if (a === b) return { level: "exact", shared: a };
  const common = commonPrefixLength(a, b);
  if (common >= 6) return { level: "hs_subheading", shared: a.slice(0, 6) };
  if (common >= 4) return { level: "hs_heading", shared: a.slice(0, 4) };
  if (common >= 2) return { level: "hs_chapter", shared: a.slice(0, 2) };
  return null;
}

/** TSIC 2009 codes (5 digits): equal, or the same class (4) or group (3). */
function tsicLevel(a: string, b: string): { level: MatchLevel; shared: string } | null {
  if (a === b) return { level: "exact", shared: a };
  const common = commonPrefixLength(a, b);
  if (common >= 4) return { level: "tsic_class", shared: a.slice(0, 4) };
  if (common >= 3) return { level: "tsic_group", shared: a.slice(0, 3) };
  return null;
}

function wordsLevel(offer: Prepared, need: Prepared): { level: MatchLevel; shared: string } | null {
  if (offer.words.length === 0 || need.words.length === 0) return null;
  if (offer.joined === need.joined) return { level: "exact", shared: need.words.join("") };
  if (containsRun(offer.words, need.words)) return { level: "words_run", shared: need.words.join("") };
  if (containsRun(need.words, offer.words)) return { level: "words_run", shared: offer.words.join("") };
  let shared: string[] | null = null;
  for (const word of offer.keySet) if (need.keySet.has(word)) (shared ??= []).push(word);
  if (shared) return { level: "words_shared", shared: shared.sort().join(", ") };
  return null;
}

function prepare(participant: SuggestionParticipant, interest: SuggestionInterest): Prepared | null {
  const hs = codeDigits(interest.hsCode);
  const tsic = codeDigits(interest.tsicCode);
  const text = interest.text?.trim() ?? "";
  const words = text === "" ? [] : productWords(foldSearchText(text));
  if (hs === null && tsic === null && words.length === 0) return null;
  const keyWords = words.filter((word) => [...word].length > 1 && !GENERIC_WORDS.has(word));
  const label = text !== "" ? text : hs !== null ? `HS ${hs}` : `TSIC ${tsic ?? ""}`;
  return {
    participant,
    interest,
    hs,
    tsic,
    words,
    keyWords,
    joined: words.join(" "),
    keySet: new Set(keyWords),
    label,
  };
}

function codeTag(basis: MatchBasis, prepared: Prepared): string {
  if (basis === "hs" && prepared.hs !== null && prepared.label !== `HS ${prepared.hs}`) return ` (HS ${prepared.hs})`;
  if (basis === "tsic" && prepared.tsic !== null && prepared.label !== `TSIC ${prepared.tsic}`) {
    return ` (TSIC ${prepared.tsic})`;
  }
  return "";
}

const LEVEL_WORDS: Readonly<Record<MatchLevel, { th: (shared: string) => string; en: (shared: string) => string }>> = {
  exact: { th: () => "ตรงกับ", en: () => "matches" },
  hs_subheading: {
    th: (s) => `อยู่ในพิกัดย่อย HS ${s} เดียวกับ`,
    en: (s) => `is in the same HS subheading ${s} as`,
  },
  hs_heading: { th: (s) => `อยู่ในพิกัด HS ${s} เดียวกับ`, en: (s) => `is in the same HS heading ${s} as` },
  hs_chapter: { th: (s) => `อยู่ในหมวด HS ${s} เดียวกับ`, en: (s) => `is in the same HS chapter ${s} as` },
  tsic_class: { th: (s) => `อยู่ในประเภท TSIC ${s} เดียวกับ`, en: (s) => `is in the same TSIC class ${s} as` },
  tsic_group: { th: (s) => `อยู่ในกลุ่ม TSIC ${s} เดียวกับ`, en: (s) => `is in the same TSIC group ${s} as` },
  words_run: { th: (s) => `มีคำว่า "${s}" ตรงกับ`, en: (s) => `shares "${s}" with` },
  words_shared: { th: (s) => `มีคำว่า "${s}" เหมือนกับ`, en: (s) => `shares the word "${s}" with` },
};

/** One offer matching one need, before it is worded: the strongest basis speaks for the pair of interests. */
type Match = {
  readonly basis: MatchBasis;
  readonly level: MatchLevel;
  readonly shared: string;
  readonly score: number;
  readonly offer: Prepared;
  readonly need: Prepared;
  readonly offerText: string;
  readonly needText: string;
};

function matchOf(offer: Prepared, need: Prepared): Match | null {
  let best: { basis: MatchBasis; level: MatchLevel; shared: string; score: number } | null = null;
  // Tried in the order of `matchBases`, a later basis replacing an earlier one only when it scores higher.
  const consider = (basis: MatchBasis, found: { level: MatchLevel; shared: string } | null) => {
    if (!found) return;
    const score = found.level === "exact" ? EXACT_SCORE[basis] : LEVEL_SCORE[found.level];
    if (best === null || score > best.score) best = { basis, ...found, score };
  };
  if (offer.hs !== null && need.hs !== null) consider("hs", hsLevel(offer.hs, need.hs));
  if (offer.tsic !== null && need.tsic !== null) consider("tsic", tsicLevel(offer.tsic, need.tsic));
  consider("words", wordsLevel(offer, need));
  const found = best as { basis: MatchBasis; level: MatchLevel; shared: string; score: number } | null;
  if (found === null) return null;
  return {
    ...found,
    offer,
    need,
    offerText: `${offer.label}${codeTag(found.basis, offer)}`,
    needText: `${need.label}${codeTag(found.basis, need)}`,
  };
}

/** A match in words, Thai and English: only the reasons a suggestion keeps are worded. */
function reasonOf(match: Match): MeetingReason {
  const { offer, need, offerText, needText } = match;
  const needer = need.participant.isBuyer ? { th: "ผู้ซื้อ", en: "The buyer" } : { th: "ผู้ประกอบการ", en: "The firm" };
  const words = LEVEL_WORDS[match.level];
  const sameText = match.level === "exact" && needText === offerText;
  return {
    basis: match.basis,
    level: match.level,
    sellerId: offer.participant.id,
    needId: need.participant.id,
    offer: offer.label,
    need: need.label,
    shared: match.shared,
    score: match.score,
    th: sameText
      ? `${needer.th}ต้องการ ${needText} ตรงกับสินค้าที่เสนอ`
      : `${needer.th}ต้องการ ${needText} ซึ่ง${words.th(match.shared)}สินค้าที่เสนอ ${offerText}`,
    en: sameText
      ? `${needer.en} needs ${needText}, which matches the product offered`
      : `${needer.en} needs ${needText}, which ${words.en(match.shared)} the product offered, ${offerText}`,
  };
}

function sells(role: ParticipantRole): boolean {
  return role === "seller" || role === "both";
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareMatches(a: Match, b: Match): number {
  return (
    b.score - a.score ||
    a.offer.participant.id - b.offer.participant.id ||
    a.need.participant.id - b.need.participant.id ||
    byText(a.offer.label, b.offer.label) ||
    byText(a.need.label, b.need.label) ||
    byText(a.offerText, b.offerText) ||
    byText(a.needText, b.needText)
  );
}

/** Two matches that would read as the same sentence (the same need stated twice) count once. */
function sameSentence(a: Match, b: Match): boolean {
  return (
    a.offer.participant.id === b.offer.participant.id &&
    a.need.participant.id === b.need.participant.id &&
    a.level === b.level &&
    a.shared === b.shared &&
    a.offerText === b.offerText &&
    a.needText === b.needText
  );
}

/**
 * Adds a match to a pair's best `MAX_REASONS` distinct matches, kept in `compareMatches` order. The pair's score
 * needs no more: its bonus counts at most four further matches.
 */
function keepBest(best: Match[], match: Match): void {
  if (best.some((kept) => sameSentence(kept, match))) return;
  if (best.length >= MAX_REASONS) {
    const last = best[best.length - 1];
    if (last && compareMatches(match, last) >= 0) return;
    best.pop();
  }
  let at = best.length;
  while (at > 0 && compareMatches(match, best[at - 1] as Match) < 0) at -= 1;
  best.splice(at, 0, match);
}

export function compareSuggestions(
  a: Pick<MeetingSuggestion, "score" | "low" | "high">,
  b: Pick<MeetingSuggestion, "score" | "low" | "high">,
): number {
  return b.score - a.score || a.low - b.low || a.high - b.high;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Suggested meetings between an event's participants, best first (score, then low id, then high id). The event's
 * list takes pairs in that order while neither side has `perParticipant` (default 10) yet; `forParticipant` gives
 * one participant's own best `perParticipant` instead. `existingPairs`: "low:high" of every meeting the event has.
 *
 * Cost: needs are indexed by HS chapter, TSIC group and word, so an offer is compared only with the needs it
 * could match, never with every need of the event.
 */
export function suggestMeetings(input: {
  readonly participants: ReadonlyArray<SuggestionParticipant>;
  readonly existingPairs?: ReadonlySet<string>;
  readonly perParticipant?: number;
  readonly forParticipant?: number;
}): MeetingSuggestion[] {
  const perParticipant = Math.floor(input.perParticipant ?? 10);
  if (!(perParticipant > 0)) return [];
  const existing = input.existingPairs ?? new Set<string>();
  const own = input.forParticipant;
  const participants = [...new Map(input.participants.map((p) => [p.id, p])).values()].sort((a, b) => a.id - b.id);

  const offers: Prepared[] = [];
  const needs: Prepared[] = [];
  for (const participant of participants) {
    for (const interest of participant.interests) {
      const prepared = prepare(participant, interest);
      if (!prepared) continue;
      if (interest.direction === "need") needs.push(prepared);
      else if (sells(participant.role)) offers.push(prepared);
    }
  }

  // Pairs by low · span + high: a number, as a string key per candidate pair would cost more than the match.
  const span = (participants[participants.length - 1]?.id ?? 0) + 1;
  const matchesByPair = new Map<number, Match[]>();
  const scan = (scanned: readonly Prepared[], against: NeedIndex) => {
    for (const offer of scanned) {
      for (const need of against.candidates(offer)) {
        const a = offer.participant.id;
        const b = need.participant.id;
        if (a === b) continue;
        const key = a < b ? a * span + b : b * span + a;
        let best = matchesByPair.get(key);
        if (best === undefined) {
          if (existing.has(a < b ? `${a}:${b}` : `${b}:${a}`)) continue;
          best = [];
          matchesByPair.set(key, best);
        }
        const match = matchOf(offer, need);
        if (match) keepBest(best, match);
      }
    }
  };
  if (own === undefined) {
    scan(offers, needIndex(needs));
  } else {
    // One participant's list: its offers against every need, and every other offer against its needs only.
    scan(
      offers.filter((offer) => offer.participant.id === own),
      needIndex(needs),
    );
    scan(
      offers.filter((offer) => offer.participant.id !== own),
      needIndex(needs.filter((need) => need.participant.id === own)),
    );
  }

  const all: Array<{ low: number; high: number; score: number; matches: Match[] }> = [];
  for (const [key, matches] of matchesByPair) {
    const low = Math.floor(key / span);
    const high = key % span;
    const [best, ...rest] = matches;
    if (!best) continue;
    // Each further match adds a little, never past 1.
    const score = Math.min(1, best.score + 0.05 * Math.min(rest.length, 4));
    all.push({ low, high, score: Math.round(score * 1000) / 1000, matches });
  }
  all.sort(compareSuggestions);

  let kept: typeof all;
  if (own !== undefined) {
    kept = all.filter((s) => s.low === own || s.high === own).slice(0, perParticipant);
  } else {
    // The event's list: best first, a pair kept while neither side has `perParticipant` yet, so no one (a popular
    // buyer) is flooded with requests when the organiser requests them in bulk.
    const taken = new Map<number, number>();
    kept = all.filter((suggestion) => {
      const lowCount = taken.get(suggestion.low) ?? 0;
      const highCount = taken.get(suggestion.high) ?? 0;
      if (lowCount >= perParticipant || highCount >= perParticipant) return false;
      taken.set(suggestion.low, lowCount + 1);
      taken.set(suggestion.high, highCount + 1);
      return true;
    });
  }
  return kept.map(({ low, high, score, matches }) => ({
    low,
    high,
    score,
    reasons: matches.map(reasonOf),
  }));
}

type NeedIndex = { candidates: (offer: Prepared) => Set<Prepared> };

/**
 * Needs by HS chapter, TSIC group and word, so an offer meets only the needs it could match: a word match shares a
 * naming word (or, for a need with none, any of its words).
 */
function needIndex(needs: readonly Prepared[]): NeedIndex {
  const byChapter = new Map<string, Prepared[]>();
  const byGroup = new Map<string, Prepared[]>();
  const byWord = new Map<string, Prepared[]>();
  for (const need of needs) {
    if (need.hs !== null) pushTo(byChapter, need.hs.slice(0, 2), need);
    if (need.tsic !== null && need.tsic.length >= 3) pushTo(byGroup, need.tsic.slice(0, 3), need);
    const indexWords = need.keyWords.length > 0 ? need.keyWords : need.words;
    for (const word of new Set(indexWords)) pushTo(byWord, word, need);
  }
  return {
    candidates(offer) {
      const found = new Set<Prepared>();
      if (offer.hs !== null) for (const need of byChapter.get(offer.hs.slice(0, 2)) ?? []) found.add(need);
      if (offer.tsic !== null) for (const need of byGroup.get(offer.tsic.slice(0, 3)) ?? []) found.add(need);
      for (const word of new Set(offer.words)) for (const need of byWord.get(word) ?? []) found.add(need);
      return found;
    },
  };
}
