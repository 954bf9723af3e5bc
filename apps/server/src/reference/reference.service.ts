import { z } from "zod";
import { reference } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";

// Reference data is public and read-only: the routes authorize and memoise; these read and present it.

const bilingualText = z.object({ en: z.string(), th: z.string().nullable() });

function parseIssues(json: string): Array<{ en: string; th: string | null }> {
  const parsed = bilingualText.array().safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

type ClusterRow = Awaited<ReturnType<typeof reference.listProvincialClusters>>[number];

function presentProvincialCluster(c: ClusterRow) {
  const issues = parseIssues(c.issues_json);
  return {
    id: c.id,
    number: c.number,
    nameEn: c.name_en,
    nameTh: c.name_th,
    positionEn: c.position_en,
    positionTh: c.position_th,
    issuesEn: issues.map((i) => i.en),
    issuesTh: issues.map((i) => i.th),
    provinces: c.provinces.map((p) => ({ code: p.code, nameTh: p.name_th, nameEn: p.name_en })),
  };
}

export async function listRegions(ctx: AppContext) {
  const rows = await reference.listRegions(ctx.database.db);
  return {
    items: rows.map((r) => ({
      code: r.code,
      nameTh: r.name_th,
      nameEn: r.name_en,
      provinceCount: Number(r.province_count),
    })),
  };
}

export async function listProvinces(ctx: AppContext, regionCode: string | undefined) {
  const rows = await reference.listProvinces(ctx.database.db, { regionCode });
  return {
    items: rows.map((p) => ({
      code: p.code,
      iso: p.iso,
      nameTh: p.name_th,
      nameEn: p.name_en,
      regionCode: p.region_code,
      provincialClusterId: p.provincial_cluster_id,
    })),
  };
}

/** Every province's boundary as one GeoJSON FeatureCollection, serialised. */
export async function provinceBoundariesGeoJson(ctx: AppContext): Promise<string> {
  const rows = await reference.listProvinceBoundaries(ctx.database.db);
  return JSON.stringify({
    type: "FeatureCollection",
    features: rows.map((r) => ({
      type: "Feature",
      properties: { code: r.code, nameTh: r.name_th, nameEn: r.name_en, provincialClusterId: r.provincial_cluster_id },
      geometry: JSON.parse(r.geometry_json),
    })),
  });
}

/** One province with its districts and its provincial cluster; not found is an error naming the code. */
export async function getProvince(ctx: AppContext, code: string) {
  const { db } = ctx.database;
  const p = await reference.findProvince(db, code);
  if (!p) throw errors.notFound("province", code);
  const districts = await reference.listDistricts(db, p.code);
  const cluster =
    p.provincial_cluster_id === null
      ? undefined
      : (await reference.listProvincialClusters(db, { id: p.provincial_cluster_id }))[0];
  return {
    code: p.code,
    iso: p.iso,
    nameTh: p.name_th,
    nameEn: p.name_en,
    regionCode: p.region_code,
    provincialClusterId: p.provincial_cluster_id,
    districts: districts.map((d) => ({ code: d.code, nameTh: d.name_th, nameEn: d.name_en })),
    provincialCluster: cluster
      ? { id: cluster.id, number: cluster.number, nameEn: cluster.name_en, nameTh: cluster.name_th }
      : null,
  };
}

export async function listProvincialClusters(ctx: AppContext) {
  return (await reference.listProvincialClusters(ctx.database.db)).map(presentProvincialCluster);
}

export async function referenceCounts(ctx: AppContext) {
  return reference.referenceCounts(ctx.database.db);
}
