import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Gazetteer, GazetteerDistrict, GazetteerProvince } from "./address.ts";
import { parseThaiAddress } from "./address.ts";

// Every district of the shipped reference data (packages/db/src/reference/files/districts.csv, a copy of
// the project's shared districts.csv: 878 amphoe + 50 khet), written as real addresses write it, must be
// read back with its own code. The files hold no quoted fields, so a split on commas reads them.
function readCsv(name: string): Array<Record<string, string>> {
  const text = readFileSync(new URL(`../../db/src/reference/files/${name}`, import.meta.url), "utf8");
  const [head = "", ...lines] = text.split(/\r?\n/).filter((line) => line !== "");
  const columns = head.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [columns[i] ?? "", value])));
}

const provinces: GazetteerProvince[] = readCsv("provinces.csv").map((r) => ({
  code: r.code ?? "",
  nameTh: r.name_th ?? "",
  nameEn: r.name_en ?? "",
}));
const districts: GazetteerDistrict[] = readCsv("districts.csv").map((r) => ({
  code: r.code ?? "",
  provinceCode: r.province_code ?? "",
  nameTh: r.name_th ?? "",
  nameEn: r.name_en ?? "",
}));
const gazetteer: Gazetteer = { provinces, districts };
const provinceOf = new Map(provinces.map((p) => [p.code, p]));
const BANGKOK = "10";

/** The district's name as an address writes it after its marker: เขตบางรัก → บางรัก. */
const bareName = (d: GazetteerDistrict): string =>
  d.provinceCode === BANGKOK ? d.nameTh.replace(/^เขต/, "") : d.nameTh;
/** Names held by more than one district: without a province, such a name cannot say which. */
const sharedNames = new Set(
  [...Map.groupBy(districts, bareName).entries()].filter(([, list]) => list.length > 1).map(([name]) => name),
);

function failures(
  write: (d: GazetteerDistrict, province: GazetteerProvince) => string | null,
  expectProvince = true,
): string[] {
  const wrong: string[] = [];
  for (const district of districts) {
    const province = provinceOf.get(district.provinceCode);
    if (!province) throw new Error(`district ${district.code}: no province ${district.provinceCode}`);
    const address = write(district, province);
    if (address === null) continue;
    const found = parseThaiAddress(address, gazetteer);
    const right =
      found.districtCode === district.code && (!expectProvince || found.provinceCode === district.provinceCode);
    if (!right) wrong.push(`${district.code} ${address} → ${found.provinceCode ?? "-"}/${found.districtCode ?? "-"}`);
  }
  return wrong;
}

