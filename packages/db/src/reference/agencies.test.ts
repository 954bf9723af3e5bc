import { describe, expect, it } from "vitest";
import { agencies } from "./agencies.ts";

describe("reference: agencies", () => {
  it("has unique uppercase codes, with every parent listed before its children", () => {
    const seen = new Set<string>();
    for (const a of agencies) {
      expect(a.code).toMatch(/^[A-Z][A-Z-]*$/);
      expect(seen.has(a.code)).toBe(false);
      if (a.parentCode !== null) expect(seen.has(a.parentCode), `${a.code} → ${a.parentCode}`).toBe(true);
      seen.add(a.code);
    }
  });

  it("places DIP's centres under DIP and DIP under the Ministry of Industry", () => {
    const parent = new Map(agencies.map((a) => [a.code, a.parentCode]));
    expect(parent.get("DIP")).toBe("MOI");
    for (const code of ["DIP-ITC", "DIP-TIDC", "DIP-SRC", "DIP-RISPM"]) expect(parent.get(code)).toBe("DIP");
    expect(parent.get("MOC-PCO")).toBe("MOC");
    expect(agencies.find((a) => a.code === "DIP-ITC")?.descriptionEn).toMatch(/12 branches/);
    expect(agencies.find((a) => a.code === "DIP-RISPM")?.descriptionEn).toMatch(/250 experts/);
  });
});
