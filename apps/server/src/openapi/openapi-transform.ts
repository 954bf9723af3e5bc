import type { SwaggerTransform, SwaggerTransformObject } from "@fastify/swagger";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { errorSchema } from "@sainam/contract";
import { ANONYMOUS_WRITES } from "../http/auth-hook.ts";

// What the OpenAPI document says about every operation, decided here once rather than in each route: its
// operationId, who may call it (the session cookie, plus the CSRF header on writes) and the error answers the
// HTTP layer gives whatever the route (400 on invalid input, 401/403 from the auth hook on writes).

type Security = Array<Record<string, string[]>>;
/** A signed-in caller: the session cookie. */
const SESSION: Security = [{ session: [] }];
/** A write: the session cookie and the CSRF token echoed in X-CSRF-Token. */
const SESSION_AND_CSRF: Security = [{ session: [], csrf: [] }];
/** Anyone; a session may show more (unpublished records, the caller's own). */
const ANYONE: Security = [{}, { session: [] }];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A stable, unique camelCase operationId from the method and path: `GET /api/clusters/{id}/members` →
 * `getClustersByIdMembers`, `GET /api/exports/enterprises.{format}` → `getExportsEnterprisesByFormat`.
 * Unique because method and path are; stable as long as the route is.
 */
export function operationIdFor(method: string, url: string): string {
  const words = url
    .replace(/^\/api(?=\/|$)/, "")
    .split(/[/.]/)
    .filter((segment) => segment !== "")
    .flatMap((segment) => {
      const param = /^[{:](\w+)\}?$/.exec(segment);
      return param ? ["by", ...splitWords(param[1] ?? "")] : splitWords(segment);
    });
  return [method.toLowerCase(), ...words.map(capitalise)].join("");
}

