import { normalizeThai } from "./thai-text.ts";

/** A province as the reference data has it: DOPA 2-digit code and Thai and English names. */
export type GazetteerProvince = { readonly code: string; readonly nameTh: string; readonly nameEn: string };

/**
 * A district (อำเภอ, or เขต in Bangkok) as the reference data has it: 4-digit code, its province, and
 * names such as "เมืองเชียงใหม่" / "Mueang Chiang Mai" or, in Bangkok, "เขตพญาไท" / "Khet Phaya Thai".
 */
export type GazetteerDistrict = {
  readonly code: string;
  readonly provinceCode: string;
  readonly nameTh: string;
  readonly nameEn: string;
};

/** The provinces and districts an address is read against (data/provinces.csv and data/districts.csv). */
export type Gazetteer = {
  readonly provinces: ReadonlyArray<GazetteerProvince>;
  readonly districts: ReadonlyArray<GazetteerDistrict>;
};

/**
 * How sure the reading is: "exact" — the province is named on its own (with จ./จังหวัด, "Province",
 * or as a word of its own) and one district of that province is named; "partial" — the province is
 * known but the district is not, or either had to be chosen among rivals, or the province was only
 * inferred from a district name; "none" — no province.
 */
export type AddressConfidence = "exact" | "partial" | "none";

/** What `parseThaiAddress` found. The district, when there is one, always lies in the province. */
export type ParsedAddress = {
  readonly provinceCode: string | null;
  readonly districtCode: string | null;
  readonly postcode: string | null;
  readonly confidence: AddressConfidence;
};

type PartKind = "province" | "district" | "skip" | "plain";
type Placement = "thai" | "prefix" | "suffix" | "self";
type Marker = { readonly start: number; readonly end: number; readonly kind: PartKind; readonly placement: Placement };
type MarkerRule = { readonly pattern: RegExp; readonly kind: PartKind; readonly placement: Placement };

const THAI_CONSONANT = "\u0E01-\u0E2E";
const TOKEN_START = String.raw`(?<=^|[\s,(])`;
const thaiWordMarker = (words: string): RegExp => new RegExp(`${TOKEN_START}(?:${words})`, "g");
// A dotted Thai abbreviation (อ.), but not a letter inside a longer one (ต.ค., อ.ส.ค.).
const dotted = (letters: string): RegExp =>
  new RegExp(String.raw`(?<![${THAI_CONSONANT}]\.)[${letters}]\.(?![${THAI_CONSONANT}]\.)`, "g");

// Thai markers take the one word after them (Thai place names have no spaces). จังหวัด, อำเภอ, ตำบล,
// แขวง and the dotted abbreviations are recognised even glued to the word before ("…สันทรายอ.เมือง");
// เขต glued only when a Thai letter follows, so a name ending in เขต (สนามชัยเขต) is left whole; the
// others only at the start of a word. A dotted letter inside a longer abbreviation (ต.ค., อ.ส.ค.) is
// not a marker. Latin markers come before ("Amphoe", "Tambon"), after ("District", "Road") or carry
// their number ("Moo 4").
const markerRules: ReadonlyArray<MarkerRule> = [
  { pattern: /จังหวัด/g, kind: "province", placement: "thai" },
  { pattern: /กิ่งอำเภอ|อำเภอ/g, kind: "district", placement: "thai" },
  {
    pattern: new RegExp(String.raw`${TOKEN_START}เขต|(?<=[\u0E01-\u0E4E])เขต(?=[${THAI_CONSONANT}])`, "g"),
    kind: "district",
    placement: "thai",
  },
  { pattern: /ตำบล|แขวง/g, kind: "skip", placement: "thai" },
  {
    pattern: thaiWordMarker("ถนน|ซอย|หมู่บ้าน|หมู่ที่|หมู่|บ้านเลขที่|เลขที่|อาคาร|ชั้น"),
    kind: "skip",
    placement: "thai",
  },
  { pattern: dotted("จ"), kind: "province", placement: "thai" },
  { pattern: dotted("อ"), kind: "district", placement: "thai" },
  { pattern: dotted("ตถซม"), kind: "skip", placement: "thai" },
  { pattern: /\bchangwat\b/gi, kind: "province", placement: "prefix" },
  { pattern: /\bprovince\b/gi, kind: "province", placement: "suffix" },
  { pattern: /\b(?:amphoe|amphur|amphor|khet)\b/gi, kind: "district", placement: "prefix" },
  { pattern: /\bsub[\s-]?district\b/gi, kind: "skip", placement: "suffix" },
  { pattern: /\bdistrict\b/gi, kind: "district", placement: "suffix" },
  { pattern: /\b(?:tambon|khwaeng|kwaeng|soi|thanon)\b/gi, kind: "skip", placement: "prefix" },
  { pattern: /\b(?:road|rd|street|st)\b\.?/gi, kind: "skip", placement: "suffix" },
  { pattern: /\b(?:moo|mu|m|village\s+no)\s*\.?\s*\d+\b/gi, kind: "skip", placement: "self" },
];

