import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Kysely, Transaction } from "kysely";
import { parseTarget } from "@sainam/core";
import type { DB } from "./schema.ts";
import { appendAudit } from "./audit.repository.ts";
import { nowIso } from "./clock.ts";
import { rebuildWorkingDayCalendar } from "./holiday.repository.ts";
import { rebuildFigureRollup } from "./service-figures-rollup.repository.ts";
import {
  agencies,
  plan2017to2021,
  provincialClusters,
  referenceFilesDir,
  regions,
  type PlanNodeSeed,
  type PlanSeed,
} from "./reference/index.ts";

/** Bumped whenever the shipped reference data changes, so existing databases pick it up. */
export const REFERENCE_VERSION = "2026-12-07.3";

/**
 * Districts an earlier districts.csv listed that are not districts: two municipalities (เทศบาลตำบล), each
 * with the amphoe that contains it. A database loaded before 2026-12-07.1 holds them; the version step
 * moves what was placed in one to its amphoe and then removes the row (see retireDistricts).
 */
export const RETIRED_DISTRICTS: ReadonlyArray<{
  readonly code: string;
  readonly name: string;
  readonly movedTo: string;
}> = [
  { code: "7074", name: "เทศบาลตำบลบ้านฆ้อง", movedTo: "7007" }, // in ต.บ้านฆ้อง, อ.โพธาราม, Ratchaburi
  { code: "9077", name: "เทศบาลตำบลสำนักขาม", movedTo: "9010" }, // in ต.สำนักขาม, อ.สะเดา, Songkhla
];

export type SeedReport = { loaded: boolean; version: string };

type CsvRow = Record<string, string>;

function readCsv(name: string): CsvRow[] {
  const text = readFileSync(join(referenceFilesDir, name), "utf8");
  const rows: unknown = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  if (!Array.isArray(rows)) throw new Error(`${name}: not a table`);
  return rows.filter(isCsvRow);
}

function isCsvRow(value: unknown): value is CsvRow {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");
}

function column(row: CsvRow, name: string): string {
  const value = row[name];
  if (value === undefined || value === "")
    throw new Error(`reference data: column ${name} missing in ${JSON.stringify(row)}`);
  return value;
}

type BoundaryFeature = { properties: { ADM1_PCODE: string }; geometry: unknown };

function readBoundaries(): BoundaryFeature[] {
  const parsed: unknown = JSON.parse(readFileSync(join(referenceFilesDir, "th-provinces.geojson"), "utf8"));
  if (typeof parsed !== "object" || parsed === null || !("features" in parsed) || !Array.isArray(parsed.features)) {
    throw new Error("th-provinces.geojson: not a FeatureCollection");
  }
  return parsed.features.filter(
    (f: unknown): f is BoundaryFeature =>
      typeof f === "object" &&
      f !== null &&
      "properties" in f &&
      "geometry" in f &&
      typeof f.properties === "object" &&
      f.properties !== null &&
      "ADM1_PCODE" in f.properties &&
      typeof f.properties.ADM1_PCODE === "string",
  );
}

/**
 * Loads the reference data (geography, provincial clusters, agencies, the 2017-2021 plan) once per
 * REFERENCE_VERSION. Idempotent: rows that exist are left as they are, so edits made in the app survive;
 * rows the data gained are added (district 5025), and rows it dropped as wrong (RETIRED_DISTRICTS) are
 * removed after what referred to them has been moved.
 */
export async function seedReferenceData(db: Kysely<DB>): Promise<SeedReport> {
  const current = await db.selectFrom("meta").select("value").where("key", "=", "reference_version").executeTakeFirst();
  if (current?.value === REFERENCE_VERSION) return { loaded: false, version: REFERENCE_VERSION };

  await db.transaction().execute(async (trx) => {
    await seedGeography(trx);
    await retireDistricts(trx);
    await seedProvincialClusters(trx);
    await seedAgencies(trx);
    await seedProvincialCommerceOffices(trx);
    await seedPlan(trx, plan2017to2021);
    await seedPublicHolidays(trx);
    await trx
      .insertInto("meta")
      .values({ key: "reference_version", value: REFERENCE_VERSION })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: REFERENCE_VERSION }))
      .execute();
  });
  return { loaded: true, version: REFERENCE_VERSION };
}

