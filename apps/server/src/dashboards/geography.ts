import { dashboards, type GeographyRows } from "@sainam/db";
import type { AppContext } from "../context.ts";

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

/**
 * The geography, from the app's cache (`ctx.caches.geography`, kept a minute: reference data changes only when
 * `sainam seed` loads a new version) or built from the database.
 */
export async function loadGeography(ctx: AppContext): Promise<Geography> {
  return ctx.caches.geography.get("all", async () => {
    const rows = await dashboards.loadGeography(ctx.database.db);
    return {
      rows,
      provinceByCode: new Map(rows.provinces.map((p) => [p.code, p])),
      regionByCode: new Map(rows.regions.map((r) => [r.code, r])),
      provincialClusterById: new Map(rows.provincialClusters.map((c) => [c.id, c])),
    };
  });
}
