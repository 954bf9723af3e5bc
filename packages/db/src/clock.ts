/** The current instant as ISO-8601 UTC text, the form every timestamp column holds. */
export function nowIso(): string {
  return new Date().toISOString();
}
