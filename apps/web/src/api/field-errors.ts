import { isApiError } from "./client";

/**
 * The server's validation details keyed by field path ("nameTh", "products.0.name"), so a form can show each
 * message next to its own field. Only the first message per field is kept.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const detail of error.details) {
    if (detail.path && detail.message && out[detail.path] === undefined) out[detail.path] = detail.message;
  }
  return out;
}

/** The server's details that no field of the form shows, to list them above the form. */
export function unplacedErrors(error: unknown, placed: readonly string[]): string[] {
  const fields = fieldErrorsOf(error);
  return Object.entries(fields)
    .filter(([path]) => !placed.includes(path))
    .map(([path, message]) => `${path}: ${message}`);
}
