/// <reference types="node" />
// Node types for this test only: it reads the web app's source files to follow their imports.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { inShell, LATER_PATHS, splitCatalogue } from "./shell";
import { th } from "./th";

type Tree = { [key: string]: unknown };

function isTree(value: unknown): value is Tree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function merge(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = isTree(mine) && isTree(value) ? merge(mine, value) : value;
  }
  return out;
}

const src = new URL("../", import.meta.url).pathname;

/** The modules `main.tsx` loads before the first paint: its static imports, followed, not its `import()`s. */
function startModules(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"(\.[^"]+)";/gm)) {
      const base = join(dirname(file), match[1] ?? "");
      const resolved = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find(existsSync);
      if (resolved) visit(resolved);
    }
  };
  visit(join(src, "main.tsx"));
  return [...seen];
}

/** The catalogue keys (or their fixed prefixes, before a `${…}`) a module's text names. */
function keysNamed(text: string): string[] {
  const sections = Object.keys(th);
  return [...text.matchAll(/["'`]([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)(?:\.\$\{|["'`])/g)]
    .map((match) => match[1] ?? "")
    .filter((key) => sections.includes(key.split(".")[0] ?? ""));
}

describe("the catalogue's shell", () => {
  it("splits each catalogue into two parts that merge back into it", () => {
    for (const catalogue of [th, en]) {
      const { shell, rest } = splitCatalogue(catalogue);
      expect(merge(shell, rest)).toEqual(catalogue);
      expect(Object.keys(shell)).toContain("nav");
      expect(Object.keys(rest)).toContain("planEdit");
    }
  });

  it("puts part of a section in the shell and leaves the rest of it for later", () => {
    const { shell, rest } = splitCatalogue(th);
    expect(shell).toMatchObject({
      errors: { network: th.errors.network },
      dashboard: { statuses: th.dashboard.statuses },
    });
    expect(shell).not.toHaveProperty("errors.fields");
    expect(rest).toHaveProperty("errors.fields.required");
    expect(rest).toHaveProperty("dashboard.title");
    expect(rest).not.toHaveProperty("dashboard.statuses");
  });

  it("says which keys are in the shell", () => {
    expect(inShell("nav.home")).toBe(true);
    expect(inShell("errors.network")).toBe(true);
    expect(inShell("errors.fields.required")).toBe(false);
    expect(inShell("dashboard.statuses.on_track")).toBe(true);
    expect(inShell("dashboard.title")).toBe(false);
    expect(inShell("navigation")).toBe(false);
  });

  it("holds every key the modules loaded at start name (what they read later is listed as such)", () => {
    const modules = startModules();
    expect(modules.some((file) => file.endsWith("pages/HomePage.tsx"))).toBe(true);
    const missing = modules.flatMap((file) =>
      keysNamed(readFileSync(file, "utf8"))
        .filter((key) => !inShell(key) && !LATER_PATHS.some((p) => key === p || key.startsWith(`${p}.`)))
        .map((key) => `${file.slice(src.length)}: ${key}`),
    );
    expect(missing).toEqual([]);
  });
});