function splitWords(segment: string): string[] {
  return segment.split(/[-_]/).filter((w) => w !== "");
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The reads that answer nothing but 401 (or 404) to a caller without a session. Every other read answers the
 * public something (published records); the access matrix test holds this list to what the routes do.
 */
const SIGNED_IN_READS: ReadonlySet<string> = new Set([
  "/api/users",
  "/api/users/{id}",
  "/api/audit",
  "/api/memberships/pending",
  "/api/my-business",
  "/api/imports",
  "/api/imports/{batchId}",
  "/api/imports/{batchId}/preview",
  "/api/programmes/{id}/enterprises",
  "/api/value-claims",
  "/api/values/queue",
  "/api/experts",
  "/api/experts/{id}",
  "/api/inbox",
  "/api/inbox/count",
  "/api/mail/failed",
  "/api/service-providers/{id}/managers",
  "/api/service-providers/{id}/user-candidates",
  "/api/service-requests",
  "/api/service-requests/{id}",
  "/api/service-requests/{id}/candidates",
  "/api/service-requests/{id}/attachments/{attachmentId}",
  "/api/service-requests/{id}/case-work",
  "/api/events/{id}/participants/{participantId}",
  "/api/events/{id}/suggestions",
  "/api/events/{id}/meetings",
  "/api/events/{id}/no-shows",
  "/api/my/meetings",
  "/api/events/{id}/schedule",
  "/api/events/{id}/participants/{participantId}/agenda.{format}",
  "/api/deals",
  "/api/deals/{id}",
  "/api/enterprises/{enterpriseId}/inquiries",
]);

/** Who may call an operation: no one needs a session to sign in; writes need one and the CSRF header. */
export function securityFor(method: string, url: string): Security {
  // Signing in needs nothing; the other writes anyone may make (a buyer's request for a quote) take a session with
  // its CSRF header when there is one.
  if (url === "/api/auth/login") return [];
  if (ANONYMOUS_WRITES.has(url)) return [{}, ...SESSION_AND_CSRF];
  if (!SAFE_METHODS.has(method)) return SESSION_AND_CSRF;
  return SIGNED_IN_READS.has(url.replace(/:(\w+)/g, "{$1}")) ? SESSION : ANYONE;
}

const errorAnswer = (description: string) => ({
  description,
  content: { "application/json": { schema: errorSchema } },
});

/** The error answers the HTTP layer gives that a route's own schema need not list. */
function commonErrors(
  method: string,
  url: string,
  schema: Record<string, unknown>,
  declared: readonly string[],
): Record<string, unknown> {
  const added: Record<string, unknown> = {};
  const validated = ["params", "querystring", "body", "headers"].some((part) => schema[part] !== undefined);
  if (validated) added["400"] = errorAnswer("Invalid input: `details` names each field and why.");
  if (!SAFE_METHODS.has(method) && !ANONYMOUS_WRITES.has(url)) {
    added["401"] = errorAnswer("Not signed in.");
    added["403"] = errorAnswer("Not permitted, or the CSRF token is missing or wrong.");
  }
  const any4xx = [...declared, ...Object.keys(added)].some((status) => status.startsWith("4"));
  // An operation with no input and no refusal of its own still answers any 4xx in the error body.
  if (!any4xx) added["4XX"] = errorAnswer("Refused: the body says why.");
  return Object.fromEntries(Object.entries(added).filter(([status]) => !declared.includes(status)));
}

/** The per-route transform: Zod → JSON Schema, plus operationId, security and the common error answers. */
export const openApiTransform: SwaggerTransform = (input) => {
  const schema = (input.schema ?? {}) as Record<string, unknown>;
  if (schema.hide) return jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
  const methods = typeof input.route.method === "string" ? [input.route.method] : input.route.method;
  const method = methods.find((m) => m !== "HEAD") ?? methods[0] ?? "GET";
  const response = (schema.response ?? {}) as Record<string, unknown>;
  const declared = Object.keys(response);
  const completed = {
    operationId: operationIdFor(method, input.url),
    security: securityFor(method, input.url),
    ...schema,
    response: { ...response, ...commonErrors(method, input.url, schema, declared) },
  };
  return jsonSchemaTransform({ ...input, schema: completed } as Parameters<typeof jsonSchemaTransform>[0]);
};

type JsonObject = Record<string, unknown>;

/**
 * The whole-document transform: the named Zod schemas (recursive ones, the error body) become components, and
 * the components no operation refers to (the input twin the type provider makes of each output schema) go.
 */
export const openApiTransformObject: SwaggerTransformObject = (documentObject) => {
  const transformed = jsonSchemaTransformObject(documentObject);
  const document = transformed as JsonObject;
  addBareSuccess(document);
  const components = (document.components ?? {}) as JsonObject;
  const schemas = (components.schemas ?? {}) as Record<string, unknown>;
  const used = referencedSchemas({ ...document, components: { ...components, schemas: {} } }, schemas);
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...components, schemas: kept } } as typeof transformed;
};

/**
 * A route that sends a file or a stream as is declares no success schema; fastify-swagger gives such a route a
 * bare 200 only while it declares no response at all, so once the common errors are added it is given here.
 */
function addBareSuccess(document: JsonObject): void {
  for (const operations of Object.values((document.paths ?? {}) as Record<string, Record<string, JsonObject>>)) {
    for (const operation of Object.values(operations)) {
      const responses = (operation.responses ?? {}) as JsonObject;
      if (!Object.keys(responses).some((status) => status.startsWith("2")))
        operation.responses = { 200: { description: "Success: the file or document the path names." }, ...responses };
    }
  }
}

/** The component schemas reachable from `root`, following references through the components themselves. */
function referencedSchemas(root: unknown, schemas: Record<string, unknown>): Set<string> {
  const used = new Set<string>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      pending.push(...value);
    } else if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        const name =
          key === "$ref" && typeof child === "string" ? /^#\/components\/schemas\/(.+)$/.exec(child)?.[1] : undefined;
        if (name !== undefined && !used.has(name)) {
          used.add(name);
          pending.push(schemas[name]);
        } else {
          pending.push(child);
        }
      }
    }
  }
  return used;
}
