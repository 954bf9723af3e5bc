import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, type Kysely, type Migration } from "kysely";
import { describe, expect, it } from "vitest";
import { systemActor } from "@sainam/core";
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
import * as m0018 from "../../../../packages/db/src/migrations/0018-notifications.ts";
import * as m0019 from "../../../../packages/db/src/migrations/0019-request-codes.ts";
import * as m0020 from "../../../../packages/db/src/migrations/0020-computed-satisfaction.ts";
import * as m0021 from "../../../../packages/db/src/migrations/0021-service-figures-index.ts";
import * as m0022 from "../../../../packages/db/src/migrations/0022-expert-records.ts";
import * as m0023 from "../../../../packages/db/src/migrations/0023-working-day-calendar.ts";
import { loadConfig } from "../config.ts";
import { createContext } from "../context.ts";
import { serviceFiguresByScan, serviceFiguresFor } from "../service-levels/service-figures.service.ts";
import { freshDatabaseUrl } from "../test-support/test-app.ts";

// Migration 0029: the service figures' roll-up is created and back-filled from the requests already there, so the
// dashboard reads the same figures the day it lands as the scan of the requests gave the day before.

type Step = { up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> };
const before0029: Record<string, Step> = {
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
  "0018-notifications": m0018,
  "0019-request-codes": m0019,
  "0020-computed-satisfaction": m0020,
  "0021-service-figures-index": m0021,
  "0022-expert-records": m0022,
  "0023-working-day-calendar": m0023,
};

async function migrateBefore0029(database: Database): Promise<void> {
  const migrations: Record<string, Migration> = Object.fromEntries(
    Object.entries(before0029).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, database.dialect) }]),
  );
  const result = await new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  expect(result.error).toBeUndefined();
}

const NOW = "2026-12-01T00:00:00.000Z";
const at = (date: string, time = "09:00") => new Date(`${date}T${time}:00+07:00`).toISOString();

/** Requests in every state, written as the schema before 0029 had them (no roll-up to keep). */
async function seedRequests(database: Database): Promise<number> {
  const { db } = database;
  const common = { created_at: NOW, updated_at: NOW };
  const enterprise = await db
    .insertInto("enterprises")
    .values({ name_th: "บริษัท ทดสอบ จำกัด", legal_form: "company_limited", published: 1, is_example: 0, ...common })
    .returning("id")
    .executeTakeFirstOrThrow();
  const provider = await db
    .insertInto("service_providers")
    .values({ code: "M29", name_th: "ศูนย์ทดสอบ", kind: "sme_centre", response_days: 2, closure_days: 10, ...common })
    .returning("id")
    .executeTakeFirstOrThrow();
  const expert = await db
    .insertInto("experts")
    .values({ provider_id: provider.id, display_name: "ผู้เชี่ยวชาญ", capacity: 5, available: 1, ...common })
    .returning("id")
    .executeTakeFirstOrThrow();
  const statuses = ["unassigned", "assigned", "accepted", "closed", "withdrawn"] as const;
  let n = 0;
  for (const day of ["2026-09-30", "2026-10-01", "2027-03-01", "2027-04-10"])
    for (const status of statuses) {
      n += 1;
      const routed = status !== "unassigned";
      await db
        .insertInto("service_requests")
        .values({
          code: `M29-${n}`,
          enterprise_id: enterprise.id,
          field: n % 2 === 0 ? "marketing" : "logistics",
          need_text: "ต้องการคำปรึกษา",
          province_code: n % 3 === 0 ? "50" : "10",
          mode: "phone",
          filed_via: "member",
          filed_at: at(day, n % 2 === 0 ? "23:30" : "08:00"),
          status,
          provider_id: routed ? provider.id : null,
          expert_id: routed ? expert.id : null,
          routed_at: routed ? at(day, "10:00") : null,
          response_due_on: routed ? day : null,
          closure_due_on: routed ? "2027-04-30" : null,
          first_response_at: status === "accepted" || status === "closed" ? at(day, "16:00") : null,
          closed_at: status === "closed" ? at("2027-05-02") : null,
          rating: status === "closed" ? 1 + (n % 5) : null,
          ...common,
        })
        .execute();
    }
  return n;
}

describe("migration 0029", () => {
  it("back-fills the roll-up from the requests: the figures equal the scan's", async () => {
    const fresh = await freshDatabaseUrl();
    const dir = mkdtempSync(join(tmpdir(), "sainam-0029-"));
    const database = openDatabase({ dataDir: dir, databaseUrl: fresh.url });
    try {
      await migrateBefore0029(database);
      await seedReferenceData(database.db);
      const requests = await seedRequests(database);
      expect(await migrateToLatest(database)).toContain("0029-service-figure-rollup");
      const ctx = createContext(loadConfig({ SAINAM_DATA_DIR: dir, SAINAM_LOG_LEVEL: "silent" }), database);
      const now = new Date("2027-05-03T02:00:00Z");
      for (const query of [{}, { fiscalYear: 2026 }, { fiscalYear: 2027 }, { fiscalYear: 2027, provinceCode: "50" }]) {
        const figures = await serviceFiguresFor(ctx, systemActor, query, now);
        expect(figures).toEqual(await serviceFiguresByScan(ctx, systemActor, query, now));
        if (Object.keys(query).length === 0) expect(figures.totals.requests).toBe(requests);
      }
    } finally {
      await database.close();
      await fresh.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
