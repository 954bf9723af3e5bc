import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { errorResponses, okSchema } from "../http/common.schema.ts";
import { stages } from "../clusters/cluster.schema.ts";
import {
  addLinkage, addMember, approveMember, createInstitution, getInstitution, institutionKinds, linkageKinds, linkInstitution, listClusterLinkages, listInstitutions,
  listMembers, listPendingMemberships, removeLinkage, removeMember, unlinkInstitution, updateMember,
} from "./value-chain.service.ts";
import { analyseCluster } from "./analysis.service.ts";

const clusterParams = z.object({ id: z.coerce.number().int().positive() });
const date = z.iso.date("must be a date YYYY-MM-DD");
const party = z.object({ type: z.enum(["enterprise", "institution"]), id: z.number().int().positive() });

const memberSchema = z.object({
  membershipId: z.number().int(), enterpriseId: z.number().int(), juristicId: z.string().nullable(), nameTh: z.string().nullable(), nameEn: z.string().nullable(),
  sizeClass: z.string().nullable(), tsicCode: z.string().nullable(), provinceCode: z.string().nullable(), stage: z.string(), joinedOn: z.string().nullable(), leftOn: z.string().nullable(),
  approved: z.boolean().describe("false while the membership awaits approval: its coordinators then see the firm's contacts masked and may not edit the firm"),
  approvedAt: z.string().nullable(),
  canApprove: z.boolean().describe("whether the caller may approve this pending membership"),
});
const pendingMembershipSchema = z.object({
  membershipId: z.number().int(),
  cluster: z.object({ id: z.number().int(), code: z.string(), nameTh: z.string().nullable(), nameEn: z.string().nullable() }),
  enterprise: z.object({ id: z.number().int(), juristicId: z.string().nullable(), nameTh: z.string().nullable(), nameEn: z.string().nullable() }),
  stage: z.string(),
  addedAt: z.string().describe("when the membership was recorded (ISO-8601 UTC)"),
  addedBy: z.object({ id: z.number().int(), displayName: z.string().nullable() }).nullable().describe("who recorded it; null for the system"),
  canApprove: z.boolean().describe("whether the caller may approve it (false for a coordinator following their own clusters' requests)"),
});
const linkageSchema = z.object({
  id: z.number().int(), clusterId: z.number().int().nullable(), from: z.object({ type: z.string(), id: z.number().int() }), to: z.object({ type: z.string(), id: z.number().int() }),
  kind: z.string(), product: z.string().nullable(), annualValue: z.number().nullable(),
});
const institutionSchema = z.object({
  id: z.number().int(), kind: z.string(), nameTh: z.string().nullable(), nameEn: z.string().nullable(), description: z.string().nullable(),
  agencyId: z.number().int().nullable(), provinceCode: z.string().nullable(), published: z.boolean(), isExample: z.boolean(),
});

const partyRef = z.object({ type: z.enum(["enterprise", "institution"]), id: z.number().int() });
const analysisSchema = z.object({
  membersPerStage: z.object({ upstream: z.number().int(), midstream: z.number().int(), downstream: z.number().int() }),
  membersByStage: z.object({ upstream: z.array(z.number().int()), midstream: z.array(z.number().int()), downstream: z.array(z.number().int()) }),
  emptyStages: z.array(z.string()),
  singleSupplierProducts: z.array(z.object({ product: z.string(), supplierId: z.number().int(), buyerIds: z.array(z.number().int()), buyers: z.array(partyRef) })),
  unsuppliedInputs: z.array(z.object({ product: z.string(), neededBy: z.array(z.number().int()) })),
  unlinkedMemberIds: z.array(z.number().int()),
  unlinkedInstitutionIds: z.array(z.number().int()),
  linkDensity: z.number(),
  insideValueShare: z.number().nullable(),
  verticalLinks: z.number().int(),
  horizontalLinks: z.number().int(),
  otherLinks: z.number().int(),
  suggestions: z.array(z.object({
    from: z.number().int(), to: z.number().int(), score: z.number(),
    reasons: z.array(z.object({ code: z.enum(["product_match", "tsic_upstream", "stage_adjacent", "same_division"]), product: z.string().optional(), detail: z.string() })),
  })),
});

