import { recordCodePattern } from "@sainam/core";
import { FIELD_ERROR_CODES, type ErrorParams, type FieldErrorCode } from "../errors.ts";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at a path of the request's input (body, query, params), or undefined when it is not there. */
export function valueAt(input: unknown, segments: readonly string[]): unknown {
  let current = input;
  for (const segment of segments) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isRecord(current)) current = current[segment];
    else return undefined;
  }
  return current;
}

const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** A bound as params: `{ min: 0, exclusive: true }` for "more than 0", `{ max: 5 }` for "at most 5". */
function bound(key: "min" | "max", value: unknown, inclusive: unknown): ErrorParams | undefined {
  const n = num(value);
  if (n === null) return undefined;
  return inclusive === false ? { [key]: n, exclusive: true } : { [key]: n };
}

function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return typeof value === "string" && FIELD_ERROR_CODES.some((code) => code === value);
}

/**
 * A schema's own rule (`.refine(check, { message, params: { code: "invalid_format", format: "period_key" } })`)
 * names its code and params in the params; a rule that names none is the catch-all `invalid`.
 */
function customCode(params: unknown): { code: FieldErrorCode; params?: ErrorParams } {
  if (!isRecord(params) || !isFieldErrorCode(params.code)) return { code: "invalid" };
  const out: Record<string, string | number | boolean | ReadonlyArray<string | number>> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key === "code") continue;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") out[key] = value;
    else if (Array.isArray(value))
      out[key] = value.filter((v): v is string | number => typeof v === "string" || typeof v === "number");
  }
  return Object.keys(out).length > 0 ? { code: params.code, params: out } : { code: params.code };
}

const DATE_FORMATS = new Set(["date", "datetime", "time", "duration"]);

/**
 * The schemas' patterns by what they mean, so a client can say "must be 2–80 lowercase letters, digits or hyphens"
 * in its own language; a pattern not listed is a plain `invalid_format` (the message still says what it wants).
 */
const KNOWN_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [recordCodePattern, "lowercase_code"],
  [/^[A-Za-z0-9][A-Za-z0-9._-]{1,79}$/, "plan_code"],
  [/^[A-Za-z0-9ก-๙][A-Za-z0-9ก-๙._-]{0,39}$/, "node_code"],
  [/^\d{2}$/, "province_code"],
  [/^\d{4}$/, "district_code"],
  [/^\d{5}$/, "postcode"],
  [/^\d{1,5}$/, "tsic"],
  [/^[+0-9][0-9 ()-]{5,20}$/, "phone"],
];
const formatOfPattern = new Map(KNOWN_PATTERNS.map(([pattern, format]) => [String(pattern), format]));
const DATE_PATTERN = String(/^\d{4}-\d{2}-\d{2}$/);

/**
 * A schema issue (Zod's issue code and its fields, as fastify-type-provider-zod passes them) as a stable field
 * error code with the params a client needs to word it. `value` is what the request held at the path:
 * a missing value, null for a non-nullable field, or an empty text where one is needed reads as `required`.
 */
export function fieldErrorOf(
  keyword: string,
  params: Readonly<Record<string, unknown>> | undefined,
  value: unknown,
): { code: FieldErrorCode; params?: ErrorParams } {
  const p = params ?? {};
  switch (keyword) {
    case "invalid_type":
      if (value === undefined || value === null) return { code: "required" };
      if (p.expected === "int") return { code: "not_integer" };
      return typeof p.expected === "string"
        ? { code: "invalid_type", params: { expected: p.expected } }
        : { code: "invalid_type" };
    case "too_big": {
      const max = num(p.maximum);
      if (p.origin === "string" && max !== null) return { code: "too_long", params: { max } };
      if ((p.origin === "array" || p.origin === "set") && max !== null) return { code: "too_many", params: { max } };
      const range = bound("max", p.maximum, p.inclusive);
      return range ? { code: "out_of_range", params: range } : { code: "out_of_range" };
    }
    case "too_small": {
      const min = num(p.minimum);
      if (p.origin === "string" && min !== null)
        return min <= 1 && (value === "" || (typeof value === "string" && value.trim() === ""))
          ? { code: "required" }
          : { code: "too_short", params: { min } };
      if ((p.origin === "array" || p.origin === "set") && min !== null) return { code: "too_few", params: { min } };
      const range = bound("min", p.minimum, p.inclusive);
      return range ? { code: "out_of_range", params: range } : { code: "out_of_range" };
    }
    case "invalid_format": {
      if (typeof p.format === "string" && DATE_FORMATS.has(p.format)) return { code: "invalid_date" };
      if (p.format === "regex" && typeof p.pattern === "string") {
        if (p.pattern === DATE_PATTERN) return { code: "invalid_date" };
        const known = formatOfPattern.get(p.pattern);
        if (known) return { code: "invalid_format", params: { format: known } };
      }
      return typeof p.format === "string" && p.format !== "regex"
        ? { code: "invalid_format", params: { format: p.format } }
        : { code: "invalid_format" };
    }
    case "invalid_value": {
      const options = Array.isArray(p.values)
        ? p.values.filter((v): v is string | number => typeof v === "string" || typeof v === "number")
        : [];
      return options.length > 0 && options.length <= 20
        ? { code: "invalid_choice", params: { options } }
        : { code: "invalid_choice" };
    }
    case "unrecognized_keys": {
      const keys = Array.isArray(p.keys) ? p.keys.filter((k): k is string => typeof k === "string") : [];
      return { code: "unknown_field", params: { keys } };
    }
    case "not_multiple_of":
      return num(p.divisor) === null
        ? { code: "invalid_format" }
        : { code: "invalid_format", params: { multipleOf: num(p.divisor) ?? 1 } };
    case "custom":
      return customCode(p.params);
    default:
      return { code: "invalid" };
  }
}
