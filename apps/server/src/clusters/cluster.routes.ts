import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import {
  clusterDetailSchema,
  clusterPageSchema,
  createClusterBody,
  errorResponses,
  idParams as params,
  listClustersQuery,
  updateClusterBody,
} from "@sainam/contract";
import { createCluster, getCluster, listClusters, updateCluster } from "./cluster.service.ts";

export function clusterRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/clusters",
      {
        schema: {
          tags: ["clusters"],
          summary: "Cluster directory (published clusters for the public; all for officers)",
          querystring: listClustersQuery,
          response: { 200: clusterPageSchema, ...errorResponses(400) },
        },
      },
      async (request) => listClusters(ctx, request.actor, request.query),
    );

    app.get(
      "/clusters/:id",
      {
        schema: {
          tags: ["clusters"],
          summary: "One cluster with provinces, programme participation and members per stage",
          params,
          response: { 200: clusterDetailSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => getCluster(ctx, request.actor, request.params.id),
    );

    app.post(
      "/clusters",
      {
        schema: {
          tags: ["clusters"],
          summary: "Create a cluster (admins; agency officers for their agency)",
          body: createClusterBody,
          response: { 201: clusterDetailSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await createCluster(ctx, request.actor, request.body)),
    );

    app.patch(
      "/clusters/:id",
      {
        schema: {
          tags: ["clusters"],
          summary: "Edit or archive a cluster (admins, its agency's officers, its coordinators)",
          params,
          body: updateClusterBody,
          response: { 200: clusterDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateCluster(ctx, request.actor, request.params.id, request.body),
    );
  };
}