describe("parseThaiAddress — every district of the reference data", () => {
  it("holds 928 districts: 878 amphoe and 50 Bangkok khet, without the two municipalities once listed", () => {
    expect(districts).toHaveLength(928);
    expect(districts.filter((d) => d.provinceCode === BANGKOK)).toHaveLength(50);
    expect(districts.filter((d) => d.provinceCode !== BANGKOK)).toHaveLength(878);
    expect(new Set(districts.map((d) => d.code)).size).toBe(928);
    expect(districts.map((d) => d.code)).not.toContain("7074");
    expect(districts.map((d) => d.code)).not.toContain("9077");
    expect(districts.every((d) => provinceOf.has(d.provinceCode) && d.code.startsWith(d.provinceCode))).toBe(true);
  });

  it("reads อ.… จ.… (DBD's way), with the postcode", () => {
    expect(
      failures((d, p) =>
        d.provinceCode === BANGKOK ? null : `12/3 หมู่ที่ 4  ต.บ้านใหม่ อ.${d.nameTh} จ.${p.nameTh} ${p.code}000`,
      ),
    ).toEqual([]);
  });

  it("reads อำเภอ… จังหวัด… and อ. … จ. … with spaces after the markers", () => {
    expect(
      failures((d, p) => (d.provinceCode === BANGKOK ? null : `99 ตำบลในเมือง อำเภอ${d.nameTh} จังหวัด${p.nameTh}`)),
    ).toEqual([]);
    expect(
      failures((d, p) => (d.provinceCode === BANGKOK ? null : `99 ม.2 ต. ท่าข้าม อ. ${d.nameTh} จ. ${p.nameTh}`)),
    ).toEqual([]);
  });

  it("reads an amphoe named without its province when the name is the country's only one", () => {
    const unique = (d: GazetteerDistrict) => d.provinceCode !== BANGKOK && !sharedNames.has(bareName(d));
    expect(failures((d) => (unique(d) ? `5 หมู่ 1 ต.หนองบัว อ.${d.nameTh}` : null))).toEqual([]);
    expect(failures((d) => (unique(d) ? `5 หมู่ 1 ตำบลหนองบัว อำเภอ${d.nameTh}` : null))).toEqual([]);
  });

  it("does not guess between districts of the same name when no province is given", () => {
    const shared = districts.filter((d) => d.provinceCode !== BANGKOK && sharedNames.has(bareName(d)));
    expect(shared.length).toBeGreaterThan(0);
    const guessed = shared.filter((d) => parseThaiAddress(`5 ต.หนองบัว อ.${d.nameTh}`, gazetteer).districtCode !== null);
    expect(guessed.map((d) => d.code)).toEqual([]);
  });

  it("reads every Bangkok khet with แขวง/เขต and กรุงเทพมหานคร, กทม., กรุงเทพฯ or no province", () => {
    const khet = (write: (name: string) => string) => (d: GazetteerDistrict) =>
      d.provinceCode === BANGKOK ? write(bareName(d)) : null;
    expect(failures(khet((name) => `1 ซอยสุขุมวิท 25 ถนนสุขุมวิท  แขวงคลองเตยเหนือ เขต${name} กรุงเทพมหานคร 10110`))).toEqual(
      [],
    );
    expect(failures(khet((name) => `88 ถ.พหลโยธิน แขวง${name} เขต${name} กทม. 10400`))).toEqual([]);
    expect(failures(khet((name) => `88 แขวงสามเสนใน เขต ${name} กรุงเทพฯ`))).toEqual([]);
    expect(failures(khet((name) => `88 แขวงสามเสนใน เขต${name}`))).toEqual([]);
  });

  it("does not take a province read inside another province's district name (อ.โพธิ์ตาก is Nong Khai's, not Tak's)", () => {
    expect(parseThaiAddress("5 หมู่ 1 ต.โพธิ์ตาก อ.โพธิ์ตาก", gazetteer)).toMatchObject({
      provinceCode: "43",
      districtCode: "4317",
    });
    expect(parseThaiAddress("5 ต.โพธิ์ตาก อ.โพธิ์ตาก จ.หนองคาย 43130", gazetteer)).toMatchObject({
      provinceCode: "43",
      districtCode: "4317",
      confidence: "exact",
    });
    expect(parseThaiAddress("ต.หนองบัว อ.เมืองตาก", gazetteer)).toMatchObject({
      provinceCode: "63",
      districtCode: "6301",
    });
  });

  it("reads a name Bangkok shares with an amphoe as Bangkok's when แขวง/เขต say so, and as neither without them", () => {
    expect(parseThaiAddress("88 แขวงบางขุนเทียน เขตจอมทอง", gazetteer)).toMatchObject({
      provinceCode: "10",
      districtCode: "1035",
    });
    expect(parseThaiAddress("12 Khwaeng Bang Mot, Khet Chom Thong", gazetteer)).toMatchObject({
      provinceCode: "10",
      districtCode: "1035",
    });
    expect(parseThaiAddress("12 ต.บ้านหลวง อ.จอมทอง", gazetteer)).toMatchObject({
      provinceCode: null,
      districtCode: null,
    });
    expect(parseThaiAddress("12 ต.บ้านหลวง อ.จอมทอง 50160", gazetteer)).toMatchObject({
      provinceCode: "50",
      districtCode: "5002",
    });
  });

  it("reads a name a cell wraps onto the next line (DBD, 2015), and line breaks between parts as separators", () => {
    expect(
      parseThaiAddress("20 ซอยอนามัยงามเจริญ 33  แขวงท่าข้าม เขตบาง\nขุนเทียน กรุงเทพมหานคร 10150", gazetteer),
    ).toMatchObject({ provinceCode: "10", districtCode: "1021" });
    expect(parseThaiAddress("12/3 หมู่ที่ 4\nต.ออนใต้\r\nอ.สันกำแพง\nจ.เชียงใหม่ 50130", gazetteer)).toMatchObject({
      provinceCode: "50",
      districtCode: "5013",
      confidence: "exact",
    });
    expect(parseThaiAddress("12 ต.บ้านใหม่ อ.สัน\nกำแพง จ.เชียงใหม่", gazetteer)).toMatchObject({
      provinceCode: "50",
      districtCode: "5013",
    });
  });

  it("reads อ.กัลยาณิวัฒนา (5025, Chiang Mai, created 2009) as DBD wrote it, whose postcode 58130 is Mae Hong Son's", () => {
    const address = "317 หมู่ที่ 3  ต.บ้านจันทร์ อ.กัลยาณิวัฒนา จ.เชียงใหม่ 58130";
    expect(parseThaiAddress(address, gazetteer)).toEqual({
      provinceCode: "50",
      districtCode: "5025",
      postcode: "58130",
      confidence: "exact",
    });
    expect(parseThaiAddress("ต.แจ่มหลวง อำเภอกัลยาณิวัฒนา", gazetteer)).toMatchObject({
      provinceCode: "50",
      districtCode: "5025",
    });
    expect(parseThaiAddress("Galyani Vadhana District, Chiang Mai 58130", gazetteer)).toMatchObject({
      provinceCode: "50",
      districtCode: "5025",
    });
  });
});
