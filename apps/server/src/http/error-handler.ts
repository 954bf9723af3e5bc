import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError, type ErrorCode, type ErrorDetail, type ForbiddenReason, type HTTP_ERROR_CODES } from "../errors.ts";
import { fieldErrorOf, valueAt } from "./field-error-codes.ts";

// The one map from error codes to HTTP statuses.
const statusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
  period_locked: 409,
  password_change_required: 403,
};

type ErrorBody = { error: { code: string; message: string; details?: ErrorDetail[]; reason?: ForbiddenReason } };

function body(code: string, message: string, details?: ErrorDetail[], reason?: ForbiddenReason): ErrorBody {
  return { error: { code, message, ...(details ? { details } : {}), ...(reason ? { reason } : {}) } };
}

/** The part of the request a schema checked, to tell a missing field from a wrong one. */
function inputOf(request: FastifyRequest, context: string | undefined): unknown {
  if (context === "body") return request.body;
  if (context === "querystring") return request.query;
  if (context === "params") return request.params;
  if (context === "headers") return request.headers;
  return undefined;
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && "code" in error && typeof error.code === "string";
}

/** Turns every failure into `{ error: { code, message, details? } }`; unknown errors become a logged, opaque 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined) void reply.header("retry-after", String(error.retryAfterSeconds));
      return reply.status(statusOf[error.code]).send(body(error.code, error.message, error.details, error.reason));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const input = inputOf(request, error.validationContext);
      const details = error.validation.map((v) => {
        const segments = v.instancePath.split("/").filter(Boolean);
        const path = segments.join(".") || String(error.validationContext ?? "body");
        const field = fieldErrorOf(v.keyword, v.params, valueAt(input, segments));
        // A missing value reads "is required" (Zod's own words name types); a schema's own rule keeps its message.
        const message =
          field.code === "required" && v.keyword !== "custom" ? "is required" : (v.message ?? "is invalid");
        return field.params
          ? { path, message, code: field.code, params: field.params }
          : { path, message, code: field.code };
      });
      const where = error.validationContext ?? "request";
      const first = details[0];
      const message = first ? `${where}: ${first.path} ${first.message}` : `invalid ${where}`;
      return reply.status(400).send(body("validation_failed", message, details));
    }
    if (
      isFastifyError(error) &&
      typeof error.statusCode === "number" &&
      error.statusCode >= 400 &&
      error.statusCode < 500
    ) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large, …
      const code: (typeof HTTP_ERROR_CODES)[number] =
        error.statusCode === 415
          ? "unsupported_media_type"
          : error.statusCode === 413
            ? "payload_too_large"
            : "bad_request";
      return reply.status(error.statusCode).send(body(code, error.message.replace(/^[A-Z_]+: /, "")));
    }
    if (isResponseSerializationError(error)) {
      request.log.error(
        { err: { message: error.message, method: error.method, url: error.url } },
        "response did not match its schema",
      );
    } else {
      request.log.error(
        { err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) },
        "unhandled error",
      );
    }
    return reply.status(500).send(body("internal", "Something went wrong on our side; it has been logged."));
  });
}
