import { loadConfig } from "../config.ts";
import { bootstrap } from "../bootstrap.ts";
import { buildApp } from "../app.ts";

/**
 * The OpenAPI document of the API, as the server serves it at /api/openapi.json, built without a port or a
 * data directory: an app over an in-memory database (the document depends on the routes, not the data).
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig({
    SAINAM_DATA_DIR: ":memory:",
    SAINAM_ADMIN_EMAIL: "admin@example.org",
    SAINAM_ADMIN_PASSWORD: "openapi-document-only",
    SAINAM_LOG_LEVEL: "silent",
  });
  const { ctx } = await bootstrap(config, { examples: "never" });
  const app = await buildApp(ctx, { logger: false });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await ctx.database.close();
  }
}