// Bangkok's everyday names, rewritten to the gazetteer's name before markers are read (or the "ม." of
// "กทม." would look like หมู่). Thai ones only at the start of a word: ธนาคารกรุงเทพ is Bangkok Bank.
const BANGKOK_ALIASES =
  /(?<=^|[\s,.(])(?:กรุงเทพมหานคร|กรุงเทพฯ|กรุงเทพ|กทม\.?)|\bkrung\s*thep(?:\s*maha\s*nakhon)?\b|\bbkk\b/gi;

// Words only Bangkok's addresses use: แขวง (its sub-district) and เขต (its district) as a word of their own.
const BANGKOK_MARKERS = new RegExp(String.raw`แขวง|${TOKEN_START}เขต|\b(?:khet|khwaeng|kwaeng)\b`, "i");

// The first two digits of a Thai postcode run 10-96.
const POSTCODE = /(?<![\d/])([1-9]\d)\d{3}(?![\d/])/g;

type Part = { readonly kind: PartKind; readonly text: string; readonly offset: number };

function findMarkers(text: string): Marker[] {
  const found: Marker[] = [];
  for (const rule of markerRules) {
    for (const match of text.matchAll(rule.pattern)) {
      const end = match.index + match[0].length;
      found.push({ start: match.index, end, kind: rule.kind, placement: rule.placement });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Marker[] = [];
  for (const marker of found) {
    const previous = kept[kept.length - 1];
    if (!previous || marker.start >= previous.end) kept.push(marker);
  }
  return kept;
}

/**
 * Cuts the address into parts at commas and markers. The text after a Thai marker is one word of the
 * marker's kind (the rest plain); after a Latin prefix marker ("Amphoe", "Tambon") the text up to the
 * next cut is of its kind; before a Latin suffix marker ("District", "Road") likewise.
 */
function splitParts(text: string): Part[] {
  type Cut = { readonly start: number; readonly end: number; readonly marker: Marker | null };
  const cuts: Cut[] = [];
  for (const marker of findMarkers(text)) cuts.push({ start: marker.start, end: marker.end, marker });
  for (const match of text.matchAll(/[,;]/g)) {
    const insideMarker = cuts.some((cut) => match.index >= cut.start && match.index < cut.end);
    if (!insideMarker) cuts.push({ start: match.index, end: match.index + 1, marker: null });
  }
  cuts.sort((a, b) => a.start - b.start);

  const parts: Part[] = [];
  const push = (kind: PartKind, from: number, to: number): void => {
    const slice = text.slice(from, to);
    const lead = slice.length - slice.trimStart().length;
    const trimmed = slice.trim();
    if (trimmed !== "") parts.push({ kind, text: trimmed, offset: from + lead });
  };
  let position = 0;
  for (let i = 0; i <= cuts.length; i++) {
    const before = i > 0 ? (cuts[i - 1]?.marker ?? null) : null;
    const after = i < cuts.length ? (cuts[i]?.marker ?? null) : null;
    const end = i < cuts.length ? (cuts[i]?.start ?? text.length) : text.length;
    const region = text.slice(position, end);
    const lead = region.length - region.trimStart().length;
    if (before?.placement === "thai" && !/^[a-z]/i.test(region.slice(lead))) {
      const space = region.slice(lead).search(/\s/);
      const wordEnd = space < 0 ? end : position + lead + space;
      push(before.kind, position, wordEnd);
      push("plain", wordEnd, end);
    } else if (before?.placement === "thai") {
      // "จ. Chiang Mai": an English name after a Thai marker runs to the next cut.
      push(before.kind, position, end);
    } else if (before?.placement === "prefix") {
      push(before.kind, position, end);
    } else if (after?.placement === "suffix") {
      push(after.kind, position, end);
    } else {
      push("plain", position, end);
    }
    position = i < cuts.length ? (cuts[i]?.end ?? text.length) : text.length;
  }
  return parts;
}

const segmenter = new Intl.Segmenter("th", { granularity: "word" });
const NAME_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Letters, marks and digits only, lower-cased: "Chiang Mai", "Chiangmai" and "chiang-mai" compare alike. */
function compact(text: string): string {
  let out = "";
  for (const char of text) if (NAME_CHAR.test(char)) out += char.toLowerCase();
  return out;
}

type IndexedPart = {
  readonly part: Part;
  readonly compact: string;
  /** Compact positions where a word starts or ends (ICU word break, which also cuts Thai). */
  readonly boundaries: ReadonlySet<number>;
  /** For each compact position, the position in the part's text. */
  readonly origin: ReadonlyArray<number>;
};

function indexPart(part: Part): IndexedPart {
  const origin: number[] = [];
  const compactAt: number[] = [];
  let out = "";
  let offset = 0;
  for (const char of part.text) {
    compactAt.push(out.length);
    if (NAME_CHAR.test(char)) {
      const lower = char.toLowerCase();
      for (let k = 0; k < lower.length; k++) origin.push(offset);
      out += lower;
    }
    for (let k = 1; k < char.length; k++) compactAt.push(out.length);
    offset += char.length;
  }
  compactAt.push(out.length);
  const boundaries = new Set<number>([0, out.length]);
  for (const segment of segmenter.segment(part.text)) {
    boundaries.add(compactAt[segment.index] ?? out.length);
    boundaries.add(compactAt[segment.index + segment.segment.length] ?? out.length);
  }
  return { part, compact: out, boundaries, origin };
}

type Occurrence = { readonly start: number; readonly end: number; readonly whole: boolean };

const THAI = /[\u0E00-\u0E7F]/;

/** Every place a (compacted) name occurs in a part, starting and ending on word boundaries. */
function occurrences(indexed: IndexedPart, name: string): Occurrence[] {
  const found: Occurrence[] = [];
  if (name === "") return found;
  for (let at = indexed.compact.indexOf(name); at >= 0; at = indexed.compact.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (!indexed.boundaries.has(at) || !indexed.boundaries.has(end)) continue;
    found.push({ start: at, end, whole: isWhole(indexed, at, end, name) });
  }
  return found;
}

/** The name is the whole part, or (for Thai, written without spaces inside a name) a space-delimited word of it. */
function isWhole(indexed: IndexedPart, start: number, end: number, name: string): boolean {
  if (start === 0 && end === indexed.compact.length) return true;
  if (!THAI.test(name)) return false;
  const text = indexed.part.text;
  const first = indexed.origin[start] ?? 0;
  const last = indexed.origin[end - 1] ?? text.length - 1;
  const before = text[first - 1];
  const after = text[last + 1];
  const separates = (char: string | undefined): boolean => char === undefined || !NAME_CHAR.test(char);
  return separates(before) && separates(after);
}

/** A name found in a part: what it names, how strongly, where (in the text, and in the part's compact form). */
type Found<T> = {
  readonly item: T;
  readonly strength: number;
  readonly position: number;
  readonly length: number;
  readonly partIndex: number;
  readonly start: number;
  readonly end: number;
};

// The compacted names of each gazetteer row, worked out once per row object: an import reads
// thousands of addresses against the same 928 districts. Rows are treated as immutable.
const namesOfRow = new WeakMap<GazetteerProvince | GazetteerDistrict, ReadonlyArray<string>>();

function cachedNames<T extends GazetteerProvince | GazetteerDistrict>(
  row: T,
  build: (row: T) => string[],
): ReadonlyArray<string> {
  let names = namesOfRow.get(row);
  if (!names) {
    names = [
      ...new Set(
        build(row)
          .map((name) => compact(normalizeThai(name)))
          .filter((name) => name !== ""),
      ),
    ];
    namesOfRow.set(row, names);
  }
  return names;
}

function provinceNames(province: GazetteerProvince): ReadonlyArray<string> {
  return cachedNames(province, (row) => [row.nameTh, row.nameEn]);
}

/** A district's names, plus Bangkok's without their เขต / Khet and "Muang" for "Mueang". */
function districtNames(district: GazetteerDistrict): ReadonlyArray<string> {
  return cachedNames(district, (row) => {
    const th = normalizeThai(row.nameTh);
    const en = normalizeThai(row.nameEn);
    const names = [th, en];
    if (th.startsWith("เขต") && th.length > 3) names.push(th.slice(3));
    if (/^khet\s/i.test(en)) names.push(en.replace(/^khet\s+/i, ""));
    if (/^mueang\s/i.test(en)) names.push(en.replace(/^mueang\s+/i, "Muang "));
    return names;
  });
}

const GLUED = 2;
const INSIDE_DISTRICT = 1;
const PROVINCE_STRENGTH: Readonly<Record<PartKind, number>> = {
  province: 4,
  plain: GLUED,
  district: INSIDE_DISTRICT,
  skip: 0,
};
const DISTRICT_STRENGTH: Readonly<Record<PartKind, number>> = { district: 2, plain: 1, province: 0, skip: 0 };
const MUEANG_WORDS: ReadonlySet<string> = new Set(["เมือง", "mueang", "muang"]);

function findProvinces(
  parts: ReadonlyArray<IndexedPart>,
  provinces: ReadonlyArray<GazetteerProvince>,
): Found<GazetteerProvince>[] {
  const found: Found<GazetteerProvince>[] = [];
  parts.forEach((indexed, partIndex) => {
    const base = PROVINCE_STRENGTH[indexed.part.kind];
    if (base === 0) return;
    for (const province of provinces) {
      for (const name of provinceNames(province)) {
        for (const occurrence of occurrences(indexed, name)) {
          // A province named as a word of its own in unmarked text beats one glued into other words.
          const strength = indexed.part.kind === "plain" && occurrence.whole ? 3 : base;
          const position = indexed.part.offset + (indexed.origin[occurrence.start] ?? 0);
          const { start, end } = occurrence;
          found.push({ item: province, strength, position, length: name.length, partIndex, start, end });
        }
      }
    }
  });
  return found;
}

function findDistricts(
  parts: ReadonlyArray<IndexedPart>,
  districts: ReadonlyArray<GazetteerDistrict>,
  provinceHits: ReadonlyArray<Found<GazetteerProvince>>,
): Found<GazetteerDistrict>[] {
  const found: Found<GazetteerDistrict>[] = [];
  parts.forEach((indexed, partIndex) => {
    const strength = DISTRICT_STRENGTH[indexed.part.kind];
    if (strength === 0) return;
    for (const district of districts) {
      for (const name of districtNames(district)) {
        for (const occurrence of occurrences(indexed, name)) {
          // Unmarked text naming a province is not also a district of the same name (อยุธยา's district
          // พระนครศรีอยุธยา): it only counts when a marker says it is a district.
          const insideProvince = provinceHits.some(
            (hit) => hit.partIndex === partIndex && hit.start <= occurrence.start && occurrence.end <= hit.end,
          );
          if (indexed.part.kind === "plain" && insideProvince) continue;
          const position = indexed.part.offset + (indexed.origin[occurrence.start] ?? 0);
          const { start, end } = occurrence;
          found.push({ item: district, strength, position, length: name.length, partIndex, start, end });
        }
      }
    }
  });
  // A name inside a longer name found at the same place is part of that name, not a mention.
  const within = (inner: Found<GazetteerDistrict>, outer: Found<GazetteerDistrict>): boolean =>
    outer.partIndex === inner.partIndex &&
    outer.start <= inner.start &&
    inner.end <= outer.end &&
    outer.end - outer.start > inner.end - inner.start;
  return found.filter((hit) => !found.some((other) => within(hit, other)));
}

/** The Mueang (capital) district of a province: "เมือง" + its name, or for Ayutthaya the province's own name. */
function mueangDistrict(
  province: GazetteerProvince,
  districts: ReadonlyArray<GazetteerDistrict>,
): GazetteerDistrict | null {
  const provinceName = compact(normalizeThai(province.nameTh));
  const inProvince = districts.filter((district) => district.provinceCode === province.code);
  return (
    inProvince.find((district) => compact(normalizeThai(district.nameTh)) === `เมือง${provinceName}`) ??
    inProvince.find((district) => compact(normalizeThai(district.nameTh)) === provinceName) ??
    null
  );
}

type Pick<T> = { readonly item: T; readonly strength: number; readonly contested: boolean };

/**
 * The best of the hits: strongest first; among different items equally strong, the one agreeing with
 * the postcode's first two digits, else the one named last (Thai addresses go
 * from small to large, so the province comes last). `contested` says a tiebreak was needed.
 */
function pickBest<T>(
  hits: ReadonlyArray<Found<T>>,
  keyOf: (item: T) => string,
  postcodeAgrees: (item: T) => boolean,
): Pick<T> | null {
  let top = 0;
  for (const hit of hits) top = Math.max(top, hit.strength);
  const strongest = hits.filter((hit) => hit.strength === top);
  const latest = new Map<string, Found<T>>();
  for (const hit of strongest) {
    const key = keyOf(hit.item);
    const seen = latest.get(key);
    const later = seen === undefined || hit.position > seen.position;
    if (later || (hit.position === seen.position && hit.length > seen.length)) latest.set(key, hit);
  }
  const rivals = [...latest.values()];
  if (rivals.length === 0) return null;
  const agreeing = rivals.filter((hit) => postcodeAgrees(hit.item));
  const pool = agreeing.length > 0 ? agreeing : rivals;
  pool.sort((a, b) => b.position - a.position || b.length - a.length);
  const [best] = pool;
  return best ? { item: best.item, strength: best.strength, contested: rivals.length > 1 } : null;
}

/**
 * Finds the province and district in a free-text Thai or English address, e.g.
 * "99/1 หมู่ 3 ต.สันทราย อ.เมืองเชียงใหม่ จ.เชียงใหม่ 50000",
 * "123 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพมหานคร 10400" or
 * "12 Moo 4, Mueang Chiang Mai District, Chiang Mai 50000".
 *
 * - Markers say what a name is: จ./จังหวัด/Changwat/"… Province" a province; อ./อำเภอ/เขต/Amphoe/Khet/
 *   "… District" a district. Sub-district, road, soi, moo and building parts (ต./ตำบล/แขวง/Tambon,
 *   ถ./ถนน/Road, ซ./ซอย/Soi, ม./หมู่/Moo, เลขที่, อาคาร) are never read as a province or district —
 *   ตำบลสันทราย is a sub-district even though สันทราย is also a district's name.
 * - Names are the gazetteer's, Thai or English, compared without case, spaces or punctuation and only
 *   on word boundaries (Thai cut by `Intl.Segmenter("th")`): "Chiangmai" is Chiang Mai, but แพร่ inside
 *   a longer word is not Phrae. Bangkok is also found as กรุงเทพฯ, กรุงเทพ, กทม., Krung Thep, BKK;
 *   Bangkok districts with or without their "เขต"/"Khet"; "Muang" as well as "Mueang".
 * - "อ.เมือง", "อำเภอเมือง" or "Mueang District" alone mean the province's Mueang district.
 * - The province: a marked name beats a name standing as a word of its own, which beats one glued into
 *   other text, which beats one read inside a district name ("อ.เมืองเชียงใหม่"). A name glued into
 *   other text counts only when one of its districts or the postcode backs it (แพร่ inside เผยแพร่
 *   is not Phrae). With no province named, a district name found in exactly one province gives it
 *   (confidence "partial").
 * - The district is only ever looked for in the chosen province; a district of another province is
 *   ignored, not returned.
 * - The postcode is the last 5-digit number (not part of a house number like 12345/6) whose first two
 *   digits are 10-96. Those digits are the province's postal prefix, which is NOT always its DOPA
 *   code (Samut Prakan, code 11, has postcodes 10xxx; Nonthaburi, 12, has 11xxx), so they only break
 *   a tie between equally named candidates and never name a province on their own.
 */
export function parseThaiAddress(text: string, gazetteer: Gazetteer): ParsedAddress {
  const found = parseOneLine(text.replace(/[\r\n]+/g, ", "), gazetteer);
  if (found.districtCode !== null || !/[\r\n]/.test(text)) return found;
  // A cell wrapped inside a name ("เขตบาง\nขุนเทียน"): read again with breaks between Thai letters closed up.
  const joined = parseOneLine(text.replace(WRAPPED_THAI, "").replace(/[\r\n]+/g, ", "), gazetteer);
  const agrees =
    joined.districtCode !== null && (found.provinceCode === null || joined.provinceCode === found.provinceCode);
  return agrees ? joined : found;
}

const WRAPPED_THAI = /(?<=[\u0E01-\u0E4E])[ \t]*(?:\r\n|\r|\n)[ \t]*(?=[\u0E01-\u0E4E])/g;

function parseOneLine(text: string, gazetteer: Gazetteer): ParsedAddress {
  let work = normalizeThai(text);

  let postcode: string | null = null;
  let postalPrefix: string | null = null;
  for (const match of work.matchAll(POSTCODE)) {
    const prefix = Number(match[1]);
    if (prefix >= 10 && prefix <= 96) {
      postcode = match[0];
      postalPrefix = match[1] ?? null;
    }
  }
  if (postcode !== null) work = work.replace(new RegExp(String.raw`(?<![\d/])${postcode}(?![\d/])`, "g"), " ");

  const bangkok = gazetteer.provinces.find(
    (province) => province.nameTh === "กรุงเทพมหานคร" || province.nameEn.toLowerCase() === "bangkok",
  );
  if (bangkok) work = work.replace(BANGKOK_ALIASES, ` ${bangkok.nameTh} `);

  const parts = splitParts(work).map(indexPart);
  const agreesWithPostcode = (code: string): boolean => postalPrefix !== null && code === postalPrefix;

  const provinceHits = findProvinces(parts, gazetteer.provinces);
  // A province name glued inside other Thai text may be a dictionary accident (แพร่ in เผยแพร่), so
  // it counts only when the postcode or one of the province's districts backs it up.
  const backed = new Map<string, boolean>();
  const isBacked = (code: string): boolean => {
    let answer = backed.get(code);
    if (answer === undefined) {
      const itsDistricts = gazetteer.districts.filter((district) => district.provinceCode === code);
      answer = agreesWithPostcode(code) || findDistricts(parts, itsDistricts, provinceHits).length > 0;
      backed.set(code, answer);
    }
    return answer;
  };
  // So may a name read inside a district name: อ.โพธิ์ตาก (Nong Khai) holds ตาก (Tak), อ.เมืองเชียงใหม่
  // holds เชียงใหม่ and is one of its districts.
  const trusted = provinceHits.filter(
    (hit) => (hit.strength !== GLUED && hit.strength !== INSIDE_DISTRICT) || isBacked(hit.item.code),
  );
  let province = pickBest(
    trusted,
    (item) => item.code,
    (item) => agreesWithPostcode(item.code),
  );
  let inferred = false;
  if (!province) {
    const anyDistrict = findDistricts(parts, gazetteer.districts, trusted);
    let top = 0;
    for (const hit of anyDistrict) top = Math.max(top, hit.strength);
    const rivals = new Set(anyDistrict.filter((hit) => hit.strength === top).map((hit) => hit.item.provinceCode));
    const agreeing = [...rivals].filter(agreesWithPostcode);
    // แขวง and เขต are Bangkok's words: "แขวง… เขตจอมทอง" is Bangkok's จอมทอง, not Chiang Mai's.
    const bangkokWords = bangkok !== undefined && rivals.has(bangkok.code) && BANGKOK_MARKERS.test(work);
    const code =
      rivals.size === 1
        ? [...rivals][0]
        : agreeing.length === 1
          ? agreeing[0]
          : bangkokWords
            ? bangkok?.code
            : undefined;
    const found = gazetteer.provinces.find((candidate) => candidate.code === code);
    if (found) {
      province = { item: found, strength: 0, contested: rivals.size > 1 };
      inferred = true;
    }
  }
  if (!province) return { provinceCode: null, districtCode: null, postcode, confidence: "none" };

  const chosen = province.item;
  const inProvince = gazetteer.districts.filter((district) => district.provinceCode === chosen.code);
  const districtHits = findDistricts(parts, inProvince, trusted);
  const mueang = mueangDistrict(chosen, gazetteer.districts);
  if (mueang) {
    parts.forEach((indexed, partIndex) => {
      if (indexed.part.kind === "district" && MUEANG_WORDS.has(indexed.compact)) {
        const length = indexed.compact.length;
        const position = indexed.part.offset;
        districtHits.push({ item: mueang, strength: 2, position, length, partIndex, start: 0, end: length });
      }
    });
  }
  const district = pickBest(
    districtHits,
    (item) => item.code,
    () => false,
  );

  const exact = district !== null && !inferred && province.strength >= 3 && !province.contested && !district.contested;
  return {
    provinceCode: chosen.code,
    districtCode: district?.item.code ?? null,
    postcode,
    confidence: exact ? "exact" : "partial",
  };
}