async function insertInChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function seedGeography(trx: Transaction<DB>): Promise<void> {
  await trx
    .insertInto("regions")
    .values(regions.map((r, i) => ({ code: r.code, name_en: r.nameEn, name_th: r.nameTh, position: i + 1 })))
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();

  const regionByName = new Map(regions.map((r) => [r.nameEn, r.code]));
  const provinces = readCsv("provinces.csv").map((row) => {
    const regionCode = regionByName.get(column(row, "region_en"));
    if (!regionCode) throw new Error(`provinces.csv: unknown region ${column(row, "region_en")}`);
    return {
      code: column(row, "code"),
      iso: column(row, "iso"),
      name_th: column(row, "name_th"),
      name_en: column(row, "name_en"),
      region_code: regionCode,
    };
  });
  await trx
    .insertInto("provinces")
    .values(provinces)
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();

  const districts = readCsv("districts.csv").map((row) => ({
    code: column(row, "code"),
    province_code: column(row, "province_code"),
    name_th: column(row, "name_th"),
    name_en: column(row, "name_en"),
  }));
  await insertInChunks(districts, 200, (chunk) =>
    trx
      .insertInto("districts")
      .values(chunk)
      .onConflict((oc) => oc.column("code").doNothing())
      .execute(),
  );

  const known = new Set(provinces.map((p) => p.code));
  const boundaries = readBoundaries()
    .map((f) => ({
      province_code: f.properties.ADM1_PCODE.replace(/^TH/, ""),
      geometry_json: JSON.stringify(f.geometry),
    }))
    .filter((b) => known.has(b.province_code));
  await insertInChunks(boundaries, 20, (chunk) =>
    trx
      .insertInto("province_boundaries")
      .values(chunk)
      .onConflict((oc) => oc.column("province_code").doNothing())
      .execute(),
  );
}

/**
 * Removes the RETIRED_DISTRICTS rows. Enterprises placed in one are moved to the amphoe that contains it
 * (same province), their updated_at set and each move audited (no actor: the system did it), in this
 * transaction; an import journal's before-image naming one is rewritten the same way, so reverting an older
 * import cannot write back a code that no longer exists. Other district rows, edited or not, are untouched.
 */
async function retireDistricts(trx: Transaction<DB>): Promise<void> {
  const now = nowIso();
  const movedTo = new Map(RETIRED_DISTRICTS.map((d) => [d.code, d.movedTo]));
  for (const retired of RETIRED_DISTRICTS) {
    const placed = await trx
      .selectFrom("enterprises")
      .select("id")
      .where("district_code", "=", retired.code)
      .orderBy("id")
      .execute();
    for (const { id } of placed) {
      await trx
        .updateTable("enterprises")
        .set({ district_code: retired.movedTo, updated_at: now })
        .where("id", "=", id)
        .execute();
      await appendAudit(trx, {
        actorUserId: null,
        action: "enterprise.update",
        entityType: "enterprise",
        entityId: id,
        before: { districtCode: retired.code },
        after: {
          districtCode: retired.movedTo,
          reason: `reference data ${REFERENCE_VERSION}: ${retired.code} ${retired.name} is a municipality, not a district`,
        },
      });
    }
  }
  // The seed also runs on schemas older than import journals (migration 0010), as tests of old migrations do.
  const tables = await trx.introspection.getTables();
  if (tables.some((table) => table.name === "import_journal")) await rewriteJournals(trx, movedTo);
  await trx
    .deleteFrom("districts")
    .where(
      "code",
      "in",
      RETIRED_DISTRICTS.map((d) => d.code),
    )
    .execute();
}

