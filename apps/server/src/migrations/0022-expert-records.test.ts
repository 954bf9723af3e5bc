import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql, type Kysely, type Migration } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase, seedReferenceData, type Database } from "@sainam/db";
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
import * as m0014 from "../../../../packages/db/src/migrations/0014-approval-levels.ts";
import * as m0015 from "../../../../packages/db/src/migrations/0015-service-providers.ts";
import * as m0016 from "../../../../packages/db/src/migrations/0016-public-holidays.ts";
import * as m0017 from "../../../../packages/db/src/migrations/0017-service-requests.ts";
import { freshDatabaseUrl } from "../test-support/test-app.ts";

// Migration 0022: an expert's fields move from user_expert_fields (issue 12) to their expert record, the one source
// from now on; every expert user gets a record, at a provider of their agency (or one made for it); nothing is lost.

type Step = { up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> };
const before0022: Record<string, Step> = {
  "0001-foundation": m0001,
  "0002-registry": m0002,
  "0003-monitoring": m0003,
  "0004-search-index": m0004,
  "0008-programme-figures": m0008,
  "0009-access": m0009,
  "0010-import-batches": m0010,
  "0011-search-text": m0011,
  "0012-accounts": m0012,
  "0013-thai-first": m0013,
  "0014-approval-levels": m0014,
  "0015-service-providers": m0015,
  "0016-public-holidays": m0016,
  "0017-service-requests": m0017,
};

async function migrateBefore0022(database: Database): Promise<void> {
  const migrations: Record<string, Migration> = Object.fromEntries(
    Object.entries(before0022).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, database.dialect) }]),
  );
  const result = await new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  expect(result.error).toBeUndefined();
}

const NOW = "2026-12-01T00:00:00.000Z";

/** Raw SQL: the typed schema no longer has user_expert_fields. */
async function seedIssue12Experts(db: Kysely<unknown>) {
  const agency = async (code: string) =>
    (await sql<{ id: number }>`select id from agencies where code = ${code}`.execute(db)).rows[0]?.id ?? 0;
  const dip = await agency("DIP");
  const moc = await agency("MOC");
  const provider = (
    await sql<{ id: number }>`insert into service_providers (code, name_th, name_en, kind, agency_id, is_example,
      created_at, updated_at) values ('DIP-SME', 'ศูนย์ SME กรมส่งเสริมอุตสาหกรรม', null, 'sme_centre', ${dip}, 0,
      ${NOW}, ${NOW}) returning id`.execute(db)
  ).rows[0]?.id;
  const user = async (email: string, role: string, agencyId: number | null, active = 1) =>
    (
      await sql<{ id: number }>`insert into users (email, password_hash, display_name, role, agency_id, enterprise_id,
        locale, active, created_at, updated_at) values (${email}, 'x', ${`ผู้ใช้ ${email}`}, ${role}, ${agencyId}, null,
        'th', ${active}, ${NOW}, ${NOW}) returning id`.execute(db)
    ).rows[0]?.id ?? 0;
  const fields = async (userId: number, list: string[]) => {
    for (const field of list)
      await sql`insert into user_expert_fields (user_id, field) values (${userId}, ${field})`.execute(db);
  };
  const atDip = await user("dip-expert@example.org", "expert", dip);
  await fields(atDip, ["marketing", "finance"]);
  const atMoc = await user("moc-expert@example.org", "expert", moc, 0);
  await fields(atMoc, ["logistics"]);
  const linked = await user("linked-expert@example.org", "expert", dip);
  await fields(linked, ["standards", "technology"]);
  const record = (
    await sql<{ id: number }>`insert into experts (provider_id, user_id, display_name, capacity, available, is_example,
      created_at, updated_at) values (${provider}, ${linked}, 'คุณมาตรฐาน', 3, 1, 0, ${NOW}, ${NOW}) returning id`.execute(
      db,
    )
  ).rows[0]?.id;
  await sql`insert into expert_fields (expert_id, field) values (${record}, 'technology')`.execute(db);
  const noAgency = await user("lost-expert@example.org", "expert", null);
  await fields(noAgency, ["business_law"]);
  const member = await user("member@example.org", "member", null);
  return { dip, moc, provider, atDip, atMoc, linked, record, noAgency, member };
}

describe("migration 0022 (expert records)", () => {
  it("moves every expert user's fields to their expert record and drops user_expert_fields", async () => {
    const fresh = await freshDatabaseUrl();
    const dir = mkdtempSync(join(tmpdir(), "sainam-0022-"));
    const database = openDatabase({ dataDir: dir, databaseUrl: fresh.url });
    try {
      await migrateBefore0022(database);
      await seedReferenceData(database.db);
      const ids = await seedIssue12Experts(database.db as unknown as Kysely<unknown>);
      expect(await migrateToLatest(database)).toContain("0022-expert-records");
      const { db } = database;

      const recordOf = async (userId: number) => {
        const expert = await db
          .selectFrom("experts")
          .selectAll()
          .where("user_id", "=", userId)
          .executeTakeFirstOrThrow();
        const fields = await db
          .selectFrom("expert_fields")
          .select("field")
          .where("expert_id", "=", expert.id)
          .orderBy("field")
          .execute();
        const provider = await db
          .selectFrom("service_providers")
          .selectAll()
          .where("id", "=", expert.provider_id)
          .executeTakeFirstOrThrow();
        return { expert, fields: fields.map((f) => f.field), provider };
      };
      // At the provider of their agency, with their name, e-mail and fields.
      const atDip = await recordOf(ids.atDip);
      expect(atDip.provider.id).toBe(ids.provider);
      expect(atDip.fields).toEqual(["finance", "marketing"]);
      expect(atDip.expert).toMatchObject({
        display_name: "ผู้ใช้ dip-expert@example.org",
        contact_email: "dip-expert@example.org",
        capacity: 1,
        available: 1,
      });
      // An agency with no provider gets one made for its experts; an inactive user's record is not available.
      const atMoc = await recordOf(ids.atMoc);
      expect(atMoc.provider).toMatchObject({ code: "EXPERTS-MOC", kind: "other", agency_id: ids.moc });
      expect(atMoc.fields).toEqual(["logistics"]);
      expect(atMoc.expert.available).toBe(0);
      // A user already linked keeps their record; the fields of both places are kept.
      const linked = await recordOf(ids.linked);
      expect(linked.expert).toMatchObject({ id: ids.record, capacity: 3, display_name: "คุณมาตรฐาน" });
      expect(linked.fields).toEqual(["standards", "technology"]);
      const lost = await recordOf(ids.noAgency);
      expect(lost.provider).toMatchObject({ code: "EXPERTS-UNASSIGNED", agency_id: null });
      expect(lost.fields).toEqual(["business_law"]);
      // Other roles get no record; the old table is gone.
      expect(await db.selectFrom("experts").select("id").where("user_id", "=", ids.member).execute()).toEqual([]);
      const table =
        database.dialect === "sqlite"
          ? await sql`select name from sqlite_master where name = 'user_expert_fields'`.execute(db)
          : await sql`select table_name from information_schema.tables where table_name = 'user_expert_fields'`.execute(
              db,
            );
      expect(table.rows).toEqual([]);
      expect(await db.selectFrom("experts").select("id").execute()).toHaveLength(4);
    } finally {
      await database.close();
      await fresh.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
