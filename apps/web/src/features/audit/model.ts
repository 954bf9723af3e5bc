export type { AuditEntry, AuditPage } from "@sainam/contract";

export const PAGE_SIZE = 25;

/** Entity types offered in the filter; others can still be typed in. */
export const KNOWN_ENTITY_TYPES = [
  "user",
  "session",
  "agency",
  "plan",
  "plan_node",
  "provincial_cluster",
  "holiday",
] as const;

/** Pretty JSON for a before/after snapshot; a JSON string (as some stores keep it) is parsed first. */
export function prettyJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2);
}

/** Top-level fields whose values differ between the before and after snapshots (for a one-line summary). */
export function changedKeys(before: unknown, after: unknown): string[] {
  const a = asObject(before);
  const b = asObject(after);
  if (!a && !b) return [];
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  return [...keys].filter((key) => JSON.stringify(a?.[key]) !== JSON.stringify(b?.[key]));
}

function asObject(value: unknown): Record<string, unknown> | null {
  if (typeof value === "string") {
    try {
      return asObject(JSON.parse(value));
    } catch {
      return null;
    }
  }
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
