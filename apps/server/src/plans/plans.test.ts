import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nowIso } from "@sainam/db";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import {
  agencyIds,
  buildIndicator,
  buildPlan,
  buildPlanNode,
  createCluster,
  createIndicator,
  createPlan,
  createPlanNode,
  signInAs,
  type NodeBody,
  type PlanBody,
} from "../test-support/factories.ts";

type Node = {
  id: number;
  code: string;
  kind: string;
  position: number;
  parentId: number | null;
  servesNodeId: number | null;
  indicators: Indicator[];
  children: Node[];
};
type Indicator = { id: number; code: string; position: number; targets: Target[] };
type Target = {
  id: number;
  kind: string | null;
  target: { kind: string; threshold?: unknown } | null;
  labels: { en: string; th: string } | null;
  needsThreshold: boolean;
  textEn: string;
  textTh: string | null;
};

let t: TestApp;
let as: Record<"admin" | "mocOfficer" | "dipOfficer" | "coordinatorA" | "coordinatorB", Client> & { public: Client };
let ids: { moc: number; dip: number; mocPlan: number; clusterA: number; clusterB: number };
let mocNodes: Map<string, number>;

function flatten(nodes: Node[]): Node[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

async function tree(
  client: Client,
  planId: number,
): Promise<{ canEdit: boolean; nodes: Node[]; published: boolean; status: string }> {
  const response = await client.request("GET", `/api/plans/${planId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function createOk<T>(client: Client, url: string, body: unknown): Promise<T> {
  const response = await client.request("POST", url, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** A DIP cluster plan of cluster A over FY2021-FY2022. */
function newClusterPlan(client: Client, overrides: Partial<PlanBody> = {}): Promise<{ id: number; code: string }> {
  return createPlan(client, {
    level: "cluster_plan",
    ownerAgencyId: ids.dip,
    clusterId: ids.clusterA,
    periodStart: "2020-10-01",
    periodEnd: "2022-09-30",
    ...overrides,
  });
}

function addNode(client: Client, planId: number, overrides: Partial<NodeBody>): Promise<Node> {
  return createPlanNode(client, planId, overrides);
}

/** A provincial-cluster plan of MOC's over FY2021. */
function newProvincialPlan(overrides: Partial<PlanBody>): Promise<{ id: number }> {
  return createPlan(as.mocOfficer, {
    level: "provincial_cluster_plan",
    ownerAgencyId: ids.moc,
    provincialClusterId: 1,
    periodStart: "2020-10-01",
    periodEnd: "2021-09-30",
    ...overrides,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const { MOC: moc, DIP: dip } = await agencyIds(t, "MOC", "DIP");
  const admin = await signInAs(t, "admin");
  const clusterA = (await createCluster(admin, { coordinatingAgencyId: dip, published: true })).id;
  const clusterB = (await createCluster(admin, { coordinatingAgencyId: dip, published: true })).id;
  const mocPlan: { id: number } = (await t.anonymous.request("GET", "/api/plans?level=national_strategy")).json()
    .items[0];
  as = {
    public: t.anonymous,
    admin,
    mocOfficer: await signInAs(t, "agency_officer", { agencyId: moc }),
    dipOfficer: await signInAs(t, "agency_officer", { agencyId: dip }),
    coordinatorA: await signInAs(t, "cluster_coordinator", { clusterIds: [clusterA] }),
    coordinatorB: await signInAs(t, "cluster_coordinator", { clusterIds: [clusterB] }),
  };
  ids = { moc, dip, mocPlan: mocPlan.id, clusterA, clusterB };
  mocNodes = new Map(flatten((await tree(t.anonymous, mocPlan.id)).nodes).map((n) => [n.code, n.id]));
});
afterAll(async () => {
  await t.close();
});

function mocNode(code: string): number {
  const id = mocNodes.get(code);
  if (id === undefined) throw new Error(`MOC node ${code} missing`);
  return id;
}

describe("#plans.list", () => {
  it("shows the public the published MOC plan, paginated and filtered by level", async () => {
    const response = await as.public.request("GET", "/api/plans?level=national_strategy&page=1&pageSize=1");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ page: 1, pageSize: 1 });
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(body.items[0]).toMatchObject({ code: "MOC-PCT-2017-2021", level: "national_strategy", published: true });
  });

  it("hides an unpublished plan from the public and from another agency's officer, but lists it for its keepers", async () => {
    const plan = await newClusterPlan(as.dipOfficer, { published: false });
    const codes = async (client: Client) =>
      (
        (await client.request("GET", `/api/plans?cluster=${ids.clusterA}&pageSize=200`)).json().items as Array<{
          code: string;
        }>
      ).map((p) => p.code);
    expect(await codes(as.public)).not.toContain(plan.code);
    expect(await codes(as.mocOfficer)).not.toContain(plan.code);
    expect(await codes(as.coordinatorB)).not.toContain(plan.code);
    expect(await codes(as.dipOfficer)).toContain(plan.code);
    expect(await codes(as.coordinatorA)).toContain(plan.code);
    expect(await codes(as.admin)).toContain(plan.code);
  });

  it("filters by agency, cluster and status", async () => {
    const plan = await newClusterPlan(as.dipOfficer, { status: "active" });
    const byAgency = (await as.admin.request("GET", `/api/plans?agency=${ids.moc}`)).json().items as Array<{
      id: number;
    }>;
    expect(byAgency.map((p) => p.id)).not.toContain(plan.id);
    const byStatus = (await as.admin.request("GET", `/api/plans?cluster=${ids.clusterA}&status=active`)).json()
      .items as Array<{ id: number; status: string }>;
    expect(byStatus.map((p) => p.id)).toContain(plan.id);
    expect(byStatus.every((p) => p.status === "active")).toBe(true);
  });

  it("fails with 400 naming level for an unknown level", async () => {
    const response = await as.public.request("GET", "/api/plans?level=master");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe("level");
  });
});

describe("#plans.create / update / read", () => {
  it("lets a DIP officer create a DIP cluster plan as a draft, audited", async () => {
    const plan = await newClusterPlan(as.dipOfficer);
    const detail = await tree(as.dipOfficer, plan.id);
    expect(detail).toMatchObject({ status: "draft", published: false, canEdit: true, nodes: [] });
    const auditLog = (await as.admin.request("GET", `/api/audit?entityType=plan&entityId=${plan.id}`)).json()
      .items as Array<{ action: string }>;
    expect(auditLog.map((a) => a.action)).toContain("plan.create");
  });

  it("answers 403 to an officer creating a plan for another agency, and 401 to the public", async () => {
    const body = buildPlan({ ownerAgencyId: ids.moc });
    expect((await as.dipOfficer.request("POST", "/api/plans", body)).statusCode).toBe(403);
    expect((await as.public.request("POST", "/api/plans", body)).statusCode).toBe(401);
  });

  it("lets a coordinator create a plan for their own cluster only", async () => {
    await newClusterPlan(as.coordinatorA);
    const response = await as.coordinatorA.request(
      "POST",
      "/api/plans",
      buildPlan({ level: "cluster_plan", ownerAgencyId: ids.dip, clusterId: ids.clusterB }),
    );
    expect(response.statusCode).toBe(403);
  });

  it("fails with 400 naming clusterId for a cluster plan without its cluster, and 409 naming code for a taken code", async () => {
    const noCluster = await as.admin.request(
      "POST",
      "/api/plans",
      buildPlan({ level: "cluster_plan", ownerAgencyId: ids.dip }),
    );
    expect(noCluster.statusCode).toBe(400);
    expect(noCluster.json().error.details[0].path).toBe("clusterId");
    const taken = await as.admin.request(
      "POST",
      "/api/plans",
      buildPlan({ code: "MOC-PCT-2017-2021", level: "national_strategy", ownerAgencyId: ids.moc }),
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details[0].path).toBe("code");
  });

  it("fails with 400 naming periodEnd when the period ends before it starts", async () => {
    const response = await as.admin.request(
      "POST",
      "/api/plans",
      buildPlan({
        level: "national_strategy",
        ownerAgencyId: ids.moc,
        periodStart: "2022-10-01",
        periodEnd: "2021-09-30",
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe("periodEnd");
  });

  it("does not show an unpublished plan to the public (404) and shows it once published", async () => {
    const plan = await newClusterPlan(as.dipOfficer);
    expect((await as.public.request("GET", `/api/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await as.mocOfficer.request("GET", `/api/plans/${plan.id}`)).statusCode).toBe(404);
    const published = await as.dipOfficer.request("PATCH", `/api/plans/${plan.id}`, {
      published: true,
      status: "active",
    });
    expect(published.statusCode, published.body).toBe(200);
    const seen = await tree(as.public, plan.id);
    expect(seen).toMatchObject({ published: true, status: "active", canEdit: false });
  });

  it("answers 403 to an officer of another agency editing, and lets the cluster's coordinator but not another coordinator edit", async () => {
    const plan = await newClusterPlan(as.dipOfficer, { published: true });
    expect((await as.mocOfficer.request("PATCH", `/api/plans/${plan.id}`, { titleEn: "Hijacked" })).statusCode).toBe(
      403,
    );
    expect((await as.coordinatorB.request("PATCH", `/api/plans/${plan.id}`, { titleEn: "Hijacked" })).statusCode).toBe(
      403,
    );
    expect(
      (
        await as.coordinatorB.request("POST", `/api/plans/${plan.id}/nodes`, {
          kind: "vision",
          code: "V",
          titleEn: "x",
        })
      ).statusCode,
    ).toBe(403);
    expect((await as.coordinatorA.request("PATCH", `/api/plans/${plan.id}`, { titleEn: "Our plan" })).statusCode).toBe(
      200,
    );
    expect((await tree(as.coordinatorA, plan.id)).canEdit).toBe(true);
    expect((await tree(as.coordinatorB, plan.id)).canEdit).toBe(false);
  });

  it("answers 403 to a coordinator moving their plan to another cluster", async () => {
    const plan = await newClusterPlan(as.coordinatorA);
    expect(
      (await as.coordinatorA.request("PATCH", `/api/plans/${plan.id}`, { clusterId: ids.clusterB })).statusCode,
    ).toBe(403);
  });

  it("archives a plan", async () => {
    const plan = await newClusterPlan(as.dipOfficer);
    const response = await as.dipOfficer.request("PATCH", `/api/plans/${plan.id}`, { status: "archived" });
    expect(response.json().status).toBe("archived");
    const archived = (await as.admin.request("GET", `/api/plans?status=archived&pageSize=200`)).json().items as Array<{
      id: number;
    }>;
    expect(archived.map((p) => p.id)).toContain(plan.id);
  });
});

describe("#plan-nodes", () => {
  it("adds nodes under parents with dense positions, inserting at a position", async () => {
    const plan = await newClusterPlan(as.coordinatorA);
    const strategy = await addNode(as.coordinatorA, plan.id, { code: "S1", titleEn: "Quality" });
    const a = await addNode(as.coordinatorA, plan.id, {
      parentId: strategy.id,
      kind: "project",
      code: "P1",
      titleEn: "A",
    });
    const b = await addNode(as.coordinatorA, plan.id, {
      parentId: strategy.id,
      kind: "project",
      code: "P2",
      titleEn: "B",
    });
    const first = await addNode(as.coordinatorA, plan.id, {
      parentId: strategy.id,
      kind: "project",
      code: "P0",
      titleEn: "First",
      position: 0,
    });
    const children = (await tree(as.coordinatorA, plan.id)).nodes[0]?.children ?? [];
    expect(children.map((c) => [c.id, c.position])).toEqual([
      [first.id, 0],
      [a.id, 1],
      [b.id, 2],
    ]);
  });

  it("fails with 409 naming code for a node code already used in the plan, and 400 naming kind for an unknown kind", async () => {
    const plan = await newClusterPlan(as.coordinatorA);
    await addNode(as.coordinatorA, plan.id, { kind: "vision", code: "V" });
    const dup = await as.coordinatorA.request("POST", `/api/plans/${plan.id}/nodes`, {
      kind: "mission",
      code: "V",
      titleEn: "M",
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0].path).toBe("code");
    const kind = await as.coordinatorA.request("POST", `/api/plans/${plan.id}/nodes`, {
      ...buildPlanNode(),
      kind: "chapter",
    });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details[0].path).toBe("kind");
  });

  it("edits a node's texts, code and kind, audited with before and after", async () => {
    const plan = await newClusterPlan(as.coordinatorA);
    const node = await addNode(as.coordinatorA, plan.id, { code: "S1", titleEn: "Old" });
    const response = await as.coordinatorA.request("PATCH", `/api/plans/${plan.id}/nodes/${node.id}`, {
      titleEn: "New",
      titleTh: "ใหม่",
      code: "S-1",
      kind: "sub_strategy",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ titleEn: "New", titleTh: "ใหม่", code: "S-1", kind: "sub_strategy" });
    const entries = (await as.admin.request("GET", `/api/audit?entityType=plan_node&entityId=${node.id}`)).json()
      .items as Array<{ action: string; before: { titleEn: string } | null }>;
    expect(entries.find((e) => e.action === "plan_node.update")?.before?.titleEn).toBe("Old");
  });

  it("moves a node under another parent and reorders, keeping positions dense on both sides", async () => {
    const plan = await newClusterPlan(as.coordinatorA);
    const s1 = await addNode(as.coordinatorA, plan.id, { code: "S1" });
    const s2 = await addNode(as.coordinatorA, plan.id, { code: "S2" });
    const p1 = await addNode(as.coordinatorA, plan.id, { parentId: s1.id, kind: "project", code: "P1" });
    const p2 = await addNode(as.coordinatorA, plan.id, { parentId: s1.id, kind: "project", code: "P2" });
    const p3 = await addNode(as.coordinatorA, plan.id, { parentId: s2.id, kind: "project", code: "P3" });
    const moved = await as.coordinatorA.request("POST", `/api/plans/${plan.id}/nodes/${p1.id}/move`, {
      parentId: s2.id,
      position: 0,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const nodes = (await tree(as.coordinatorA, plan.id)).nodes;
    expect(nodes[0]?.children.map((c) => [c.code, c.position])).toEqual([["P2", 0]]);
    expect(nodes[1]?.children.map((c) => [c.code, c.position])).toEqual([
      ["P1", 0],
      ["P3", 1],
    ]);
    // Reorder among the same siblings: S2 first.
    await as.coordinatorA.request("POST", `/api/plans/${plan.id}/nodes/${s2.id}/move`, { parentId: null, position: 0 });
    expect((await tree(as.coordinatorA, plan.id)).nodes.map((n) => [n.code, n.position])).toEqual([
      ["S2", 0],
      ["S1", 1],
    ]);
    expect(p2.id).toBeGreaterThan(0);
    expect(p3.id).toBeGreaterThan(0);
  });

  it("refuses with 409 naming parentId to move a node under itself or its descendant", async () => {
    const plan = await newClusterPlan(as.coordinatorA);
    const s1 = await addNode(as.coordinatorA, plan.id, { code: "S1" });
    const p1 = await addNode(as.coordinatorA, plan.id, { parentId: s1.id, kind: "project", code: "P1" });
    const a1 = await addNode(as.coordinatorA, plan.id, { parentId: p1.id, kind: "activity", code: "A1" });
    for (const parentId of [s1.id, a1.id]) {
      const response = await as.coordinatorA.request("POST", `/api/plans/${plan.id}/nodes/${s1.id}/move`, {
        parentId,
        position: 0,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.details[0].path).toBe("parentId");
    }
    expect((await tree(as.coordinatorA, plan.id)).nodes.map((n) => n.code)).toEqual(["S1"]);
  });

  it("refuses to move a node under a node of another plan", async () => {
    const plan = await newClusterPlan(as.coordinatorA);
    const s1 = await addNode(as.coordinatorA, plan.id, { code: "S1" });
    const response = await as.coordinatorA.request("POST", `/api/plans/${plan.id}/nodes/${s1.id}/move`, {
      parentId: mocNode("S4"),
      position: 0,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe("parentId");
  });

  it("deletes a node with its subtree, indicators and targets, and renumbers the siblings", async () => {
    const plan = await newClusterPlan(as.coordinatorA);
    const s1 = await addNode(as.coordinatorA, plan.id, { code: "S1" });
    await addNode(as.coordinatorA, plan.id, { code: "S2" });
    const p1 = await addNode(as.coordinatorA, plan.id, { parentId: s1.id, kind: "project", code: "P1" });
    const indicator = await createIndicator<Indicator>(as.coordinatorA, p1.id, { code: "K1", nameEn: "Sales" });
    await createOk(as.coordinatorA, `/api/indicators/${indicator.id}/targets`, { textEn: "increase 5%" });
    const response = await as.coordinatorA.request("DELETE", `/api/plans/${plan.id}/nodes/${s1.id}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ ok: true, deletedNodes: 2 });
    expect((await tree(as.coordinatorA, plan.id)).nodes.map((n) => [n.code, n.position])).toEqual([["S2", 0]]);
    expect((await as.coordinatorA.request("GET", `/api/indicators/${indicator.id}`)).statusCode).toBe(404);
  });

  it("refuses with 409 to delete a branch whose indicators have values, or that an activity refers to", async () => {
    const plan = await newClusterPlan(as.coordinatorA);
    const s1 = await addNode(as.coordinatorA, plan.id, { code: "S1" });
    const p1 = await addNode(as.coordinatorA, plan.id, { parentId: s1.id, kind: "project", code: "P1" });
    const indicator = await createIndicator<Indicator>(as.coordinatorA, p1.id, { code: "K1", nameEn: "Sales" });
    const now = nowIso();
    await t.ctx.database.db
      .insertInto("indicator_values")
      .values({
        indicator_id: indicator.id,
        org_unit_type: "cluster",
        org_unit_code: String(ids.clusterA),
        period_key: "FY2021",
        disaggregation: "",
        value: 10,
        status: "draft",
        is_example: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    expect((await as.coordinatorA.request("DELETE", `/api/plans/${plan.id}/nodes/${s1.id}`)).statusCode).toBe(409);
    expect((await as.coordinatorA.request("DELETE", `/api/indicators/${indicator.id}`)).statusCode).toBe(409);

    const s2 = await addNode(as.coordinatorA, plan.id, { code: "S2" });
    const a1 = await addNode(as.coordinatorA, plan.id, {
      parentId: s2.id,
      kind: "activity",
      code: "A1",
      titleEn: "Fair",
    });
    await t.ctx.database.db
      .insertInto("activities")
      .values({
        cluster_id: ids.clusterA,
        plan_node_id: a1.id,
        kind: "trade_fair",
        title_en: "Fair",
        starts_on: "2021-03-01",
        fiscal_year: 2021,
        is_example: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    expect((await as.coordinatorA.request("DELETE", `/api/plans/${plan.id}/nodes/${s2.id}`)).statusCode).toBe(409);
    expect(
      flatten((await tree(as.coordinatorA, plan.id)).nodes)
        .map((n) => n.code)
        .sort(),
    ).toEqual(["A1", "P1", "S1", "S2"]);
  });
});

describe("#plan-nodes links to higher plans and trace", () => {
  it("links a cluster strategy to a MOC sub-strategy and traces an activity to the top of the MOC plan", async () => {
    const plan = await newClusterPlan(as.coordinatorA, { published: true, titleEn: "Coffee cluster plan" });
    const strategy = await addNode(as.coordinatorA, plan.id, {
      code: "CS1",
      titleEn: "Cluster trade management",
      servesNodeId: mocNode("S4.1"),
    });
    const project = await addNode(as.coordinatorA, plan.id, {
      parentId: strategy.id,
      kind: "project",
      code: "PJ1",
      titleEn: "Cluster M&E",
    });
    const activity = await addNode(as.coordinatorA, plan.id, {
      parentId: project.id,
      kind: "activity",
      code: "AC1",
      titleEn: "Training",
    });
    const response = await as.public.request("GET", `/api/plan-nodes/${activity.id}/trace`);
    expect(response.statusCode, response.body).toBe(200);
    const trace = response.json();
    expect(trace.truncated).toBe(false);
    expect(trace.items.map((s: { code: string; via: string }) => `${s.via}:${s.code}`)).toEqual([
      "start:AC1",
      "parent:PJ1",
      "parent:CS1",
      "serves:S4.1",
      "parent:S4",
    ]);
    expect(trace.items[3]).toMatchObject({
      planCode: "MOC-PCT-2017-2021",
      planLevel: "national_strategy",
      planTitleEn: "Strategic Plan on Provincial Cluster Trade 2017-2021",
    });
    expect(trace.items[0]).toMatchObject({ planTitleEn: "Coffee cluster plan", planLevel: "cluster_plan" });
  });

  it("fails with 400 naming servesNodeId for a link to a plan of the same or a lower level", async () => {
    const higher = await newClusterPlan(as.coordinatorA);
    const other = await addNode(as.coordinatorA, higher.id, { code: "S1" });
    const plan = await newClusterPlan(as.coordinatorA);
    const sameLevel = await as.coordinatorA.request(
      "POST",
      `/api/plans/${plan.id}/nodes`,
      buildPlanNode({ servesNodeId: other.id }),
    );
    expect(sameLevel.statusCode).toBe(400);
    expect(sameLevel.json().error.details[0].path).toBe("servesNodeId");
    const downwards = await as.mocOfficer.request("PATCH", `/api/plans/${ids.mocPlan}/nodes/${mocNode("S4")}`, {
      servesNodeId: other.id,
    });
    expect(downwards.statusCode).toBe(400);
    expect(downwards.json().error.details[0].path).toBe("servesNodeId");
  });

  it("refuses with 400 naming servesNodeId any link from the national strategy, which has no higher plan, but lets it unlink", async () => {
    const plan = await newClusterPlan(as.coordinatorA, { published: true });
    const clusterNode = await addNode(as.coordinatorA, plan.id, { code: "S1" });
    const cases: Array<["PATCH" | "POST", string, unknown]> = [
      ["PATCH", `/api/plans/${ids.mocPlan}/nodes/${mocNode("S4")}`, { servesNodeId: mocNode("S1") }],
      ["PATCH", `/api/plans/${ids.mocPlan}/nodes/${mocNode("S4")}`, { servesNodeId: clusterNode.id }],
      [
        "POST",
        `/api/plans/${ids.mocPlan}/nodes`,
        { kind: "strategy", code: "S-TOP", titleEn: "Top", servesNodeId: clusterNode.id },
      ],
    ];
    for (const [method, url, body] of cases) {
      const response = await as.mocOfficer.request(method, url, body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.details).toEqual([
        {
          path: "servesNodeId",
          message: "a national strategy is the top level: there is no higher plan for its nodes to serve",
          code: "no_higher_plan",
          params: { level: "national_strategy" },
        },
      ]);
    }
    const flat = flatten((await tree(as.admin, ids.mocPlan)).nodes);
    expect(flat.find((n) => n.code === "S-TOP")).toBeUndefined();
    const unlink = await as.mocOfficer.request("PATCH", `/api/plans/${ids.mocPlan}/nodes/${mocNode("S4")}`, {
      servesNodeId: null,
    });
    expect(unlink.statusCode, unlink.body).toBe(200);
  });

  it("links through an edit, accepts a provincial-cluster plan as a higher plan, and unlinks with null", async () => {
    const provincial = await newProvincialPlan({ titleEn: "Upper North plan", published: true });
    const upper = await addNode(as.mocOfficer, provincial.id, {
      code: "U1",
      titleEn: "Coffee",
      servesNodeId: mocNode("S1.1"),
    });
    const plan = await newClusterPlan(as.coordinatorA, { published: true });
    const node = await addNode(as.coordinatorA, plan.id, { code: "S1" });
    const linked = await as.coordinatorA.request("PATCH", `/api/plans/${plan.id}/nodes/${node.id}`, {
      servesNodeId: upper.id,
    });
    expect(linked.json().servesNodeId).toBe(upper.id);
    const trace = (await as.public.request("GET", `/api/plan-nodes/${node.id}/trace`)).json();
    expect(trace.items.map((s: { code: string }) => s.code)).toEqual(["S1", "U1", "S1.1", "S1"]);
    const unlinked = await as.coordinatorA.request("PATCH", `/api/plans/${plan.id}/nodes/${node.id}`, {
      servesNodeId: null,
    });
    expect(unlinked.json().servesNodeId).toBeNull();
  });

  it("refuses with 409 to delete a node another plan's node serves", async () => {
    const provincial = await newProvincialPlan({ published: true });
    const upper = await addNode(as.mocOfficer, provincial.id, { code: "U1" });
    const plan = await newClusterPlan(as.coordinatorA, { published: true });
    await addNode(as.coordinatorA, plan.id, { code: "S1", servesNodeId: upper.id });
    expect((await as.mocOfficer.request("DELETE", `/api/plans/${provincial.id}/nodes/${upper.id}`)).statusCode).toBe(
      409,
    );
  });

  it("stops the trace, marked truncated, at a plan the caller may not read", async () => {
    const provincial = await newProvincialPlan({ published: false });
    const upper = await addNode(as.mocOfficer, provincial.id, { code: "U1" });
    const plan = await newClusterPlan(as.admin, { published: true });
    const node = await addNode(as.admin, plan.id, { code: "S1", servesNodeId: upper.id });
    const trace = (await as.public.request("GET", `/api/plan-nodes/${node.id}/trace`)).json();
    expect(trace).toMatchObject({ truncated: true, items: [{ code: "S1" }] });
  });
});

describe("#plans.versions", () => {
  it("copies the tree, links, indicators and whole-period targets (not per-period targets) into version 2", async () => {
    const plan = await newClusterPlan(as.dipOfficer, { code: "CP-VER", published: true });
    const s1 = await addNode(as.dipOfficer, plan.id, { code: "S1", servesNodeId: mocNode("S1.1") });
    const p1 = await addNode(as.dipOfficer, plan.id, { parentId: s1.id, kind: "project", code: "P1" });
    const indicator = await createOk<Indicator>(as.dipOfficer, `/api/plan-nodes/${p1.id}/indicators`, {
      code: "K1",
      nameEn: "Share of firms certified",
      unit: "%",
      aggregation: "ratio",
      ratioScale: 100,
      disaggregations: ["size_class"],
    });
    await createOk(as.dipOfficer, `/api/indicators/${indicator.id}/targets`, { textEn: "80-90%" });
    await createOk(as.dipOfficer, `/api/indicators/${indicator.id}/targets`, { textEn: "80%", periodKey: "FY2021" });

    const response = await as.dipOfficer.request("POST", `/api/plans/${plan.id}/versions`, {
      periodStart: "2022-10-01",
      periodEnd: "2027-09-30",
    });
    expect(response.statusCode, response.body).toBe(201);
    const v2 = response.json();
    expect(v2).toMatchObject({
      code: "CP-VER-v2",
      version: 2,
      previousVersionId: plan.id,
      periodStart: "2022-10-01",
      status: "draft",
      published: false,
    });
    const copy = await tree(as.dipOfficer, v2.id);
    const nodes = flatten(copy.nodes);
    expect(nodes.map((n) => n.code)).toEqual(["S1", "P1"]);
    expect(nodes.every((n) => n.id !== s1.id && n.id !== p1.id)).toBe(true);
    expect(nodes[0]?.servesNodeId).toBe(mocNode("S1.1"));
    expect(nodes[1]?.parentId).toBe(nodes[0]?.id);
    const copied = nodes[1]?.indicators[0];
    expect(copied).toMatchObject({
      code: "K1",
      aggregation: "ratio",
      ratioScale: 100,
      disaggregations: ["size_class"],
    });
    expect(copied?.targets.map((x) => x.kind)).toEqual(["range"]);

    const versions = (await as.dipOfficer.request("GET", `/api/plans/${v2.id}/versions`)).json().items as Array<{
      id: number;
      version: number;
    }>;
    expect(versions.map((v) => [v.id, v.version])).toEqual([
      [plan.id, 1],
      [v2.id, 2],
    ]);
    // The public sees the published first version only.
    const publicVersions = (await as.public.request("GET", `/api/plans/${plan.id}/versions`)).json().items as Array<{
      id: number;
    }>;
    expect(publicVersions.map((v) => v.id)).toEqual([plan.id]);
  });

  it("refuses with 409 a second newer version of the same plan, and 403 to another agency's officer", async () => {
    const plan = await newClusterPlan(as.dipOfficer, { published: true });
    expect(
      (
        await as.mocOfficer.request("POST", `/api/plans/${plan.id}/versions`, {
          periodStart: "2022-10-01",
          periodEnd: "2023-09-30",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await as.dipOfficer.request("POST", `/api/plans/${plan.id}/versions`, {
          periodStart: "2022-10-01",
          periodEnd: "2023-09-30",
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await as.dipOfficer.request("POST", `/api/plans/${plan.id}/versions`, {
          periodStart: "2023-10-01",
          periodEnd: "2024-09-30",
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe("#indicators", () => {
  async function node(): Promise<{ planId: number; nodeId: number }> {
    const plan = await newClusterPlan(as.coordinatorA);
    const n = await addNode(as.coordinatorA, plan.id, { code: "S1" });
    return { planId: plan.id, nodeId: n.id };
  }

  it("creates an indicator with every field and reads it back", async () => {
    const { nodeId } = await node();
    const body = {
      code: "1.2",
      nameEn: "Juristic person registrations",
      nameTh: "จำนวนการจดทะเบียนนิติบุคคล",
      unit: "firms",
      direction: "increase",
      aggregation: "sum",
      baselineValue: 1200,
      baselinePeriod: "FY2020",
      disaggregations: ["size_class", "owner_sex", "stage"],
      decimals: 0,
      descriptionEn: "DBD registrations",
      descriptionTh: "การจดทะเบียน",
    };
    const created = await createOk<Indicator & Record<string, unknown>>(
      as.coordinatorA,
      `/api/plan-nodes/${nodeId}/indicators`,
      body,
    );
    expect(created).toMatchObject({ ...body, nodeId, position: 0, targets: [] });
    expect((await as.coordinatorA.request("GET", `/api/indicators/${created.id}`)).json()).toMatchObject(body);
  });

  it("fails with 400 naming ratioScale for a ratio indicator without a scale, on create and on edit", async () => {
    const { nodeId } = await node();
    const response = await as.coordinatorA.request(
      "POST",
      `/api/plan-nodes/${nodeId}/indicators`,
      buildIndicator({ aggregation: "ratio" }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe("ratioScale");
    const sum = await createIndicator<Indicator>(as.coordinatorA, nodeId, { code: "S" });
    const edit = await as.coordinatorA.request("PATCH", `/api/indicators/${sum.id}`, { aggregation: "ratio" });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.details[0].path).toBe("ratioScale");
    const ok = await as.coordinatorA.request("PATCH", `/api/indicators/${sum.id}`, {
      aggregation: "ratio",
      ratioScale: 100,
    });
    expect(ok.json()).toMatchObject({ aggregation: "ratio", ratioScale: 100 });
  });

  it("fails with 400 naming the field for an unknown disaggregation, direction or baseline period", async () => {
    const { nodeId } = await node();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ disaggregations: ["religion"] }, "disaggregations.0"],
      [{ direction: "sideways" }, "direction"],
      [{ baselinePeriod: "2020" }, "baselinePeriod"],
      [{ decimals: 9 }, "decimals"],
    ];
    for (const [extra, path] of cases) {
      const response = await as.coordinatorA.request("POST", `/api/plan-nodes/${nodeId}/indicators`, {
        ...buildIndicator(),
        ...extra,
      });
      expect(response.statusCode, path).toBe(400);
      expect(response.json().error.details[0].path).toBe(path);
    }
  });

  it("fails with 409 naming code for an indicator code used elsewhere in the same plan", async () => {
    const { planId, nodeId } = await node();
    const other = await addNode(as.coordinatorA, planId, { code: "S2" });
    await createIndicator(as.coordinatorA, nodeId, { code: "K1" });
    const response = await as.coordinatorA.request(
      "POST",
      `/api/plan-nodes/${other.id}/indicators`,
      buildIndicator({ code: "K1" }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details[0].path).toBe("code");
  });

  it("reorders indicators of a node and deletes one, keeping positions dense", async () => {
    const { nodeId, planId } = await node();
    const a = await createIndicator<Indicator>(as.coordinatorA, nodeId, { code: "A" });
    const b = await createIndicator<Indicator>(as.coordinatorA, nodeId, { code: "B" });
    const c = await createIndicator<Indicator>(as.coordinatorA, nodeId, { code: "C" });
    expect(
      (await as.coordinatorA.request("POST", `/api/indicators/${c.id}/move`, { position: 0 })).json().position,
    ).toBe(0);
    expect((await as.coordinatorA.request("DELETE", `/api/indicators/${a.id}`)).statusCode).toBe(200);
    const list = (await tree(as.coordinatorA, planId)).nodes[0]?.indicators ?? [];
    expect(list.map((i) => [i.code, i.position])).toEqual([
      ["C", 0],
      ["B", 1],
    ]);
    expect(b.id).toBeGreaterThan(0);
  });

  it("answers 403 to an officer of another agency and 401 to the public adding an indicator", async () => {
    const { nodeId } = await node();
    expect(
      (await as.mocOfficer.request("POST", `/api/plan-nodes/${nodeId}/indicators`, buildIndicator())).statusCode,
    ).toBe(404);
    const plan = await newClusterPlan(as.coordinatorA, { published: true });
    const n = await addNode(as.coordinatorA, plan.id, { code: "S1" });
    expect(
      (await as.mocOfficer.request("POST", `/api/plan-nodes/${n.id}/indicators`, buildIndicator())).statusCode,
    ).toBe(403);
    expect(
      (await as.coordinatorB.request("POST", `/api/plan-nodes/${n.id}/indicators`, buildIndicator())).statusCode,
    ).toBe(403);
    expect((await as.public.request("POST", `/api/plan-nodes/${n.id}/indicators`, buildIndicator())).statusCode).toBe(
      401,
    );
  });
});

describe("#indicator-targets", () => {
  let indicatorId: number;
  beforeAll(async () => {
    const plan = await newClusterPlan(as.dipOfficer, { published: true });
    const n = await addNode(as.dipOfficer, plan.id, { kind: "objective", code: "O1", titleEn: "Objective" });
    indicatorId = (await createIndicator<Indicator>(as.dipOfficer, n.id, { code: "K", nameEn: "Indicator" })).id;
  });

  // The target texts of seed 000 (the MOC plan), in English and in Thai.
  const seedTexts: Array<{ kind: string; en: string; th: string; labelEn: string }> = [
    { kind: "absolute", en: "80%", th: "ร้อยละ 80", labelEn: "at least 80%" },
    { kind: "range", en: "80-90%", th: "ร้อยละ 80-90", labelEn: "80-90%" },
    {
      kind: "change",
      en: "Number of registration increase 1-2%",
      th: "จำนวนการจดทะเบียนเพิ่มขึ้นร้อยละ 1-2",
      labelEn: "increase 1-2% on the previous period",
    },
    { kind: "change", en: "increase 5%", th: "เพิ่มขึ้นร้อยละ 5", labelEn: "increase 5% on the previous period" },
    {
      kind: "band",
      en: "In line with inflation rate targeted by Monetary Policy Committee for each year. Currently, target on medium term is at 2.5% (+/- 1.5%)",
      th: "สอดคล้องกับเป้าหมายอัตราเงินเฟ้อที่คณะกรรมการนโยบายการเงินกำหนดในแต่ละปี ปัจจุบันเป้าหมายระยะปานกลางอยู่ที่ร้อยละ 2.5 (± 1.5)",
      labelEn: "2.5% ± 1.5%",
    },
    {
      kind: "share",
      en: "90-100% achieve the criteria set.",
      th: "ร้อยละ 90-100 ผ่านเกณฑ์ที่กำหนด",
      labelEn: "90-100% meet the criteria",
    },
    { kind: "direction", en: "increasing significantly", th: "เพิ่มขึ้นอย่างมีนัยสำคัญ", labelEn: "increase significantly" },
  ];

  seedTexts.forEach((s, index) => {
    it(`reads the ${s.kind} target "${s.en.slice(0, 40)}" from English, from Thai, and from both`, async () => {
      const fromEn = await createOk<Target>(as.dipOfficer, `/api/indicators/${indicatorId}/targets`, {
        textEn: s.en,
        periodKey: `FY${2030 + index}`,
      });
      expect(fromEn).toMatchObject({ kind: s.kind, textEn: s.en, labels: { en: s.labelEn } });
      expect(fromEn.labels?.th).toMatch(/\S/);
      const fromTh = await createOk<Target>(as.dipOfficer, `/api/indicators/${indicatorId}/targets`, {
        textTh: s.th,
        periodKey: `FY${2040 + index}`,
      });
      expect(fromTh).toMatchObject({ kind: s.kind, textTh: s.th, textEn: s.labelEn });
      expect(fromTh.target).toEqual(fromEn.target);
      const both = await createOk<Target>(as.dipOfficer, `/api/indicators/${indicatorId}/targets`, {
        textEn: s.en,
        textTh: s.th,
        periodKey: `FY${2050 + index}`,
      });
      expect(both.target).toEqual(fromEn.target);
    });
  });

  it("takes a structured target checked by isTarget, and fails with 400 naming target for a malformed one", async () => {
    const ok = await createOk<Target>(as.dipOfficer, `/api/indicators/${indicatorId}/targets`, {
      target: { kind: "range", min: 80, max: 90, better: "higher", unit: "%" },
      periodKey: "FY2060",
    });
    expect(ok).toMatchObject({ kind: "range", textEn: "80-90%", labels: { en: "80-90%" } });
    const bad = await as.dipOfficer.request("POST", `/api/indicators/${indicatorId}/targets`, {
      target: { kind: "range", min: 90, max: 80, better: "higher", unit: "%" },
      periodKey: "FY2061",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("target");
  });

  it("fails with 400 naming orgUnitCode for a target of an org unit that does not exist, on create and on edit", async () => {
    const unknown = await as.dipOfficer.request("POST", `/api/indicators/${indicatorId}/targets`, {
      textEn: "80%",
      periodKey: "FY2071",
      orgUnitType: "province",
      orgUnitCode: "99",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([
      { path: "orgUnitCode", message: "no province with code 99", code: "not_found", params: { id: "99" } },
    ]);
    const created = await as.dipOfficer.request("POST", `/api/indicators/${indicatorId}/targets`, {
      textEn: "80%",
      periodKey: "FY2071",
      orgUnitType: "province",
      orgUnitCode: "50",
    });
    expect(created.statusCode, created.body).toBe(201);
    const edited = await as.dipOfficer.request("PATCH", `/api/indicator-targets/${created.json().id}`, {
      orgUnitType: "provincial_cluster",
      orgUnitCode: "77",
    });
    expect(edited.statusCode).toBe(400);
    expect(edited.json().error.details).toEqual([
      { path: "orgUnitCode", message: "no provincial cluster with code 77", code: "not_found", params: { id: "77" } },
    ]);
  });

  it("fails with 400 naming the text field it cannot read, or textTh when the languages disagree", async () => {
    const en = await as.dipOfficer.request("POST", `/api/indicators/${indicatorId}/targets`, {
      textEn: "Top 3 in ASEAN",
      periodKey: "FY2062",
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details[0].path).toBe("textEn");
    const th = await as.dipOfficer.request("POST", `/api/indicators/${indicatorId}/targets`, {
      textTh: "ติดอันดับ",
      periodKey: "FY2062",
    });
    expect(th.json().error.details[0].path).toBe("textTh");
    const disagree = await as.dipOfficer.request("POST", `/api/indicators/${indicatorId}/targets`, {
      textEn: "80%",
      textTh: "ร้อยละ 90",
      periodKey: "FY2062",
    });
    expect(disagree.statusCode).toBe(400);
    expect(disagree.json().error.details[0].path).toBe("textTh");
    const none = await as.dipOfficer.request("POST", `/api/indicators/${indicatorId}/targets`, { periodKey: "FY2062" });
    expect(none.json().error.details[0].path).toBe("textEn");
  });

  it("fails with 400 naming periodKey for a bad key and 409 for a second target of the same period and unit", async () => {
    const bad = await as.dipOfficer.request("POST", `/api/indicators/${indicatorId}/targets`, {
      textEn: "80%",
      periodKey: "2021",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("periodKey");
    await createOk(as.dipOfficer, `/api/indicators/${indicatorId}/targets`, {
      textEn: "80%",
      periodKey: "FY2063",
      orgUnitType: "province",
      orgUnitCode: "50",
    });
    const again = await as.dipOfficer.request("POST", `/api/indicators/${indicatorId}/targets`, {
      textEn: "90%",
      periodKey: "FY2063",
      orgUnitType: "province",
      orgUnitCode: "50",
    });
    expect(again.statusCode).toBe(409);
    const otherUnit = await as.dipOfficer.request("POST", `/api/indicators/${indicatorId}/targets`, {
      textEn: "90%",
      periodKey: "FY2063",
      orgUnitType: "province",
      orgUnitCode: "57",
    });
    expect(otherUnit.statusCode).toBe(201);
    const half = await as.dipOfficer.request("POST", `/api/indicators/${indicatorId}/targets`, {
      textEn: "90%",
      periodKey: "FY2064",
      orgUnitType: "province",
    });
    expect(half.json().error.details[0].path).toBe("orgUnitCode");
  });

  it("lets the owner set what 'significantly' means on a direction target, and refuses a threshold on other forms", async () => {
    const direction = await createOk<Target>(as.dipOfficer, `/api/indicators/${indicatorId}/targets`, {
      textTh: "ขยายตัวอย่างมีนัยสำคัญ",
      periodKey: "FY2070",
    });
    expect(direction).toMatchObject({ kind: "direction", needsThreshold: true });
    const response = await as.dipOfficer.request("PATCH", `/api/indicator-targets/${direction.id}`, {
      threshold: { measure: "percent", against: "previous_period", amount: 5 },
    });
    expect(response.statusCode, response.body).toBe(200);
    const set: Target = response.json();
    expect(set.needsThreshold).toBe(false);
    expect(set.target).toMatchObject({
      kind: "direction",
      threshold: { measure: "percent", against: "previous_period", amount: 5 },
    });
    expect(set.labels?.en).toBe("increase significantly (at least: increase 5% on the previous period)");
    expect(set.textTh).toBe("ขยายตัวอย่างมีนัยสำคัญ");

    const range = await createOk<Target>(as.dipOfficer, `/api/indicators/${indicatorId}/targets`, {
      textEn: "80-90%",
      periodKey: "FY2071",
    });
    const refused = await as.dipOfficer.request("PATCH", `/api/indicator-targets/${range.id}`, {
      threshold: { measure: "percent", against: "previous_period", amount: 5 },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe("threshold");
  });

  it("edits a target's text and lists, then deletes it, audited", async () => {
    const target = await createOk<Target>(as.dipOfficer, `/api/indicators/${indicatorId}/targets`, {
      textEn: "80%",
      periodKey: "FY2072",
    });
    const edited = await as.dipOfficer.request("PATCH", `/api/indicator-targets/${target.id}`, {
      textEn: "increase 5%",
    });
    expect(edited.json()).toMatchObject({ kind: "change", textEn: "increase 5%" });
    const list = (await as.public.request("GET", `/api/indicators/${indicatorId}/targets`)).json().items as Target[];
    expect(list.some((x) => x.id === target.id && x.kind === "change")).toBe(true);
    expect((await as.mocOfficer.request("DELETE", `/api/indicator-targets/${target.id}`)).statusCode).toBe(403);
    expect((await as.dipOfficer.request("DELETE", `/api/indicator-targets/${target.id}`)).statusCode).toBe(200);
    const actions = (
      (await as.admin.request("GET", `/api/audit?entityType=indicator_target&entityId=${target.id}`)).json()
        .items as Array<{ action: string }>
    ).map((a) => a.action);
    expect(actions.sort()).toEqual(["indicator_target.create", "indicator_target.delete", "indicator_target.update"]);
  });

  it("previews a target text in both languages for the editor", async () => {
    const response = await as.public.request("GET", `/api/targets/parse?text=${encodeURIComponent("ร้อยละ 80-90")}`);
    expect(response.json()).toMatchObject({ kind: "range", labels: { en: "80-90%" } });
    const none = await as.public.request("GET", `/api/targets/parse?text=${encodeURIComponent("Top 3 in ASEAN")}`);
    expect(none.json()).toEqual({ target: null, kind: null, labels: null });
  });
});
