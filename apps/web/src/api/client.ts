import type { z } from "zod";
import type * as ContractRuntime from "./contract-runtime";

/** Error codes of the HTTP contract (docs/API.md), plus two of the client's own. */
export type ApiErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "csrf_failed"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_many_requests"
  | "internal"
  /** The request never got an answer (offline, server down). */
  | "network"
  /** The answer was not what the contract describes. */
  | "bad_response";

const KNOWN_CODES: readonly ApiErrorCode[] = [
  "validation_failed",
  "unauthenticated",
  "csrf_failed",
  "forbidden",
  "not_found",
  "conflict",
  "too_many_requests",
  "internal",
  "network",
  "bad_response",
];

function toCode(value: unknown, status: number): ApiErrorCode {
  const known = KNOWN_CODES.find((code) => code === value);
  if (known) return known;
  if (status === 400 || status === 413 || status === 415 || status === 422) return "validation_failed";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "too_many_requests";
  return "internal";
}

/** Values a field error's wording needs (`{ max: 300 }` for too_long). */
export type ApiErrorParams = Record<string, string | number | boolean | Array<string | number>>;

export interface ApiErrorDetail {
  path: string;
  /** The server's English explanation: shown when the code has no wording here. */
  message: string;
  /** Why the field is wrong (`required`, `too_long`, `not_found`, …); null from an older server. */
  code: string | null;
  params: ApiErrorParams;
}

/** What a 403 refused: `{ action: "approve", resource: "plan_values" }`. */
export interface ApiErrorReason {
  action: string;
  resource: string;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly details: ApiErrorDetail[];
  readonly reason: ApiErrorReason | null;
  /** Seconds from a `Retry-After` header (429), when the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    code: ApiErrorCode;
    status: number;
    message: string;
    details?: ApiErrorDetail[];
    reason?: ApiErrorReason | null;
    retryAfterSeconds?: number | null;
  }) {
    super(init.message);
    this.name = "ApiError";
    this.code = init.code;
    this.status = init.status;
    this.details = init.details ?? [];
    this.reason = init.reason ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The contract's schemas (and `itemsOf`), as the module the client loads on first use. */
export type Contract = typeof ContractRuntime;

let contract: Promise<Contract> | null = null;

/**
 * The contract module, fetched once, the first time an answer is checked: zod and the schemas are a third of the
 * app's shared code, and the first screen paints without them while the first request is on its way.
 */
export function loadContract(): Promise<Contract> {
  contract ??= import("./contract-runtime").catch(() => {
    // A failed download is a network problem like any other, and the next request tries again.
    contract = null;
    throw new ApiError({ code: "network", status: 0, message: "Network error" });
  });
  return contract;
}

/**
 * The error an answer that is not 2xx stands for. The body is read with the contract's error schema; a body that is
 * not one (a proxy's page, an empty answer) still gives an error, told by its status.
 */
export async function apiErrorFrom(answer: {
  status: number;
  statusText: string;
  payload: unknown;
  retryAfter?: string | null;
}): Promise<ApiError> {
  const { errorSchema } = await loadContract();
  const parsed = errorSchema.safeParse(answer.payload);
  const error = parsed.success ? parsed.data.error : null;
  const retryAfter = Number(answer.retryAfter ?? "");
  return new ApiError({
    code: toCode(error?.code, answer.status),
    status: answer.status,
    message: error?.message ?? answer.statusText,
    details: (error?.details ?? []).map((d) => ({
      path: d.path,
      message: d.message,
      code: d.code,
      params: d.params ?? {},
    })),
    reason: error?.reason ?? null,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  });
}

/** Reads a cookie readable by scripts (the CSRF token; the session cookie is HttpOnly and never visible here). */
export function readCookie(name: string, cookieHeader: string = document.cookie): string | null {
  for (const part of cookieHeader.split(";")) {
    const [rawKey, ...rest] = part.trim().split("=");
    if (rawKey === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export const CSRF_COOKIE = "sainam_csrf";
export const CSRF_HEADER = "X-CSRF-Token";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RequestOptions {
  signal?: AbortSignal;
  body?: unknown;
}

async function request(method: Method, path: string, options: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET") {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError({ code: "network", status: 0, message: "Network error" });
  }

  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }

  if (!response.ok)
    throw await apiErrorFrom({
      status: response.status,
      statusText: response.statusText,
      payload,
      retryAfter: response.headers.get("Retry-After"),
    });
  return payload;
}

/** How an answer is checked: a response schema of `@sainam/contract`. */
export type AnswerSchema<T> = z.ZodType<T>;

/**
 * Which schema checks an answer, picked from the contract once it is loaded: `(c) => c.planSchema`. Modules that name
 * schemas this way (and import the contract only as types) keep zod out of the chunks that load them.
 */
export type AnswerPicker<T> = (contract: Contract) => z.ZodType<T>;

async function schemaOf<T>(answer: AnswerSchema<T> | AnswerPicker<T>): Promise<AnswerSchema<T>> {
  return typeof answer === "function" ? answer(await loadContract()) : answer;
}

/** Why an answer does not match the contract: the path of the first mismatch and what was wrong there. */
export function contractMismatch(where: string, issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0];
  const path = first && first.path.length > 0 ? first.path.map(String).join(".") : "(root)";
  return `Unexpected API answer from ${where} at ${path}: ${first?.message ?? "does not match the contract"}`;
}

/**
 * Checks an answer against its schema. A mismatch is never papered over with a default: it is logged and thrown
 * (as `bad_response`, naming the path), in development, tests and production alike.
 */
export function parseAnswer<T>(schema: AnswerSchema<T>, payload: unknown, where = "the server"): T {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const message = contractMismatch(where, result.error.issues);
  console.error(message);
  throw new ApiError({ code: "bad_response", status: 200, message });
}

export async function apiGet<T>(
  path: string,
  schema: AnswerSchema<T> | AnswerPicker<T>,
  signal?: AbortSignal,
): Promise<T> {
  const [payload, checked] = await Promise.all([request("GET", path, { signal }), schemaOf(schema)]);
  return parseAnswer(checked, payload, `GET ${path}`);
}

export async function apiSend<T>(
  method: Exclude<Method, "GET">,
  path: string,
  body: unknown,
  schema: AnswerSchema<T> | AnswerPicker<T>,
): Promise<T> {
  const [payload, checked] = await Promise.all([request(method, path, { body }), schemaOf(schema)]);
  return parseAnswer(checked, payload, `${method} ${path}`);
}

/** Builds `path?key=value…`, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** Ids travel as strings in the web app; numeric ones go back to the server as numbers, as it issued them. */
export function toApiId(value: string): string | number {
  return /^\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : value;
}

/**
 * True for a 404 from a route that is in the contract but not (yet) on the server: the server answers
 * "No route GET …" for it. Callers that already know the record exists may treat any 404 this way.
 */
export function isMissingRoute(error: unknown): boolean {
  return isApiError(error) && error.status === 404 && /^No route\b/.test(error.message);
}
