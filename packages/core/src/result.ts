/**
 * The one shape core uses for an expected failure: a parse or validation either yields a value or a
 * machine-readable reason the caller must handle. Nothing in core throws for bad user input.
 */
export type Result<T, R extends string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: R };

/** Wraps a successful value, so call sites read `return ok(x)` rather than spelling the object out. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Wraps a failure reason; the reason is a stable code the caller can map to a message. */
export function fail<R extends string>(reason: R): { readonly ok: false; readonly reason: R } {
  return { ok: false, reason };
}
