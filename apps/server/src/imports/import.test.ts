import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { juristicIdCheckDigit } from "@sainam/core";
import {
  createCluster,
  postImportFile,
  runImportBatch,
  signInAs,
  uploadImportFile,
} from "../test-support/factories.ts";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import {
  dbdFirms,
  dbdMonthlyCsv,
  writeDbdMonthlyXlsx,
} from "../../../../packages/importer/src/test-support/dbd-monthly.ts";
import { encodeWindows874 } from "../../../../packages/importer/src/test-support/windows-874.ts";

const id = (first12: string) => `${first12}${juristicIdCheckDigit(first12)}`;

let t: TestApp;
let admin: Client;

const upload = (client: Client, kind: string, fileName: string, bytes: Buffer) =>
  postImportFile(t, client, kind, fileName, bytes);

async function importFile(
  kind: string,
  fileName: string,
  bytes: Buffer,
  options: { mapping?: Record<string, string>; strict?: boolean; clusterId?: number } = {},
) {
  const preview = await uploadImportFile(t, admin, kind, fileName, bytes);
  const status = await runImportBatch(admin, preview.batchId, {
    mapping: options.mapping ?? preview.suggestedMapping,
    ...(options.strict ? { strict: true } : {}),
    ...(options.clusterId ? { clusterId: options.clusterId } : {}),
  });
  return { preview, status };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
});
afterAll(async () => {
  await t.close();
});

describe("#imports: the DBD monthly file as published", () => {
  it("imports the CSV as-is with the suggested mapping: B.E. dates, capital with commas, address to province and district", async () => {
    const { preview, status } = await importFile("enterprises", "99_256701.csv", Buffer.from(dbdMonthlyCsv(), "utf8"));
    expect(preview.headerRowNumber).toBeGreaterThan(1);
    expect(status.status).toBe("done");
    expect(status.report.counts).toMatchObject({ imported: dbdFirms.length, skipped: 0 });
    for (const firm of dbdFirms) {
      const row = await t.ctx.database.db
        .selectFrom("enterprises")
        .selectAll()
        .where("juristic_id", "=", firm.juristicId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        registered_on: firm.expected.registeredOn,
        capital: firm.expected.capital,
        legal_form: firm.expected.legalForm,
        province_code: firm.expected.provinceCode,
        district_code: firm.expected.districtCode,
      });
    }
  });

  it("imports the same month as XLSX and reports the firms as updated, not duplicated", async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    await writeDbdMonthlyXlsx(stream);
    const { status } = await importFile("enterprises", "99_256701.xlsx", Buffer.concat(chunks));
    expect(status.report.counts).toMatchObject({ imported: 0, updated: dbdFirms.length });
    const n = await t.ctx.database.db
      .selectFrom("enterprises")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where(
        "juristic_id",
        "in",
        dbdFirms.map((f) => f.juristicId),
      )
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(dbdFirms.length);
  });

  it("remembers the column mapping for the next file from the same source", async () => {
    const uploaded = (await upload(admin, "enterprises", "99_256702.csv", Buffer.from(dbdMonthlyCsv(), "utf8"))).json();
    expect(uploaded.savedMapping).toEqual(uploaded.suggestedMapping);
  });
});

