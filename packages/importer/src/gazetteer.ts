import type { Gazetteer } from "@sainam/core";
import { normalizeThai } from "@sainam/core";

export type { Gazetteer } from "@sainam/core";

/** A district found by name, with the province it belongs to. */
export type DistrictMatch = { readonly code: string; readonly provinceCode: string };

/**
 * Name lookups built once per gazetteer, for columns that hold just a province or district name.
 * Free-text addresses go through core's parseThaiAddress instead, which is thorough but costs about
 * 0.2 ms a call — too much to spend three times on each of 200,000 rows.
 */
export type GazetteerIndex = {
  /** The province code for a Thai or English province name ("จ.เชียงใหม่", "Chiang Mai", "กรุงเทพฯ"). */
  findProvince(name: string): string | null;
  /**
   * The district for a Thai or English name ("อ.เมือง", "เขตบางรัก", "Bang Yai"), within a province
   * when one is given, else only if the name is unique in the country.
   */
  findDistrict(name: string, provinceCode: string | null): DistrictMatch | null;
};

const BANGKOK_TH = "กรุงเทพมหานคร";
const bangkokAliases = [
  "กรุงเทพ",
  "กรุงเทพฯ",
  "กทม",
  "กทม.",
  "กรุงเทพมหานคร",
  "bangkok",
  "bkk",
  "krung thep",
  "krung thep maha nakhon",
];

/** Thai key: prefixes (จังหวัด/จ., อำเภอ/อ., เขต, กิ่งอำเภอ) and spaces, dots and ฯ removed. */
function thaiKey(name: string): string {
  return normalizeThai(name)
    .replace(/^(?:จังหวัด|จ\.|กิ่งอำเภอ|อำเภอ|อ\.|เขต(?=\S))\s*/, "")
    .replace(/[\s.ฯ]/g, "");
}

/** English key: lower case, the words changwat/amphoe/khet/province/district and non-letters removed, Muang → Mueang. */
function englishKey(name: string): string {
  return normalizeThai(name)
    .toLowerCase()
    .replace(/\b(?:king amphoe|changwat|amphoe|amphur|khet|province|district)\b/g, "")
    .replace(/\bmuang\b/g, "mueang")
    .replace(/[^a-z]/g, "");
}

function keysOf(name: string): string[] {
  return [thaiKey(name), englishKey(name)].filter((key) => key !== "");
}

function add<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

const indexes = new WeakMap<Gazetteer, GazetteerIndex>();

/** Builds (once per gazetteer object, then cached) the name lookups used by the row normalisers. */
export function indexGazetteer(gazetteer: Gazetteer): GazetteerIndex {
  const cached = indexes.get(gazetteer);
  if (cached) return cached;
  const provinceByKey = new Map<string, string>();
  const provinceNames = new Map<string, { th: string; en: string }>();
  const provinceCodes = new Set(gazetteer.provinces.map((province) => province.code));
  const districtCodes = new Map(gazetteer.districts.map((district) => [district.code, district.provinceCode]));
  for (const province of gazetteer.provinces) {
    for (const key of keysOf(province.nameTh)) provinceByKey.set(key, province.code);
    for (const key of keysOf(province.nameEn)) provinceByKey.set(key, province.code);
    provinceNames.set(province.code, { th: thaiKey(province.nameTh), en: englishKey(province.nameEn) });
    if (normalizeThai(province.nameTh) === BANGKOK_TH) {
      for (const alias of bangkokAliases) for (const key of keysOf(alias)) provinceByKey.set(key, province.code);
    }
  }
  const districtsByKey = new Map<string, DistrictMatch[]>();
  for (const district of gazetteer.districts) {
    const match = { code: district.code, provinceCode: district.provinceCode };
    for (const key of [...keysOf(district.nameTh), ...keysOf(district.nameEn)]) add(districtsByKey, key, match);
  }
  const index: GazetteerIndex = {
    findProvince(name) {
      // Registers often carry the DOPA province code ("50") or ISO code ("TH-50") instead of a name.
      const code = /^(?:TH-)?(\d{2})$/i.exec(name.trim())?.[1];
      if (code) return provinceCodes.has(code) ? code : null;
      for (const key of keysOf(name)) {
        const code = provinceByKey.get(key);
        if (code) return code;
      }
      return null;
    },
    findDistrict(name, provinceCode) {
      const code = /^\d{4}$/.exec(name.trim())?.[0];
      if (code) {
        const inProvince = districtCodes.get(code);
        return inProvince !== undefined && (provinceCode === null || inProvince === provinceCode)
          ? { code, provinceCode: inProvince }
          : null;
      }
      const province = provinceCode ? provinceNames.get(provinceCode) : undefined;
      const keys = keysOf(name);
      // "อ.เมือง" / "Mueang" alone means the capital district of the province: เมือง + province name.
      if (province) {
        if (keys.includes("เมือง")) keys.push(`เมือง${province.th}`);
        if (keys.includes("mueang")) keys.push(`mueang${province.en}`);
      }
      for (const key of keys) {
        const candidates = districtsByKey.get(key) ?? [];
        const inProvince = provinceCode
          ? candidates.filter((candidate) => candidate.provinceCode === provinceCode)
          : candidates;
        if (inProvince.length === 1 && inProvince[0]) return inProvince[0];
      }
      return null;
    },
  };
  indexes.set(gazetteer, index);
  return index;
}
