/** Stable error codes of Sainam's use cases; `http/error-handler.ts` maps them to HTTP statuses. */
export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "csrf_failed"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_many_requests"
  | "period_locked";

/**
 * Why one field is wrong, stable for clients to translate (the web app words them in Thai or English with the
 * field's label); `message` stays the English explanation. `invalid` is the catch-all: its message is the text to show.
 */
export const FIELD_ERROR_CODES = [
  "required",
  "too_long",
  "too_short",
  "too_many",
  "too_few",
  "out_of_range",
  "not_integer",
  "invalid_type",
  "invalid_format",
  "invalid_choice",
  "invalid_date",
  "invalid_check_digit",
  "wrong_length",
  "unknown_field",
  "not_found",
  "duplicate",
  "not_before",
  "not_applicable",
  "locked",
  "conflict",
  "invalid",
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** Values a client needs to word a field error: `{ max: 200 }` for too_long, `{ other: "periodStart" }` for not_before. */
export type ErrorParams = Readonly<Record<string, string | number | boolean | ReadonlyArray<string | number>>>;

export type ErrorDetail = { path: string; message: string; code: FieldErrorCode; params?: ErrorParams };

/** What a refused request tried, for clients to say it in their language: `{ action: "approve", resource: "plan_values" }`. */
export type ForbiddenReason = { action: string; resource: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  readonly reason: ForbiddenReason | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[], reason?: ForbiddenReason) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
    this.reason = reason;
  }
}

function detail(path: string, message: string, code: FieldErrorCode, params?: ErrorParams): ErrorDetail {
  return params ? { path, message, code, params } : { path, message, code };
}

export const errors = {
  /** One field is wrong: `code` says why for clients; without one, the message is all a client can show. */
  validation: (path: string, message: string, code: FieldErrorCode = "invalid", params?: ErrorParams) =>
    new AppError("validation_failed", `${path}: ${message}`, [detail(path, message, code, params)]),
  /** A field names a record that does not exist ("agency 7 does not exist"). */
  missing: (path: string, entity: string, id: string | number) =>
    new AppError("validation_failed", `${path}: ${entity} ${id} does not exist`, [detail(path, `${entity} ${id} does not exist`, "not_found", { id })]),
  /** A field is required here (the message says when or why). */
  required: (path: string, message = "is required") => new AppError("validation_failed", `${path}: ${message}`, [detail(path, message, "required")]),
  /** A date or number field must not come before another field's. */
  notBefore: (path: string, other: string) =>
    new AppError("validation_failed", `${path}: must not be before ${other}`, [detail(path, `must not be before ${other}`, "not_before", { other })]),
  /** Several problems at once (e.g. every invalid row of a batch), each naming its field. */
  invalid: (message: string, details: ErrorDetail[]) => new AppError("validation_failed", message, details),
  unauthenticated: () => new AppError("unauthenticated", "Sign in to continue."),
  csrf: () => new AppError("csrf_failed", "Missing or wrong X-CSRF-Token header."),
  /** A refusal; `reason` lets clients word it (policy.ts `authorize` gives one for every action and resource). */
  forbidden: (message = "You may not do this.", reason?: ForbiddenReason) => new AppError("forbidden", message, undefined, reason),
  notFound: (entity: string, id: string | number) => new AppError("not_found", `${entity} ${id} was not found.`),
  /** A clash with stored data; with a field, `code` says how (`duplicate`: the value is taken). */
  conflict: (message: string, path?: string, code: FieldErrorCode = "conflict", params?: ErrorParams) =>
    new AppError("conflict", message, path ? [detail(path, message, code, params)] : undefined),
  /** A write or workflow step on a plan's values in a locked period. */
  periodLocked: (periodKey: string) =>
    new AppError("period_locked", `period ${periodKey} is locked: its values can no longer be changed`, [detail("periodKey", `${periodKey} is locked`, "locked", { period: periodKey })]),
  tooManyRequests: (retryAfterSeconds: number) =>
    new AppError("too_many_requests", `Too many attempts; try again in ${retryAfterSeconds} seconds.`),
};
