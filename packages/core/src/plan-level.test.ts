import { describe, expect, it } from "vitest";
import { isPlanLevel, mayServe, planLevelRank } from "./plan-level.ts";

describe("plan levels", () => {
  it("ranks the national strategy above agency programmes, provincial-cluster plans and cluster plans", () => {
    expect(planLevelRank("national_strategy")).toBeGreaterThan(planLevelRank("agency_programme"));
    expect(planLevelRank("agency_programme")).toBeGreaterThan(planLevelRank("provincial_cluster_plan"));
    expect(planLevelRank("provincial_cluster_plan")).toBeGreaterThan(planLevelRank("cluster_plan"));
  });

  it("lets a node serve only a node of a strictly higher plan", () => {
    expect(mayServe("cluster_plan", "national_strategy")).toBe(true);
    expect(mayServe("cluster_plan", "provincial_cluster_plan")).toBe(true);
    expect(mayServe("cluster_plan", "cluster_plan")).toBe(false);
    expect(mayServe("national_strategy", "cluster_plan")).toBe(false);
    expect(mayServe("agency_programme", "agency_programme")).toBe(false);
  });

  it("refuses links from or to an unknown level", () => {
    expect(isPlanLevel("master")).toBe(false);
    expect(mayServe("master", "national_strategy")).toBe(false);
    expect(mayServe("cluster_plan", "master")).toBe(false);
  });
});
