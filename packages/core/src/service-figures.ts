/**
 * Figures of the service side (issue 13, point 7) that are pure arithmetic: percentiles of working-day durations
 * kept as a histogram (durations are whole working days, so tens of thousands of requests fall into a few dozen
 * values), and working-day counts answered from a prefix table rather than by walking the calendar per request.
 */
import { isWorkingDay, type HolidayDates } from "./working-days.ts";

/** How many requests took each number of working days. */
export type DurationHistogram = ReadonlyMap<number, number>;

function sortedEntries(histogram: DurationHistogram): [number, number][] {
  return [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
}

/** The k-th smallest duration (1-based) in the histogram. */
function kth(entries: readonly [number, number][], k: number): number {
  let seen = 0;
  for (const [value, n] of entries) {
    seen += n;
    if (seen >= k) return value;
  }
  throw new RangeError(`rank ${k} beyond ${seen}`);
}

/** The median: the middle duration, or the mean of the two middle ones for an even count; null when empty. */
export function medianOf(histogram: DurationHistogram): number | null {
  const entries = sortedEntries(histogram);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  if (total % 2 === 1) return kth(entries, (total + 1) / 2);
  return (kth(entries, total / 2) + kth(entries, total / 2 + 1)) / 2;
}

/**
 * The p-th percentile (0 < p ≤ 100) by nearest rank: the smallest duration that at least p% of requests took no
 * longer than (so the 90th percentile of 1..10 is 9, and it is always a duration some request took). Null when empty.
 */
export function percentileOf(histogram: DurationHistogram, p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100]: ${p}`);
  const entries = sortedEntries(histogram);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  return kth(entries, Math.ceil((p / 100) * total));
}

/**
 * Working days between two ISO dates in [from, to], answered in constant time once built: the count of working
 * days up to each date of the span. Gives what core `workingDaysBetween` gives for dates inside the span (and
 * falls back to walking the calendar outside it).
 */
export function workingDayCounter(from: string, to: string, holidays: HolidayDates) {
  const upTo = new Map<string, number>();
  let count = 0;
  let day = from;
  let guard = 0;
  while (day <= to && guard < 40_000) {
    if (isWorkingDay(day, holidays)) count += 1;
    upTo.set(day, count);
    day = nextDay(day);
    guard += 1;
  }
  return (a: string, b: string): number => {
    const ca = upTo.get(a);
    const cb = upTo.get(b);
    if (ca !== undefined && cb !== undefined) return cb - ca;
    return slowBetween(a, b, holidays);
  };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function slowBetween(a: string, b: string, holidays: HolidayDates): number {
  if (b < a) return -slowBetween(b, a, holidays);
  let n = 0;
  for (let day = nextDay(a); day <= b; day = nextDay(day)) if (isWorkingDay(day, holidays)) n += 1;
  return n;
}

/**
 * The dates the working-day calendar table covers (migration 0023): the service clocks' dates fall inside it for
 * decades; a date outside is still counted, by walking the calendar (see `workingDaysBetween`).
 */
export const workingDayCalendarSpan = { from: "2020-01-01", to: "2040-12-31" } as const;

/**
 * Each date of [from, to] with its working-day ordinal: how many working days there are from `from` up to and
 * including it. The working days strictly after a and up to b are then ordinal(b) − ordinal(a), which is what
 * `workingDaysBetween(a, b)` counts, so SQL can time a clock by a subtraction.
 */
export function workingDayOrdinals(
  from: string,
  to: string,
  holidays: HolidayDates,
): { day: string; ordinal: number }[] {
  const rows: { day: string; ordinal: number }[] = [];
  let ordinal = 0;
  for (let day = from; day <= to; day = nextDay(day)) {
    if (isWorkingDay(day, holidays)) ordinal += 1;
    rows.push({ day, ordinal });
  }
  return rows;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The day after an ISO date, by string arithmetic (a Date per row would cost more than the rest of the pass). */
function dayAfter(date: string): string {
  let y = Number(date.slice(0, 4));
  let m = Number(date.slice(5, 7));
  let d = Number(date.slice(8, 10)) + 1;
  const last = m === 2 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 31);
  if (d > last) {
    d = 1;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/**
 * The Bangkok calendar date (UTC+7, no daylight saving) of an ISO instant, as the database's `date(…, '+7 hours')`
 * gives it. Instants in UTC (`…Z`, what the server writes) are read as text: the date rolls over only from 17:00
 * UTC on. Any other form is parsed.
 */
export function bangkokDateOfInstant(instant: string): string {
  if (!UTC_INSTANT.test(instant)) {
    const time = Date.parse(instant);
    if (Number.isNaN(time)) throw new RangeError(`not an instant: ${instant}`);
    return new Date(time + 7 * 3_600_000).toISOString().slice(0, 10);
  }
  const date = instant.slice(0, 10);
  return Number(instant.slice(11, 13)) >= 17 ? dayAfter(date) : date;
}

/**
 * The columns of one request that the service figures read, as a tuple: field, status, province_code, provider_id,
 * expert_id, rating, filed_at, routed_at, first_response_at, closed_at, response_due_on, closure_due_on. A tuple,
 * not an object: the database hands tens of thousands of them over as one JSON array, which parses and reads several
 * times faster than as many row objects (node:sqlite's rows have no prototype, and each property read is a lookup).
 */
export type ServiceFigureRow = readonly [
  field: string,
  status: string,
  provinceCode: string,
  providerId: number | null,
  expertId: number | null,
  rating: number | null,
  filedAt: string,
  routedAt: string | null,
  firstResponseAt: string | null,
  closedAt: string | null,
  responseDueOn: string | null,
  closureDueOn: string | null,
];

/** One clock's counts, and the Bangkok dates each ended request started and ended (timed once working days are known). */
export type ClockTally = { timed: number; withinTarget: number; breached: number; spans: [string, string][] };

type Counts = { requests: number; open: number; closed: number; rated: number; ratingSum: number; satisfied: number };

export type ServiceFigureTallies = {
  byFieldAndStatus: { field: string; status: string; requests: number }[];
  byProvince: { provinceCode: string; requests: number }[];
  byProvider: ({ providerId: number | null } & Counts)[];
  byMonth: { month: string; requests: number }[];
  byExpert: Map<number, { open: number; closed: number }>;
  response: ClockTally;
  closure: ClockTally;
  /** The earliest and latest Bangkok dates of the spans (null without any): what the working-day calendar must cover. */
  span: { from: string; to: string } | null;
};

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Every count of the service figures in one pass over the requests' rows: per field and status, province, provider
 * (open, closed, ratings), Bangkok month and expert; and both clocks of routed requests. The clocks follow the
 * service levels: the response clock leaves out requests withdrawn without an answer, the closure clock every
 * withdrawn request; an ended clock is within target on or before its due date (no due date counts as within) and
 * breached after it; a clock still running is breached once its due date is before `today`.
 */
export function tallyServiceFigures(rows: readonly ServiceFigureRow[], today: string): ServiceFigureTallies {
  const fieldStatus = new Map<string, { field: string; status: string; requests: number }>();
  const provinces = new Map<string, number>();
  const providers = new Map<number | null, Counts>();
  const months = new Map<string, number>();
  const byExpert = new Map<number, { open: number; closed: number }>();
  const response: ClockTally = { timed: 0, withinTarget: 0, breached: 0, spans: [] };
  const closure: ClockTally = { timed: 0, withinTarget: 0, breached: 0, spans: [] };
  let from: string | null = null;
  let to: string | null = null;
  const widen = (a: string, b: string) => {
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    if (from === null || lo < from) from = lo;
    if (to === null || hi > to) to = hi;
  };
  for (const r of rows) {
    const field = r[0];
    const status = r[1];
    const providerId = r[3];
    const expertId = r[4];
    const rating = r[5];
    const key = `${field}\u0000${status}`;
    const fs = fieldStatus.get(key);
    if (fs) fs.requests += 1;
    else fieldStatus.set(key, { field, status, requests: 1 });
    bump(provinces, r[2]);
    bump(months, bangkokDateOfInstant(r[6]).slice(0, 7));
    const open = status === "assigned" || status === "accepted" ? 1 : 0;
    const closed = status === "closed" ? 1 : 0;
    let p = providers.get(providerId);
    if (!p) providers.set(providerId, (p = { requests: 0, open: 0, closed: 0, rated: 0, ratingSum: 0, satisfied: 0 }));
    p.requests += 1;
    p.open += open;
    p.closed += closed;
    if (rating !== null) {
      p.rated += 1;
      p.ratingSum += rating;
      if (rating >= 4) p.satisfied += 1;
    }
    if (expertId !== null) {
      const e = byExpert.get(expertId);
      if (e) {
        e.open += open;
        e.closed += closed;
      } else byExpert.set(expertId, { open, closed });
    }
    const routedAt = r[7];
    const firstResponseAt = r[8];
    const closedAt = r[9];
    if (routedAt === null || (status === "withdrawn" && firstResponseAt === null)) continue;
    const started = bangkokDateOfInstant(routedAt);
    const responded = firstResponseAt === null ? null : bangkokDateOfInstant(firstResponseAt);
    const ended = closed === 1 && closedAt !== null ? bangkokDateOfInstant(closedAt) : null;
    tallyClock(response, started, responded, r[10], true, today, widen);
    tallyClock(closure, started, ended, r[11], status !== "withdrawn", today, widen);
  }
  return {
    byFieldAndStatus: [...fieldStatus.values()],
    byProvince: [...provinces].map(([provinceCode, requests]) => ({ provinceCode, requests })),
    byProvider: [...providers].map(([providerId, c]) => ({ providerId, ...c })),
    byMonth: [...months].map(([month, requests]) => ({ month, requests })),
    byExpert,
    response,
    closure,
    span: from === null || to === null ? null : { from, to },
  };
}

function tallyClock(
  clock: ClockTally,
  started: string,
  ended: string | null,
  due: string | null,
  running: boolean,
  today: string,
  widen: (a: string, b: string) => void,
): void {
  if (ended !== null) {
    clock.timed += 1;
    if (due === null || ended <= due) clock.withinTarget += 1;
    else clock.breached += 1;
    clock.spans.push([started, ended]);
    widen(started, ended);
  } else if (running && due !== null && due < today) clock.breached += 1;
}

/**
 * A clock's durations in whole working days as a histogram: `between` counts the working days after the start up to
 * the end; a negative count (an end recorded before the start) counts as zero days.
 */
export function clockHistogram(
  spans: readonly [string, string][],
  between: (a: string, b: string) => number,
): Map<number, number> {
  const histogram = new Map<number, number>();
  for (const [a, b] of spans) {
    const days = Math.max(0, between(a, b));
    histogram.set(days, (histogram.get(days) ?? 0) + 1);
  }
  return histogram;
}

// ——— Roll-up (migration 0029): the figures kept per fiscal year, provider, province and field as requests change ———

/**
 * One clock's sums: ended clocks (within target or late) with their durations in working days as a histogram
 * (`days`: duration → requests), and clocks still running that have a due date, by due date (`openDue`: due date →
 * requests), which count as breached once the due date is before the day of asking.
 */
export type ClockSums = {
  timed: number;
  within: number;
  late: number;
  days: Record<string, number>;
  openDue: Record<string, number>;
};

/** A provider's counts in the sums: requests, open, closed, rated, sum of ratings, rated 4 or 5. */
export type ProviderSums = [number, number, number, number, number, number];

/**
 * What the service figures need of a set of requests: every figure is a count or a sum, or a histogram of counts,
 * so sums add up, and a request's change is a subtraction of what it counted before and an addition of what it
 * counts after. Maps keep no zero entries, so equal sets of requests give equal sums.
 */
export type ServiceFigureSums = {
  requests: number;
  /** `field|status` → requests */
  fieldStatus: Record<string, number>;
  /** province code → requests */
  provinces: Record<string, number>;
  /** provider id (0: none) → its counts */
  providers: Record<string, ProviderSums>;
  /** Bangkok month of filing (`yyyy-mm`) → requests */
  months: Record<string, number>;
  /** expert id → [open, closed] */
  experts: Record<string, [number, number]>;
  response: ClockSums;
  closure: ClockSums;
};

/**
 * A roll-up cell: the Thai fiscal year of the Bangkok filing date, and the provider (0: none), province and field of
 * the requests it sums; the fiscal year's total cell has provider −1, province and field `*`.
 */
export type FigureCellKey = { fiscalYear: number; providerKey: number; provinceCode: string; field: string };

/** The provider key, province and field of a fiscal year's total cell. */
export const figureTotalCell = { providerKey: -1, provinceCode: "*", field: "*" } as const;

const emptyClock = (): ClockSums => ({ timed: 0, within: 0, late: 0, days: {}, openDue: {} });

export function emptyFigureSums(): ServiceFigureSums {
  return {
    requests: 0,
    fieldStatus: {},
    provinces: {},
    providers: {},
    months: {},
    experts: {},
    response: emptyClock(),
    closure: emptyClock(),
  };
}

/** The cells a request counts in: its own (fiscal year, provider, province, field) and its fiscal year's total. */
export function figureCellKeys(row: ServiceFigureRow): [FigureCellKey, FigureCellKey] {
  const filed = bangkokDateOfInstant(row[6]);
  const month = Number(filed.slice(5, 7));
  const fiscalYear = month >= 10 ? Number(filed.slice(0, 4)) + 1 : Number(filed.slice(0, 4));
  return [
    { fiscalYear, providerKey: row[3] ?? 0, provinceCode: row[2], field: row[0] },
    { fiscalYear, ...figureTotalCell },
  ];
}

/** The cell's key as one string (to group deltas and order the cells a write locks). */
export const figureCellId = (k: FigureCellKey) =>
  `${k.fiscalYear}\u0000${k.providerKey}\u0000${k.provinceCode}\u0000${k.field}`;

function add(map: Record<string, number>, key: string, n: number): void {
  const v = (map[key] ?? 0) + n;
  if (v === 0) delete map[key];
  else map[key] = v;
}

function addTuple<T extends number[]>(map: Record<string, T>, key: string, values: Readonly<T>): void {
  const e = map[key] ?? (values.map(() => 0) as T);
  let zero = true;
  for (let i = 0; i < values.length; i++) {
    e[i] = (e[i] as number) + (values[i] as number);
    if (e[i] !== 0) zero = false;
  }
  if (zero) delete map[key];
  else map[key] = e;
}

/**
 * The dates a request's clocks start and end, as `tallyServiceFigures` reads them: the Bangkok dates of routing and
 * of the first response and of closure; null for a clock not ended.
 */
export function clockSpans(row: ServiceFigureRow): {
  response: [string, string] | null;
  closure: [string, string] | null;
} {
  const status = row[1];
  if (row[7] === null || (status === "withdrawn" && row[8] === null)) return { response: null, closure: null };
  const started = bangkokDateOfInstant(row[7]);
  const responded = row[8] === null ? null : bangkokDateOfInstant(row[8]);
  const closed = status === "closed" && row[9] !== null ? bangkokDateOfInstant(row[9]) : null;
  return {
    response: responded === null ? null : [started, responded],
    closure: closed === null ? null : [started, closed],
  };
}

function addClock(
  clock: ClockSums,
  span: [string, string] | null,
  due: string | null,
  running: boolean,
  sign: 1 | -1,
  between: (a: string, b: string) => number,
): void {
  if (span !== null) {
    clock.timed += sign;
    if (due === null || span[1] <= due) clock.within += sign;
    else clock.late += sign;
    add(clock.days, String(Math.max(0, between(span[0], span[1]))), sign);
  } else if (running && due !== null) add(clock.openDue, due, sign);
}

/**
 * Adds (sign 1) or takes away (sign −1) what one request counts in the figures, exactly as `tallyServiceFigures`
 * and `clockHistogram` count it; `between` gives working days between two Bangkok dates (the durations are fixed
 * when the request is written, so a change of holidays rebuilds the roll-up).
 */
export function addToFigureSums(
  sums: ServiceFigureSums,
  row: ServiceFigureRow,
  sign: 1 | -1,
  between: (a: string, b: string) => number,
): void {
  const status = row[1];
  const expertId = row[4];
  const rating = row[5];
  sums.requests += sign;
  add(sums.fieldStatus, `${row[0]}|${status}`, sign);
  add(sums.provinces, row[2], sign);
  add(sums.months, bangkokDateOfInstant(row[6]).slice(0, 7), sign);
  const open = status === "assigned" || status === "accepted" ? sign : 0;
  const closed = status === "closed" ? sign : 0;
  const rated = rating === null ? 0 : sign;
  const satisfied = rating !== null && rating >= 4 ? sign : 0;
  addTuple<ProviderSums>(sums.providers, String(row[3] ?? 0), [
    sign,
    open,
    closed,
    rated,
    rating === null ? 0 : sign * rating,
    satisfied,
  ]);
  if (expertId !== null && (open !== 0 || closed !== 0))
    addTuple<[number, number]>(sums.experts, String(expertId), [open, closed]);
  if (row[7] === null || (status === "withdrawn" && row[8] === null)) return;
  const spans = clockSpans(row);
  addClock(sums.response, spans.response, row[10], true, sign, between);
  addClock(sums.closure, spans.closure, row[11], status !== "withdrawn", sign, between);
}

function mergeClock(into: ClockSums, from: ClockSums): void {
  into.timed += from.timed;
  into.within += from.within;
  into.late += from.late;
  for (const k in from.days) add(into.days, k, from.days[k] as number);
  for (const k in from.openDue) add(into.openDue, k, from.openDue[k] as number);
}

/** Adds sums (or a delta of them) into others. */
export function mergeFigureSums(into: ServiceFigureSums, from: ServiceFigureSums): void {
  into.requests += from.requests;
  for (const k in from.fieldStatus) add(into.fieldStatus, k, from.fieldStatus[k] as number);
  for (const k in from.provinces) add(into.provinces, k, from.provinces[k] as number);
  for (const k in from.providers) addTuple(into.providers, k, from.providers[k] as ProviderSums);
  for (const k in from.months) add(into.months, k, from.months[k] as number);
  for (const k in from.experts) addTuple(into.experts, k, from.experts[k] as [number, number]);
  mergeClock(into.response, from.response);
  mergeClock(into.closure, from.closure);
}

const isEmptyClock = (c: ClockSums) =>
  c.timed === 0 &&
  c.within === 0 &&
  c.late === 0 &&
  Object.keys(c.days).length === 0 &&
  Object.keys(c.openDue).length === 0;

/** Whether the sums count nothing (a delta that changes nothing, or a cell whose requests all moved away). */
export function isEmptyFigureSums(s: ServiceFigureSums): boolean {
  return (
    s.requests === 0 &&
    [s.fieldStatus, s.provinces, s.providers, s.months, s.experts].every((m) => Object.keys(m).length === 0) &&
    isEmptyClock(s.response) &&
    isEmptyClock(s.closure)
  );
}

/** One clock's counts for the figures: durations as a histogram, breaches including running clocks past due. */
export type ClockCounts = { timed: number; withinTarget: number; breached: number; histogram: Map<number, number> };

/** The counts the service figures are made of, whether tallied from the requests or added up from the roll-up. */
export type ServiceFigureCounts = Omit<ServiceFigureTallies, "response" | "closure" | "span"> & {
  response: ClockCounts;
  closure: ClockCounts;
};

function clockCountsOf(c: ClockSums, today: string): ClockCounts {
  let breached = c.late;
  for (const due in c.openDue) if (due < today) breached += c.openDue[due] as number;
  const histogram = new Map<number, number>();
  for (const d in c.days) histogram.set(Number(d), c.days[d] as number);
  return { timed: c.timed, withinTarget: c.within, breached, histogram };
}

/** The figures' counts from roll-up cells' sums (those the filters select), as `tallyServiceFigures` counts them. */
export function countsFromSums(cells: readonly ServiceFigureSums[], today: string): ServiceFigureCounts {
  let sums: ServiceFigureSums;
  if (cells.length === 1) sums = cells[0] as ServiceFigureSums;
  else {
    sums = emptyFigureSums();
    for (const cell of cells) mergeFigureSums(sums, cell);
  }
  const byExpert = new Map<number, { open: number; closed: number }>();
  for (const id in sums.experts) {
    const [open, closed] = sums.experts[id] as [number, number];
    byExpert.set(Number(id), { open, closed });
  }
  return {
    byFieldAndStatus: Object.entries(sums.fieldStatus).map(([key, requests]) => {
      const bar = key.lastIndexOf("|");
      return { field: key.slice(0, bar), status: key.slice(bar + 1), requests };
    }),
    byProvince: Object.entries(sums.provinces).map(([provinceCode, requests]) => ({ provinceCode, requests })),
    byProvider: Object.entries(sums.providers).map(([key, [requests, open, closed, rated, ratingSum, satisfied]]) => ({
      providerId: key === "0" ? null : Number(key),
      requests,
      open,
      closed,
      rated,
      ratingSum,
      satisfied,
    })),
    byMonth: Object.entries(sums.months).map(([month, requests]) => ({ month, requests })),
    byExpert,
    response: clockCountsOf(sums.response, today),
    closure: clockCountsOf(sums.closure, today),
  };
}
