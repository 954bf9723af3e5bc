import { countryCodeIssue, nameRequiredMessage } from "@sainam/core";

/** Stable error codes of Sainam's use cases; `http/error-handler.ts` maps them to HTTP statuses. */
export const ERROR_CODES = [
  "validation_failed",
  "unauthenticated",
  "csrf_failed",
  "forbidden",
  "not_found",
  "conflict",
  "too_many_requests",
  "period_locked",
  "password_change_required",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The codes the HTTP layer adds: Fastify's own client errors (malformed JSON, wrong content type, body too large) and a crash. */
export const HTTP_ERROR_CODES = ["bad_request", "unsupported_media_type", "payload_too_large", "internal"] as const;

/**
 * Why one field is wrong, stable for clients to translate (the web app words them in Thai or English with the
 * field's label); `message` stays the English explanation. `invalid` is the catch-all for a schema issue nothing
 * else describes (its message is the text to show); use cases always name a code. `error-codes.test.ts` checks that
 * the web has Thai and English words for every code but `invalid`.
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
  // Use-case rules: each says one thing the web words in Thai and English (apps/web/src/i18n, errors.fields).
  "required_together",
  "cycle",
  "self_change",
  "officer_only",
  "self_link",
  "no_higher_plan",
  "not_higher_level",
  "has_values",
  "has_activities",
  "served_by",
  "newer_version",
  "unreadable_target",
  "targets_differ",
  "target_text_only",
  "duplicate_target",
  "duplicate_participation",
  "already_member",
  "already_supported",
  "already_locked",
  "already_decided",
  "wrong_status",
  "not_in_province",
  "invalid_breakdown",
  "span_too_long",
  "empty_file",
  "no_header",
  "wrong_file_type",
  "unreadable_file",
  "too_large_uncompressed",
  "file_too_large",
  "wrong_content_type",
  "not_mapped",
  "not_in_file",
  "mapped_twice",
  "no_period_columns",
  "import_state",
  "upload_gone",
  "wrong_password",
  "same_password",
  "invalid",
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** Values a client needs to word a field error: `{ max: 200 }` for too_long, `{ other: "periodStart" }` for not_before. */
export type ErrorParams = Readonly<Record<string, string | number | boolean | ReadonlyArray<string | number>>>;

export type ErrorDetail = { path: string; message: string; code: FieldErrorCode; params?: ErrorParams };

/** What a refused request tried, for clients to say it in their language: `{ action: "approve", resource: "plan_values" }`. */
export type ForbiddenReason = { action: string; resource: string };

/** What an error may carry beyond its code and message, for the HTTP layer to answer with. */
export type AppErrorExtras = {
  details?: ErrorDetail[] | undefined;
  reason?: ForbiddenReason | undefined;
  /** too_many_requests: when to try again (the Retry-After header). */
  retryAfterSeconds?: number | undefined;
};

/** Sainam's one error type: every expected failure of a use case is an AppError with a stable code. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  readonly reason: ForbiddenReason | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, extras: AppErrorExtras = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = extras.details;
    this.reason = extras.reason;
    this.retryAfterSeconds = extras.retryAfterSeconds;
  }
}

function detail(path: string, message: string, code: FieldErrorCode, params?: ErrorParams): ErrorDetail {
  return params ? { path, message, code, params } : { path, message, code };
}

export const errors = {
  /** One field is wrong: `code` says why, for clients to word it in their language (`message` stays the English). */
  validation: (path: string, message: string, code: FieldErrorCode, params?: ErrorParams) =>
    new AppError("validation_failed", `${path}: ${message}`, { details: [detail(path, message, code, params)] }),
  /** A field names a record that does not exist ("agency 7 does not exist"). */
  missing: (path: string, entity: string, id: string | number) =>
    new AppError("validation_failed", `${path}: ${entity} ${id} does not exist`, {
      details: [detail(path, `${entity} ${id} does not exist`, "not_found", { id })],
    }),
  /**
   * A record needs a name in one language (Thai first, English optional): the Thai field is named, with the
   * English one as the alternative, as the contract's rule names them.
   */
  nameRequired: (thPath: string, enPath: string) =>
    new AppError("validation_failed", `${thPath}: ${nameRequiredMessage}`, {
      details: [detail(thPath, nameRequiredMessage, "required", { or: enPath })],
    }),
  /** A country code core's rule refuses ("UK": use GB), or null when it is an assigned ISO 3166 code. */
  countryCode: (path: string, code: string): AppError | null => {
    const issue = countryCodeIssue(code);
    return issue === null ? null : errors.validation(path, issue.message, issue.code, issue.params);
  },
  /** A field is required here (the message says when or why). */
  required: (path: string, message = "is required") =>
    new AppError("validation_failed", `${path}: ${message}`, { details: [detail(path, message, "required")] }),
  /** A date or number field must not come before another field's. */
  notBefore: (path: string, other: string) =>
    new AppError("validation_failed", `${path}: must not be before ${other}`, {
      details: [detail(path, `must not be before ${other}`, "not_before", { other })],
    }),
  /** Several problems at once (e.g. every invalid row of a batch), each naming its field. */
  invalid: (message: string, details: ErrorDetail[]) => new AppError("validation_failed", message, { details }),
  unauthenticated: () => new AppError("unauthenticated", "Sign in to continue."),
  /** Wrong e-mail or password: one neutral message for both, so accounts cannot be enumerated. */
  loginFailed: () => new AppError("unauthenticated", "Wrong e-mail or password."),
  csrf: () => new AppError("csrf_failed", "Missing or wrong X-CSRF-Token header."),
  /** An admin reset this user's password: until they choose a new one, their only write is changing it. */
  passwordChangeRequired: () =>
    new AppError("password_change_required", "Choose a new password (POST /api/auth/password) before continuing."),
  /** A refusal; `reason` lets clients word it (policy.ts `authorize` gives one for every action and resource). */
  forbidden: (message = "You may not do this.", reason?: ForbiddenReason) =>
    new AppError("forbidden", message, { reason }),
  notFound: (entity: string, id: string | number) => new AppError("not_found", `${entity} ${id} was not found.`),
  /**
   * A clash with stored data: `code` says how (`duplicate`: the value is taken), for clients to word it; `path`
   * names the field, or is "" when the clash is with the record as a whole ("values are recorded in this branch").
   */
  conflict: (message: string, path: string, code: FieldErrorCode, params?: ErrorParams) =>
    new AppError("conflict", message, { details: [detail(path, message, code, params)] }),
  /** A write or workflow step on a plan's values in a locked period. */
  periodLocked: (periodKey: string) =>
    new AppError("period_locked", `period ${periodKey} is locked: its values can no longer be changed`, {
      details: [detail("periodKey", `${periodKey} is locked`, "locked", { period: periodKey })],
    }),
  tooManyRequests: (retryAfterSeconds: number) =>
    new AppError("too_many_requests", `Too many attempts; try again in ${retryAfterSeconds} seconds.`, {
      retryAfterSeconds,
    }),
};
