import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import {
  addLinkageBody,
  addMemberBody,
  analysisQuery,
  analysisSchema,
  clusterParams,
  createInstitutionBody,
  errorResponses,
  institutionListSchema,
  institutionParams,
  institutionSchema,
  linkageListSchema,
  linkageParams,
  linkageSchema,
  linkInstitutionBody,
  listInstitutionsQuery,
  listMembersQuery,
  memberAddedSchema,
  memberListSchema,
  memberParams,
  okSchema,
  pendingMembershipListSchema,
  updateMemberBody,
} from "@sainam/contract";
import {
  addLinkage,
  addMember,
  approveMember,
  createInstitution,
  getInstitution,
  linkInstitution,
  listClusterLinkages,
  listInstitutions,
  listMembers,
  listPendingMemberships,
  removeLinkage,
  removeMember,
  unlinkInstitution,
  updateMember,
} from "./value-chain.service.ts";
import { analyseCluster } from "./analysis.service.ts";

export function valueChainRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/clusters/:id/members",
      {
        schema: {
          tags: ["value chain"],
          summary: "Members of a cluster with their value-chain stage",
          params: clusterParams,
          querystring: listMembersQuery,
          response: { 200: memberListSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => listMembers(ctx, request.actor, request.params.id, request.query.past === "true"),
    );

    app.post(
      "/clusters/:id/members",
      {
        schema: {
          tags: ["value chain"],
          summary: "Add an enterprise to a cluster at a stage",
          params: clusterParams,
          body: addMemberBody,
          response: { 201: memberAddedSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addMember(ctx, request.actor, request.params.id, request.body)),
    );

    app.get(
      "/memberships/pending",
      {
        schema: {
          tags: ["value chain"],
          summary:
            "Memberships awaiting approval that concern the caller: an officer's agency's clusters, all for an admin, the member's own firm, a coordinator's own clusters (read-only)",
          response: { 200: pendingMembershipListSchema, ...errorResponses(401) },
        },
      },
      async (request) => listPendingMemberships(ctx, request.actor),
    );

    app.post(
      "/clusters/:id/members/:enterpriseId/approval",
      {
        schema: {
          tags: ["value chain"],
          summary:
            "Approve a pending membership (an officer of the cluster's coordinating agency, an admin, or the firm itself)",
          params: memberParams,
          response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => approveMember(ctx, request.actor, request.params.id, request.params.enterpriseId),
    );

    app.patch(
      "/clusters/:id/members/:enterpriseId",
      {
        schema: {
          tags: ["value chain"],
          summary: "Change a member's stage or dates",
          params: memberParams,
          body: updateMemberBody,
          response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => updateMember(ctx, request.actor, request.params.id, request.params.enterpriseId, request.body),
    );

    app.delete(
      "/clusters/:id/members/:enterpriseId",
      {
        schema: {
          tags: ["value chain"],
          summary: "Remove a membership recorded by mistake (use leftOn when a firm leaves)",
          params: memberParams,
          response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => removeMember(ctx, request.actor, request.params.id, request.params.enterpriseId),
    );

    app.get(
      "/clusters/:id/linkages",
      {
        schema: {
          tags: ["value chain"],
          summary: "The cluster's network: typed, directed links",
          params: clusterParams,
          response: { 200: linkageListSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => listClusterLinkages(ctx, request.actor, request.params.id),
    );

    app.post(
      "/clusters/:id/linkages",
      {
        schema: {
          tags: ["value chain"],
          summary: "Record a link between two parties",
          params: clusterParams,
          body: addLinkageBody,
          response: { 201: linkageSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addLinkage(ctx, request.actor, request.params.id, request.body)),
    );

    app.delete(
      "/clusters/:id/linkages/:linkageId",
      {
        schema: {
          tags: ["value chain"],
          summary: "Remove a link",
          params: linkageParams,
          response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => removeLinkage(ctx, request.actor, request.params.id, request.params.linkageId),
    );

    app.get(
      "/clusters/:id/analysis",
      {
        schema: {
          tags: ["value chain"],
          summary:
            "Value-chain analysis: members per stage, gaps, single suppliers, unlinked members, density, value kept inside, and suggested links with reasons",
          params: clusterParams,
          querystring: analysisQuery,
          response: { 200: analysisSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) =>
        analyseCluster(ctx, request.actor, request.params.id, { suggestionLimit: request.query.suggestions }),
    );

    app.get(
      "/institutions",
      {
        schema: {
          tags: ["value chain"],
          summary: "Support institutions (BDS)",
          querystring: listInstitutionsQuery,
          response: { 200: institutionListSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => listInstitutions(ctx, request.actor, request.query),
    );

    app.get(
      "/institutions/:id",
      {
        schema: {
          tags: ["value chain"],
          summary: "One support institution (an unpublished one only for its keepers)",
          params: clusterParams,
          response: { 200: institutionSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => getInstitution(ctx, request.actor, request.params.id),
    );

    app.post(
      "/institutions",
      {
        schema: {
          tags: ["value chain"],
          summary: "Register a support institution",
          body: createInstitutionBody,
          response: { 201: institutionSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => reply.status(201).send(await createInstitution(ctx, request.actor, request.body)),
    );

    app.post(
      "/clusters/:id/institutions",
      {
        schema: {
          tags: ["value chain"],
          summary: "Link a support institution to a cluster (horizontal linkage)",
          params: clusterParams,
          body: linkInstitutionBody,
          response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => linkInstitution(ctx, request.actor, request.params.id, request.body),
    );

    app.delete(
      "/clusters/:id/institutions/:institutionId",
      {
        schema: {
          tags: ["value chain"],
          summary: "Unlink a support institution from a cluster",
          params: institutionParams,
          response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => unlinkInstitution(ctx, request.actor, request.params.id, request.params.institutionId),
    );
  };
}