export function valueChainRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/clusters/:id/members", {
      schema: { tags: ["value chain"], summary: "Members of a cluster with their value-chain stage", params: clusterParams, querystring: z.object({ past: z.enum(["true", "false"]).optional() }), response: { 200: z.object({ items: z.array(memberSchema) }), ...errorResponses(400, 404) } },
    }, async (request) => listMembers(ctx, request.actor, request.params.id, request.query.past === "true"));

    app.post("/clusters/:id/members", {
      schema: { tags: ["value chain"], summary: "Add an enterprise to a cluster at a stage", params: clusterParams, body: z.object({ enterpriseId: z.number().int().positive(), stage: z.enum(stages), joinedOn: date.nullable().optional() }).strict(), response: { 201: z.object({ membershipId: z.number().int(), approved: z.boolean() }), ...errorResponses(400, 401, 403, 404, 409) } },
    }, async (request, reply) => reply.status(201).send(await addMember(ctx, request.actor, request.params.id, request.body)));

    app.get("/memberships/pending", {
      schema: { tags: ["value chain"], summary: "Memberships awaiting approval that concern the caller: an officer's agency's clusters, all for an admin, the member's own firm, a coordinator's own clusters (read-only)", response: { 200: z.object({ items: z.array(pendingMembershipSchema) }), ...errorResponses(401) } },
    }, async (request) => listPendingMemberships(ctx, request.actor));

    app.post("/clusters/:id/members/:enterpriseId/approval", {
      schema: { tags: ["value chain"], summary: "Approve a pending membership (an officer of the cluster's coordinating agency, an admin, or the firm itself)", params: clusterParams.extend({ enterpriseId: z.coerce.number().int().positive() }), response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) } },
    }, async (request) => approveMember(ctx, request.actor, request.params.id, request.params.enterpriseId));

    app.patch("/clusters/:id/members/:enterpriseId", {
      schema: { tags: ["value chain"], summary: "Change a member's stage or dates", params: clusterParams.extend({ enterpriseId: z.coerce.number().int().positive() }), body: z.object({ stage: z.enum(stages).optional(), joinedOn: date.nullable().optional(), leftOn: date.nullable().optional() }).strict(), response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) } },
    }, async (request) => updateMember(ctx, request.actor, request.params.id, request.params.enterpriseId, request.body));

    app.delete("/clusters/:id/members/:enterpriseId", {
      schema: { tags: ["value chain"], summary: "Remove a membership recorded by mistake (use leftOn when a firm leaves)", params: clusterParams.extend({ enterpriseId: z.coerce.number().int().positive() }), response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) } },
    }, async (request) => removeMember(ctx, request.actor, request.params.id, request.params.enterpriseId));

    app.get("/clusters/:id/linkages", {
      schema: { tags: ["value chain"], summary: "The cluster's network: typed, directed links", params: clusterParams, response: { 200: z.object({ items: z.array(linkageSchema) }), ...errorResponses(400, 404) } },
    }, async (request) => listClusterLinkages(ctx, request.actor, request.params.id));

    app.post("/clusters/:id/linkages", {
      schema: { tags: ["value chain"], summary: "Record a link between two parties", params: clusterParams, body: z.object({ from: party, to: party, kind: z.enum(linkageKinds), product: z.string().trim().min(1).max(300).nullable().optional(), annualValue: z.number().min(0, "must not be negative").max(1e13).nullable().optional() }).strict(), response: { 201: linkageSchema, ...errorResponses(400, 401, 403, 404) } },
    }, async (request, reply) => reply.status(201).send(await addLinkage(ctx, request.actor, request.params.id, request.body)));

    app.delete("/clusters/:id/linkages/:linkageId", {
      schema: { tags: ["value chain"], summary: "Remove a link", params: clusterParams.extend({ linkageId: z.coerce.number().int().positive() }), response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) } },
    }, async (request) => removeLinkage(ctx, request.actor, request.params.id, request.params.linkageId));

    app.get("/clusters/:id/analysis", {
      schema: {
        tags: ["value chain"],
        summary: "Value-chain analysis: members per stage, gaps, single suppliers, unlinked members, density, value kept inside, and suggested links with reasons",
        params: clusterParams,
        querystring: z.object({ suggestions: z.coerce.number().int().min(0).max(200).default(20) }),
        response: { 200: analysisSchema, ...errorResponses(400, 404) },
      },
    }, async (request) => analyseCluster(ctx, request.actor, request.params.id, { suggestionLimit: request.query.suggestions }));

    app.get("/institutions", {
      schema: { tags: ["value chain"], summary: "Support institutions (BDS)", querystring: z.object({ kind: z.enum(institutionKinds).optional(), cluster: z.coerce.number().int().positive().optional() }), response: { 200: z.object({ items: z.array(institutionSchema) }), ...errorResponses(400, 404) } },
    }, async (request) => listInstitutions(ctx, request.actor, request.query));

    app.get("/institutions/:id", {
      schema: { tags: ["value chain"], summary: "One support institution (an unpublished one only for its keepers)", params: clusterParams, response: { 200: institutionSchema, ...errorResponses(400, 404) } },
    }, async (request) => getInstitution(ctx, request.actor, request.params.id));

    app.post("/institutions", {
      schema: { tags: ["value chain"], summary: "Register a support institution", body: z.object({ kind: z.enum(institutionKinds), nameTh: z.string().trim().min(1).max(300).nullable().optional(), nameEn: z.string().trim().min(1).max(300).nullable().optional(), description: z.string().trim().max(5000).nullable().optional(), agencyId: z.number().int().positive().nullable().optional(), provinceCode: z.string().regex(/^\d{2}$/, "must be a 2-digit province code").nullable().optional(), published: z.boolean().optional() }).strict(), response: { 201: institutionSchema, ...errorResponses(400, 401, 403) } },
    }, async (request, reply) => reply.status(201).send(await createInstitution(ctx, request.actor, request.body)));

    app.post("/clusters/:id/institutions", {
      schema: { tags: ["value chain"], summary: "Link a support institution to a cluster (horizontal linkage)", params: clusterParams, body: z.object({ institutionId: z.number().int().positive(), role: z.string().trim().min(1).max(200).nullable().optional() }).strict(), response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) } },
    }, async (request) => linkInstitution(ctx, request.actor, request.params.id, request.body));

    app.delete("/clusters/:id/institutions/:institutionId", {
      schema: { tags: ["value chain"], summary: "Unlink a support institution from a cluster", params: clusterParams.extend({ institutionId: z.coerce.number().int().positive() }), response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) } },
    }, async (request) => unlinkInstitution(ctx, request.actor, request.params.id, request.params.institutionId));
  };
}
