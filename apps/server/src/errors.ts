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

export type ErrorDetail = { path: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export const errors = {
  validation: (path: string, message: string) => new AppError("validation_failed", `${path}: ${message}`, [{ path, message }]),
  /** Several problems at once (e.g. every invalid row of a batch), each naming its field. */
  invalid: (message: string, details: ErrorDetail[]) => new AppError("validation_failed", message, details),
  unauthenticated: () => new AppError("unauthenticated", "Sign in to continue."),
  csrf: () => new AppError("csrf_failed", "Missing or wrong X-CSRF-Token header."),
  forbidden: (what = "this") => new AppError("forbidden", `You are not allowed to do ${what}.`),
  notFound: (entity: string, id: string | number) => new AppError("not_found", `${entity} ${id} was not found.`),
  conflict: (message: string, path?: string) =>
    new AppError("conflict", message, path ? [{ path, message }] : undefined),
  /** A write or workflow step on a plan's values in a locked period. */
  periodLocked: (periodKey: string) =>
    new AppError("period_locked", `period ${periodKey} is locked: its values can no longer be changed`, [{ path: "periodKey", message: `${periodKey} is locked` }]),
  tooManyRequests: (retryAfterSeconds: number) =>
    new AppError("too_many_requests", `Too many attempts; try again in ${retryAfterSeconds} seconds.`),
};
