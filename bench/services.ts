// Services benchmark (issue 13, point 10): 300 experts over 30 providers and 100,000 requests filed over three fiscal
// years (FY2025-FY2027). Times, p50/p95 over repeated runs, each next to the raw SQL doing the same in the same run:
// (a) routing a new request — the candidate experts with the field and province and their open cases;
// (b) an expert's inbox — their open requests, newest first, a page of 20;
// (c) the service dashboard figures for a fiscal year, all years and one provider (every breakdown, both clocks,
//     satisfaction, caseload per expert), read from the roll-up (migration 0029), next to the same figures counted
//     by scanning the requests (the code before the roll-up) and to the raw SQL;
// (d) what keeping the roll-up adds to filing and to closing a request (the same write with and without it).
// On SQLite and — when DATABASE_URL is set — on PostgreSQL (a throwaway database).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { addWorkingDays, expertFields, holidayDates, systemActor } from "@sainam/core";
import { isDeepStrictEqual } from "node:util";
import {
  caseWork,
  holidays,
  nowIso,
  serviceFigureRollup,
  serviceRequests,
  type Database,
  type RequestAssignmentTable,
  type ServiceRequestTable,
} from "@sainam/db";
import {
  bootstrap,
  candidatesFor,
  listServiceRequests,
  loadConfig,
  serviceFiguresByScan,
  serviceFiguresFor,
  type AppContext,
} from "@sainam/server";
import { sql, type Insertable, type RawBuilder } from "kysely";
import pg from "pg";

const PROVIDERS = 30;
const EXPERTS = 300;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);
const ENTERPRISES = 2000;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WARMUP = 5;
// Three fiscal years, FY2025-FY2027; "now" is the last day of FY2027.
const FIRST_DAY = Date.parse("2024-10-01T00:00:00+07:00");
const LAST_DAY = Date.parse("2027-09-30T00:00:00+07:00");
const NOW = new Date("2027-09-30T10:00:00+07:00");
const DAY = 86_400_000;

/** A deterministic pseudo-random number in [0, 1) from integers (each part mixed in with murmur3's finaliser). */
function noise(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ p, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 2 ** 32;
}
const pick = <T>(items: readonly T[], ...parts: number[]): T => items[Math.floor(noise(...parts) * items.length)] as T;
const bangkokDate = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

