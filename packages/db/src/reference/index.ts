// Reference and seed data of Sainam: geography files, regions, the 18 provincial clusters, agencies and the
// Ministry of Commerce's 2017-2021 plan. Sources and licences: ./ATTRIBUTION.md.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type {
  AgencyKind,
  AgencySeed,
  Bilingual,
  IndicatorSeed,
  PlanNodeKind,
  PlanNodeSeed,
  PlanSeed,
  ProvincialClusterSeed,
  RegionSeed,
} from "./types.ts";
export { regions } from "./regions.ts";
export { provincialClusters } from "./provincial-clusters.ts";
export { agencies } from "./agencies.ts";
export { plan2017to2021 } from "./plan-2017-2021.ts";

/**
 * Absolute path (with a trailing separator) of the folder holding provinces.csv, districts.csv,
 * th-provinces.geojson, isic4-en.json and tsic2009-th.json.
 */
export const referenceFilesDir: string = fileURLToPath(new URL("./files/", import.meta.url));

let tsic: readonly string[] | null = null;

/**
 * The numeric codes of TSIC 2009 (divisions, groups, classes and 5-digit sub-classes) from tsic2009-th.json, read
 * once: imports check a firm's TSIC code against them.
 */
export function tsicCodes(): readonly string[] {
  if (tsic === null) {
    const entries: unknown = JSON.parse(readFileSync(`${referenceFilesDir}tsic2009-th.json`, "utf8"));
    if (!Array.isArray(entries)) throw new Error("tsic2009-th.json must hold a list of codes");
    tsic = entries.flatMap((entry: unknown) =>
      typeof entry === "object" &&
      entry !== null &&
      "code" in entry &&
      typeof entry.code === "string" &&
      /^\d+$/.test(entry.code)
        ? [entry.code]
        : [],
    );
  }
  return tsic;
}
