import { dashboards, type Database, type GeographyRows } from "@sainam/db";

/**
 * The reference geography values roll up through, indexed for one pass over a period's rows:
 * province → region (provinces.region_code) and province → provincial cluster
 * (provincial_cluster_provinces; Bangkok belongs to none) → nation.
 */
export type Geography = {
  readonly rows: GeographyRows;
  readonly provinceByCode: ReadonlyMap<string, GeographyRows["provinces"][number]>;
  readonly regionByCode: ReadonlyMap<string, GeographyRows["regions"][number]>;
  readonly provincialClusterById: ReadonlyMap<number, GeographyRows["provincialClusters"][number]>;
};

// Reference data changes only when `sainam seed` loads a new version: kept for a minute per database.
const TTL_MS = 60_000;
const cache = new WeakMap<Database, { value: Geography; expires: number }>();

export async function loadGeography(database: Database): Promise<Geography> {
  const hit = cache.get(database);
  if (hit && hit.expires > Date.now()) return hit.value;
  const rows = await dashboards.loadGeography(database.db);
  const value: Geography = {
    rows,
    provinceByCode: new Map(rows.provinces.map((p) => [p.code, p])),
    regionByCode: new Map(rows.regions.map((r) => [r.code, r])),
    provincialClusterById: new Map(rows.provincialClusters.map((c) => [c.id, c])),
  };
  cache.set(database, { value, expires: Date.now() + TTL_MS });
  return value;
}
