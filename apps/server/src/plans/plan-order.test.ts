import ExcelJS from "exceljs";
import { nationUnit } from "@sainam/core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardFactory } from "../test-support/dashboard-factory.ts";
import { signInAs } from "../test-support/factories.ts";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";

/**
 * Every list of a plan's indicators follows the plan tree (depth-first, by node position, then indicator
 * position), also after nodes and indicators were reordered: here the indicators were created in the
 * order ORD-A, ORD-B, ORD-C, ORD-D and the tree then rearranged so that plan order is D, B, A, C.
 */
let t: TestApp;
let admin: Client;
let planId: number;
const EXPECTED = ["ORD-D", "ORD-B", "ORD-A", "ORD-C"];

type TreeNode = { indicators: Array<{ code: string }>; children: TreeNode[] };
const codesOf = (nodes: TreeNode[]): string[] =>
  nodes.flatMap((n) => [...n.indicators.map((i) => i.code), ...codesOf(n.children)]);

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
  const f = dashboardFactory(t.ctx.database);
  const moc = await f.agencyId("MOC");
  const { planId: id, nodeId: s1 } = await f.plan({ ownerAgencyId: moc, code: "ORDER-TEST" });
  planId = id;
  const s2 = await f.node({ planId, kind: "strategy", code: "S2", titleEn: "Strategy 2" });
  const s1a = await f.node({ planId, kind: "sub_strategy", code: "S1.1", titleEn: "Strategy 1.1", parentId: s1 });
  const codes = new Map<string, number>();
  for (const [code, nodeId] of [
    ["ORD-A", s1],
    ["ORD-B", s1],
    ["ORD-C", s1a],
    ["ORD-D", s2],
  ] as const) {
    const indicatorId = await f.indicator({ nodeId, code, aggregation: "sum" });
    codes.set(code, indicatorId);
    await f.target({ indicatorId, target: { kind: "absolute", comparator: ">=", value: 10, unit: null } });
    // One approved national total (dashboards, reports) and one submitted provincial figure (approval queue).
    await f.value({ indicatorId, unit: nationUnit, periodKey: "FY2021", value: 12 });
    await f.value({
      indicatorId,
      unit: { type: "province", code: "50" },
      periodKey: "FY2021",
      value: 3,
      status: "submitted",
    });
  }
  // Rearrange after creation: S2 becomes the first strategy, ORD-B the first indicator of S1.
  const moved = await admin.request("POST", `/api/plans/${planId}/nodes/${s2}/move`, { parentId: null, position: 0 });
  expect(moved.statusCode, moved.body).toBe(200);
  const reordered = await admin.request("POST", `/api/indicators/${codes.get("ORD-B")}/move`, { position: 0 });
  expect(reordered.statusCode, reordered.body).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe("indicators in plan order", () => {
  it("reads the plan tree (the value-entry choices) in plan order", async () => {
    const response = await admin.request("GET", `/api/plans/${planId}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(codesOf(response.json().nodes)).toEqual(EXPECTED);
  });

  it("lists a plan's values and the approval queue by indicator in plan order", async () => {
    const plan = await t.ctx.database.db
      .selectFrom("indicators")
      .select(["id", "code"])
      .where("code", "like", "ORD-%")
      .execute();
    const codeOf = new Map(plan.map((r) => [r.id, r.code]));
    const values = await admin.request("GET", `/api/plans/${planId}/values?period=FY2021&orgUnitType=nation`);
    expect(values.statusCode, values.body).toBe(200);
    expect(values.json().items.map((v: { indicatorId: number }) => codeOf.get(v.indicatorId))).toEqual(EXPECTED);
    const queue = await admin.request("GET", "/api/values/queue?pageSize=100");
    expect(queue.statusCode, queue.body).toBe(200);
    const queued = queue.json().items.filter((v: { indicatorId: number }) => codeOf.has(v.indicatorId));
    expect(queued.map((v: { indicatorId: number }) => codeOf.get(v.indicatorId))).toEqual(EXPECTED);
  });

  it("shows targets against actuals per strategy and the provincial-cluster matrix in plan order", async () => {
    const performance = await admin.request("GET", `/api/dashboards/plans/${planId}?period=FY2021`);
    expect(performance.statusCode, performance.body).toBe(200);
    expect(codesOf(performance.json().nodes)).toEqual(EXPECTED);
    const matrix = await admin.request("GET", `/api/dashboards/plans/${planId}/provincial-clusters?period=FY2021`);
    expect(matrix.statusCode, matrix.body).toBe(200);
    expect(matrix.json().indicators.map((i: { code: string }) => i.code)).toEqual(EXPECTED);
  });

  it("writes the XLSX and PDF reports in plan order", async () => {
    const xlsx = await admin.request("GET", `/api/plans/${planId}/report.xlsx?period=FY2021&locale=en`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    const rows: string[] = [];
    workbook.getWorksheet("Indicators")?.eachRow((row) => {
      const first = String(row.getCell(1).value);
      if (first.startsWith("ORD-")) rows.push(first);
    });
    expect(rows).toEqual(EXPECTED);

    const pdf = await admin.request("GET", `/api/plans/${planId}/report.pdf?period=FY2021&locale=en`);
    expect(pdf.statusCode).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
    const positions = EXPECTED.map((code) => text.indexOf(code));
    expect(
      positions.every((p) => p >= 0),
      text,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
