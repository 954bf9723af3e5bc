import { describe, expect, it } from "vitest";
import { plan2017to2021 } from "./plan-2017-2021.ts";
import { agencies } from "./agencies.ts";
import type { IndicatorSeed, PlanNodeKind, PlanNodeSeed } from "./types.ts";

function walk(nodes: PlanNodeSeed[]): PlanNodeSeed[] {
  return nodes.flatMap((n) => [n, ...walk(n.children ?? [])]);
}

const all = walk(plan2017to2021.nodes);
const top = plan2017to2021.nodes;
const ofKind = (nodes: PlanNodeSeed[], kind: PlanNodeKind): PlanNodeSeed[] => nodes.filter((n) => n.kind === kind);
const indicators: IndicatorSeed[] = all.flatMap((n) => n.indicators ?? []);
const strategies = ofKind(top, "strategy");

describe("reference: Strategic Plan on Provincial Cluster Trade 2017-2021", () => {
  it("is a national strategy of the Ministry of Commerce over FY2017-FY2021", () => {
    expect(plan2017to2021.code).toBe("MOC-PCT-2017-2021");
    expect(plan2017to2021.level).toBe("national_strategy");
    expect(agencies.some((a) => a.code === plan2017to2021.ownerAgencyCode)).toBe(true);
    expect(plan2017to2021.ownerAgencyCode).toBe("MOC");
    expect(plan2017to2021.periodStart).toBe("2016-10-01");
    expect(plan2017to2021.periodEnd).toBe("2021-09-30");
  });

  it("lists vision, 4 missions, 4 purposes, 4 strategic issues and 4 strategies at the top, in that order", () => {
    expect(top.map((n) => n.code)).toEqual([
      "V",
      "M1",
      "M2",
      "M3",
      "M4",
      "P1",
      "P2",
      "P3",
      "P4",
      "I1",
      "I2",
      "I3",
      "I4",
      "S1",
      "S2",
      "S3",
      "S4",
    ]);
    expect(ofKind(top, "vision")).toHaveLength(1);
    expect(ofKind(top, "mission")).toHaveLength(4);
    expect(ofKind(top, "purpose")).toHaveLength(4);
    expect(ofKind(top, "strategic_issue")).toHaveLength(4);
    expect(strategies).toHaveLength(4);
    expect(ofKind(top, "strategic_issue").map((n) => n.title.en.match(/\(([^)]+)\)$/)?.[1])).toEqual([
      "Competitiveness",
      "Commercial Opportunity",
      "Connectivity",
      "Capability Building",
    ]);
  });

  it("gives each strategy a body, one objective first, then its sub-strategies", () => {
    for (const s of strategies) {
      expect(s.body?.en.length ?? 0).toBeGreaterThan(100);
      const children = s.children ?? [];
      expect(children[0]?.kind).toBe("objective");
      expect(children[0]?.code).toBe(`${s.code}-O`);
      expect(ofKind(children, "objective")).toHaveLength(1);
      expect(children.slice(1).every((c) => c.kind === "sub_strategy")).toBe(true);
    }
  });

  it("has 2/3/2/2 sub-strategies with 2+2, 2+1+2, 1+2, 2+1 work plans", () => {
    const shape = strategies.map((s) =>
      ofKind(s.children ?? [], "sub_strategy").map((sub) => {
        const children = sub.children ?? [];
        expect(children.every((c) => c.kind === "work_plan")).toBe(true);
        children.forEach((w, i) => expect(w.code).toBe(`${sub.code}-W${i + 1}`));
        return children.length;
      }),
    );
    expect(shape).toEqual([
      [2, 2],
      [2, 1, 2],
      [1, 2],
      [2, 1],
    ]);
    expect(ofKind(all, "sub_strategy").map((n) => n.code)).toEqual([
      "S1.1",
      "S1.2",
      "S2.1",
      "S2.2",
      "S2.3",
      "S3.1",
      "S3.2",
      "S4.1",
      "S4.2",
    ]);
    expect(ofKind(all, "work_plan")).toHaveLength(15);
  });

  it("has the 12 indicators of the plan (4+3+3+2), all on the strategies' objectives", () => {
    expect(indicators).toHaveLength(12);
    expect(indicators.map((i) => i.code)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "1.4",
      "2.1",
      "2.2",
      "2.3",
      "3.1",
      "3.2",
      "3.3",
      "4.1",
      "4.2",
    ]);
    for (const n of all) if (n.indicators) expect(n.kind).toBe("objective");
    expect(strategies.map((s) => s.children?.[0]?.indicators?.length)).toEqual([4, 3, 3, 2]);
  });

  it("keeps the targets exactly as written in the plan", () => {
    const target = new Map(indicators.map((i) => [i.code, i.targetText.en]));
    expect(Object.fromEntries(target)).toEqual({
      "1.1": "expansion significantly",
      "1.2": "Number of registration increase 1-2%",
      "1.3": "expansion significantly",
      "1.4": "increasing significantly",
      "2.1":
        "In line with inflation rate targeted by Monetary Policy Committee for each year. Currently, target on medium term is at 2.5% (+/- 1.5%)",
      "2.2": "proportion increase significantly",
      "2.3": "80-90%",
      "3.1": "increase 5%",
      "3.2": "increasing significantly",
      "3.3": "Increasing significantly",
      "4.1": "90-100% achieve the criteria set.",
      "4.2": "80%",
    });
    const name = new Map(indicators.map((i) => [i.code, i.name.en]));
    expect(name.get("1.1")).toBe("GDP growth rate in provincial cluster is high");
    expect(name.get("1.2")).toBe("Higher number of juristic person registration");
    expect(name.get("2.3")).toBe("level of satisfaction of service users of Provincial Office of Commercial Affairs");
    expect(name.get("4.1")).toBe("Number of personnel received capacity building");
    // A figure is a percentage when its target is one; a target of relative change ("increase 5%") is about a
    // count or a value (registrations, retail value), whose unit the seed does not give.
    const relativeChange = new Set(["1.2", "3.1"]);
    for (const i of indicators)
      expect(i.unit, i.code).toBe(i.targetText.en.includes("%") && !relativeChange.has(i.code) ? "%" : null);
    expect(indicators.filter((i) => relativeChange.has(i.code)).map((i) => i.targetText.en)).toEqual([
      "Number of registration increase 1-2%",
      "increase 5%",
    ]);
  });

  it("has unique node codes and clean text", () => {
    const codes = all.map((n) => n.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(indicators.map((i) => i.code)).size).toBe(indicators.length);
    for (const n of all) {
      for (const t of [n.title, n.body].filter((x) => x !== undefined)) {
        expect(t.en).toBe(t.en.trim());
        expect(t.en, n.code).not.toMatch(/\s{2,}|\n/);
      }
    }
  });
});
