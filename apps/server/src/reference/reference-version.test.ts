import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  importBatches,
  migrateToLatest,
  openDatabase,
  REFERENCE_VERSION,
  RETIRED_DISTRICTS,
  seedReferenceData,
  type Database,
} from "@sainam/db";
import { freshDatabaseUrl } from "../test-support/test-app.ts";

// The reference version step of 2026-12-07.1 on a database loaded by the version before (2026-11-23.1),
// whose districts.csv held two municipalities (7074, 9077) and lacked 5025: on SQLite, and on PostgreSQL
// when DATABASE_URL is set.
const PREVIOUS_VERSION = "2026-11-23.1";
const OLD_ROWS = [
  { code: "7074", province_code: "70", name_th: "ท้องถิ่นเทศบาลตำบลบ้านฆ้อง", name_en: "Tet Saban Ban Kong" },
  { code: "9077", province_code: "90", name_th: "ท้องถิ่นเทศบาลตำบลสำนักขาม", name_en: "Sum Nung Kam" },
];

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  const fresh = await freshDatabaseUrl();
  drop = fresh.drop;
  database = openDatabase({ dataDir: ":memory:", databaseUrl: fresh.url });
  await migrateToLatest(database);
  await seedReferenceData(database.db);
});
afterAll(async () => {
  await database.close();
  await drop();
});

const STAMP = "2026-01-15T08:00:00.000Z";

async function addFirm(id: number, provinceCode: string, districtCode: string | null): Promise<void> {
  await database.db
    .insertInto("enterprises")
    .values({
      id,
      juristic_id: null,
      ce_registration_no: `CE-${id}`,
      name_th: `วิสาหกิจ ${id}`,
      name_en: null,
      legal_form: "community_enterprise",
      size_class: null,
      revenue: null,
      employees: null,
      capital: null,
      tsic_code: null,
      business_type: null,
      address: null,
      province_code: provinceCode,
      district_code: districtCode,
      postcode: null,
      registered_on: null,
      published: 1,
      is_example: 0,
      created_at: STAMP,
      updated_at: STAMP,
      created_by: null,
    })
    .execute();
}

/** Puts the database back as the previous reference version left it, with a district edited by hand. */
async function atPreviousVersion(): Promise<void> {
  await database.db.deleteFrom("districts").where("code", "=", "5025").execute();
  await database.db.insertInto("districts").values(OLD_ROWS).execute();
  await database.db
    .updateTable("districts")
    .set({ name_en: "Mueang Chiang Mai (edited)" })
    .where("code", "=", "5001")
    .execute();
  await database.db
    .updateTable("meta")
    .set({ value: PREVIOUS_VERSION })
    .where("key", "=", "reference_version")
    .execute();
}

describe("reference version 2026-12-07.1 on a database of the version before", () => {
  it("removes the two municipalities, adds อ.กัลยาณิวัฒนา, keeps a hand edit, moves firms placed in a municipality to its amphoe", async () => {
    await atPreviousVersion();
    await addFirm(9001, "70", "7074");
    await addFirm(9002, "90", "9077");
    await addFirm(9003, "50", "5001");
    // Firm 9004 was in 7074 until an import moved it to 7001: the import's journal holds 7074 as its before-image.
    await addFirm(9004, "70", "7001");
    const [batch] = await database.db
      .insertInto("import_batches")
      .values({
        kind: "enterprises",
        file_name: "dbd.csv",
        status: "done",
        counts_json: null,
        actor_user_id: null,
        created_at: STAMP,
        finished_at: STAMP,
      })
      .returning("id")
      .execute();
    if (!batch) throw new Error("no batch");
    await database.db.transaction().execute(async (trx) => {
      const [before] = await importBatches.enterprisesBefore(trx, [9004], { products: new Set(), contacts: new Set() });
      if (!before) throw new Error("no before-image");
      await importBatches.appendJournal(trx, batch.id, 1, {
        ...importBatches.emptyUndo(STAMP),
        enterprises: { inserted: [], updated: [{ ...before, row: { ...before.row, district_code: "7074" } }] },
      });
    });
    expect(
      await database.db
        .selectFrom("districts")
        .select("code")
        .where("code", "in", ["7074", "9077", "5025"])
        .orderBy("code")
        .execute(),
    ).toEqual([{ code: "7074" }, { code: "9077" }]);

    expect(await seedReferenceData(database.db)).toEqual({ loaded: true, version: REFERENCE_VERSION });

    const districts = await database.db.selectFrom("districts").selectAll().orderBy("code").execute();
    expect(districts).toHaveLength(928);
    expect(districts.filter((d) => d.province_code === "10")).toHaveLength(50);
    expect(districts.map((d) => d.code)).not.toContain("7074");
    expect(districts.map((d) => d.code)).not.toContain("9077");
    expect(districts.find((d) => d.code === "5025")).toEqual({
      code: "5025",
      province_code: "50",
      name_th: "กัลยาณิวัฒนา",
      name_en: "Galyani Vadhana",
    });
    expect(districts.find((d) => d.code === "5001")).toMatchObject({
      name_th: "เมืองเชียงใหม่",
      name_en: "Mueang Chiang Mai (edited)",
    });

    const firms = await database.db
      .selectFrom("enterprises")
      .select(["id", "province_code", "district_code", "updated_at"])
      .where("id", ">=", 9001)
      .orderBy("id")
      .execute();
    expect(firms.map((f) => [f.id, f.province_code, f.district_code])).toEqual([
      [9001, "70", "7007"],
      [9002, "90", "9010"],
      [9003, "50", "5001"],
      [9004, "70", "7001"],
    ]);
    expect(firms.map((f) => f.updated_at === STAMP)).toEqual([false, false, true, true]);
    expect(RETIRED_DISTRICTS.map((d) => d.movedTo)).toEqual(["7007", "9010"]);

    const audited = await database.db
      .selectFrom("audit_log")
      .select(["actor_user_id", "action", "entity_type", "entity_id", "before_json", "after_json"])
      .where("entity_type", "=", "enterprise")
      .orderBy("id")
      .execute();
    expect(audited.map((a) => [a.actor_user_id, a.action, a.entity_id, JSON.parse(a.before_json ?? "null")])).toEqual([
      [null, "enterprise.update", "9001", { districtCode: "7074" }],
      [null, "enterprise.update", "9002", { districtCode: "9077" }],
    ]);
    expect(JSON.parse(audited[0]?.after_json ?? "null")).toMatchObject({
      districtCode: "7007",
      reason: expect.stringContaining("municipality"),
    });

    // Reverting the older import puts firm 9004 back in the amphoe, not in a district that no longer exists.
    const entry = await importBatches.lastJournalEntry(database.db, batch.id);
    expect(entry?.undo.enterprises.updated[0]?.row.district_code).toBe("7007");
    await database.db.transaction().execute(async (trx) => {
      if (entry) expect(await importBatches.revertSlice(trx, entry.undo)).toEqual([]);
    });
    expect(
      await database.db.selectFrom("enterprises").select("district_code").where("id", "=", 9004).executeTakeFirst(),
    ).toEqual({ district_code: "7007" });
  });

  it("runs once: the next start at the same version changes nothing", async () => {
    const before = await database.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(await seedReferenceData(database.db)).toEqual({ loaded: false, version: REFERENCE_VERSION });
    const after = await database.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(
      await database.db.selectFrom("meta").select("value").where("key", "=", "reference_version").executeTakeFirst(),
    ).toEqual({ value: REFERENCE_VERSION });
  });
});