describe("#imports: messy files", () => {
  const header = "ลำดับ,เลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล,วันที่จดทะเบียน,ทุนจดทะเบียน,จังหวัด";
  const good1 = id("010556100001");
  const good2 = id("010556100002");
  const bad = `${good1.slice(0, 12)}${(Number(good1[12]) + 1) % 10}`;
  const messy = [
    "รายชื่อผู้ประกอบการ กลุ่มกาแฟ",
    "",
    header,
    `1,${good1},บจ. กาแฟเมืองเหนือ,5/3/2563,"1,500,000",เชียงใหม่`,
    "",
    `2,${bad},บจ. เลขผิด,5/3/2563,"100,000",ลำปาง`,
    `3,${good2},หจก. ชาดอย,31/12/2562,"๒๐๐,๐๐๐",จ.เชียงราย`,
    `4,${good1},บจ. กาแฟเมืองเหนือ (แก้ไข),6/3/2563,"1,600,000",เชียงใหม่`,
    "",
  ].join("\n");

  it("reads a TIS-620/CP874 file, skips the title and empty lines, reports a bad ID and a duplicate, keeps the later row", async () => {
    const { preview, status } = await importFile("enterprises", "messy.csv", encodeWindows874(messy));
    expect(preview.encoding).toBe("windows-874");
    expect(status.report.counts).toEqual({ imported: 2, updated: 0, skipped: 2, errors: 0 });
    const byRow = new Map(status.report.rows.map((r: { rowNumber: number }) => [r.rowNumber, r]));
    const badRow = [...byRow.values()].find((r) => JSON.stringify(r).includes("check digit"));
    expect(badRow).toMatchObject({ status: "skipped" });
    expect(JSON.stringify(status.report.rows)).toMatch(/duplicate of row/);
    const firm = await t.ctx.database.db
      .selectFrom("enterprises")
      .selectAll()
      .where("juristic_id", "=", good1)
      .executeTakeFirstOrThrow();
    expect(firm).toMatchObject({
      name_th: "บจ. กาแฟเมืองเหนือ (แก้ไข)",
      capital: 1_600_000,
      registered_on: "2020-03-06",
      province_code: "50",
      legal_form: "company_limited",
    });
    const tea = await t.ctx.database.db
      .selectFrom("enterprises")
      .selectAll()
      .where("juristic_id", "=", good2)
      .executeTakeFirstOrThrow();
    expect(tea).toMatchObject({
      capital: 200_000,
      registered_on: "2019-12-31",
      province_code: "57",
      legal_form: "limited_partnership",
    });
  });

  it("finds a duplicate that is thousands of rows apart (across write chunks) and keeps the later row", async () => {
    const lines = ["เลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล"];
    for (let i = 0; i < 4_500; i++)
      lines.push(`${id(`0205${String(61_000_000 + i).padStart(8, "0")}`)},บจ. ทดสอบ ${i}`);
    const dup = id("020561000007");
    lines.push(`${dup},บจ. ทดสอบ เจ็ด (ฉบับแก้)`);
    const { status } = await importFile("enterprises", "big.csv", Buffer.from(lines.join("\n")));
    expect(status.report.counts).toEqual({ imported: 4_500, updated: 0, skipped: 1, errors: 0 });
    const skipped = status.report.rows.find((r: { status: string }) => r.status === "skipped");
    expect(skipped.rowNumber).toBe(9);
    expect(skipped.issues[0].message).toBe(`duplicate of row ${4_500 + 2}`);
    const firm = await t.ctx.database.db
      .selectFrom("enterprises")
      .select("name_th")
      .where("juristic_id", "=", dup)
      .executeTakeFirstOrThrow();
    expect(firm.name_th).toBe("บจ. ทดสอบ เจ็ด (ฉบับแก้)");
  });

  it("makes imported firms searchable in Thai", async () => {
    const found = (await t.anonymous.request("GET", `/api/search?q=${encodeURIComponent("ชาดอย")}`)).json();
    expect(found.items.map((i: { nameTh: string }) => i.nameTh)).toContain("หจก. ชาดอย");
  });

  it("writes nothing in strict mode when any row is unusable", async () => {
    const other = id("010556100003");
    const file = [
      header,
      `1,${other},บจ. เข้มงวด,1/1/2564,"10,000",ตาก`,
      `2,${bad},บจ. เลขผิด,5/3/2563,"100,000",ลำปาง`,
    ].join("\n");
    const { status } = await importFile("enterprises", "strict.csv", Buffer.from(file), { strict: true });
    expect(status.status).toBe("failed");
    expect(
      await t.ctx.database.db
        .selectFrom("enterprises")
        .select("id")
        .where("juristic_id", "=", other)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it("rolls the whole batch back when writing fails part-way", async () => {
    const a = id("010556100004");
    const b = id("010556100005");
    const file = [
      "เลขทะเบียนนิติบุคคล,เลขทะเบียนวิสาหกิจชุมชน,ชื่อ",
      `${a},1-11-01-01/1-0001,บจ. หนึ่ง`,
      `${b},1-11-01-01/1-0001,บจ. สอง`,
    ].join("\n");
    const uploaded = (await upload(admin, "enterprises", "clash.csv", Buffer.from(file))).json();
    const mapping = {
      juristicId: uploaded.headers[0],
      ceRegistrationNo: uploaded.headers[1],
      nameTh: uploaded.headers[2],
    };
    const { status } = await importFile("enterprises", "clash.csv", Buffer.from(file), { mapping });
    expect(status.status).toBe("failed");
    expect(
      await t.ctx.database.db.selectFrom("enterprises").select("id").where("juristic_id", "in", [a, b]).execute(),
    ).toEqual([]);
  });

  it("fails the batch and writes nothing when the file turns unreadable after thousands of good rows", async () => {
    const lines = ["เลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล"];
    for (let i = 0; i < 5_000; i++)
      lines.push(`${id(`0305${String(62_000_000 + i).padStart(8, "0")}`)},บจ. อ่านไม่จบ ${i}`);
    lines.push(`${id("030562999999")},"บจ. เครื่องหมายคำพูดไม่ปิด`);
    const { status } = await importFile("enterprises", "broken.csv", Buffer.from(lines.join("\n")));
    expect(status.status).toBe("failed");
    expect(status.error).toMatch(/line 5002/);
    expect(
      await t.ctx.database.db
        .selectFrom("enterprises")
        .select("id")
        .where("juristic_id", "=", id("030562000000"))
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it("imports memberships by juristic ID and cluster code, with Thai stage names", async () => {
    const cluster = await createCluster(admin, { code: "tea-north", nameTh: "คลัสเตอร์ชา" });
    const file = [
      "เลขทะเบียนนิติบุคคล,รหัสคลัสเตอร์,ขั้นห่วงโซ่",
      `${good2},tea-north,ต้นน้ำ`,
      `${good1},tea-north,กลางน้ำ`,
      `${id("010556199999")},tea-north,ปลายน้ำ`,
    ].join("\n");
    const { status } = await importFile("memberships", "members.csv", Buffer.from(file), {
      mapping: { juristicId: "เลขทะเบียนนิติบุคคล", clusterCode: "รหัสคลัสเตอร์", stage: "ขั้นห่วงโซ่" },
    });
    expect(status.report.counts).toMatchObject({ imported: 2, skipped: 1 });
    const detail = (await admin.request("GET", `/api/clusters/${cluster.id}`)).json();
    expect(detail.stageCounts).toEqual({ upstream: 1, midstream: 1, downstream: 0 });
  });

  it("fails with 400 naming the mapping field when a required column is not mapped", async () => {
    const uploaded = (
      await upload(admin, "enterprises", "x.csv", Buffer.from(`${header}\n1,${good1},x,1/1/2564,1,ตาก`))
    ).json();
    const response = await admin.request("POST", `/api/imports/${uploaded.batchId}/run`, {
      mapping: { nameTh: "ชื่อนิติบุคคล" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toMatch(/^mapping\./);
  });

  it("refuses an empty file and a wrong extension", async () => {
    expect((await upload(admin, "enterprises", "empty.csv", Buffer.alloc(0))).statusCode).toBe(400);
    const wrong = await upload(admin, "enterprises", "data.pdf", Buffer.from("%PDF"));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe("fileName");
  });
});

describe("#imports access", () => {
  it("refuses the public and members, and hides one user's batch from another", async () => {
    expect((await upload(t.anonymous, "enterprises", "a.csv", Buffer.from("a,b\n1,2"))).statusCode).toBe(401);
    const member = await signInAs(t, "member", { enterpriseId: 1 });
    expect((await upload(member, "enterprises", "a.csv", Buffer.from("a,b\n1,2"))).statusCode).toBe(403);
    const agencies: Array<{ id: number; code: string }> = (await t.anonymous.request("GET", "/api/agencies")).json()
      .items;
    const officer = await signInAs(t, "agency_officer", { agencyId: agencies[0]?.id ?? 1 });
    const mine = (
      await upload(admin, "enterprises", "mine.csv", Buffer.from("เลขทะเบียนนิติบุคคล,ชื่อ\n0105561000011,x"))
    ).json();
    expect((await officer.request("GET", `/api/imports/${mine.batchId}`)).statusCode).toBe(404);
  });
});

describe("#exports", () => {
  it("exports enterprises as CSV with a BOM and Thai names, and as an XLSX that opens", async () => {
    const csv = await admin.request("GET", "/api/exports/enterprises.csv?province=57");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain("หจก. ชาดอย");
    expect(csv.body).not.toContain("กาแฟเมืองเหนือ");
    const xlsx = await t.app.inject({
      method: "GET",
      url: "/api/exports/enterprises.xlsx",
      headers: { cookie: admin.cookie ?? "" },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const { readTable } = await import("@sainam/importer");
    const { Readable } = await import("node:stream");
    const events = [];
    for await (const event of readTable({ stream: Readable.from([xlsx.rawPayload]), fileName: "x.xlsx" }))
      events.push(event);
    expect(events[0]).toMatchObject({ type: "header", format: "xlsx" });
    expect(events[0]?.type === "header" ? events[0].headers[0] : null).toBe("juristic_id");
    expect(events.length).toBeGreaterThan(2);
  });
});
