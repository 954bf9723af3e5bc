import { z } from "zod";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z
        .array(
          z.object({
            path: z.string(),
            message: z.string(),
            /** Why the field is wrong, stable for translation (`required`, `too_long`, `not_found`, …; `invalid`: read the message). */
            code: z.string(),
            params: z
              .record(
                z.string(),
                z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
              )
              .optional(),
          }),
        )
        .optional(),
      /** On `forbidden`: what was refused, e.g. `{ action: "approve", resource: "plan_values" }`. */
      reason: z.object({ action: z.string(), resource: z.string() }).optional(),
    }),
    // Named, so that the OpenAPI document states the error body once and every operation refers to it.
  })
  .meta({ id: "Error" });

/** The error responses a route may give, for the OpenAPI description. */
export function errorResponses(...statuses: Array<400 | 401 | 403 | 404 | 409 | 429>) {
  return Object.fromEntries(statuses.map((s) => [s, errorSchema]));
}

export const okSchema = z.object({ ok: z.literal(true) });
export const bilingualNullable = z.string().trim().min(1).max(2000).nullable();

/** The `:id` of a resource's address. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });
