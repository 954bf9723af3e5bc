import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { juristicIdCheckDigit, systemActor, type Actor } from "@sainam/core";
import {
  createCluster,
  createEnterprise,
  runImportBatch,
  signInAs,
  uploadImportFile,
} from "../test-support/factories.ts";
import { ADMIN, createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import { dbdFirms } from "../../../../packages/importer/src/test-support/dbd-monthly.ts";
import {
  dbdTsicCodes,
  dbdVariantFile,
  dbdVariants,
  type DbdVariant,
} from "../../../../packages/importer/src/test-support/dbd-variants.ts";
import { importStatus, runImport, uploadImport } from "./import.service.ts";

// Every month of DBD's new-registration file imports in any order, again and again, through the web API and the
// way the CLI runs an import (saved mapping, else the suggestion); TSIC codes are checked; and a list of a cluster's
// members is one import: the cluster from the wizard, firms new to the registry added from the same rows.

const id = (first12: string) => `${first12}${juristicIdCheckDigit(first12)}`;

let t: TestApp;
let admin: Client;
let dir: string;

beforeAll(async () => {
  t = await createTestApp();
  t.ctx.imports.log = () => {};
  admin = await signInAs(t, "admin");
  dir = mkdtempSync(join(tmpdir(), "sainam-months-"));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

function variant(name: string): DbdVariant {
  const found = dbdVariants.find((v) => v.name.startsWith(name));
  if (!found) throw new Error(`no variant ${name}`);
  return found;
}

const upload = (client: Client, kind: string, fileName: string, bytes: Buffer) =>
  uploadImportFile(t, client, kind, fileName, bytes);

/** The wizard: upload, start from the saved mapping (else the suggestion), run, wait for the report. */
async function viaApi(
  client: Client,
  kind: string,
  fileName: string,
  bytes: Buffer,
  body: Record<string, unknown> = {},
) {
  const preview = await upload(client, kind, fileName, bytes);
  const mapping = preview.savedMapping ?? preview.suggestedMapping;
  return { preview, status: await runImportBatch(client, preview.batchId, { mapping, ...body }) };
}

/** The CLI: the same use cases with the file's path, the saved mapping (else the suggestion), waiting for the end. */
async function viaCli(fileName: string, bytes: Buffer) {
  const path = join(dir, fileName);
  writeFileSync(path, bytes);
  const preview = await uploadImport(t.ctx, systemActor, { kind: "enterprises", fileName: path, body: { path } });
  await runImport(t.ctx, systemActor, preview.batchId, {
    mapping: preview.savedMapping ?? preview.suggestedMapping,
    wait: true,
  });
  return { preview, status: await importStatus(t.ctx, systemActor, preview.batchId) };
}

async function firm(juristicId: string) {
  return t.ctx.database.db
    .selectFrom("enterprises")
    .selectAll()
    .where("juristic_id", "=", juristicId)
    .executeTakeFirst();
}

describe("#imports: DBD months in any order", () => {
  it("imports month A, then month B of the same source spelt differently, then A again, through the API", async () => {
    const a = variant("dec2558");
    const b = variant("apr-like");
    for (const [step, month] of [a, b, a].entries()) {
      const { preview, status } = await viaApi(admin, "enterprises", `99_${step}.csv`, dbdVariantFile(month));
      if (step === 0) expect(preview.savedMapping).toBeNull();
      else for (const header of Object.values<string>(preview.savedMapping)) expect(preview.headers).toContain(header);
      expect(status.status, JSON.stringify(status.error)).toBe("done");
      expect(status.report.counts).toEqual({
        imported: step === 0 ? dbdFirms.length : 0,
        updated: step === 0 ? 0 : dbdFirms.length,
        skipped: 0,
        errors: 0,
      });
    }
    const saved = await t.ctx.database.db
      .selectFrom("import_mappings")
      .select("mapping_json")
      .where("kind", "=", "enterprises")
      .execute();
    expect(saved).toHaveLength(1);
    for (const f of dbdFirms)
      expect(await firm(f.juristicId)).toMatchObject({
        registered_on: f.expected.registeredOn,
        capital: f.expected.capital,
      });
  });

  it("imports months with a TSIC column in any order: known codes stored, an unknown one reported on an imported row", async () => {
    const a = variant("feb2559");
    const b = variant("jun2559");
    for (const month of [a, b, a]) {
      const { preview, status } = await viaApi(admin, "enterprises", "99_tsic.csv", dbdVariantFile(month));
      expect(preview.suggestedMapping.tsicCode).toMatch(/^รหัส ?วัตถุประสงค์$/);
      expect(status.status, JSON.stringify(status.error)).toBe("done");
      expect(status.report.counts).toMatchObject({ updated: dbdFirms.length, skipped: 0, errors: 0 });
      const unknown = dbdTsicCodes.findIndex((c) => c.expected === null);
      const row = status.report.rows.find((r: { key: string }) => r.key === dbdFirms[unknown]?.juristicId);
      expect(row).toMatchObject({
        status: "updated",
        issues: [{ field: "tsicCode", code: "not_found", value: dbdTsicCodes[unknown]?.written }],
      });
    }
    for (const [i, f] of dbdFirms.entries())
      expect((await firm(f.juristicId))?.tsic_code).toBe(dbdTsicCodes[i]?.expected ?? null);
  });

  it("imports month A, B, A as the CLI does, with the same saved mapping", async () => {
    const a = variant("jan2558");
    const b = variant("mar2558");
    for (const [step, month] of [a, b, a].entries()) {
      const { preview, status } = await viaCli(`99_cli${step}.csv`, dbdVariantFile(month));
      if (step > 0) expect(preview.savedMapping).not.toBeNull();
      expect(status.status, JSON.stringify(status.error)).toBe("done");
      expect(status.report?.counts).toMatchObject({ updated: dbdFirms.length, skipped: 0, errors: 0 });
    }
  });

  it("checks a TSIC code by any header naming it: on the list, with its lost leading 0 back, or reported", async () => {
    const ids = [id("010556300001"), id("010556300002"), id("010556300003")];
    const file = [
      "เลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล,รหัส TSIC",
      `${ids[0]},บจ.ทดสอบ หนึ่ง,47190`,
      `${ids[1]},บจ.ทดสอบ สอง,1291`,
      `${ids[2]},บจ.ทดสอบ สาม,99999`,
    ].join("\n");
    const { preview, status } = await viaApi(admin, "enterprises", "tsic.csv", Buffer.from(file));
    expect(preview.suggestedMapping.tsicCode).toBe("รหัส TSIC");
    expect(status.report.counts).toMatchObject({ imported: 3, skipped: 0 });
    expect((await firm(ids[0] ?? ""))?.tsic_code).toBe("47190");
    expect((await firm(ids[1] ?? ""))?.tsic_code).toBe("01291");
    expect((await firm(ids[2] ?? ""))?.tsic_code).toBeNull();
    expect(status.report.rows.find((r: { key: string }) => r.key === ids[2])?.issues).toEqual([
      {
        field: "tsicCode",
        message: "not a TSIC 2009 code: 99999",
        value: "99999",
        code: "not_found",
        params: { list: "TSIC 2009" },
      },
    ]);
  });
});

describe("#imports: one file of a cluster's members", () => {
  let clusterId: number;
  let coordinator: Client;
  let coordinatorId: number;
  const known = id("010556400001");

  beforeAll(async () => {
    clusterId = (await createCluster(admin, { code: "silk-one-file", nameTh: "คลัสเตอร์ผ้าไหม" })).id;
    const user = await signInAs(t, "cluster_coordinator", { clusterIds: [clusterId] });
    coordinatorId = user.userId;
    coordinator = user;
    await createEnterprise(admin, { juristicId: known, nameTh: "บจ.ไหมไทย ดั้งเดิม", published: true });
  });

  it("takes the cluster from the wizard and adds the firms it names that are new, their memberships approved for the coordinator who added them", async () => {
    const fresh = [id("010556400002"), id("010556400003")];
    const file = [
      "เลขทะเบียนนิติบุคคล,ชื่อกิจการ,ที่อยู่,ขั้นห่วงโซ่",
      `${fresh[0]},บจ.ไหมทองสุรินทร์ จำกัด,99 หมู่ที่ 4 ต.สันกำแพง อ.สันกำแพง จ.เชียงใหม่ 50130,ต้นน้ำ`,
      `${fresh[1]},หจก.ทอผ้าหาดใหญ่,45/2 ถนนเพชรเกษม ต.หาดใหญ่ อ.หาดใหญ่ จ.สงขลา 90110,กลางน้ำ`,
      `${known},บจ.ไหมไทย ดั้งเดิม,,ปลายน้ำ`,
      `${id("010556400004")},,,ต้นน้ำ`,
    ].join("\n");
    const { preview, status } = await viaApi(coordinator, "memberships", "members.csv", Buffer.from(file), {
      clusterId,
    });
    expect(preview.suggestedMapping).toEqual({
      juristicId: "เลขทะเบียนนิติบุคคล",
      nameTh: "ชื่อกิจการ",
      address: "ที่อยู่",
      stage: "ขั้นห่วงโซ่",
    });
    expect(status.status, JSON.stringify(status.error)).toBe("done");
    expect(status.report.counts).toEqual({ imported: 3, updated: 0, skipped: 1, errors: 0 });
    expect(status.report.rows.find((r: { rowNumber: number }) => r.rowNumber === 5)).toMatchObject({
      status: "skipped",
      issues: [{ field: "juristicId", code: "not_found" }],
    });
    const first = await firm(fresh[0] ?? "");
    expect(first).toMatchObject({
      name_th: "บจ.ไหมทองสุรินทร์ จำกัด",
      legal_form: "company_limited",
      province_code: "50",
      postcode: "50130",
      created_by: coordinatorId,
    });
    expect(await firm(fresh[1] ?? "")).toMatchObject({
      legal_form: "limited_partnership",
      province_code: "90",
      created_by: coordinatorId,
    });
    expect(await firm(id("010556400004"))).toBeUndefined();
    const memberships = await t.ctx.database.db
      .selectFrom("memberships")
      .innerJoin("enterprises", "enterprises.id", "memberships.enterprise_id")
      .select(["enterprises.juristic_id", "memberships.stage", "memberships.approved_at"])
      .where("memberships.cluster_id", "=", clusterId)
      .execute();
    const byId = new Map(memberships.map((m) => [m.juristic_id, m]));
    expect(byId.get(fresh[0] ?? "")).toMatchObject({ stage: "upstream", approved_at: expect.any(String) });
    expect(byId.get(fresh[1] ?? "")).toMatchObject({ stage: "midstream", approved_at: expect.any(String) });
    // A firm already in the registry was not added by the coordinator: its membership awaits approval.
    expect(byId.get(known)).toMatchObject({ stage: "downstream", approved_at: null });
    // The new firm is found by search like a firm of an enterprise import.
    const found = (
      await admin.request("GET", `/api/search?q=${encodeURIComponent("ไหมทองสุรินทร์")}&type=enterprise`)
    ).json();
    expect(found.items.map((item: { id: number }) => item.id)).toContain(first?.id);
  });

  it("adds no firm for a row whose cluster (from the file) the importer may not change", async () => {
    await createCluster(admin, { code: "not-theirs", nameTh: "คลัสเตอร์อื่น" });
    const fresh = id("010556400006");
    const file = ["เลขทะเบียนนิติบุคคล,ชื่อกิจการ,รหัสคลัสเตอร์,ขั้นห่วงโซ่", `${fresh},บจ.ไม่ควรเพิ่ม จำกัด,not-theirs,ต้นน้ำ`].join("\n");
    const { preview, status } = await viaApi(coordinator, "memberships", "other.csv", Buffer.from(file));
    expect(preview.suggestedMapping).toMatchObject({ clusterCode: "รหัสคลัสเตอร์", nameTh: "ชื่อกิจการ" });
    expect(status.report.counts).toMatchObject({ imported: 0, skipped: 1 });
    expect(status.report.rows[0]).toMatchObject({ issues: [{ field: "clusterCode", code: "not_found" }] });
    expect(await firm(fresh)).toBeUndefined();
  });

  it("still needs a cluster column when the wizard gives no cluster", async () => {
    const preview = await upload(
      coordinator,
      "memberships",
      "members2.csv",
      Buffer.from(`เลขทะเบียนนิติบุคคล,ขั้นห่วงโซ่\n${known},ต้นน้ำ`),
    );
    const response = await coordinator.request("POST", `/api/imports/${preview.batchId}/run`, {
      mapping: preview.suggestedMapping,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ path: "mapping.clusterCode", code: "not_mapped" });
  });

  it("takes back the firms it added when the batch fails, with their memberships", async () => {
    const user = await t.ctx.database.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", ADMIN.email)
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      kind: "user",
      id: user.id,
      role: "admin",
      agencyId: null,
      clusterIds: [],
      enterpriseId: null,
    };
    const fresh = id("010556400005");
    const path = join(dir, "members-fail.csv");
    writeFileSync(path, `เลขทะเบียนนิติบุคคล,ชื่อกิจการ,ขั้นห่วงโซ่\n${fresh},บจ.ชั่วคราว จำกัด,ต้นน้ำ\n`);
    const preview = await uploadImport(t.ctx, actor, {
      kind: "memberships",
      fileName: "members-fail.csv",
      body: { path },
    });
    await runImport(
      t.ctx,
      actor,
      preview.batchId,
      { mapping: preview.suggestedMapping, clusterId, wait: true },
      {
        afterSlice: async () => {
          expect(await firm(fresh)).toBeDefined();
          throw new Error("stop after the first slice");
        },
      },
    );
    expect((await importStatus(t.ctx, actor, preview.batchId)).status).toBe("failed");
    expect(await firm(fresh)).toBeUndefined();
  });
});
