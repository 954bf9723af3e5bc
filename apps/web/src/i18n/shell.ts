// The catalogue in two parts: the shell, which the first screen needs (header, navigation, home page, error
// messages), and the rest, which every other page needs. The shell is fetched before the first paint and the rest
// right after it, so a first visit waits for about a third of the wording (each part is built from the one
// catalogue file by the `sainam-catalogue` plugin in vite.config.ts; routes wait for the rest, App.tsx).

/** What the modules loaded at start read: whole sections, or parts of one (`dashboard.statuses`). */
export const SHELL_PATHS = [
  "app",
  "common",
  "nav",
  "language",
  "roles",
  "home",
  "notFound",
  "search",
  "dashboard.statuses",
  "dashboard.reasons",
  "errors",
] as const;

/**
 * Parts of the shell's sections left to the rest: the wording of field problems, which only forms (in later pages)
 * show in full; until the rest arrives a field problem reads as the server's own sentence.
 */
export const LATER_PATHS = ["errors.fields", "errors.fieldNames"] as const;

type Tree = { readonly [key: string]: unknown };

function isTree(value: unknown): value is Tree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when `path` (a key or a key's prefix) falls in the shell. */
export function inShell(path: string): boolean {
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}.`);
  return SHELL_PATHS.some(under) && !LATER_PATHS.some(under);
}

/** Splits a catalogue into its shell and the rest; merged back (deeply) they are the catalogue again. */
export function splitCatalogue(catalogue: Tree, prefix = ""): { shell: Tree; rest: Tree } {
  const shell: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const partly = [...SHELL_PATHS, ...LATER_PATHS].some((p) => p.startsWith(`${path}.`));
    if (partly && isTree(value)) {
      const parts = splitCatalogue(value, path);
      if (Object.keys(parts.shell).length > 0) shell[key] = parts.shell;
      if (Object.keys(parts.rest).length > 0) rest[key] = parts.rest;
    } else if (inShell(path)) {
      shell[key] = value;
    } else {
      rest[key] = value;
    }
  }
  return { shell, rest };
}
