import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { reference } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { errorResponses, idParams, listProvincesQuery, provinceCodeParams, provinceDetailSchema, provinceListSchema, provincialClusterListSchema, provincialClusterSchema, referenceStatsSchema, regionListSchema, type ProvinceList, type ProvincialCluster, type RegionList } from "@sainam/contract";
import { authorize } from "../policies/policy.ts";
import { Memo } from "../http/memo.ts";

const bilingualText = z.object({ en: z.string(), th: z.string().nullable() });

function parseIssues(json: string): Array<{ en: string; th: string | null }> {
  const parsed = bilingualText.array().safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

type ClusterRow = Awaited<ReturnType<typeof reference.listProvincialClusters>>[number];

function presentProvincialCluster(c: ClusterRow): ProvincialCluster {
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

export function referenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  // Province boundaries never change while the server runs: build the GeoJSON once.
  let boundaries: string | null = null;
  const regionsMemo = new Memo<RegionList>();
  const provincesMemo = new Memo<ProvinceList>();
  const clustersMemo = new Memo<Array<ProvincialCluster>>();

  return async (app) => {
    const { db } = ctx.database;

    app.get("/regions", {
      schema: { tags: ["reference"], summary: "The 6 regions", response: { 200: regionListSchema } },
    }, async (request) => {
      authorize(request.actor, "list", { type: "reference" });
      return regionsMemo.get("all", async () => {
        const rows = await reference.listRegions(db);
        return { items: rows.map((r) => ({ code: r.code, nameTh: r.name_th, nameEn: r.name_en, provinceCount: Number(r.province_count) })) };
      });
    });

    app.get("/provinces", {
      schema: {
        tags: ["reference"],
        summary: "The 77 provinces, optionally of one region",
        querystring: listProvincesQuery,
        response: { 200: provinceListSchema, ...errorResponses(400) },
      },
    }, async (request) => {
      authorize(request.actor, "list", { type: "reference" });
      return provincesMemo.get(request.query.region ?? "", async () => {
        const rows = await reference.listProvinces(db, { regionCode: request.query.region });
        return { items: rows.map((p) => ({ code: p.code, iso: p.iso, nameTh: p.name_th, nameEn: p.name_en, regionCode: p.region_code, provincialClusterId: p.provincial_cluster_id })) };
      });
    });

    app.get("/provinces/boundaries", {
      schema: { tags: ["reference"], summary: "Province boundaries as a GeoJSON FeatureCollection (OCHA, RTSD)" },
    }, async (request, reply) => {
      authorize(request.actor, "list", { type: "reference" });
      if (boundaries === null) {
        const rows = await reference.listProvinceBoundaries(db);
        boundaries = JSON.stringify({
          type: "FeatureCollection",
          features: rows.map((r) => ({
            type: "Feature",
            properties: { code: r.code, nameTh: r.name_th, nameEn: r.name_en, provincialClusterId: r.provincial_cluster_id },
            geometry: JSON.parse(r.geometry_json),
          })),
        });
      }
      return reply.type("application/geo+json; charset=utf-8").header("cache-control", "public, max-age=3600").send(boundaries);
    });

    app.get("/provinces/:code", {
      schema: {
        tags: ["reference"],
        summary: "One province with its districts and provincial cluster",
        params: provinceCodeParams,
        response: {
          200: provinceDetailSchema,
          ...errorResponses(400, 404),
        },
      },
    }, async (request) => {
      authorize(request.actor, "read", { type: "reference" });
      const p = await reference.findProvince(db, request.params.code);
      if (!p) throw errors.notFound("province", request.params.code);
      const districts = await reference.listDistricts(db, p.code);
      const cluster = p.provincial_cluster_id === null ? undefined : (await reference.listProvincialClusters(db, { id: p.provincial_cluster_id }))[0];
      return {
        code: p.code, iso: p.iso, nameTh: p.name_th, nameEn: p.name_en, regionCode: p.region_code, provincialClusterId: p.provincial_cluster_id,
        districts: districts.map((d) => ({ code: d.code, nameTh: d.name_th, nameEn: d.name_en })),
        provincialCluster: cluster ? { id: cluster.id, number: cluster.number, nameEn: cluster.name_en, nameTh: cluster.name_th } : null,
      };
    });

    app.get("/provincial-clusters", {
      schema: { tags: ["reference"], summary: "The 18 provincial clusters of the 2017-2021 plan", response: { 200: provincialClusterListSchema } },
    }, async (request) => {
      authorize(request.actor, "list", { type: "reference" });
      return { items: await clustersMemo.get("all", async () => (await reference.listProvincialClusters(db)).map(presentProvincialCluster)) };
    });

    app.get("/provincial-clusters/:id", {
      schema: { tags: ["reference"], summary: "One provincial cluster", params: idParams, response: { 200: provincialClusterSchema, ...errorResponses(400, 404) } },
    }, async (request) => {
      authorize(request.actor, "read", { type: "reference" });
      const all = await clustersMemo.get("all", async () => (await reference.listProvincialClusters(db)).map(presentProvincialCluster));
      const cluster = all.find((c) => c.id === request.params.id);
      if (!cluster) throw errors.notFound("provincial cluster", request.params.id);
      return cluster;
    });

    app.get("/stats", {
      schema: { tags: ["reference"], summary: "Counts of the reference data", response: { 200: referenceStatsSchema } },
    }, async (request) => {
      authorize(request.actor, "list", { type: "reference" });
      return reference.referenceCounts(db);
    });
  };
}
