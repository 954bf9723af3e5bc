import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  addProviderManagerBody,
  createExpertBody,
  createProviderBody,
  errorResponses,
  expertListQuery,
  expertListSchema,
  expertSchema,
  idParams as params,
  providerListQuery,
  providerListSchema,
  providerManagerListSchema,
  providerManagerParams,
  providerSchema,
  userCandidateListSchema,
  userCandidatesQuery,
  updateExpertBody,
  updateProviderBody,
} from "@sainam/contract";
import type { AppContext } from "../context.ts";
import {
  createExpert,
  createProvider,
  getExpert,
  getProvider,
  listExperts,
  listProviders,
  updateExpert,
  updateProvider,
} from "./provider.service.ts";
import { addManager, listManagers, removeManager, userCandidates } from "./provider-people.ts";

/** Service providers and their experts (issue 13): who SME requests for help go to. */
export function providerRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/service-providers",
      {
        schema: {
          tags: ["services"],
          summary: "Service providers (contacts for signed-in users only); managed=me: those the caller manages",
          querystring: providerListQuery,
          response: { 200: providerListSchema, ...errorResponses(400) },
        },
      },
      async (request) => ({ items: await listProviders(ctx, request.actor, request.query) }),
    );

    app.get(
      "/service-providers/:id",
      {
        schema: {
          tags: ["services"],
          summary: "One service provider",
          params,
          response: { 200: providerSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => getProvider(ctx, request.actor, request.params.id),
    );

    app.post(
      "/service-providers",
      {
        schema: {
          tags: ["services"],
          summary: "Add a service provider (admins, or officers for their agency)",
          body: createProviderBody,
          response: { 201: providerSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await createProvider(ctx, request.actor, request.body)),
    );

    app.patch(
      "/service-providers/:id",
      {
        schema: {
          tags: ["services"],
          summary: "Change a service provider (admins, or officers of its agency)",
          params,
          body: updateProviderBody,
          response: { 200: providerSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => updateProvider(ctx, request.actor, request.params.id, request.body),
    );

    app.get(
      "/service-providers/:id/managers",
      {
        schema: {
          tags: ["services"],
          summary: "A provider's managers (names, for signed-in users)",
          params,
          response: { 200: providerManagerListSchema, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => ({ items: await listManagers(ctx, request.actor, request.params.id) }),
    );

    app.post(
      "/service-providers/:id/managers",
      {
        schema: {
          tags: ["services"],
          summary: "Make an expert or agency officer a manager of the provider (its keepers), audited",
          params,
          body: addProviderManagerBody,
          response: { 201: providerManagerListSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send({ items: await addManager(ctx, request.actor, request.params.id, request.body.userId) }),
    );

    app.delete(
      "/service-providers/:id/managers/:userId",
      {
        schema: {
          tags: ["services"],
          summary: "Remove a manager of the provider (its keepers), audited",
          params: providerManagerParams,
          response: { 200: providerManagerListSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        await removeManager(ctx, request.actor, request.params.id, request.params.userId);
        return { items: await listManagers(ctx, request.actor, request.params.id) };
      },
    );

    app.get(
      "/service-providers/:id/user-candidates",
      {
        schema: {
          tags: ["services"],
          summary: "Users a provider's keepers may link to an expert record or make managers, by name or e-mail",
          params,
          querystring: userCandidatesQuery,
          response: { 200: userCandidateListSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => ({ items: await userCandidates(ctx, request.actor, request.params.id, request.query) }),
    );

    app.get(
      "/experts",
      {
        schema: {
          tags: ["services"],
          summary: "Experts, of one provider or of all (signed-in users)",
          querystring: expertListQuery,
          response: { 200: expertListSchema, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => ({ items: await listExperts(ctx, request.actor, request.query) }),
    );

    app.get(
      "/experts/:id",
      {
        schema: {
          tags: ["services"],
          summary: "One expert (signed-in users)",
          params,
          response: { 200: expertSchema, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => getExpert(ctx, request.actor, request.params.id),
    );

    app.post(
      "/experts",
      {
        schema: {
          tags: ["services"],
          summary: "Add an expert to a provider (admins, or officers of the provider's agency)",
          body: createExpertBody,
          response: { 201: expertSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await createExpert(ctx, request.actor, request.body)),
    );

    app.patch(
      "/experts/:id",
      {
        schema: {
          tags: ["services"],
          summary: "Change an expert (admins, or officers of the provider's agency)",
          params,
          body: updateExpertBody,
          response: { 200: expertSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateExpert(ctx, request.actor, request.params.id, request.body),
    );
  };
}
