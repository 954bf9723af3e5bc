import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import {
  errorResponses,
  idParams,
  listProvincesQuery,
  provinceCodeParams,
  provinceDetailSchema,
  provinceListSchema,
  provincialClusterListSchema,
  provincialClusterSchema,
  referenceStatsSchema,
  regionListSchema,
  type ProvinceList,
  type ProvincialCluster,
  type RegionList,
} from "@sainam/contract";
import { authorize } from "../policies/policy.ts";
import { Memo } from "../http/memo.ts";
import {
  getProvince,
  listProvinces,
  listProvincialClusters,
  listRegions,
  provinceBoundariesGeoJson,
  referenceCounts,
} from "./reference.service.ts";

export function referenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  // Province boundaries never change while the server runs: build the GeoJSON once.
  let boundaries: string | null = null;
  const regionsMemo = new Memo<RegionList>();
  const provincesMemo = new Memo<ProvinceList>();
  const clustersMemo = new Memo<Array<ProvincialCluster>>();

  return async (app) => {
    app.get(
      "/regions",
      {
        schema: { tags: ["reference"], summary: "The 6 regions", response: { 200: regionListSchema } },
      },
      async (request) => {
        authorize(request.actor, "list", { type: "reference" });
        return regionsMemo.get("all", () => listRegions(ctx));
      },
    );

    app.get(
      "/provinces",
      {
        schema: {
          tags: ["reference"],
          summary: "The 77 provinces, optionally of one region",
          querystring: listProvincesQuery,
          response: { 200: provinceListSchema, ...errorResponses(400) },
        },
      },
      async (request) => {
        authorize(request.actor, "list", { type: "reference" });
        return provincesMemo.get(request.query.region ?? "", () => listProvinces(ctx, request.query.region));
      },
    );

    app.get(
      "/provinces/boundaries",
      {
        schema: { tags: ["reference"], summary: "Province boundaries as a GeoJSON FeatureCollection (OCHA, RTSD)" },
      },
      async (request, reply) => {
        authorize(request.actor, "list", { type: "reference" });
        boundaries ??= await provinceBoundariesGeoJson(ctx);
        return reply
          .type("application/geo+json; charset=utf-8")
          .header("cache-control", "public, max-age=3600")
          .send(boundaries);
      },
    );

    app.get(
      "/provinces/:code",
      {
        schema: {
          tags: ["reference"],
          summary: "One province with its districts and provincial cluster",
          params: provinceCodeParams,
          response: {
            200: provinceDetailSchema,
            ...errorResponses(400, 404),
          },
        },
      },
      async (request) => {
        authorize(request.actor, "read", { type: "reference" });
        return getProvince(ctx, request.params.code);
      },
    );

    app.get(
      "/provincial-clusters",
      {
        schema: {
          tags: ["reference"],
          summary: "The 18 provincial clusters of the 2017-2021 plan",
          response: { 200: provincialClusterListSchema },
        },
      },
      async (request) => {
        authorize(request.actor, "list", { type: "reference" });
        return { items: await clustersMemo.get("all", () => listProvincialClusters(ctx)) };
      },
    );

    app.get(
      "/provincial-clusters/:id",
      {
        schema: {
          tags: ["reference"],
          summary: "One provincial cluster",
          params: idParams,
          response: { 200: provincialClusterSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        authorize(request.actor, "read", { type: "reference" });
        const all = await clustersMemo.get("all", () => listProvincialClusters(ctx));
        const cluster = all.find((c) => c.id === request.params.id);
        if (!cluster) throw errors.notFound("provincial cluster", request.params.id);
        return cluster;
      },
    );

    app.get(
      "/stats",
      {
        schema: {
          tags: ["reference"],
          summary: "Counts of the reference data",
          response: { 200: referenceStatsSchema },
        },
      },
      async (request) => {
        authorize(request.actor, "list", { type: "reference" });
        return referenceCounts(ctx);
      },
    );
  };
}
