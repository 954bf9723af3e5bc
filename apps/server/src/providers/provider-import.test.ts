import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  badExpertRows,
  EXPERT_HEADERS,
  expertRows,
  PROVIDER_HEADERS,
  providerRows,
  tableCsv,
  tableXlsx,
} from "../../../../packages/importer/src/test-support/service-providers.ts";
import { agencyIds, runImportBatch, signInAs, uploadImportFile, type SignedIn } from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";

// Providers and experts from CSV/XLSX like firms (issue 13, point 1): Thai headers and values with their spelling
// variants, a file again updates instead of duplicating, one bad row stops the whole file with its column named,
// CSV and XLSX of the same table give the same records, and an officer imports only their own agency's providers.

let t: TestApp;
let admin: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
});
afterAll(async () => {
  await t.close();
});

type Status = {
  status: string;
  errorCode: string | null;
  report: {
    counts: { imported: number; updated: number; skipped: number; errors: number };
    rows: {
      rowNumber: number;
      status: string;
      key: string | null;
      issues: { field: string; code?: string; value?: string }[];
    }[];
  };
};

async function importAs(as: SignedIn, kind: string, fileName: string, bytes: Buffer): Promise<Status> {
  const preview = await uploadImportFile(t, as, kind, fileName, bytes);
  return (await runImportBatch(as, preview.batchId, {
    mapping: preview.savedMapping ?? preview.suggestedMapping,
  })) as Status;
}

/** Every provider and expert as the API presents them, by code and by name: what two imports are compared by. */
async function snapshot() {
  const providers = (await admin.request("GET", "/api/service-providers")).json().items as Record<string, unknown>[];
  const experts = (await admin.request("GET", "/api/experts")).json().items as Record<string, unknown>[];
  return {
    providers: providers.map(({ id: _id, parentId, ...p }) => ({
      ...p,
      parent: providers.find((q) => q.id === parentId)?.code ?? null,
    })),
    experts: experts.map(({ id: _id, providerId, ...e }) => ({
      ...e,
      provider: providers.find((q) => q.id === providerId)?.code,
    })),
  };
}

async function provider(code: string) {
  return t.ctx.database.db
    .selectFrom("service_providers")
    .selectAll()
    .where("code", "=", code)
    .executeTakeFirstOrThrow();
}

async function provincesOf(code: string) {
  const p = await provider(code);
  return (
    await t.ctx.database.db
      .selectFrom("provider_provinces")
      .select("province_code")
      .where("provider_id", "=", p.id)
      .orderBy("province_code")
      .execute()
  ).map((r) => r.province_code);
}

