import { z } from "zod";

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** The error responses a route may give, for the OpenAPI description. */
export function errorResponses(...statuses: Array<400 | 401 | 403 | 404 | 409 | 429>) {
  return Object.fromEntries(statuses.map((s) => [s, errorSchema]));
}

export const okSchema = z.object({ ok: z.literal(true) });
export const bilingualNullable = z.string().trim().min(1).max(2000).nullable();
