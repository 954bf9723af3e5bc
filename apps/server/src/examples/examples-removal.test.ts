import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, createTestApp, type TestApp } from "../test-support/test-app.ts";
import { loadExampleData, removeExampleData } from "./examples.service.ts";

// Removing the examples must never delete what a user recorded: here, values a user entered in the example
// coffee cluster's plan. Explicitly loaded, so it runs on PostgreSQL too.
let t: TestApp;
const system = { kind: "system" } as const;
beforeAll(async () => {
  t = await createTestApp();
  await loadExampleData(t.ctx, system);
});
afterAll(async () => {
  await t.close();
});

type TreeNode = { code: string; indicators: Array<{ id: number; code: string }>; children: TreeNode[] };
function indicatorId(nodes: TreeNode[], code: string): number | null {
  for (const node of nodes) {
    const found = node.indicators.find((i) => i.code === code)?.id ?? indicatorId(node.children, code);
    if (found !== null) return found;
  }
  return null;
}

describe("#examples.remove", () => {
  it("keeps the example cluster and its plan when a user entered values in it, reports them as kept, and removes the rest", async () => {
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    const plans: Array<{ id: number; code: string; clusterId: number }> = (
      await admin.request("GET", "/api/plans?level=cluster_plan")
    ).json().items;
    const coffee = plans.find((p) => p.code === "EX-DIP-COFFEE-FY2021-2022");
    if (!coffee) throw new Error("the example cluster plan is not loaded");
    const tree: { nodes: TreeNode[] } = (await admin.request("GET", `/api/plans/${coffee.id}`)).json();
    const sales = indicatorId(tree.nodes, "CF-2");
    const entered = await admin.request("PUT", `/api/indicators/${sales}/values`, {
      rows: [
        {
          orgUnitType: "cluster",
          orgUnitCode: String(coffee.clusterId),
          periodKey: "FY2021",
          breakdown: {},
          value: 1_250_000,
          source: "cluster survey",
        },
      ],
    });
    expect(entered.statusCode).toBe(200);

    const report = await removeExampleData(t.ctx, system);

    expect(report.removed).toBe(true);
    expect(report.kept).toEqual({ clusters: ["dip-coffee"], plans: ["EX-DIP-COFFEE-FY2021-2022"] });
    const values: { items: Array<{ value: number; source: string }> } = (
      await admin.request("GET", `/api/indicators/${sales}/values?periodKey=FY2021`)
    ).json();
    expect(values.items.map((v) => [v.value, v.source])).toEqual([[1_250_000, "cluster survey"]]);
    const cluster: { code: string; isExample: boolean } = (
      await admin.request("GET", `/api/clusters/${coffee.clusterId}`)
    ).json();
    expect(cluster).toMatchObject({ code: "dip-coffee", isExample: false });
    // Every other example cluster is gone.
    const clusters: { items: Array<{ code: string }> } = (
      await admin.request("GET", "/api/clusters?pageSize=200")
    ).json();
    expect(clusters.items.map((c) => c.code)).toEqual(["dip-coffee"]);
    const audit: { items: Array<{ action: string; after: { kept?: unknown } }> } = (
      await admin.request("GET", "/api/audit?entityType=examples")
    ).json();
    expect(audit.items.find((a) => a.action === "examples.remove")?.after.kept).toEqual(report.kept);
  });

  it("removes the example plan with its indicators when nobody entered values in it", async () => {
    await loadExampleData(t.ctx, system);
    const report = await removeExampleData(t.ctx, system);
    expect(report.kept).toEqual({ clusters: [], plans: [] });
    const clusters: { total: number } = (await t.anonymous.request("GET", "/api/clusters?pageSize=200")).json();
    // Only the cluster kept by the previous removal is left.
    expect(clusters.total).toBe(1);
  });
});