async function rewriteJournals(trx: Transaction<DB>, movedTo: ReadonlyMap<string, string>): Promise<void> {
  const journals = await trx
    .selectFrom("import_journal")
    .select(["id", "undo_json"])
    .where((eb) => eb.or(RETIRED_DISTRICTS.map((d) => eb("undo_json", "like", `%"district_code":"${d.code}"%`))))
    .execute();
  for (const journal of journals) {
    const undo: unknown = JSON.parse(journal.undo_json);
    const rewritten = JSON.stringify(undo, (key, value: unknown) =>
      key === "district_code" && typeof value === "string" ? (movedTo.get(value) ?? value) : value,
    );
    await trx.updateTable("import_journal").set({ undo_json: rewritten }).where("id", "=", journal.id).execute();
  }
}

async function seedProvincialClusters(trx: Transaction<DB>): Promise<void> {
  for (const cluster of provincialClusters) {
    const existing = await trx
      .selectFrom("provincial_clusters")
      .select("id")
      .where("number", "=", cluster.number)
      .executeTakeFirst();
    if (existing) continue;
    const inserted = await trx
      .insertInto("provincial_clusters")
      .values({
        number: cluster.number,
        name_en: cluster.name.en,
        name_th: cluster.name.th,
        position_en: cluster.position.en,
        position_th: cluster.position.th,
        issues_json: JSON.stringify(cluster.commonTradeIssues),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("provincial_cluster_provinces")
      .values(cluster.provinceCodes.map((code) => ({ provincial_cluster_id: inserted.id, province_code: code })))
      .execute();
  }
}

async function seedAgencies(trx: Transaction<DB>): Promise<void> {
  const now = nowIso();
  for (const agency of agencies) {
    const exists = await trx.selectFrom("agencies").select("id").where("code", "=", agency.code).executeTakeFirst();
    if (exists) continue;
    const parent = agency.parentCode
      ? await trx.selectFrom("agencies").select("id").where("code", "=", agency.parentCode).executeTakeFirstOrThrow()
      : null;
    await trx
      .insertInto("agencies")
      .values({
        code: agency.code,
        name_en: agency.name.en,
        name_th: agency.name.th,
        abbreviation: agency.abbreviation,
        kind: agency.kind,
        parent_id: parent?.id ?? null,
        description_en: agency.descriptionEn ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}

/**
 * The Ministry of Commerce's Provincial Commerce Offices (สำนักงานพาณิชย์จังหวัด), one per province outside
 * Bangkok (which the ministry serves itself), under MOC-PCO, each serving its province: they enter and approve
 * the provincial cluster plan's values of their province. Code `MOC-PCO-<province code>`.
 */
async function seedProvincialCommerceOffices(trx: Transaction<DB>): Promise<void> {
  const parent = await trx.selectFrom("agencies").select("id").where("code", "=", "MOC-PCO").executeTakeFirst();
  if (!parent) return;
  const now = nowIso();
  const provinces = await trx
    .selectFrom("provinces")
    .select(["code", "name_en", "name_th"])
    .where("code", "!=", "10")
    .orderBy("code")
    .execute();
  const officeCode = (provinceCode: string) => `MOC-PCO-${provinceCode}`;
  await insertInChunks(provinces, 200, (chunk) =>
    trx
      .insertInto("agencies")
      .values(
        chunk.map((p) => ({
          code: officeCode(p.code),
          name_en: `${p.name_en} Provincial Commerce Office`,
          name_th: `สำนักงานพาณิชย์จังหวัด${p.name_th}`,
          abbreviation: null,
          kind: "office",
          parent_id: parent.id,
          description_en: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.column("code").doNothing())
      .execute(),
  );
  const offices = await trx
    .selectFrom("agencies")
    .select(["id", "code"])
    .where(
      "code",
      "in",
      provinces.map((p) => officeCode(p.code)),
    )
    .execute();
  // Which provinces an office serves lives in a table of migration 0014; the migration tests seed databases of
  // earlier versions with this same function, which then fills what their schema holds.
  const tables = await trx.introspection.getTables();
  if (!tables.some((table) => table.name === "agency_provinces")) return;
  const provinceOf = new Map(provinces.map((p) => [officeCode(p.code), p.code]));
  const served = offices.flatMap((o) => {
    const province = provinceOf.get(o.code);
    return province === undefined ? [] : [{ agency_id: o.id, province_code: province }];
  });
  await insertInChunks(served, 200, (chunk) =>
    trx
      .insertInto("agency_provinces")
      .values(chunk)
      .onConflict((oc) => oc.columns(["agency_id", "province_code"]).doNothing())
      .execute(),
  );
}

const HOLIDAY_KINDS: ReadonlySet<string> = new Set(["public", "substitution", "special"]);

/**
 * Thai public holidays of the current and next year (thai-public-holidays.csv), added by date: a date an
 * admin already keeps is left as it is. Migration 0016 made the table; older schemas (migration tests) skip.
 */
async function seedPublicHolidays(trx: Transaction<DB>): Promise<void> {
  const tables = await trx.introspection.getTables();
  if (!tables.some((table) => table.name === "public_holidays")) return;
  const now = nowIso();
  const rows = readCsv("thai-public-holidays.csv").map((row) => {
    const kind = column(row, "kind");
    if (!HOLIDAY_KINDS.has(kind)) throw new Error(`thai-public-holidays.csv: unknown kind ${kind}`);
    return {
      date: column(row, "date"),
      name_th: column(row, "name_th"),
      name_en: row["name_en"] || null,
      kind,
      created_at: now,
      updated_at: now,
    };
  });
  const added = await trx
    .insertInto("public_holidays")
    .values(rows)
    .onConflict((oc) => oc.column("date").doNothing())
    .executeTakeFirst();
  // The working-day calendar derives from the holidays: rebuilt in this transaction when a date was added (older
  // schemas have none).
  if (Number(added.numInsertedOrUpdatedRows ?? 0n) > 0 && tables.some((table) => table.name === "working_day_calendar"))
    await rebuildWorkingDayCalendar(trx);
  // So do the service figures' durations (migration 0029).
  if (
    Number(added.numInsertedOrUpdatedRows ?? 0n) > 0 &&
    tables.some((table) => table.name === "service_figure_rollup")
  )
    await rebuildFigureRollup(trx);
}

/** Inserts a plan and its tree unless a plan with the same code exists. */
export async function seedPlan(trx: Transaction<DB>, plan: PlanSeed): Promise<void> {
  const exists = await trx.selectFrom("plans").select("id").where("code", "=", plan.code).executeTakeFirst();
  if (exists) return;
  const owner = await trx
    .selectFrom("agencies")
    .select("id")
    .where("code", "=", plan.ownerAgencyCode)
    .executeTakeFirstOrThrow();
  const now = nowIso();
  const { id: planId } = await trx
    .insertInto("plans")
    .values({
      code: plan.code,
      title_en: plan.title.en,
      title_th: plan.title.th,
      level: plan.level,
      owner_agency_id: owner.id,
      period_start: plan.periodStart,
      period_end: plan.periodEnd,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  const insertNodes = async (nodes: PlanNodeSeed[], parentId: number | null): Promise<void> => {
    for (const [position, node] of nodes.entries()) {
      const { id } = await trx
        .insertInto("plan_nodes")
        .values({
          plan_id: planId,
          parent_id: parentId,
          kind: node.kind,
          code: node.code,
          position,
          title_en: node.title.en,
          title_th: node.title.th,
          body_en: node.body?.en ?? null,
          body_th: node.body?.th ?? null,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const [indicatorPosition, indicator] of (node.indicators ?? []).entries()) {
        const { id: indicatorId } = await trx
          .insertInto("indicators")
          .values({
            plan_node_id: id,
            code: indicator.code,
            name_en: indicator.name.en,
            name_th: indicator.name.th,
            unit: indicator.unit,
            position: indicatorPosition,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const target = parseTarget(indicator.targetText.en);
        await trx
          .insertInto("indicator_targets")
          .values({
            indicator_id: indicatorId,
            period_label: null,
            text_en: indicator.targetText.en,
            text_th: indicator.targetText.th,
            target_json: target ? JSON.stringify(target) : null,
          })
          .execute();
      }
      await insertNodes(node.children ?? [], id);
    }
  };
  await insertNodes(plan.nodes, null);
}
