import { BUDDHIST_ERA_THRESHOLD, countryCodeIssue, isIsoDate } from "@sainam/core";
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

/**
 * A country as an ISO 3166-1 alpha-2 code, trimmed and upper-cased ("jp " → "JP"), checked by core's one rule
 * (`countryCodeIssue`): "UK" is refused naming "GB", "EU" as a group of countries, "XK" as not assigned; the
 * issue's params say which, so the web words it in Thai and English.
 */
export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    const issue = countryCodeIssue(code);
    if (issue !== null)
      ctx.addIssue({ code: "custom", message: issue.message, params: { code: issue.code, ...issue.params } });
  });

/** The `:id` of a resource's address. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });

// ---------------------------------------------------------------------------------------------
// Dates and years are C.E. in every request. A B.E. year (2400 and up) sent where C.E. belongs is the
// commonest slip of a Thai form or script; it is refused with its own message (and `era: "buddhist"`, so
// the web says it in Thai) rather than stored as a date five centuries ahead.
// ---------------------------------------------------------------------------------------------

const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const BUDDHIST_YEAR_MESSAGE = "looks like a B.E. year; send the C.E. year (B.E. − 543), e.g. 2026 for 2569";
const buddhistEra = { code: "out_of_range", era: "buddhist", max: BUDDHIST_ERA_THRESHOLD - 1 } as const;

/** True unless the text starts with a four-digit year in the B.E. range. */
function yearNotBuddhist(text: string): boolean {
  const year = /^(\d{4})/.exec(text)?.[1];
  return year === undefined || Number(year) < BUDDHIST_ERA_THRESHOLD;
}

/**
 * A date `YYYY-MM-DD` in C.E. that exists (2021-02-29 does not) and whose year is not B.E. (2569-10-01 is
 * refused as "looks like a B.E. year"). Written as a pattern so the OpenAPI document states the shape.
 */
export const ceIsoDate = z
  .string()
  .regex(ISO_DATE_SHAPE, "must be a date YYYY-MM-DD (C.E.)")
  .refine(yearNotBuddhist, { message: BUDDHIST_YEAR_MESSAGE, params: buddhistEra, abort: true })
  .refine((text) => !ISO_DATE_SHAPE.test(text) || isIsoDate(text), {
    message: "is not a date that exists",
    params: { code: "invalid_date" },
  });

/** Adds the B.E. refusal to a date schema with its own format (`z.iso.date()`, which the OpenAPI document names). */
export function notBuddhistDate(schema: z.ZodISODate): z.ZodISODate {
  return schema.refine(yearNotBuddhist, { message: BUDDHIST_YEAR_MESSAGE, params: buddhistEra, abort: true });
}

const notBuddhistYear = [
  (year: number) => year < BUDDHIST_ERA_THRESHOLD,
  { message: BUDDHIST_YEAR_MESSAGE, params: buddhistEra, abort: true },
] as const;
const CE_FISCAL_YEAR = "must be a C.E. fiscal year, e.g. 2021";

/** A Thai fiscal year in a body, C.E. (2000-2100); a B.E. year such as 2569 is refused as such. */
export const ceFiscalYear = z
  .number()
  .int()
  .refine(...notBuddhistYear)
  .min(2000, CE_FISCAL_YEAR)
  .max(2100);

/** The same in a query string. */
export const ceFiscalYearQuery = z.coerce
  .number()
  .int()
  .refine(...notBuddhistYear)
  .min(2000, CE_FISCAL_YEAR)
  .max(2100);

/**
 * The B.E. refusal for a period key ("FY2564" is a B.E. year written into a C.E. key): say so rather than "not a
 * period key". Spread into `.refine(...)` before the key's own check.
 */
export const notBuddhistPeriodKey = [
  (key: string) => Number(/^(?:FY|CY)(\d{4})/i.exec(key)?.[1] ?? 0) < BUDDHIST_ERA_THRESHOLD,
  {
    message: "looks like a B.E. year; period keys are C.E. (B.E. − 543), e.g. FY2021 for ปีงบประมาณ 2564",
    params: buddhistEra,
    abort: true,
  },
] as const;
