import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import * as s from "@sainam/contract";
import { errorResponses, okSchema } from "@sainam/contract";
import * as activitiesService from "./activity.service.ts";
import * as claimsService from "./value-claim.service.ts";
import { programmeFigures, scopeFigures } from "./figures.service.ts";
import {
  addClusterMembers,
  addSupportedCluster,
  addSupportedEnterprise,
  createBudget,
  createProgramme,
  deleteBudget,
  getProgramme,
  listBudgets,
  listProgrammes,
  listReportedFigures,
  listSupportedClusters,
  listSupportedEnterprises,
  putReportedFigure,
  removeSupportedCluster,
  removeSupportedEnterprise,
  updateBudget,
  updateProgramme,
} from "./programme.service.ts";

export function programmeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["programmes"];

    app.get(
      "/programmes",
      {
        schema: {
          tags,
          summary: "Programmes (published for the public; an officer also sees their agency's)",
          querystring: s.listProgrammesQuery,
          response: { 200: s.programmePageSchema, ...errorResponses(400) },
        },
      },
      async (request) => listProgrammes(ctx, request.actor, request.query),
    );

    app.post(
      "/programmes",
      {
        schema: {
          tags,
          summary: "Create a programme (admins; officers for their agency)",
          body: s.createProgrammeBody,
          response: { 201: s.programmeDetailSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await createProgramme(ctx, request.actor, request.body)),
    );

    app.get(
      "/programmes/:id",
      {
        schema: {
          tags,
          summary: "One programme with the fiscal years it has figures for",
          params: s.idParams,
          response: { 200: s.programmeDetailSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => getProgramme(ctx, request.actor, request.params.id),
    );

    app.patch(
      "/programmes/:id",
      {
        schema: {
          tags,
          summary: "Edit a programme",
          params: s.idParams,
          body: s.updateProgrammeBody,
          response: { 200: s.programmeDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateProgramme(ctx, request.actor, request.params.id, request.body),
    );

    app.get(
      "/programmes/:id/figures",
      {
        schema: {
          tags,
          summary:
            "A programme's figures per fiscal year: recorded in Sainam (distinct clusters, firms, budget, value) beside those reported by the agency",
          params: s.idParams,
          querystring: s.fiscalYearFilter,
          response: { 200: s.programmeFiguresSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => programmeFigures(ctx, request.actor, request.params.id, request.query.fiscalYear),
    );

    app.get(
      "/figures",
      {
        schema: {
          tags,
          summary: "Figures across programmes (an agency's, or the nation's), firms and claims counted once",
          querystring: s.figuresQuery,
          response: { 200: s.scopeFiguresSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => scopeFigures(ctx, request.actor, request.query),
    );

    app.get(
      "/programmes/:id/clusters",
      {
        schema: {
          tags,
          summary: "Clusters the programme supports, per fiscal year",
          params: s.idParams,
          querystring: s.fiscalYearFilter,
          response: { 200: s.supportedClusterListSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => listSupportedClusters(ctx, request.actor, request.params.id, request.query.fiscalYear),
    );

    app.post(
      "/programmes/:id/clusters",
      {
        schema: {
          tags,
          summary: "Add a supported cluster for a fiscal year",
          params: s.idParams,
          body: s.addClusterBody,
          response: { 201: s.supportedClusterListSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addSupportedCluster(ctx, request.actor, request.params.id, request.body)),
    );

    app.delete(
      "/programmes/:id/clusters/:clusterId",
      {
        schema: {
          tags,
          summary: "Remove a supported cluster for a fiscal year",
          params: s.clusterLinkParams,
          querystring: s.requiredFiscalYear,
          response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        removeSupportedCluster(
          ctx,
          request.actor,
          request.params.id,
          request.params.clusterId,
          request.query.fiscalYear,
        ),
    );

    app.get(
      "/programmes/:id/enterprises",
      {
        schema: {
          tags,
          summary: "Firms the programme supports (its agency's officers, its clusters' coordinators)",
          params: s.idParams,
          querystring: s.listSupportedEnterprisesQuery,
          response: { 200: s.supportedEnterprisePageSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => listSupportedEnterprises(ctx, request.actor, request.params.id, request.query),
    );

    app.post(
      "/programmes/:id/enterprises",
      {
        schema: {
          tags,
          summary: "Add a supported firm for a fiscal year",
          params: s.idParams,
          body: s.addEnterpriseBody,
          response: { 201: okSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addSupportedEnterprise(ctx, request.actor, request.params.id, request.body)),
    );

    app.post(
      "/programmes/:id/enterprises/cluster-members",
      {
        schema: {
          tags,
          summary: "Add every current member of a cluster as a supported firm for a fiscal year (all or nothing)",
          params: s.idParams,
          body: s.addClusterMembersBody,
          response: { 200: s.addClusterMembersResultSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => addClusterMembers(ctx, request.actor, request.params.id, request.body),
    );

    app.delete(
      "/programmes/:id/enterprises/:enterpriseId",
      {
        schema: {
          tags,
          summary: "Remove a supported firm for a fiscal year",
          params: s.enterpriseLinkParams,
          querystring: s.requiredFiscalYear,
          response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        removeSupportedEnterprise(
          ctx,
          request.actor,
          request.params.id,
          request.params.enterpriseId,
          request.query.fiscalYear,
        ),
    );

    app.get(
      "/programmes/:id/budgets",
      {
        schema: {
          tags,
          summary: "Budget allocations and spending by fiscal year and cluster",
          params: s.idParams,
          querystring: s.fiscalYearFilter,
          response: { 200: s.budgetListSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => listBudgets(ctx, request.actor, request.params.id, request.query.fiscalYear),
    );

    app.post(
      "/programmes/:id/budgets",
      {
        schema: {
          tags,
          summary: "Add a budget line (amounts ≥ 0; spending above the allocation is flagged)",
          params: s.idParams,
          body: s.createBudgetBody,
          response: { 201: s.budgetSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createBudget(ctx, request.actor, request.params.id, request.body)),
    );

    app.patch(
      "/programmes/:id/budgets/:budgetId",
      {
        schema: {
          tags,
          summary: "Edit a budget line",
          params: s.budgetParams,
          body: s.updateBudgetBody,
          response: { 200: s.budgetSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => updateBudget(ctx, request.actor, request.params.id, request.params.budgetId, request.body),
    );

    app.delete(
      "/programmes/:id/budgets/:budgetId",
      {
        schema: {
          tags,
          summary: "Delete a budget line",
          params: s.budgetParams,
          response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => deleteBudget(ctx, request.actor, request.params.id, request.params.budgetId),
    );

    app.get(
      "/programmes/:id/reported-figures",
      {
        schema: {
          tags,
          summary: "Figures as the agency reported them (aggregates), per fiscal year",
          params: s.idParams,
          response: { 200: s.reportedFigureListSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => listReportedFigures(ctx, request.actor, request.params.id),
    );

    app.put(
      "/programmes/:id/reported-figures/:fiscalYear",
      {
        schema: {
          tags,
          summary: "Record the agency's reported figures for a fiscal year",
          params: s.reportedParams,
          body: s.reportedFigureBody,
          response: { 200: s.reportedFigureSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        putReportedFigure(ctx, request.actor, request.params.id, request.params.fiscalYear, request.body),
    );

    // ——— Activities ———
    const activityTags = ["activities"];
    app.get(
      "/activities",
      {
        schema: {
          tags: activityTags,
          summary: "Activities of a programme or a cluster",
          querystring: s.listActivitiesQuery,
          response: { 200: s.pageOf(s.activitySchema), ...errorResponses(400, 404) },
        },
      },
      async (request) => activitiesService.listActivities(ctx, request.actor, request.query),
    );

    app.post(
      "/activities",
      {
        schema: {
          tags: activityTags,
          summary: "Record an activity (its fiscal year follows the start date)",
          body: s.createActivityBody,
          response: { 201: s.activityDetailSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await activitiesService.createActivity(ctx, request.actor, request.body)),
    );

    app.get(
      "/activities/:id",
      {
        schema: {
          tags: activityTags,
          summary: "One activity with participants (for its scope) and outcomes",
          params: s.idParams,
          response: { 200: s.activityDetailSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => activitiesService.getActivity(ctx, request.actor, request.params.id),
    );

    app.patch(
      "/activities/:id",
      {
        schema: {
          tags: activityTags,
          summary: "Edit an activity",
          params: s.idParams,
          body: s.updateActivityBody,
          response: { 200: s.activityDetailSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => activitiesService.updateActivity(ctx, request.actor, request.params.id, request.body),
    );

    app.put(
      "/activities/:id/participants",
      {
        schema: {
          tags: activityTags,
          summary: "Replace the named participants (enterprises)",
          params: s.idParams,
          body: s.participantsBody,
          response: { 200: s.activityDetailSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        activitiesService.setParticipants(ctx, request.actor, request.params.id, request.body.enterpriseIds),
    );

    app.post(
      "/activities/:id/outcomes",
      {
        schema: {
          tags: activityTags,
          summary: "Add an outcome (per enterprise or for the whole activity)",
          params: s.idParams,
          body: s.outcomeBody,
          response: { 201: s.activityDetailSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await activitiesService.addOutcome(ctx, request.actor, request.params.id, request.body)),
    );

    app.delete(
      "/activities/:id/outcomes/:outcomeId",
      {
        schema: {
          tags: activityTags,
          summary: "Delete an outcome",
          params: s.outcomeParams,
          response: { 200: s.activityDetailSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        activitiesService.deleteOutcome(ctx, request.actor, request.params.id, request.params.outcomeId),
    );

    // ——— Value claims ———
    const claimTags = ["value-claims"];
    app.get(
      "/value-claims",
      {
        schema: {
          tags: claimTags,
          summary: "A programme's economic-value claims (its scope only)",
          querystring: s.listClaimsQuery,
          response: { 200: s.pageOf(s.claimSchema), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => claimsService.listClaims(ctx, request.actor, request.query),
    );

    app.post(
      "/value-claims",
      {
        schema: {
          tags: claimTags,
          summary:
            "Record an economic-value claim; an identical one (enterprise, fiscal year, method, amount) is linked instead of duplicated",
          body: s.createClaimBody,
          response: { 200: s.createClaimResponse, 201: s.createClaimResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const result = await claimsService.createClaim(ctx, request.actor, request.body);
        return reply.status(result.outcome === "created" ? 201 : 200).send(result);
      },
    );

    app.post(
      "/value-claims/:id/verification",
      {
        schema: {
          tags: claimTags,
          summary: "Verify or reject a claim (an officer of an attributed programme's agency who did not record it)",
          params: s.idParams,
          body: s.verifyClaimBody,
          response: { 200: s.claimSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => claimsService.verifyClaim(ctx, request.actor, request.params.id, request.body.decision),
    );
  };
}
