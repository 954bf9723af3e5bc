import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImportBatch, signInAs, uploadImportFile } from "../test-support/factories.ts";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import { agencyIdOf, createIndicator, createNode, createPlan } from "../test-support/monitoring-factory.ts";
import { encodeWindows874 } from "../../../../packages/importer/src/test-support/windows-874.ts";

let t: TestApp;
let officer: Client;
let admin: Client;
let planId: number;
let ids: { satisfaction: number; retail: number };

type Report = {
  counts: { imported: number; updated: number; skipped: number; errors: number };
  rows: Array<{ rowNumber: number; status: string; issues: Array<{ field: string; message: string; value?: string }> }>;
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.database.db;
  const pco = await agencyIdOf(db, "MOC-PCO");
  planId = await createPlan(db, { ownerAgencyId: await agencyIdOf(db, "MOC"), code: "IMPORT-PLAN" });
  const node = await createNode(db, planId);
  ids = {
    satisfaction: await createIndicator(db, node, { code: "2.3", aggregation: "ratio", ratioScale: 100 }),
    retail: await createIndicator(db, node, { code: "3.1", aggregation: "sum", disaggregations: ["size_class"] }),
  };
  officer = await signInAs(t, "agency_officer", { agencyId: pco });
  admin = await signInAs(t, "admin");
});
afterAll(async () => {
  await t.close();
});

async function importValues(client: Client, fileName: string, bytes: Buffer, layout?: "long" | "wide") {
  const preview = await uploadImportFile(t, client, "indicator_values", fileName, bytes);
  const status = await runImportBatch(client, preview.batchId, {
    mapping: preview.suggestedMapping,
    planId,
    layout: layout ?? preview.suggestedLayout,
  });
  return { preview, status: status.status, error: status.error, report: status.report as Report };
}

async function stored() {
  return t.ctx.database.db
    .selectFrom("indicator_values")
    .select([
      "indicator_id",
      "org_unit_code",
      "period_key",
      "disaggregation",
      "value",
      "numerator",
      "denominator",
      "status",
    ])
    .orderBy("indicator_id")
    .orderBy("org_unit_code")
    .orderBy("period_key")
    .orderBy("disaggregation")
    .execute();
}

const longLines = [
  "รายงานผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ 2564",
  "รหัสตัวชี้วัด,จังหวัด,ปีงบประมาณ,ขนาดกิจการ,ผลการดำเนินงาน,ตัวตั้ง,ตัวหาร,แหล่งข้อมูล",
  "2.3,เชียงใหม่,ปีงบประมาณ 2564,,,๔๕,๖๐,แบบสำรวจ",
  '3.1,Chiang Mai,FY2021,ขนาดย่อม,"1,234.50",,,สถิติจังหวัด',
  "3.1,จังหวัดกรุงเทพมหานคร,2564,รายย่อย,๑๒๐๐,,,",
  '3.1,เชียงใหม่,Q1 2564,ขนาดย่อม,"1,300",,,',
  '3.1,เชียงใหม่,ปีงบประมาณ 2564,ย่อม,"1,300",,,แก้ไข',
];

