import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImportBatch, signInAs, uploadImportFile } from "../test-support/factories.ts";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import { asPublishedFirms } from "../../../../packages/importer/src/test-support/as-published.ts";
import { dbdMonthlyCsv } from "../../../../packages/importer/src/test-support/dbd-monthly.ts";
import { encodeWindows874 } from "../../../../packages/importer/src/test-support/windows-874.ts";

// A firm's name, objective and address are stored, shown and exported exactly as the file gives them (trimmed
// only); Thai digits, repeated spaces and the decomposed ำ are folded only in search's keys. On SQLite, and on
// PostgreSQL when DATABASE_URL is set.
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
  const preview = await uploadImportFile(
    t,
    admin,
    "enterprises",
    "99_256701.csv",
    encodeWindows874(dbdMonthlyCsv(asPublishedFirms)),
  );
  const status = await runImportBatch(admin, preview.batchId, { mapping: preview.suggestedMapping });
  if (status.status === "failed") throw new Error(JSON.stringify(status));
  expect(status.report.counts).toMatchObject({ imported: asPublishedFirms.length, errors: 0 });
});
afterAll(async () => {
  await t.close();
});

const firm = (i: number) => {
  const found = asPublishedFirms[i];
  if (!found) throw new Error(`no firm ${i}`);
  return found;
};

describe("#imports: names, objectives and addresses as published", () => {
  it("stores them byte for byte as the file's trimmed text, and reads the place, date and capital from their folded forms", async () => {
    for (const f of asPublishedFirms) {
      const row = await t.ctx.database.db
        .selectFrom("enterprises")
        .selectAll()
        .where("juristic_id", "=", f.juristicId)
        .executeTakeFirstOrThrow();
      expect(Buffer.from(row.name_th ?? "")).toEqual(Buffer.from(f.name.trim()));
      expect(Buffer.from(row.business_type ?? "")).toEqual(Buffer.from(f.objective.trim()));
      expect(Buffer.from(row.address ?? "")).toEqual(Buffer.from(f.address.trim()));
      expect(row).toMatchObject({
        registered_on: f.expected.registeredOn,
        capital: f.expected.capital,
        province_code: f.expected.provinceCode,
        district_code: f.expected.districtCode,
        postcode: f.expected.postcode,
      });
    }
  });

  it("shows and exports them as published", async () => {
    const { id } = await t.ctx.database.db
      .selectFrom("enterprises")
      .select("id")
      .where("juristic_id", "=", firm(0).juristicId)
      .executeTakeFirstOrThrow();
    const detail = (await admin.request("GET", `/api/enterprises/${id}`)).json();
    expect(detail).toMatchObject({
      nameTh: firm(0).name,
      businessType: firm(0).objective,
      address: firm(0).address.trim(),
    });
    const csv = await admin.request("GET", "/api/exports/enterprises.csv");
    expect(csv.statusCode).toBe(200);
    for (const f of asPublishedFirms) expect(csv.body).toContain(f.name);
  });

  it("is found by the folded forms: ASCII digits, composed ำ, single spaces, and by the text as published", async () => {
    const find = async (q: string) => {
      const response = await admin.request("GET", `/api/search?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items.map((item: { nameTh: string }) => item.nameTh);
    };
    expect(await find("น้ำทอง 99")).toContain(firm(0).name);
    expect(await find(firm(0).name)).toContain(firm(0).name);
    expect(await find("ข้าวหอม ทุ่งกุลา 2567")).toContain(firm(1).name);
    expect(await find("น้ำดื่มบรรจุขวด")).toContain(firm(0).name);
  });
});
