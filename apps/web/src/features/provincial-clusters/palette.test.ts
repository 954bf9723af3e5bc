import { describe, expect, it } from "vitest";
import { CLUSTER_COLOURS, clusterColour, NO_CLUSTER_COLOUR } from "./palette";

describe("cluster palette", () => {
  it("has 18 distinct colours, none of them the no-cluster grey", () => {
    expect(new Set(CLUSTER_COLOURS).size).toBe(18);
    expect(CLUSTER_COLOURS).not.toContain(NO_CLUSTER_COLOUR);
  });

  it("colours Bangkok (no cluster) grey", () => {
    expect(clusterColour(null)).toBe(NO_CLUSTER_COLOUR);
    expect(clusterColour(1)).toBe(CLUSTER_COLOURS[0]);
    expect(clusterColour(18)).toBe(CLUSTER_COLOURS[17]);
  });
});