describe("#values.import long", () => {
  it("fails a messy TIS-620 file with a bad province row by row and writes nothing", async () => {
    const bytes = encodeWindows874([...longLines, "3.1,เมืองสมมุติ,2564,รายย่อย,5,,,"].join("\r\n"));
    const result = await importValues(officer, "values-2564.csv", bytes);
    expect(result.preview.encoding).not.toBe("utf-8");
    expect(result.preview.suggestedLayout).toBe("long");
    expect(result.status).toBe("failed");
    expect(result.error).toContain("nothing was written");
    expect(result.report.counts.errors).toBe(1);
    expect(result.report.rows).toEqual([
      {
        rowNumber: 8,
        status: "error",
        key: null,
        issues: [
          {
            field: "orgUnitName",
            message: expect.stringContaining("no province"),
            value: "เมืองสมมุติ",
            code: "not_found",
          },
        ],
      },
    ]);
    expect(await stored()).toEqual([]);
  });

  it("imports the corrected file as drafts: ratios recomputed, Thai digits and commas read, a duplicate skipped", async () => {
    const result = await importValues(officer, "values-2564.csv", encodeWindows874(longLines.join("\r\n")));
    expect(result.status).toBe("done");
    expect(result.report.counts).toEqual({ imported: 4, updated: 0, skipped: 1, errors: 0 });
    expect(result.report.rows.find((r) => r.rowNumber === 4)).toMatchObject({
      status: "skipped",
      issues: [{ message: expect.stringContaining("duplicate of row 7") }],
    });
    expect(await stored()).toEqual([
      {
        indicator_id: ids.satisfaction,
        org_unit_code: "50",
        period_key: "FY2021",
        disaggregation: "",
        value: 75,
        numerator: 45,
        denominator: 60,
        status: "draft",
      },
      {
        indicator_id: ids.retail,
        org_unit_code: "10",
        period_key: "FY2021",
        disaggregation: "size_class=micro",
        value: 1200,
        numerator: null,
        denominator: null,
        status: "draft",
      },
      {
        indicator_id: ids.retail,
        org_unit_code: "50",
        period_key: "FY2021",
        disaggregation: "size_class=small",
        value: 1300,
        numerator: null,
        denominator: null,
        status: "draft",
      },
      {
        indicator_id: ids.retail,
        org_unit_code: "50",
        period_key: "FY2021-Q1",
        disaggregation: "size_class=small",
        value: 1300,
        numerator: null,
        denominator: null,
        status: "draft",
      },
    ]);
  });
});

describe("#values.import wide", () => {
  const wide = ["รหัสตัวชี้วัด,จังหวัด,2562,2563,ปีงบประมาณ 2564", '3.1,ลำพูน,๑๐๐,"1,200",-', "3.1,Lamphun,5,6,7"].join("\n");

  it("fails rows of a locked period naming the lock, and writes nothing", async () => {
    expect((await admin.request("POST", `/api/plans/${planId}/locks`, { periodKey: "FY2020" })).statusCode).toBe(201);
    const before = await stored();
    const result = await importValues(officer, "wide.csv", Buffer.from(wide, "utf8"));
    expect(result.preview.suggestedLayout).toBe("wide");
    expect(result.preview.periodColumns).toEqual(["2562", "2563", "ปีงบประมาณ 2564"]);
    expect(result.status).toBe("failed");
    expect(result.report.rows.map((r) => [r.rowNumber, r.issues.map((i) => `${i.field}: ${i.message}`)])).toEqual([
      [2, ["2563: period FY2020 is locked", ": duplicate of row 3 (FY2019); the later row is kept"]],
      [3, ["2563: period FY2020 is locked"]],
    ]);
    expect(await stored()).toEqual(before);
    expect((await admin.request("DELETE", `/api/plans/${planId}/locks/FY2020`)).statusCode).toBe(200);
  });

  it("imports one value per B.E. year column, the later duplicate row winning", async () => {
    const result = await importValues(officer, "wide.csv", Buffer.from(wide, "utf8"));
    expect(result.status, JSON.stringify(result.report)).toBe("done");
    expect(result.report.counts).toEqual({ imported: 1, updated: 0, skipped: 1, errors: 0 });
    const lamphun = (await stored()).filter((v) => v.org_unit_code === "51").map((v) => [v.period_key, v.value]);
    expect(lamphun).toEqual([
      ["FY2019", 5],
      ["FY2020", 6],
      ["FY2021", 7],
    ]);
  });

  it("refuses an import into a plan the user may not enter values for", async () => {
    const db = t.ctx.database.db;
    const client = await signInAs(t, "agency_officer", { agencyId: await agencyIdOf(db, "DIP") });
    const preview = await uploadImportFile(t, client, "indicator_values", "wide.csv", Buffer.from(wide, "utf8"));
    const run = await client.request("POST", `/api/imports/${preview.batchId}/run`, {
      mapping: preview.suggestedMapping,
      planId,
      layout: "wide",
    });
    expect(run.statusCode).toBe(403);
  });
});