export async function generate(database: Database) {
  const { db } = database;
  const now = nowIso();
  const provinces = await db.selectFrom("provinces").select(["code", "region_code"]).orderBy("code").execute();
  const calendar = holidayDates((await holidays.datesFrom(db, "2024-01-01")).map((d) => d));
  const enterpriseIds: number[] = [];
  for (let i = 0; i < ENTERPRISES; i += 500) {
    const rows = await db
      .insertInto("enterprises")
      .values(
        Array.from({ length: 500 }, (_, j) => ({
          juristic_id: null,
          ce_registration_no: null,
          name_th: `บริษัท ทดสอบ ${i + j} จำกัด`,
          name_en: null,
          legal_form: "company_limited",
          size_class: null,
          revenue: null,
          employees: null,
          capital: null,
          tsic_code: null,
          business_type: null,
          address: null,
          province_code: pick(provinces, i + j, 1).code,
          district_code: null,
          postcode: null,
          registered_on: null,
          published: 1,
          is_example: 0,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning("id")
      .execute();
    enterpriseIds.push(...rows.map((r) => r.id));
  }
  // Providers: each serves the provinces whose index falls to it (2-3 each), every field.
  const providerIds: number[] = [];
  const providerProvinces = new Map<number, string[]>();
  for (let p = 0; p < PROVIDERS; p++) {
    const row = await db
      .insertInto("service_providers")
      .values({
        code: `BENCH-${p}`,
        name_th: `ศูนย์ทดสอบ ${p}`,
        name_en: null,
        kind: "sme_centre",
        parent_id: null,
        agency_id: null,
        contact_name: null,
        contact_phone: null,
        contact_email: null,
        website: null,
        response_days: p % 3 === 0 ? 3 : null,
        closure_days: p % 3 === 0 ? 20 : null,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    providerIds.push(row.id);
    const served = provinces.filter((_, i) => i % PROVIDERS === p).map((pr) => pr.code);
    providerProvinces.set(row.id, served);
    await db
      .insertInto("provider_provinces")
      .values(served.map((province_code) => ({ provider_id: row.id, province_code })))
      .execute();
    await db
      .insertInto("provider_services")
      .values(expertFields.map((field) => ({ provider_id: row.id, field })))
      .execute();
  }
  // Experts: 10 a provider, 3 fields each; a third with a province of their provider, a third a region, a third none.
  const expertsOf = new Map<number, number[]>();
  const expertIds: number[] = [];
  const expertUsers = new Map<number, number>();
  for (let e = 0; e < EXPERTS; e++) {
    const providerId = providerIds[e % PROVIDERS] as number;
    // Every expert signs in: their inbox is the request list as an expert user sees it.
    const user = await db
      .insertInto("users")
      .values({
        email: `expert-${e}@bench.example.org`,
        password_hash: "-",
        display_name: `ผู้เชี่ยวชาญ ${e}`,
        role: "expert",
        agency_id: null,
        enterprise_id: null,
        locale: "th",
        active: 1,
        created_at: now,
        updated_at: now,
        last_login_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const row = await db
      .insertInto("experts")
      .values({
        provider_id: providerId,
        user_id: user.id,
        display_name: `ผู้เชี่ยวชาญ ${e}`,
        contact_phone: null,
        contact_email: null,
        capacity: 5 + (e % 11),
        available: e % 17 === 0 ? 0 : 1,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    expertIds.push(row.id);
    expertUsers.set(row.id, user.id);
    expertsOf.set(providerId, [...(expertsOf.get(providerId) ?? []), row.id]);
    const fields = [...new Set([0, 1, 2].map((k) => pick(expertFields, e, k, 7)))];
    await db
      .insertInto("expert_fields")
      .values(fields.map((field) => ({ expert_id: row.id, field })))
      .execute();
    const served = providerProvinces.get(providerId) ?? [];
    const province = provinces.find((pr) => pr.code === served[0]);
    if (e % 3 === 0 && province)
      await db
        .insertInto("expert_areas")
        .values({ expert_id: row.id, area_type: "province", area_code: province.code })
        .execute();
    if (e % 3 === 1 && province)
      await db
        .insertInto("expert_areas")
        .values({ expert_id: row.id, area_type: "region", area_code: province.region_code })
        .execute();
  }
  const providerOfProvince = new Map<string, number>();
  for (const [id, codes] of providerProvinces) for (const code of codes) providerOfProvince.set(code, id);

  let count = 0;
  const requestIds: number[] = [];
  await db.transaction().execute(async (trx) => {
    let batch: Insertable<ServiceRequestTable>[] = [];
    // Every routed request has its offers: one in ten was first declined by a colleague at the same provider.
    const flush = async () => {
      if (batch.length === 0) return;
      const ids = await trx.insertInto("service_requests").values(batch).returning("id").execute();
      const offers: Insertable<RequestAssignmentTable>[] = [];
      batch.forEach((r, k) => {
        const requestId = ids[k]!.id;
        requestIds.push(requestId);
        if (r.routed_at === null || r.routed_at === undefined || !r.expert_id || !r.provider_id) return;
        const routedMs = Date.parse(r.routed_at);
        const colleagues = expertsOf.get(r.provider_id) ?? [];
        const declinedBy = colleagues.find((id) => id !== r.expert_id);
        const declined = noise(requestId, 12) < 0.1 && declinedBy !== undefined;
        if (declined)
          offers.push({
            request_id: requestId,
            provider_id: r.provider_id,
            expert_id: declinedBy,
            assigned_at: r.routed_at,
            assigned_by: null,
            reason_json: "{}",
            response: "declined",
            responded_at: new Date(routedMs + 3_600_000).toISOString(),
            decline_reason: "ไม่ว่าง",
          });
        const answered = r.first_response_at ?? null;
        offers.push({
          request_id: requestId,
          provider_id: r.provider_id,
          expert_id: r.expert_id,
          assigned_at: declined ? new Date(routedMs + 3_600_000).toISOString() : r.routed_at,
          assigned_by: null,
          reason_json: "{}",
          response: answered === null ? "pending" : "accepted",
          responded_at: answered,
          decline_reason: null,
        });
      });
      for (let k = 0; k < offers.length; k += 500)
        await trx
          .insertInto("request_assignments")
          .values(offers.slice(k, k + 500))
          .execute();
      batch = [];
    };
    for (let i = 0; i < REQUESTS; i++) {
      const filed = FIRST_DAY + Math.floor(noise(i, 1) * (LAST_DAY - FIRST_DAY + DAY));
      const province = pick(provinces, i, 2).code;
      const providerId = providerOfProvince.get(province) as number;
      const expertId = pick(expertsOf.get(providerId) ?? [], i, 3);
      const age = (NOW.getTime() - filed) / DAY;
      const r = noise(i, 4);
      const status =
        age < 2 && r < 0.1
          ? "unassigned"
          : age > 60
            ? r < 0.9
              ? "closed"
              : r < 0.96
                ? "withdrawn"
                : "accepted"
            : r < 0.3
              ? "assigned"
              : r < 0.85
                ? "accepted"
                : "closed";
      const routed = status === "unassigned" ? null : filed + Math.floor(noise(i, 5) * 6 * 3_600_000);
      const routedDate = routed === null ? null : bangkokDate(routed);
      const responded = routed === null || status === "assigned" ? null : routed + Math.floor(noise(i, 6) * 5 * DAY);
      const closed = status === "closed" && routed !== null ? routed + Math.floor((3 + noise(i, 7) * 60) * DAY) : null;
      const slow = providerIds.indexOf(providerId) % 3 === 0;
      batch.push({
        code: `SR-${i}`,
        enterprise_id: pick(enterpriseIds, i, 8),
        field: pick(expertFields, i, 9),
        need_text: "ต้องการคำปรึกษา",
        province_code: province,
        mode: "phone",
        consent_contacts: 1,
        consent_at: new Date(filed).toISOString(),
        filed_via: "member",
        filed_by: null,
        filed_at: new Date(filed).toISOString(),
        status,
        provider_id: status === "unassigned" ? null : providerId,
        expert_id: status === "unassigned" ? null : expertId,
        programme_id: null,
        routed_at: routed === null ? null : new Date(routed).toISOString(),
        response_due_on: routedDate === null ? null : addWorkingDays(routedDate, slow ? 3 : 2, calendar),
        closure_due_on: routedDate === null ? null : addWorkingDays(routedDate, slow ? 20 : 30, calendar),
        first_response_at: responded === null ? null : new Date(responded).toISOString(),
        accepted_at: responded === null ? null : new Date(responded).toISOString(),
        closed_at: closed === null ? null : new Date(closed).toISOString(),
        rating: closed !== null && noise(i, 10) < 0.6 ? 1 + Math.floor(noise(i, 11) * 5) : null,
        created_at: new Date(filed).toISOString(),
        updated_at: now,
      });
      count++;
      if (batch.length >= 500) await flush();
    }
    await flush();
  });
  return { providerIds, expertIds, expertUsers, requestIds, enterpriseIds, provinces, requests: count };
}

/** The Bangkok date of an ISO instant column, as the repository writes it, for the raw SQL. */
const bkk = (engine: "sqlite" | "postgres", column: string) =>
  engine === "postgres"
    ? `to_char((${column})::timestamptz at time zone 'Asia/Bangkok', 'YYYY-MM-DD')`
    : `date(${column}, '+7 hours')`;

/**
 * Routing a request in hand-written SQL, all of it in the database: the experts of the providers that offer the
 * field in the province who have the field and serve the province (their province, its region, or no areas of their
 * own), with their open cases, their last offer and whether they declined this request before, ranked as routing
 * ranks them (load ratio, open cases, least recently offered first, id).
 */
function rawRouting(field: string, province: string, requestId: number): RawBuilder<unknown> {
  return sql`SELECT * FROM (SELECT e.id, e.provider_id, e.display_name, e.capacity, e.available,
        sp.response_days, sp.closure_days,
        (SELECT count(*) FROM service_requests r WHERE r.expert_id = e.id AND r.status IN ('assigned', 'accepted')) AS open_cases,
        (SELECT max(ra.assigned_at) FROM request_assignments ra WHERE ra.expert_id = e.id) AS last_assigned_at,
        CASE WHEN EXISTS (SELECT 1 FROM request_assignments x WHERE x.request_id = ${requestId} AND x.expert_id = e.id
          AND x.response IN ('declined', 'expired')) THEN 1 ELSE 0 END AS excluded,
        (SELECT min(CASE WHEN a.area_type = 'province' THEN 0 ELSE 1 END) FROM expert_areas a WHERE a.expert_id = e.id
          AND ((a.area_type = 'province' AND a.area_code = ${province})
            OR (a.area_type = 'region' AND a.area_code = (SELECT region_code FROM provinces WHERE code = ${province})))) AS area_match
      FROM service_providers sp
      JOIN experts e ON e.provider_id = sp.id
      JOIN expert_fields f ON f.expert_id = e.id AND f.field = ${field}
      WHERE sp.id IN (SELECT pp.provider_id FROM provider_provinces pp
        JOIN provider_services ps ON ps.provider_id = pp.provider_id AND ps.field = ${field}
        WHERE pp.province_code = ${province})) c
    WHERE c.area_match IS NOT NULL OR NOT EXISTS (SELECT 1 FROM expert_areas a2 WHERE a2.expert_id = c.id)
    ORDER BY 1.0 * c.open_cases / c.capacity, c.open_cases, c.last_assigned_at IS NOT NULL, c.last_assigned_at, c.id`;
}

/**
 * An expert's inbox in hand-written SQL: the request list as an expert user sees it (requests offered to or taken
 * by them, those of providers they manage, those they filed — a union of ids, each arm read from its index),
 * newest first, a page of 50 with the firm's, the provider's and the expert's names, and the total.
 */
function rawInbox(userId: number): RawBuilder<unknown>[] {
  const scope = sql`r.id IN (SELECT s.id FROM service_requests s WHERE s.provider_id IN (SELECT provider_id FROM provider_managers WHERE user_id = ${userId})
      UNION SELECT s.id FROM service_requests s WHERE s.filed_by = ${userId}
      UNION SELECT s.id FROM service_requests s WHERE s.expert_id IN (SELECT id FROM experts WHERE user_id = ${userId}))`;
  return [
    sql`SELECT r.*, en.name_th AS firm_th, en.name_en AS firm_en, sp.name_th AS provider_th, sp.name_en AS provider_en,
        x.display_name AS expert_name
      FROM service_requests r
      JOIN enterprises en ON en.id = r.enterprise_id
      LEFT JOIN service_providers sp ON sp.id = r.provider_id
      LEFT JOIN experts x ON x.id = r.expert_id
      WHERE ${scope} ORDER BY r.filed_at DESC, r.id DESC LIMIT 50`,
    sql`SELECT count(*) AS n FROM service_requests r WHERE ${scope}`,
  ];
}

/**
 * The dashboard's queries in hand-written SQL: the same six reads the service makes, both clocks in one two-way
 * histogram of working days (ordinal differences on working_day_calendar) with their on-time, late and open-past-due
 * counts.
 */
export function rawFigures(
  engine: "sqlite" | "postgres",
  from: string | null,
  before: string | null,
  today: string,
): RawBuilder<unknown>[] {
  const where = from === null ? sql`1 = 1` : sql`filed_at >= ${from} AND filed_at < ${before}`;
  const b = (column: string) => sql.raw(bkk(engine, column));
  // OFFSET 0 keeps PostgreSQL from pulling the subquery up, so each date is computed once a request.
  const fence = engine === "postgres" ? sql`OFFSET 0` : sql``;
  const responseOut = "r.responded IS NOT NULL AND (cs.ordinal IS NULL OR cr.ordinal IS NULL)";
  const closureOut = "r.closed IS NOT NULL AND (cs.ordinal IS NULL OR cc.ordinal IS NULL)";
  const clocks = sql`SELECT cr.ordinal - cs.ordinal AS response_days, cc.ordinal - cs.ordinal AS closure_days,
      CASE WHEN ${sql.raw(responseOut)} OR ${sql.raw(closureOut)} THEN r.started END AS out_started,
      CASE WHEN ${sql.raw(responseOut)} THEN r.responded END AS out_responded,
      CASE WHEN ${sql.raw(closureOut)} THEN r.closed END AS out_closed,
      count(r.responded) AS response_ended,
      sum(CASE WHEN r.responded IS NOT NULL AND (r.response_due IS NULL OR r.responded <= r.response_due) THEN 1 ELSE 0 END) AS response_within,
      sum(CASE WHEN r.responded > r.response_due THEN 1 ELSE 0 END) AS response_late,
      sum(CASE WHEN r.responded IS NULL AND r.response_due < ${today} THEN 1 ELSE 0 END) AS response_open_late,
      count(r.closed) AS closure_ended,
      sum(CASE WHEN r.closed IS NOT NULL AND (r.closure_due IS NULL OR r.closed <= r.closure_due) THEN 1 ELSE 0 END) AS closure_within,
      sum(CASE WHEN r.closed > r.closure_due THEN 1 ELSE 0 END) AS closure_late,
      sum(CASE WHEN r.closable = 1 AND r.closed IS NULL AND r.closure_due < ${today} THEN 1 ELSE 0 END) AS closure_open_late
    FROM (SELECT ${b("routed_at")} AS started, ${b("first_response_at")} AS responded,
            CASE WHEN status = 'closed' THEN ${b("closed_at")} END AS closed,
            response_due_on AS response_due, closure_due_on AS closure_due,
            CASE WHEN status = 'withdrawn' THEN 0 ELSE 1 END AS closable
          FROM service_requests
          WHERE ${where} AND routed_at IS NOT NULL AND (status != 'withdrawn' OR first_response_at IS NOT NULL)
          ${fence}) r
    LEFT JOIN working_day_calendar cs ON cs.day = r.started
    LEFT JOIN working_day_calendar cr ON cr.day = r.responded
    LEFT JOIN working_day_calendar cc ON cc.day = r.closed
    GROUP BY 1, 2, 3, 4, 5`;
  return [
    sql`SELECT field, status, count(*) AS n FROM service_requests WHERE ${where} GROUP BY field, status`,
    sql`SELECT province_code, count(*) AS n FROM service_requests WHERE ${where} GROUP BY province_code`,
    sql`SELECT provider_id, count(*) AS n, sum(CASE WHEN status IN ('assigned', 'accepted') THEN 1 ELSE 0 END) AS open,
        sum(CASE WHEN status = 'closed' THEN 1 ELSE 0 END) AS closed, count(rating) AS rated, sum(coalesce(rating, 0)) AS rating_sum,
        sum(CASE WHEN rating >= 4 THEN 1 ELSE 0 END) AS satisfied FROM service_requests WHERE ${where} GROUP BY provider_id`,
    sql`SELECT substr(${b("filed_at")}, 1, 7) AS month, count(*) AS n FROM service_requests WHERE ${where} GROUP BY substr(${b("filed_at")}, 1, 7)`,
    clocks,
    sql`SELECT expert_id, sum(CASE WHEN status IN ('assigned', 'accepted') THEN 1 ELSE 0 END) AS open,
        sum(CASE WHEN status = 'closed' THEN 1 ELSE 0 END) AS closed FROM service_requests WHERE ${where} AND expert_id IS NOT NULL GROUP BY expert_id`,
  ];
}

type Stats = { p50: number; p95: number };

async function time(runs: number, task: (i: number) => Promise<number>): Promise<Stats & { result: number }> {
  let result = 0;
  for (let i = 0; i < WARMUP; i++) result = await task(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await task(i);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN) * 100) / 100;
  return { result, p50: at(0.5), p95: at(0.95) };
}

function compare(service: Stats & { result: number }, raw: Stats & { result: number }) {
  return {
    service: { p50: service.p50, p95: service.p95 },
    rawSql: { p50: raw.p50, p95: raw.p95 },
    rowsPerRun: { service: service.result, raw: raw.result },
    ratioP95: Math.round((service.p95 / raw.p95) * 100) / 100,
    met: service.p95 <= 2 * raw.p95 && service.p95 < 50,
  };
}

async function runOn(engine: "sqlite" | "postgres", databaseUrl: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), "sainam-services-"));
  const config = loadConfig({
    SAINAM_DATA_DIR: dir,
    SAINAM_LOG_LEVEL: "silent",
    SAINAM_ADMIN_EMAIL: "bench@example.org",
    SAINAM_ADMIN_PASSWORD: "bench-password-123",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const { ctx }: { ctx: AppContext } = await bootstrap(config, { examples: "never" });
  try {
    const g0 = performance.now();
    const data = await generate(ctx.database);
    const generateMs = Math.round(performance.now() - g0);
    const { db } = ctx.database;
    // The requests went in by bulk insert, around the repository: the roll-up is built once, as migration 0029 does.
    const r0 = performance.now();
    const rollup = await db.transaction().execute((trx) => serviceFigureRollup.rebuildFigureRollup(trx));
    const rollupRebuildMs = Math.round(performance.now() - r0);
    await sql`ANALYZE`.execute(db);
    // Routing as filing and a manager's list do it (the request's id for the experts who declined it before).
    const route = (i: number) => {
      const r = pick(data.requestIds, i, 100);
      return { id: r, field: pick(expertFields, i, 101), province_code: pick(data.provinces, i, 102).code };
    };
    const routing = compare(
      await time(RUNS, async (i) => (await candidatesFor(db, route(i))).candidates.length),
      await time(RUNS, async (i) => {
        const r = route(i);
        return (await rawRouting(r.field, r.province_code, r.id).execute(db)).rows.length;
      }),
    );
    // An expert's inbox: the request list as the signed-in expert reads it (GET /service-requests, first page).
    const expertUser = (i: number) => data.expertUsers.get(pick(data.expertIds, i, 200)) as number;
    const inbox = compare(
      await time(RUNS, async (i) => {
        const actor = {
          kind: "user",
          id: expertUser(i),
          role: "expert",
          agencyId: null,
          clusterIds: [],
          enterpriseId: null,
        } as const;
        return (await listServiceRequests(ctx, actor, { page: 1, pageSize: 50 })).items.length;
      }),
      await time(RUNS, async (i) => {
        const [rows, total] = rawInbox(expertUser(i));
        await total!.execute(db);
        return (await rows!.execute(db)).rows.length;
      }),
    );
    const reads = { engine, requests: data.requests, runs: RUNS, routingMs: routing, expertInboxMs: inbox };
    // BENCH_SERVICES=reads stops here: routing and the inbox alone, without the dashboards and writes.
    if (process.env.BENCH_SERVICES === "reads") return reads;
    const fy = { from: "2026-09-30T17:00:00.000Z", before: "2027-09-30T17:00:00.000Z" };
    const today = bangkokDate(NOW.getTime());
    const rawAll = async (from: string | null, before: string | null) => {
      let rows = 0;
      for (const q of rawFigures(engine, from, before, today)) rows += (await q.execute(db)).rows.length;
      return rows;
    };
    // One provider's figures: what a provider's manager or an officer filtering by provider opens.
    const oneProvider = data.providerIds[0] as number;
    const views = { year: { fiscalYear: 2027 }, all: {}, provider: { fiscalYear: 2027, providerId: oneProvider } };
    // The roll-up must give the scan's figures to the last digit, here on the bench's data too.
    const sameAsScan = Object.fromEntries(
      await Promise.all(
        Object.entries(views).map(async ([name, q]) => [
          name,
          isDeepStrictEqual(
            await serviceFiguresFor(ctx, systemActor, q, NOW),
            await serviceFiguresByScan(ctx, systemActor, q, NOW),
          ),
        ]),
      ),
    );
    const dashboard = async (q: object) => {
      const rolled = await time(RUNS, async () => (await serviceFiguresFor(ctx, systemActor, q, NOW)).totals.requests);
      const scan = await time(RUNS, async () => (await serviceFiguresByScan(ctx, systemActor, q, NOW)).totals.requests);
      return { rolled, scan };
    };
    const year = await dashboard(views.year);
    const figuresYear = {
      ...compare(year.rolled, await time(RUNS, () => rawAll(fy.from, fy.before))),
      scan: { p50: year.scan.p50, p95: year.scan.p95 },
    };
    const all = await dashboard(views.all);
    const figuresAll = {
      ...compare(all.rolled, await time(RUNS, () => rawAll(null, null))),
      scan: { p50: all.scan.p50, p95: all.scan.p95 },
    };
    const provider = await dashboard(views.provider);
    const writes = await writeCost(db, data.enterpriseIds, data.providerIds, data.expertIds);
    return {
      engine,
      requests: data.requests,
      experts: data.expertIds.length,
      providers: data.providerIds.length,
      generateMs,
      rollupRebuildMs,
      rollupCells: rollup.cells,
      runs: RUNS,
      rollupEqualsScan: sameAsScan,
      routingMs: routing,
      expertInboxMs: inbox,
      dashboardFiscalYearMs: figuresYear,
      dashboardAllYearsMs: figuresAll,
      dashboardOneProviderMs: {
        service: { p50: provider.rolled.p50, p95: provider.rolled.p95 },
        scan: { p50: provider.scan.p50, p95: provider.scan.p95 },
        met: provider.rolled.p95 < 50,
      },
      writeMs: writes,
    };
  } finally {
    await ctx.database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What the roll-up adds to a write: filing (an insert) and closing (an update) through the repository, which keeps
 * the roll-up in the same transaction, next to the same statement alone; each a transaction of its own, p50/p95 ms.
 * Runs last: the bare writes leave the roll-up behind the requests.
 */
async function writeCost(db: Database["db"], enterpriseIds: number[], providerIds: number[], expertIds: number[]) {
  const runs = Math.max(RUNS, 40);
  const filed = (i: number): Insertable<ServiceRequestTable> => {
    const at = new Date(NOW.getTime() - (i % 50) * 3_600_000).toISOString();
    return {
      code: `SR-W-${i}`,
      enterprise_id: pick(enterpriseIds, i, 300),
      field: pick(expertFields, i, 301),
      need_text: "ต้องการคำปรึกษา",
      province_code: "10",
      mode: "phone",
      consent_contacts: 1,
      consent_at: at,
      filed_via: "member",
      filed_by: null,
      filed_at: at,
      status: "unassigned",
      created_at: at,
      updated_at: at,
    };
  };
  let n = 0;
  const fileTracked = await time(runs, () =>
    db.transaction().execute(async (trx) => serviceRequests.insertRequest(trx, filed(n++))),
  );
  const fileBare = await time(runs, () =>
    db.transaction().execute(async (trx) => {
      const row = await trx.insertInto("service_requests").values(filed(n++)).returning("id").executeTakeFirstOrThrow();
      return row.id;
    }),
  );
  // Accepted requests of the generated data, half closed each way.
  const accepted = await db
    .selectFrom("service_requests")
    .select("id")
    .where("status", "=", "accepted")
    .where("provider_id", "in", providerIds)
    .where("expert_id", "in", expertIds)
    .orderBy("id")
    .limit(2 * (runs + WARMUP))
    .execute();
  let k = 0;
  const closing = () => ({
    closed_at: new Date(NOW.getTime() - 3_600_000).toISOString(),
    closed_by: null,
    outcome_kind: "sales",
    outcome_amount: null,
    result_text: "ยอดขายเพิ่มขึ้น",
    programme_id: null,
  });
  const closeTracked = await time(runs, () =>
    db
      .transaction()
      .execute(async (trx) => Number(await caseWork.closeRequest(trx, accepted[k++]?.id ?? 0, closing()))),
  );
  const closeBare = await time(runs, () =>
    db.transaction().execute(async (trx) => {
      const fields = closing();
      const result = await trx
        .updateTable("service_requests")
        .set({ ...fields, status: "closed", updated_at: fields.closed_at })
        .where("id", "=", accepted[k++]?.id ?? 0)
        .where("status", "=", "accepted")
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    }),
  );
  const stats = (s: Stats) => ({ p50: s.p50, p95: s.p95 });
  return {
    fileWithRollup: stats(fileTracked),
    fileBare: stats(fileBare),
    closeWithRollup: stats(closeTracked),
    closeBare: stats(closeBare),
    closedEachWay: [closeTracked.result, closeBare.result],
  };
}

async function withThrowawayPostgres<T>(base: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = `sainam_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    return await run(url.toString());
  } finally {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  }
}

export async function runServicesBench() {
  const results = [await runOn("sqlite", undefined)];
  const base = process.env.DATABASE_URL;
  if (base) results.push(await withThrowawayPostgres(base, (url) => runOn("postgres", url)));
  return {
    generated: `${PROVIDERS} providers, ${EXPERTS} experts (3 fields each; areas by province, region or the provider's), ${REQUESTS} requests filed FY2025-FY2027 (older ones mostly closed, with ratings)`,
    results,
    targets: "each p95 ≤ 2× the raw SQL's p95 and < 50 ms, on SQLite and PostgreSQL",
  };
}
