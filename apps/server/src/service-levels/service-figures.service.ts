import type { ServiceFigures, ServiceFiguresQuery } from "@sainam/contract";
import {
  bangkokDateOf,
  defaultServiceLevels,
  fiscalYearRange,
  clockHistogram,
  countsFromSums,
  holidayDates,
  isFinalStatus,
  isRequestStatus,
  medianOf,
  percentileOf,
  toBuddhistYear,
  toIsoDate,
  tallyServiceFigures,
  workingDaysBetween,
  type Actor,
  type ClockCounts,
  type ClockTally,
  type HolidayDates,
  type ExpertField,
  type Locale,
  type ServiceFigureCounts,
} from "@sainam/core";
import {
  holidays,
  reference,
  serviceFigureRollup,
  serviceFigures,
  serviceProviders,
  users,
  type ServiceFigureFilter,
} from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { renderServiceFiguresXlsx } from "./service-figures.xlsx.ts";

/** The instant a Bangkok calendar date starts, as the ISO text filed_at is compared with. */
const bangkokMidnight = (date: string) => new Date(`${date}T00:00:00+07:00`).toISOString();

function filterOf(query: ServiceFiguresQuery): ServiceFigureFilter {
  const filter: ServiceFigureFilter = {
    providerId: query.providerId,
    provinceCode: query.provinceCode,
    field: query.field,
  };
  if (query.fiscalYear !== undefined) {
    // FY N: requests filed from 1 October N-1 to 30 September N, Bangkok time.
    filter.filedFrom = bangkokMidnight(fiscalYearRange(query.fiscalYear).start);
    filter.filedBefore = bangkokMidnight(fiscalYearRange(query.fiscalYear + 1).start);
  }
  return filter;
}

/**
 * The providers whose experts' caseload the actor sees: admins all; an agency officer their agency's providers;
 * anyone their managed providers. Everyone else (and the public) sees aggregates only.
 */
async function keptProviders(ctx: AppContext, actor: Actor): Promise<number[] | "all"> {
  if (actor.kind === "system") return "all";
  if (actor.kind !== "user") return [];
  if (actor.role === "admin") return "all";
  const { db } = ctx.database;
  const managed = await serviceFigures.managedProviderIds(db, actor.id);
  const agency =
    actor.role === "agency_officer" && actor.agencyId !== null
      ? await serviceFigures.agencyProviderIds(db, actor.agencyId)
      : [];
  return [...new Set([...managed, ...agency])];
}

/** A clock tallied from the requests, its spans timed in working days. */
function clockCounts(tally: ClockTally, between: (a: string, b: string) => number): ClockCounts {
  return {
    timed: tally.timed,
    withinTarget: tally.withinTarget,
    breached: tally.breached,
    histogram: clockHistogram(tally.spans, between),
  };
}

/**
 * One clock's figures: durations in working days (median, 90th percentile) from its histogram, on time or late
 * against each request's own due date, and still-open requests past their due date counted as breached.
 */
function clockFigures(clock: ClockCounts) {
  const decided = clock.withinTarget + clock.breached;
  return {
    timed: clock.timed,
    medianDays: medianOf(clock.histogram),
    p90Days: percentileOf(clock.histogram, 90),
    withinTarget: clock.withinTarget,
    breached: clock.breached,
    breachRate: decided === 0 ? null : clock.breached / decided,
  };
}

/**
 * Working days between two Bangkok dates of [from, to]: a subtraction of ordinals read once per call from
 * working_day_calendar (kept in step with the holidays, so nothing cached can go stale); dates the table does not
 * cover are counted on the holidays, read only when such dates occur.
 */
async function workingDaysCounter(ctx: AppContext, span: { from: string; to: string } | null) {
  if (span === null) return () => 0;
  const { db } = ctx.database;
  const ordinals = await serviceFigures.calendarBetween(db, span.from, span.to);
  let outside: HolidayDates | null = null;
  if (!ordinals.has(span.from) || !ordinals.has(span.to))
    outside = holidayDates((await holidays.listBetween(db, span.from, span.to)).map((h) => h.date));
  return (a: string, b: string) => {
    const oa = ordinals.get(a);
    const ob = ordinals.get(b);
    if (oa !== undefined && ob !== undefined) return ob - oa;
    return workingDaysBetween(a, b, outside ?? holidayDates([]));
  };
}

