// Reference and seed data of Sainam: geography files, regions, the 18 provincial clusters, agencies and the
// Ministry of Commerce's 2017-2021 plan. Sources and licences: ./ATTRIBUTION.md.
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
