// Scheduling benchmark (issue 14, point 8): a matchmaking day of 1,000 participants (700 firms, 300 buyers),
// 10,000 accepted requests (firm ↔ buyer, popular buyers asked more), 16 slots and 100 tables, each participant
// unavailable in some slots (a few whole half-days). Prints the share of meetings scheduled against the upper bound
// the scheduler's bound computes, next to the first-come greedy baseline in the same run, the scheduling time
// (target < 5 s) and memory. A second day with 500 tables shows the participants' availability binding instead of
// the tables. BENCH_RUNS (default 3) repeats each schedule for the median time.
import { performance } from "node:perf_hooks";
import {
  scheduleMeetings,
  scheduleMeetingsFirstCome,
  type ScheduleResult,
  type SchedulerInput,
  type SchedulerMeeting,
} from "@sainam/core";

const PARTICIPANTS = 1000;
const FIRMS = 700;
const REQUESTS = 10_000;
const SLOTS = 16;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** mulberry32: the same day every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function matchmakingDay(tables: number): SchedulerInput {
  const next = random(14);
  const slotIds = Array.from({ length: SLOTS }, (_, i) => i + 1);
  const participants = Array.from({ length: PARTICIPANTS }, (_, i) => {
    // One in five misses a half-day (the morning's or the afternoon's 8 slots); everyone misses a few more slots.
    const halfDay = next() < 0.2 ? (next() < 0.5 ? 0 : 1) : -1;
    const missing = new Set<number>();
    const extra = Math.floor(next() * 5);
    while (missing.size < extra) missing.add(1 + Math.floor(next() * SLOTS));
    return {
      id: i + 1,
      availableSlots: slotIds.filter((s) => Math.floor((s - 1) / 8) !== halfDay && !missing.has(s)),
    };
  });
  // Buyers' popularity falls off like 1/rank^0.8: a few are wanted by many firms.
  const buyers = PARTICIPANTS - FIRMS;
  const weights = Array.from({ length: buyers }, (_, r) => 1 / (r + 1) ** 0.8);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const cumulative: number[] = [];
  weights.reduce((sum, w) => (cumulative.push((sum + w) / total), sum + w), 0);
  const pickBuyer = () => {
    const x = next();
    let lo = 0;
    let hi = buyers - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return FIRMS + 1 + lo;
  };
  const pairs = new Set<string>();
  const meetings: SchedulerMeeting[] = [];
  while (meetings.length < REQUESTS) {
    const firm = 1 + Math.floor(next() * FIRMS);
    const buyer = pickBuyer();
    if (pairs.has(`${firm}:${buyer}`)) continue;
    pairs.add(`${firm}:${buyer}`);
    meetings.push({ id: meetings.length + 1, a: firm, b: buyer, order: meetings.length });
  }
  return {
    slots: slotIds.map((id) => ({ id })),
    tables: Array.from({ length: tables }, (_, i) => i + 1),
    participants,
    meetings,
  };
}

function timed(run: () => ScheduleResult): { result: ScheduleResult; medianMs: number } {
  const times: number[] = [];
  let result: ScheduleResult | undefined;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  return { result: result!, medianMs: Math.round(times[Math.floor(times.length / 2)]!) };
}

const share = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)} %`;

function reasons(result: ScheduleResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of result.placements) if (p.status === "unscheduled") counts[p.reason] = (counts[p.reason] ?? 0) + 1;
  return counts;
}

function benchDay(tables: number) {
  const input = matchmakingDay(tables);
  const heapBefore = process.memoryUsage().heapUsed;
  const scheduler = timed(() => scheduleMeetings(input));
  const heapAfter = process.memoryUsage().heapUsed;
  const greedy = timed(() => scheduleMeetingsFirstCome(input));
  const { bound } = scheduler.result;
  return {
    day: `${PARTICIPANTS} participants, ${REQUESTS} accepted requests, ${SLOTS} slots × ${tables} tables`,
    bound: bound.bound,
    boundParts: bound.parts,
    scheduler: {
      scheduled: scheduler.result.scheduled,
      ofBound: share(scheduler.result.scheduled, bound.bound),
      medianMs: scheduler.medianMs,
      unscheduled: reasons(scheduler.result),
    },
    firstCome: {
      scheduled: greedy.result.scheduled,
      ofBound: share(greedy.result.scheduled, bound.bound),
      medianMs: greedy.medianMs,
    },
    memory: {
      heapGrowthMb: Math.round((heapAfter - heapBefore) / 2 ** 20),
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    },
  };
}

export function runSchedulerBench() {
  return { issueDay: benchDay(100), ampleTables: benchDay(500) };
}
