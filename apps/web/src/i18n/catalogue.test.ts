import { describe, expect, it } from "vitest";
import { en } from "./en";
import { th } from "./th";

function leaves(value: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  // A catalogue is nested plain objects with strings at the leaves.
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    out.set(prefix, value);
    return out;
  }
  for (const [key, child] of Object.entries(value)) {
    for (const [path, leaf] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? "").sort();
}

describe("i18n catalogues", () => {
  const thai = leaves(th);
  const english = leaves(en);

  it("have exactly the same keys in Thai and English", () => {
    expect([...english.keys()].sort()).toEqual([...thai.keys()].sort());
  });

  it("have no empty strings and only strings as leaves", () => {
    for (const [path, value] of [...thai, ...english]) {
      expect(typeof value, path).toBe("string");
      expect(String(value).trim(), path).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const [path, value] of thai) {
      expect(placeholders(String(english.get(path))), path).toEqual(placeholders(String(value)));
    }
  });
});
