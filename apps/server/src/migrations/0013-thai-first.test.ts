import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql, type Kysely, type Migration } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateToLatest, nowIso, openDatabase, seedReferenceData, type Database } from "@sainam/db";
import * as m0001 from "../../../../packages/db/src/migrations/0001-foundation.ts";
import * as m0002 from "../../../../packages/db/src/migrations/0002-registry.ts";
import * as m0003 from "../../../../packages/db/src/migrations/0003-monitoring.ts";
import * as m0004 from "../../../../packages/db/src/migrations/0004-search-index.ts";
import * as m0008 from "../../../../packages/db/src/migrations/0008-programme-figures.ts";
import * as m0009 from "../../../../packages/db/src/migrations/0009-access.ts";
import * as m0010 from "../../../../packages/db/src/migrations/0010-import-batches.ts";
import * as m0011 from "../../../../packages/db/src/migrations/0011-search-text.ts";
import * as m0012 from "../../../../packages/db/src/migrations/0012-accounts.ts";
import * as m0013 from "../../../../packages/db/src/migrations/0013-thai-first.ts";
import { freshDatabaseUrl } from "../test-support/test-app.ts";

type Step = { up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> };
const before0013: Record<string, Step> = {
  "0001-foundation": m0001,
  "0002-registry": m0002,
  "0003-monitoring": m0003,
  "0004-search-index": m0004,
  "0008-programme-figures": m0008,
  "0009-access": m0009,
  "0010-import-batches": m0010,
  "0011-search-text": m0011,
  "0012-accounts": m0012,
};

/** Runs the given migrations (those not run yet) and answers which ran. */
async function migrateWith(database: Database, set: typeof before0013): Promise<string[]> {
  const migrations: Record<string, Migration> = Object.fromEntries(
    Object.entries(set).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, database.dialect) }]),
  );
  const result = await new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  expect(result.error).toBeUndefined();
  return (result.results ?? []).map((r) => r.migrationName);
}

async function migrateBefore0013(database: Database): Promise<void> {
  await migrateWith(database, before0013);
}