describe("#provider-import: providers and experts from Thai files", () => {
  it("suggests the mapping from Thai headers", async () => {
    const preview = await uploadImportFile(
      t,
      admin,
      "providers",
      "ผู้ให้บริการ.csv",
      await tableCsv(PROVIDER_HEADERS, providerRows),
    );
    expect(preview.suggestedMapping).toMatchObject({
      code: "รหัสหน่วยบริการ",
      nameTh: "ชื่อหน่วยบริการ",
      nameEn: "ชื่อภาษาอังกฤษ",
      providerKind: "ประเภท",
      parentCode: "รหัสศูนย์แม่",
      agency: "หน่วยงาน",
      provinces: "จังหวัดที่ให้บริการ",
      services: "บริการ",
      contactPhone: "โทรศัพท์",
      contactEmail: "อีเมล",
    });
    const experts = await uploadImportFile(
      t,
      admin,
      "experts",
      "ผู้เชี่ยวชาญ.csv",
      await tableCsv(EXPERT_HEADERS, expertRows),
    );
    expect(experts.suggestedMapping).toMatchObject({
      displayName: "ชื่อ-นามสกุล",
      providerCode: "รหัสหน่วยบริการ",
      fields: "ความเชี่ยวชาญ",
      areas: "พื้นที่ให้บริการ",
      capacity: "จำนวนเรื่องที่รับได้",
      available: "พร้อมให้บริการ",
      contactEmail: "อีเมล์",
      contactPhone: "เบอร์โทร",
    });
  });

  it("imports the providers: ITC with its branches, kinds and provinces read from Thai words and variants", async () => {
    const status = await importAs(admin, "providers", "ผู้ให้บริการ.csv", await tableCsv(PROVIDER_HEADERS, providerRows));
    expect(status.status).toBe("done");
    expect(status.report.counts).toEqual({ imported: providerRows.length, updated: 0, skipped: 0, errors: 0 });
    const itc = await provider("ITC");
    expect(itc).toMatchObject({ kind: "itc_centre", parent_id: null, name_en: "Industry Transformation Center (ITC)" });
    expect(await provincesOf("ITC")).toHaveLength(77);
    expect(await provider("ITC-CMI")).toMatchObject({ kind: "itc_branch", parent_id: itc.id });
    expect(await provider("ITC-PLK")).toMatchObject({ kind: "itc_branch", parent_id: itc.id });
    // เชียงใหม่ 50, ลําพูน 51 and ลําปาง 52 typed with นิคหิต, Chiang Rai 57 in English, …
    expect(await provincesOf("ITC-CMI")).toEqual(["50", "51", "52", "55", "56", "57", "58", "54"].sort());
    // Space-separated names, "จ." prefixes, "กทม." for Bangkok.
    expect(await provincesOf("ITC-KKN")).toEqual(["40", "44", "45", "46"]);
    expect(await provincesOf("ITC-CBI")).toContain("20");
    expect(await provincesOf("TIDC")).toEqual(["10"]);
    const north = await t.ctx.database.db
      .selectFrom("provinces")
      .select("code")
      .where("region_code", "=", "north")
      .execute();
    expect(await provincesOf("CMU-STEP")).toHaveLength(north.length);
    expect(await provider("CMU-STEP")).toMatchObject({ kind: "university", agency_id: null });
    expect(await provider("SRC")).toMatchObject({ kind: "rescue_centre" });
    const services = await t.ctx.database.db
      .selectFrom("provider_services")
      .select("field")
      .where("provider_id", "=", (await provider("ITC-CBI")).id)
      .orderBy("field")
      .execute();
    expect(services.map((s) => s.field)).toEqual(["cost_reduction", "logistics"]);
    const { DIP_ITC } = { DIP_ITC: (await agencyIds(t, "DIP-ITC"))["DIP-ITC"] };
    expect(itc.agency_id).toBe(DIP_ITC);
    const audited = await t.ctx.database.db
      .selectFrom("audit_log")
      .select(["action", "after_json"])
      .where("entity_type", "=", "service_provider")
      .where("entity_id", "=", String(itc.id))
      .execute();
    expect(audited.map((a) => a.action)).toEqual(["service_provider.import_create"]);
    // Contacts stay out of the log.
    expect(audited[0]?.after_json).not.toContain("itc@example.go.th");
  });

  it("imports the experts, and the same file again updates them without duplicates", async () => {
    const csv = await tableCsv(EXPERT_HEADERS, expertRows);
    const first = await importAs(admin, "experts", "ผู้เชี่ยวชาญ.csv", csv);
    expect(first.status).toBe("done");
    expect(first.report.counts).toEqual({ imported: expertRows.length, updated: 0, skipped: 0, errors: 0 });
    const experts = (await admin.request("GET", `/api/experts?providerId=${(await provider("ITC-CMI")).id}`)).json()
      .items;
    expect(experts).toHaveLength(2);
    const pim = experts.find((e: { displayName: string }) => e.displayName === "นางสาวพิมพ์ชนก ศรีสุข");
    expect(pim).toMatchObject({
      fields: ["logistics", "marketing"],
      areas: [
        { type: "province", code: "50" },
        { type: "province", code: "51" },
      ],
      capacity: 5,
      available: true,
      contactEmail: "pimchanok.s@example.go.th",
    });
    const all = (await admin.request("GET", "/api/experts")).json().items as {
      displayName: string;
      [k: string]: unknown;
    }[];
    expect(all.find((e) => e.displayName === "นายสมชาย ใจดี")).toMatchObject({
      areas: [{ type: "region", code: "north" }],
    });
    expect(all.find((e) => e.displayName === "นายอนุชา แก้วมณี")).toMatchObject({ available: false, capacity: 2 });
    expect(all.find((e) => e.displayName === "นางรัตนา บุญมา")).toMatchObject({ capacity: 6, contactEmail: null });

    // Again, with changes: a capacity, and the e-mail-less expert (known by name) now available no more.
    const changed = expertRows.map((row) =>
      row[0] === "นายสมชาย ใจดี"
        ? row.map((c, i) => (i === 4 ? "4" : c))
        : row[0] === "นางรัตนา บุญมา"
          ? row.map((c, i) => (i === 5 ? "ไม่ว่าง" : c))
          : row,
    );
    const again = await importAs(admin, "experts", "ผู้เชี่ยวชาญ.csv", await tableCsv(EXPERT_HEADERS, changed));
    expect(again.report.counts).toEqual({ imported: 0, updated: expertRows.length, skipped: 0, errors: 0 });
    const after = (await admin.request("GET", "/api/experts")).json().items as {
      displayName: string;
      [k: string]: unknown;
    }[];
    expect(after).toHaveLength(all.length);
    expect(after.find((e) => e.displayName === "นายสมชาย ใจดี")).toMatchObject({ capacity: 4 });
    expect(after.find((e) => e.displayName === "นางรัตนา บุญมา")).toMatchObject({ available: false });
  });

  it("gives the same records from XLSX as from CSV (a re-import that changes nothing but the updated count)", async () => {
    const before = await snapshot();
    // The same headers in another format: the mapping saved from the CSV is offered again.
    const look = await uploadImportFile(
      t,
      admin,
      "providers",
      "x.xlsx",
      await tableXlsx(PROVIDER_HEADERS, providerRows),
    );
    expect(look.savedMapping).toMatchObject({ code: "รหัสหน่วยบริการ", providerKind: "ประเภท" });
    const providers = await importAs(
      admin,
      "providers",
      "ผู้ให้บริการ.xlsx",
      await tableXlsx(PROVIDER_HEADERS, providerRows),
    );
    expect(providers.report.counts).toEqual({ imported: 0, updated: providerRows.length, skipped: 0, errors: 0 });
    const experts = await importAs(admin, "experts", "ผู้เชี่ยวชาญ.xlsx", await tableXlsx(EXPERT_HEADERS, expertRows));
    expect(experts.report.counts).toEqual({ imported: 0, updated: expertRows.length, skipped: 0, errors: 0 });
    const after = await snapshot();
    expect(after.providers).toEqual(before.providers);
    // The second import put back the original capacity and availability the CSV test had changed.
    const restore = (e: Record<string, unknown>) =>
      e.displayName === "นายสมชาย ใจดี"
        ? { ...e, capacity: 3 }
        : e.displayName === "นางรัตนา บุญมา"
          ? { ...e, available: true }
          : e;
    expect(after.experts).toEqual(before.experts.map(restore));
  });

  it("refuses a file with bad rows whole, naming the column of each problem", async () => {
    const count = async () =>
      (
        await t.ctx.database.db
          .selectFrom("experts")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n;
    const before = Number(await count());
    const status = await importAs(
      admin,
      "experts",
      "ผิด.csv",
      await tableCsv(EXPERT_HEADERS, [...expertRows.slice(0, 1), ...badExpertRows]),
    );
    expect(status.status).toBe("failed");
    expect(status.errorCode).toBe("rows_unusable");
    expect(status.report.counts.errors).toBe(badExpertRows.length);
    const issues = status.report.rows
      .map((r) => r.issues.map((i) => `${r.rowNumber}:${i.field}:${i.code}:${i.value}`))
      .flat();
    expect(issues).toEqual([
      "3:areas:not_found:เชียงใหม",
      "4:fields:invalid_choice:โหราศาสตร์",
      "5:capacity:not_integer:ห้าสิบ",
      "6:providerCode:not_found:ITC-XYZ",
    ]);
    expect(Number(await count())).toBe(before);
  });

  it("reports a provider's unknown province, unknown kind, a branch without a centre and an out-of-range capacity", async () => {
    const rows = [
      ["X-1", "ศูนย์ทดสอบ", "", "ศูนย์ ITC", "", "DIP-ITC", "เชียงใหม่, เมืองพัทยา", "การตลาด", "", "", ""],
      ["X-2", "ศูนย์ทดสอบ 2", "", "ร้านกาแฟ", "", "", "", "", "", "", ""],
      ["X-3", "ศูนย์ ITC สาขาทดสอบ", "", "ITC สาขา", "NOPE", "", "", "", "", "", ""],
      ["X-4", "ศูนย์ทดสอบ 4", "", "ศูนย์ SME", "", "กรมที่ไม่มี", "", "", "", "", ""],
    ];
    const status = await importAs(admin, "providers", "ผิด.csv", await tableCsv(PROVIDER_HEADERS, rows));
    expect(status.status).toBe("failed");
    const issues = status.report.rows.map((r) => r.issues.map((i) => `${r.rowNumber}:${i.field}:${i.code}`)).flat();
    expect(issues).toEqual([
      "2:provinces:not_found",
      "3:providerKind:invalid_choice",
      "4:parentCode:not_found",
      "5:agency:not_found",
    ]);
    expect(
      await t.ctx.database.db.selectFrom("service_providers").select("id").where("code", "like", "X-%").execute(),
    ).toEqual([]);
    const capacity = await importAs(
      admin,
      "experts",
      "ผิด.csv",
      await tableCsv(EXPERT_HEADERS, [["นายทดสอบ", "ITC", "การตลาด", "", "0", "", "", ""]]),
    );
    expect(capacity.report.rows[0]?.issues).toMatchObject([{ field: "capacity", code: "out_of_range" }]);
  });

  it("lets an officer import only their own agency's providers and experts", async () => {
    const { MOC: moc, "DIP-ITC": dipItc } = await agencyIds(t, "MOC", "DIP-ITC");
    const mocOfficer = await signInAs(t, "agency_officer", { agencyId: moc });
    const refused = await importAs(
      mocOfficer,
      "experts",
      "ผู้เชี่ยวชาญ.csv",
      await tableCsv(EXPERT_HEADERS, expertRows.slice(0, 1)),
    );
    expect(refused.status).toBe("failed");
    expect(refused.report.rows[0]?.issues).toMatchObject([{ field: "providerCode", code: "not_permitted" }]);
    const itcOfficer = await signInAs(t, "agency_officer", { agencyId: dipItc });
    const accepted = await importAs(
      itcOfficer,
      "experts",
      "ผู้เชี่ยวชาญ.csv",
      await tableCsv(EXPERT_HEADERS, expertRows.slice(0, 2)),
    );
    expect(accepted.report.counts).toMatchObject({ updated: 2, errors: 0 });
    // A new provider of an officer's file is their agency's.
    const own = await importAs(
      itcOfficer,
      "providers",
      "สาขาใหม่.csv",
      await tableCsv(PROVIDER_HEADERS, [
        ["ITC-UBN", "ศูนย์ ITC สาขาอุบลราชธานี", "", "ITC สาขา", "ITC", "", "อุบลราชธานี, ศรีสะเกษ", "", "", "", ""],
      ]),
    );
    expect(own.report.counts).toMatchObject({ imported: 1 });
    expect(await provider("ITC-UBN")).toMatchObject({ agency_id: dipItc });
    const other = await importAs(
      mocOfficer,
      "providers",
      "ผู้ให้บริการ.csv",
      await tableCsv(PROVIDER_HEADERS, providerRows.slice(0, 1)),
    );
    expect(other.report.rows[0]?.issues).toMatchObject([{ field: "code", code: "not_permitted" }]);
  });
});