/** The months of a fiscal year, October first (`yyyy-mm`). */
function fiscalMonths(fy: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((9 + i) % 12) + 1;
    const year = month >= 10 ? fy - 1 : fy;
    return `${year}-${String(month).padStart(2, "0")}`;
  });
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * The counts of the figures from the requests themselves, one scan of those the filters select: what the roll-up
 * must always equal (the test oracle, and the bench's baseline).
 */
async function countsByScan(ctx: AppContext, filter: ServiceFigureFilter, today: string): Promise<ServiceFigureCounts> {
  const { db, dialect } = ctx.database;
  const tallies = tallyServiceFigures(await serviceFigures.figureRows(db, dialect, filter), today);
  const between = await workingDaysCounter(ctx, tallies.span);
  return {
    ...tallies,
    response: clockCounts(tallies.response, between),
    closure: clockCounts(tallies.closure, between),
  };
}

/** The counts of the figures added up from the roll-up's cells (migration 0029) that the filters select. */
async function countsFromRollup(ctx: AppContext, query: ServiceFiguresQuery, today: string) {
  const cells = await serviceFigureRollup.figureCells(ctx.database.db, query);
  return countsFromSums(cells, today);
}

/**
 * The service figures (issue 13, point 7) for the filters: requests by field, province, provider and month; first
 * response and closure in working days (median, 90th percentile) against each request's due date; breach rates;
 * the firms' satisfaction; and, for those who keep or manage providers, the caseload of each of their experts.
 * Anyone may read the aggregates: they name no firm and no person. Counted from the roll-up kept as requests change.
 */
export async function serviceFiguresFor(
  ctx: AppContext,
  actor: Actor,
  query: ServiceFiguresQuery,
  now: Date = new Date(),
): Promise<ServiceFigures> {
  return figuresFrom(ctx, actor, query, now, "rollup");
}

/** The same figures counted by scanning the requests (no roll-up): the oracle of the tests and the bench's baseline. */
export async function serviceFiguresByScan(
  ctx: AppContext,
  actor: Actor,
  query: ServiceFiguresQuery,
  now: Date = new Date(),
): Promise<ServiceFigures> {
  return figuresFrom(ctx, actor, query, now, "scan");
}

async function figuresFrom(
  ctx: AppContext,
  actor: Actor,
  query: ServiceFiguresQuery,
  now: Date,
  source: "rollup" | "scan",
): Promise<ServiceFigures> {
  const { db } = ctx.database;
  const providers = await serviceProviders.listProviders(db);
  const selected = query.providerId === undefined ? undefined : providers.find((p) => p.id === query.providerId);
  if (query.providerId !== undefined && selected === undefined)
    throw errors.missing("providerId", "service provider", query.providerId);
  const filter = filterOf(query);
  const kept = await keptProviders(ctx, actor);
  const today = toIsoDate(bangkokDateOf(now));
  const [tallies, people] = await Promise.all([
    source === "rollup" ? countsFromRollup(ctx, query, today) : countsByScan(ctx, filter, today),
    kept === "all" || kept.length > 0 ? serviceFigures.caseloadExperts(db, filter, kept) : Promise.resolve(null),
  ]);
  const fieldStatus = tallies.byFieldAndStatus;
  const provinces = tallies.byProvince;
  const byProvider = tallies.byProvider;
  const months = tallies.byMonth;
  const caseload =
    people === null
      ? null
      : people.map((p) => ({
          expertId: p.id,
          displayName: p.display_name,
          providerId: p.provider_id,
          open: tallies.byExpert.get(p.id)?.open ?? 0,
          closed: tallies.byExpert.get(p.id)?.closed ?? 0,
        }));

  const totals = { requests: 0, open: 0, closed: 0, withdrawn: 0, unassigned: 0 };
  const fields = new Map<string, number>();
  for (const row of fieldStatus) {
    totals.requests += row.requests;
    fields.set(row.field, (fields.get(row.field) ?? 0) + row.requests);
    if (!isRequestStatus(row.status)) continue;
    if (row.status === "closed") totals.closed += row.requests;
    else if (row.status === "withdrawn") totals.withdrawn += row.requests;
    else if (row.status === "unassigned") totals.unassigned += row.requests;
    else if (!isFinalStatus(row.status)) totals.open += row.requests;
  }

  const providerById = new Map(providers.map((p) => [p.id, p]));
  const rated = byProvider.reduce((sum, p) => sum + p.rated, 0);
  const ratingSum = byProvider.reduce((sum, p) => sum + p.ratingSum, 0);
  const satisfied = byProvider.reduce((sum, p) => sum + p.satisfied, 0);
  const monthCounts = new Map(months.map((m) => [m.month, m.requests]));
  const monthKeys = query.fiscalYear === undefined ? [...monthCounts.keys()].sort() : fiscalMonths(query.fiscalYear);

  return {
    detail: caseload === null ? "public" : "full",
    fiscalYear: query.fiscalYear ?? null,
    targets: {
      responseDays: selected?.response_days ?? defaultServiceLevels.responseDays,
      closureDays: selected?.closure_days ?? defaultServiceLevels.closureDays,
    },
    totals,
    byField: [...fields.entries()]
      .map(([field, requests]) => ({ field: field as ExpertField, requests }))
      .sort((a, b) => b.requests - a.requests || a.field.localeCompare(b.field)),
    byProvince: provinces.sort((a, b) => b.requests - a.requests || a.provinceCode.localeCompare(b.provinceCode)),
    byProvider: byProvider
      .map((row) => {
        const p = row.providerId === null ? undefined : providerById.get(row.providerId);
        return {
          providerId: row.providerId,
          nameTh: p?.name_th ?? null,
          nameEn: p?.name_en ?? null,
          requests: row.requests,
          open: row.open,
          closed: row.closed,
          meanRating: ratio(row.ratingSum, row.rated),
          responseDays: p ? (p.response_days ?? defaultServiceLevels.responseDays) : null,
          closureDays: p ? (p.closure_days ?? defaultServiceLevels.closureDays) : null,
        };
      })
      .sort((a, b) => b.requests - a.requests || (a.providerId ?? 0) - (b.providerId ?? 0)),
    byMonth: monthKeys.map((month) => ({ month, requests: monthCounts.get(month) ?? 0 })),
    response: clockFigures(tallies.response),
    closure: clockFigures(tallies.closure),
    satisfaction: { rated, meanRating: ratio(ratingSum, rated), shareFourOrFive: ratio(satisfied, rated) },
    caseload,
  };
}

/** The language of the export: asked for, else the signed-in user's, else Thai. */
async function localeFor(ctx: AppContext, actor: Actor, asked: Locale | undefined): Promise<Locale> {
  if (asked !== undefined) return asked;
  if (actor.kind !== "user") return "th";
  const user = await users.findUserById(ctx.database.db, actor.id);
  return user?.locale === "en" ? "en" : "th";
}

/** The figures as an XLSX workbook in the reader's language, with its file name (the B.E. year in Thai). */
export async function serviceFiguresXlsx(
  ctx: AppContext,
  actor: Actor,
  query: ServiceFiguresQuery,
  asked: Locale | undefined,
): Promise<{ body: Buffer; filename: string }> {
  const locale = await localeFor(ctx, actor, asked);
  const figures = await serviceFiguresFor(ctx, actor, query);
  const { db } = ctx.database;
  const provinces = new Map((await reference.listProvinces(db)).map((p) => [p.code, p]));
  const providers = new Map((await serviceProviders.listProviders(db)).map((p) => [p.id, p]));
  const body = await renderServiceFiguresXlsx(figures, locale, {
    province: (code) => {
      const p = provinces.get(code);
      return (locale === "th" ? p?.name_th : p?.name_en) ?? code;
    },
    provider: (id) => {
      const p = providers.get(id);
      return (locale === "th" ? (p?.name_th ?? p?.name_en) : (p?.name_en ?? p?.name_th)) ?? String(id);
    },
  });
  const year =
    figures.fiscalYear === null ? "" : `-${locale === "th" ? toBuddhistYear(figures.fiscalYear) : figures.fiscalYear}`;
  return { body, filename: `service-figures${year}-${locale}.xlsx` };
}
