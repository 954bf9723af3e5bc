import { describe, expect, it } from "vitest";
import {
  compareIds,
  layoutNetwork,
  type LayoutInstitution,
  type LayoutLink,
  type LayoutMember,
} from "./network-layout";
import type { Stage } from "./model";

const members: LayoutMember[] = [
  { id: "1", stage: "upstream", label: "Farm A" },
  { id: "2", stage: "upstream", label: "Farm B" },
  { id: "3", stage: "midstream", label: "Roaster" },
  { id: "4", stage: "midstream", label: "Packaging" },
  { id: "5", stage: "downstream", label: "Café" },
];
const institutions: LayoutInstitution[] = [
  { id: "1", label: "University" },
  { id: "2", label: "Bank" },
];
const links: LayoutLink[] = [
  {
    id: "10",
    from: { type: "enterprise", id: "2" },
    to: { type: "enterprise", id: "3" },
    kind: "supplies",
    product: "beans",
    annualValue: 100,
  },
  {
    id: "11",
    from: { type: "enterprise", id: "3" },
    to: { type: "enterprise", id: "5" },
    kind: "supplies",
    product: "roast",
    annualValue: null,
  },
  {
    id: "12",
    from: { type: "institution", id: "1" },
    to: { type: "enterprise", id: "3" },
    kind: "advises",
    product: null,
    annualValue: null,
  },
  {
    id: "13",
    from: { type: "enterprise", id: "5" },
    to: { type: "enterprise", id: "99" },
    kind: "supplies",
    product: null,
    annualValue: null,
  },
];

function shuffled<T>(items: readonly T[]): T[] {
  return [...items].reverse();
}

describe("layoutNetwork", () => {
  it("gives the same positions whatever order the data arrives in", () => {
    const a = layoutNetwork(members, institutions, links);
    const b = layoutNetwork(shuffled(members), shuffled(institutions), shuffled(links));
    const positions = (layout: typeof a) =>
      Object.fromEntries(layout.nodes.map((node) => [node.key, [node.x, node.y]]));
    expect(positions(b)).toEqual(positions(a));
    expect(b.edges.map((edge) => edge.d)).toEqual(a.edges.map((edge) => edge.d));
  });

  it("puts each member in its stage's lane, upstream left to downstream right", () => {
    const layout = layoutNetwork(members, institutions, links);
    const lane = (stage: Stage) => layout.lanes.find((l) => l.stage === stage);
    for (const node of layout.nodes.filter((n) => n.type === "enterprise")) {
      const own = lane(node.stage ?? "upstream");
      expect(own).toBeDefined();
      if (!own) continue;
      expect(node.x).toBeGreaterThan(own.x);
      expect(node.x).toBeLessThan(own.x + own.width);
    }
    const xs = layout.lanes.map((l) => l.x);
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
    expect(layout.lanes.map((l) => l.total)).toEqual([2, 2, 1]);
  });

  it("places the institutions in a band above the lanes", () => {
    const layout = layoutNetwork(members, institutions, links);
    expect(layout.band?.total).toBe(2);
    const bandNodes = layout.nodes.filter((n) => n.type === "institution");
    expect(bandNodes).toHaveLength(2);
    for (const node of bandNodes) expect(node.y).toBeLessThan(layout.lanesTop);
    for (const node of layout.nodes.filter((n) => n.type === "enterprise")) {
      expect(node.y).toBeGreaterThan(layout.lanesTop);
    }
  });

  it("has no band when the cluster has no institutions", () => {
    const layout = layoutNetwork(members, [], links);
    expect(layout.band).toBeNull();
    expect(layout.nodes.every((n) => n.type === "enterprise")).toBe(true);
  });

  it("draws links between parties in the picture and counts the others", () => {
    const layout = layoutNetwork(members, institutions, links);
    expect(layout.edges.map((edge) => edge.id)).toEqual(["10", "11", "12"]);
    expect(layout.hiddenLinks).toBe(1);
    expect(layout.edges[0]?.d).toMatch(/^M[\d.]+,[\d.]+ C/);
  });

  it("orders a lane so linked members sit near each other", () => {
    const layout = layoutNetwork(members, institutions, links);
    const y = (key: string) => layout.nodes.find((n) => n.key === key)?.y ?? NaN;
    // Farm B supplies the roaster, so the roaster comes before packaging (no links) in its lane.
    expect(y("enterprise:3")).toBeLessThan(y("enterprise:4"));
  });

  it("keeps only the busiest members of a large cluster, with the lanes' full counts", () => {
    const many: LayoutMember[] = Array.from({ length: 200 }, (_, i) => ({
      id: String(i + 1),
      stage: i < 120 ? "upstream" : i < 180 ? "midstream" : "downstream",
      label: `Firm ${i + 1}`,
    }));
    const busy: LayoutLink[] = Array.from({ length: 30 }, (_, i) => ({
      id: String(i + 1),
      from: { type: "enterprise", id: String(100 + (i % 5)) },
      to: { type: "enterprise", id: String(121 + (i % 3)) },
      kind: "supplies",
      product: null,
      annualValue: null,
    }));
    const layout = layoutNetwork(many, [], busy, { busiestPerLane: 10 });
    expect(layout.reduced).toBe(true);
    expect(layout.lanes.map((l) => l.total)).toEqual([120, 60, 20]);
    expect(layout.lanes.map((l) => l.shown)).toEqual([10, 10, 10]);
    const shownIds = new Set(layout.nodes.map((n) => n.id));
    for (const id of ["100", "101", "102", "103", "104", "121", "122", "123"]) expect(shownIds.has(id)).toBe(true);
    expect(layout.edges).toHaveLength(30);
  });

  it("draws a small cluster whole", () => {
    expect(layoutNetwork(members, institutions, links).reduced).toBe(false);
  });
});

describe("compareIds", () => {
  it("sorts numeric ids as numbers and others as text", () => {
    expect(["10", "2", "1"].sort(compareIds)).toEqual(["1", "2", "10"]);
    expect(["b", "a"].sort(compareIds)).toEqual(["a", "b"]);
  });
});