/** A database as it was before 0013, holding one record of each kind whose English name 0013 makes optional. */
async function seedOldData(database: Database) {
  const { db } = database;
  const now = nowIso();
  await seedReferenceData(db);
  const agency = await db
    .insertInto("agencies")
    .values({
      code: "m13",
      name_en: "Agency",
      name_th: "หน่วยงาน",
      abbreviation: null,
      kind: "department",
      parent_id: null,
      description_en: null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto("users")
    .values({
      email: "m13@example.org",
      password_hash: "x",
      display_name: "M",
      role: "officer",
      agency_id: agency.id,
      enterprise_id: null,
      locale: "th",
      active: 1,
      created_at: now,
      updated_at: now,
      last_login_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("sessions")
    .values({ id: "s13", user_id: user.id, csrf_token: "c", created_at: now, last_seen_at: now, expires_at: now })
    .execute();
  const plan = await db
    .insertInto("plans")
    .values({
      code: "plan-13",
      title_en: "Plan",
      title_th: "แผน",
      level: "agency",
      owner_agency_id: agency.id,
      period_start: "2023-10-01",
      period_end: "2027-09-30",
      previous_version_id: null,
      cluster_id: null,
      provincial_cluster_id: null,
      programme_id: null,
      description_en: null,
      description_th: null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const node = await db
    .insertInto("plan_nodes")
    .values({
      plan_id: plan.id,
      parent_id: null,
      kind: "goal",
      code: "1",
      position: 0,
      title_en: "Goal",
      title_th: "เป้าหมาย",
      body_en: null,
      body_th: null,
      serves_node_id: null,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const indicator = await db
    .insertInto("indicators")
    .values({
      plan_node_id: node.id,
      code: "1.1",
      name_en: "Firms",
      name_th: "จำนวนสถานประกอบการ",
      unit: null,
      position: 0,
      ratio_scale: null,
      baseline_value: null,
      baseline_period: null,
      decimals: null,
      description_en: null,
      description_th: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("indicator_targets")
    .values({
      indicator_id: indicator.id,
      period_label: null,
      text_en: "100 firms",
      text_th: "100 แห่ง",
      target_json: null,
      period_key: "FY2024",
      org_unit_type: null,
      org_unit_code: null,
    })
    .execute();
  const programmeRow = (code: string) => ({
    code,
    agency_id: agency.id,
    name_en: `Programme ${code}`,
    name_th: `โครงการ ${code}`,
    description_en: null,
    description_th: null,
    first_fiscal_year: 2024,
    last_fiscal_year: null,
    published: 1,
    is_example: 0,
    created_at: now,
    updated_at: now,
  });
  const programme = await db
    .insertInto("programmes")
    .values(programmeRow("p13-a"))
    .returning("id")
    .executeTakeFirstOrThrow();
  const dropped = await db
    .insertInto("programmes")
    .values(programmeRow("p13-b"))
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.deleteFrom("programmes").where("id", "=", dropped.id).execute();
  await db
    .insertInto("activities")
    .values({
      programme_id: programme.id,
      cluster_id: null,
      plan_node_id: node.id,
      kind: "training",
      title_en: "Workshop",
      title_th: "อบรม",
      description_en: null,
      description_th: null,
      starts_on: "2024-01-10",
      ends_on: null,
      fiscal_year: 2024,
      province_code: null,
      budget: 1000,
      spent: null,
      participant_count: 12,
      is_example: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return {
    agency: agency.id,
    plan: plan.id,
    node: node.id,
    indicator: indicator.id,
    programme: programme.id,
    dropped: dropped.id,
  };
}

async function snapshot(database: Database) {
  const { db } = database;
  return {
    agencies: await db.selectFrom("agencies").selectAll().orderBy("id").execute(),
    sessions: await db.selectFrom("sessions").selectAll().execute(),
    plans: await db.selectFrom("plans").selectAll().orderBy("id").execute(),
    nodes: await db.selectFrom("plan_nodes").selectAll().orderBy("id").execute(),
    indicators: await db.selectFrom("indicators").selectAll().orderBy("id").execute(),
    targets: await db.selectFrom("indicator_targets").selectAll().orderBy("id").execute(),
    programmes: await db.selectFrom("programmes").selectAll().orderBy("id").execute(),
    activities: await db.selectFrom("activities").selectAll().orderBy("id").execute(),
  };
}

describe("migration 0013 (Thai first)", () => {
  it("keeps every row, link, index and id counter, and lets the English names be empty", async () => {
    const fresh = await freshDatabaseUrl();
    const dir = mkdtempSync(join(tmpdir(), "sainam-0013-"));
    const database = openDatabase({ dataDir: dir, databaseUrl: fresh.url });
    try {
      await migrateBefore0013(database);
      const ids = await seedOldData(database);
      if (database.dialect === "sqlite") {
        // A trigger on a rebuilt table, and one elsewhere that reads it: both must survive the rebuild.
        await sql`CREATE TRIGGER t13_keep_programme BEFORE DELETE ON programmes WHEN OLD.code = 'p13-a'
          BEGIN SELECT RAISE(ABORT, 'programme p13-a is kept'); END`.execute(database.db);
        await sql`CREATE TRIGGER t13_reads_programmes AFTER UPDATE ON users
          BEGIN SELECT count(*) FROM programmes; END`.execute(database.db);
      }
      const before = await snapshot(database);
      const indexesBefore =
        database.dialect === "sqlite"
          ? await sql<{
              name: string;
            }>`SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name`.execute(database.db)
          : null;

      // 0013 alone: the migrations after it add columns of their own.
      expect(await migrateWith(database, { ...before0013, "0013-thai-first": m0013 })).toEqual(["0013-thai-first"]);

      expect(await snapshot(database)).toEqual(before);
      if (indexesBefore) {
        const after = await sql<{
          name: string;
        }>`SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name`.execute(database.db);
        expect(after.rows).toEqual(indexesBefore.rows);
        expect(
          (await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(database.db)).rows[0]?.foreign_keys,
        ).toBe(1);
      }
      const { db } = database;
      const now = nowIso();
      // Thai alone is now storable, in every table 0013 changed.
      await db.updateTable("agencies").set({ name_en: null }).where("id", "=", ids.agency).execute();
      await db.updateTable("plans").set({ title_en: null }).where("id", "=", ids.plan).execute();
      await db.updateTable("plan_nodes").set({ title_en: null }).where("id", "=", ids.node).execute();
      await db.updateTable("indicators").set({ name_en: null }).where("id", "=", ids.indicator).execute();
      await db.updateTable("indicator_targets").set({ text_en: null }).execute();
      await db.updateTable("activities").set({ title_en: null }).execute();
      const next = await db
        .insertInto("programmes")
        .values({
          code: "p13-c",
          agency_id: ids.agency,
          name_en: null,
          name_th: "โครงการใหม่",
          description_en: null,
          description_th: null,
          first_fiscal_year: 2025,
          last_fiscal_year: null,
          published: 0,
          is_example: 0,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      // The id of the deleted programme is not handed out again (AUTOINCREMENT's counter survived the rebuild).
      expect(next.id).toBeGreaterThan(ids.dropped);
      // Foreign keys and unique constraints still hold.
      await expect(
        db
          .insertInto("plan_nodes")
          .values({
            plan_id: 999_999,
            parent_id: null,
            kind: "goal",
            code: "x",
            position: 0,
            title_en: null,
            title_th: "ก",
            body_en: null,
            body_th: null,
            serves_node_id: null,
            updated_at: now,
          })
          .execute(),
      ).rejects.toThrow();
      await expect(
        db
          .insertInto("programmes")
          .values({
            code: "p13-a",
            agency_id: ids.agency,
            name_en: null,
            name_th: "ซ้ำ",
            description_en: null,
            description_th: null,
            first_fiscal_year: 2025,
            last_fiscal_year: null,
            published: 0,
            is_example: 0,
            created_at: now,
            updated_at: now,
          })
          .execute(),
      ).rejects.toThrow();
      if (database.dialect === "sqlite")
        await expect(db.deleteFrom("programmes").where("code", "=", "p13-a").execute()).rejects.toThrow(/is kept/);
      // The rebuilt tables take the later migrations.
      expect(await migrateToLatest(database)).not.toContain("0013-thai-first");
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
      await fresh.drop();
    }
  });
});
