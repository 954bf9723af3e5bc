import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { provincialClusters } from "./provincial-clusters.ts";
import { regions } from "./regions.ts";
import { referenceFilesDir } from "./index.ts";

type ProvinceRow = { code: string; iso: string; nameTh: string; nameEn: string; regionTh: string; regionEn: string };

function loadProvinces(): ProvinceRow[] {
  const lines = readFileSync(join(referenceFilesDir, "provinces.csv"), "utf8").trim().split(/\r?\n/);
  expect(lines[0]).toBe("code,iso,name_th,name_en,region_th,region_en");
  return lines.slice(1).map((line) => {
    expect(line).not.toContain('"'); // plain CSV: no quoted fields to handle
    const [code = "", iso = "", nameTh = "", nameEn = "", regionTh = "", regionEn = ""] = line.split(",");
    return { code, iso, nameTh, nameEn, regionTh, regionEn };
  });
}

/** English spellings differ between sources (Lop Buri / Lopburi, Buri Ram / Buriram): compare without spaces. */
const normalise = (name: string): string => name.toLowerCase().replace(/[\s-]/g, "");

/** The provinces of each cluster exactly as spelled in seed 000, in the plan's order. */
const provinceNamesInPlan: Record<number, string[]> = {
  1: ["Nonthaburi", "Pathum Thani", "Phra Nakhon Si Ayutthaya", "Saraburi"],
  2: ["Chai Nat", "Lop Buri", "Sing Buri", "Ang Thong"],
  3: ["Chachoengsao", "Nakhon Nayok", "Prachin Buri", "Samut Prakan", "Sa Kaeo"],
  4: ["Kanchanaburi", "Nakhon Pathom", "Ratchaburi", "Suphan Buri"],
  5: ["Prachuap Khiri Khan", "Phetchaburi", "Samut Songkhram", "Samut Sakhon"],
  6: ["Chumphon", "Nakhon Si Thammarat", "Phatthalung", "Surat Thani"],
  7: ["Krabi", "Trang", "Phangnga", "Phuket", "Ranong"],
  8: ["Narathiwat", "Pattani", "Yala", "Songkhla", "Satun"],
  9: ["Chanthaburi", "Chon Buri", "Trat", "Rayong"],
  10: ["Loei", "Nong Khai", "Bueng Kan", "Nong Bua Lam Phu", "Udon Thani"],
  11: ["Nakhon Phanom", "Mukdahan", "Sakon Nakhon"],
  12: ["Kalasin", "Khon Kaen", "Maha Sarakham", "Roi Et"],
  13: ["Nakhon Ratchasima", "Chaiyaphum", "Buri Ram", "Surin"],
  14: ["Yasothon", "Si Sa Ket", "Amnat Charoen", "Ubon Ratchathani"],
  15: ["Chiang Mai", "Mae Hong Son", "Lampang", "Lamphun"],
  16: ["Chiang Rai", "Nan", "Phayao", "Phrae"],
  17: ["Tak", "Phitsanulok", "Phetchabun", "Sukhothai", "Uttaradit"],
  18: ["Kamphaeng Phet", "Nakhon Sawan", "Phichit", "Uthai Thani"],
};

describe("reference: provinces.csv and regions", () => {
  it("has 77 provinces with unique DOPA codes and matching ISO codes", () => {
    const provinces = loadProvinces();
    expect(provinces).toHaveLength(77);
    expect(new Set(provinces.map((p) => p.code)).size).toBe(77);
    for (const p of provinces) {
      expect(p.code).toMatch(/^\d{2}$/);
      expect(p.iso).toBe(`TH-${p.code}`);
    }
  });

  it("uses exactly the 6 regions of regions.ts", () => {
    const provinces = loadProvinces();
    const inCsv = new Set(provinces.map((p) => `${p.regionEn}|${p.regionTh}`));
    expect([...inCsv].sort()).toEqual(regions.map((r) => `${r.nameEn}|${r.nameTh}`).sort());
    expect(regions).toHaveLength(6);
    expect(new Set(regions.map((r) => r.code)).size).toBe(6);
    for (const r of regions) expect(r.code).toMatch(/^[a-z]+$/);
  });
});

describe("reference: the 18 provincial clusters of the 2017-2021 plan", () => {
  const provinces = loadProvinces();
  const byCode = new Map(provinces.map((p) => [p.code, p]));

  it("has 18 clusters numbered 1..18 in order", () => {
    expect(provincialClusters).toHaveLength(18);
    expect(provincialClusters.map((c) => c.number)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
  });

  it("refers only to existing province codes", () => {
    for (const cluster of provincialClusters) {
      for (const code of cluster.provinceCodes)
        expect(byCode.has(code), `cluster ${cluster.number}: ${code}`).toBe(true);
    }
  });

  it("puts no province in two clusters and covers the 76 provinces other than Bangkok", () => {
    const all = provincialClusters.flatMap((c) => c.provinceCodes);
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain("10");
    const expected = provinces.filter((p) => p.nameEn !== "Bangkok").map((p) => p.code);
    expect(expected).toHaveLength(76);
    expect([...all].sort()).toEqual([...expected].sort());
  });

  it("maps each province as spelled in the plan to its code", () => {
    for (const cluster of provincialClusters) {
      const names = cluster.provinceCodes.map((code) => normalise(byCode.get(code)?.nameEn ?? ""));
      expect(names, `cluster ${cluster.number}`).toEqual((provinceNamesInPlan[cluster.number] ?? []).map(normalise));
    }
  });

  it("has bilingual names, a position and at least one common trade issue", () => {
    for (const cluster of provincialClusters) {
      expect(cluster.name.en).toMatch(/Provincial Cluster/);
      expect(cluster.name.th).toMatch(/^กลุ่มจังหวัด/);
      expect(cluster.position.en.length).toBeGreaterThan(0);
      expect(cluster.commonTradeIssues.length).toBeGreaterThan(0);
      for (const t of [cluster.name, cluster.position, ...cluster.commonTradeIssues]) {
        expect(t.en).toBe(t.en.trim());
        expect(t.en).not.toMatch(/\s{2,}|\n/);
      }
    }
    expect(new Set(provincialClusters.map((c) => c.name.en)).size).toBe(18);
    expect(new Set(provincialClusters.map((c) => c.name.th)).size).toBe(18);
  });

  it("keeps the plan's wording where the PDF table was split across pages", () => {
    const c16 = provincialClusters[15];
    expect(c16?.position.en).toBe("Northern Trade and Green Tourism Destination and Gateway to GMS & ASEAN+3");
    expect(c16?.commonTradeIssues.map((i) => i.en)).toEqual([
      "Border trade and trade with GMS and ASEAN+3",
      "trade related to green tourism",
      "Trade related to safe food and healthy food",
    ]);
    expect(provincialClusters[3]?.commonTradeIssues.map((i) => i.en)).toEqual([
      "Trade related to creative tourism",
      "Trade related to safe food and healthy food",
    ]);
  });
});
