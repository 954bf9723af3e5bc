import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  createExpertBody,
  createProviderBody,
  errorResponses,
  expertListQuery,
  expertListSchema,
  expertSchema,
  idParams as params,
  providerListSchema,
  providerSchema,
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

/** Service providers and their experts (issue 13): who SME requests for help go to. */
export function providerRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/service-providers",
      {
        schema: {
          tags: ["services"],
          summary: "Service providers (contacts for signed-in users only)",
          response: { 200: providerListSchema },
        },
      },
      async (request) => ({ items: await listProviders(ctx, request.actor) }),
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
