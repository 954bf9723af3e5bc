import { existsSync } from "node:fs";
import { join, sep } from "node:path";
import Fastify, { LogController, type FastifyInstance } from "fastify";
import { constants as zlib } from "node:zlib";
import cookie from "@fastify/cookie";
import compress from "@fastify/compress";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { openApiTransform, openApiTransformObject } from "./openapi/openapi-transform.ts";
import type { AppContext } from "./context.ts";
import { registerErrorHandler } from "./http/error-handler.ts";
import { registerAuthHook, SESSION_COOKIE } from "./http/auth-hook.ts";
import { registerSecurityHeaders } from "./http/security-headers.ts";
import { registerForegroundCount } from "./http/foreground.ts";
import { authRoutes } from "./auth/auth.routes.ts";
import { userRoutes } from "./users/user.routes.ts";
import { auditRoutes } from "./audit/audit.routes.ts";
import { referenceRoutes } from "./reference/reference.routes.ts";
import { providerRoutes } from "./providers/provider.routes.ts";
import { productRoutes } from "./products/product.routes.ts";
import { caseWorkRoutes } from "./case-work/case-work.routes.ts";
import { serviceRequestRoutes } from "./service-requests/request.routes.ts";
import { agencyRoutes } from "./agencies/agency.routes.ts";
import { holidayRoutes } from "./holidays/holiday.routes.ts";
import { notificationRoutes } from "./notifications/notification.routes.ts";
import { serviceFiguresRoutes } from "./service-levels/service-figures.routes.ts";
import { planRoutes } from "./plans/plan.routes.ts";
import { healthRoutes } from "./health/health.routes.ts";
import { clusterRoutes } from "./clusters/cluster.routes.ts";
import { enterpriseRoutes } from "./enterprises/enterprise.routes.ts";
import { myBusinessRoutes } from "./my-business/my-business.routes.ts";
import { valueChainRoutes } from "./value-chain/value-chain.routes.ts";
import { searchRoutes } from "./search/search.routes.ts";
import { importRoutes } from "./imports/import.routes.ts";
import { dashboardRoutes } from "./dashboards/dashboard.routes.ts";
import { planReportRoutes } from "./reports/plan-report.routes.ts";
import { programmeRoutes } from "./programmes/programme.routes.ts";
import { indicatorValueRoutes } from "./indicator-values/indicator-value.routes.ts";
import { eventScheduleRoutes } from "./events-schedule/event-schedule.routes.ts";
import { eventRoutes } from "./events/event.routes.ts";
import { meetingRoutes } from "./meetings/meeting.routes.ts";
import { dealRoutes } from "./deals/deal.routes.ts";

export type BuildOptions = { logger?: boolean };

/** Fastify's trustProxy for the configured setting; a hop count trusts that many hops nearest the server. */
function trustProxyOption(
  setting: AppContext["config"]["trustProxy"],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (setting === false) return false;
  if (typeof setting === "number") return (_address, hop) => hop < setting;
  return [...setting];
}

/**
 * Builds the HTTP application: security headers, cookies, session → actor, the JSON API under /api with
 * its OpenAPI description, and the web app's static files with a fallback to index.html.
 */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: ctx.config.logLevel,
            // Only method, path and status are logged: query strings, bodies and headers may hold personal data.
            serializers: {
              req: (req) => ({ method: req.method, path: req.url.split("?")[0], id: req.id }),
              res: (res) => ({ statusCode: res.statusCode }),
            },
          },
    // A log line per request costs two thirds of a cached read's throughput; off unless asked for.
    logController: new LogController({ disableRequestLogging: !ctx.config.logRequests }),
    // Only the configured proxies may set the client's address and protocol (SAINAM_TRUST_PROXY): the
    // sign-in throttle counts per address, and cookies and HSTS follow the protocol.
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerForegroundCount(app, ctx.foreground);

  registerSecurityHeaders(app, ctx.config.secureCookies);
  await app.register(cookie);
  registerAuthHook(app, ctx);

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Sainam API",
        version: ctx.version,
        description: "Open platform for Thailand's SME clusters. Errors are `{ error: { code, message, details? } }`.",
        license: { name: "MIT", identifier: "MIT" },
      },
      // The API is served by the same origin as its document.
      servers: [{ url: "/", description: "This server" }],
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "Set by POST /api/auth/login." },
          csrf: {
            type: "apiKey",
            in: "header",
            name: "X-CSRF-Token",
            description: "Writes echo the `csrfToken` the sign-in answered (also in the sainam_csrf cookie).",
          },
        },
      },
    },
    transform: openApiTransform,
    transformObject: openApiTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  await app.register(
    async (api) => {
      // JSON answers over 1 KB travel compressed (a province list, a dashboard, a search page): Brotli at a quality
      // that costs about as much CPU as gzip, or gzip, whichever the client accepts. Files (XLSX, PDF, CSV) are not.
      await api.register(compress, {
        threshold: JSON_COMPRESS_THRESHOLD,
        encodings: ["br", "gzip"],
        customTypes: /^application\/(?:[a-z.+-]+\+)?json\b/,
        brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
      });
      await api.register(healthRoutes(ctx));
      await api.register(authRoutes(ctx));
      await api.register(userRoutes(ctx));
      await api.register(auditRoutes(ctx));
      await api.register(referenceRoutes(ctx));
      await api.register(agencyRoutes(ctx));
      await api.register(providerRoutes(ctx));
      await api.register(serviceRequestRoutes(ctx));
      await api.register(holidayRoutes(ctx));
      await api.register(notificationRoutes(ctx));
      await api.register(serviceFiguresRoutes(ctx));
      await api.register(planRoutes(ctx));
      await api.register(clusterRoutes(ctx));
      await api.register(enterpriseRoutes(ctx));
      await api.register(myBusinessRoutes(ctx));
      await api.register(valueChainRoutes(ctx));
      await api.register(searchRoutes(ctx));
      await api.register(importRoutes(ctx));
      await api.register(dashboardRoutes(ctx));
      await api.register(planReportRoutes(ctx));
      await api.register(programmeRoutes(ctx));
      await api.register(indicatorValueRoutes(ctx));
      await api.register(caseWorkRoutes(ctx));
      await api.register(eventScheduleRoutes(ctx));
      await api.register(eventRoutes(ctx));
      await api.register(meetingRoutes(ctx));
      await api.register(productRoutes(ctx));
      await api.register(dealRoutes(ctx));
      api.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: "/api" },
  );

  const webDist = ctx.config.webDist;
  const hasWeb = existsSync(join(webDist, "index.html"));
  if (hasWeb) {
    // Wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      index: ["index.html"],
      // The build writes .br and .gz copies beside each asset (scripts/precompress.ts): sent as they are.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header("cache-control", cacheControlOf(path));
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    if (path.startsWith("/api/") || request.method !== "GET") {
      return reply.status(404).send({ error: { code: "not_found", message: `No route ${request.method} ${path}.` } });
    }
    if (hasWeb) return reply.header("cache-control", "no-cache").sendFile("index.html");
    return reply
      .status(404)
      .type("text/plain; charset=utf-8")
      .send("The web app is not built: run `npm run build:web`.");
  });

  return app;
}

/** JSON answers at least this long are compressed. */
export const JSON_COMPRESS_THRESHOLD = 1024;

/**
 * How long a browser may keep a file of the built web app. Vite names every asset under `assets/` by its content's
 * hash, so a changed file has a new name: kept a year, never revalidated. The page itself and unhashed files (the
 * icon) are asked again each time, so a new build is seen at once.
 */
export function cacheControlOf(path: string): string {
  return path.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache";
}
