import { expertFields, type RequestStatus } from "@sainam/core";
import { caseWork, holidays, serviceFigureRollup, serviceRequests, type DB } from "@sainam/db";
import type { Transaction } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, unique } from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { requestFactory } from "./request-factory.ts";
import { serviceFiguresByScan, serviceFiguresFor } from "./service-figures.service.ts";

// The service figures' roll-up (migration 0029) against the scan of the requests it replaces (the oracle): random
// request histories — filed, routed, rerouted, declined, accepted, closed, rated, withdrawn — written through the
// repository calls the services make, interleaved, over Bangkok midnights, fiscal-year ends and dates outside the
// working-day calendar, with a holiday added half-way; then every filter combination must give the same figures.

/** A deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const bangkokDate = (ms: number) => isoDate(ms + 7 * HOUR);

// Days near fiscal-year ends (30 Sep / 1 Oct), Songkran, and outside the calendar table (before 2020).
const ANCHORS = ["2019-12-24", "2025-09-28", "2026-09-29", "2027-04-10", "2027-09-29", "2028-01-05"].map((d) =>
  Date.parse(`${d}T00:00:00Z`),
);
const PROVINCES = ["10", "50", "57"];
const FIELDS = expertFields.slice(0, 3);

type Step = (trx: Transaction<DB>) => Promise<void>;

let t: TestApp;
let providers: number[];
let experts: Map<number, number[]>;

/** An instant near a Bangkok midnight (17:00 UTC) more often than not. */
function instantNear(rng: ReturnType<typeof random>, base: number): number {
  const day = base + rng.int(12) * DAY;
  return rng.chance(0.6) ? day + 16 * HOUR + rng.int(2 * 3600) * 1000 : day + rng.int(24 * 3600) * 1000;
}

/** One request's history as steps, each a transaction of the writes the services make at that moment. */
function history(rng: ReturnType<typeof random>, enterpriseId: number): Step[] {
  const filed = instantNear(rng, rng.pick(ANCHORS));
  let id = 0;
  let at = filed;
  let status = "unassigned" as RequestStatus;
  let responded = false;
  const later = (max: number) => (at += rng.int(max) * HOUR + 60_000);
  const due = () => (rng.chance(0.15) ? null : bangkokDate(at + (rng.int(9) - 1) * DAY));
  const steps: Step[] = [];
  steps.push(async (trx) => {
    id = await serviceRequests.insertRequest(trx, {
      code: `RU-${unique()}`,
      enterprise_id: enterpriseId,
      field: rng.pick(FIELDS),
      need_text: "ต้องการคำปรึกษา",
      province_code: rng.pick(PROVINCES),
      mode: "phone",
      filed_via: "member",
      filed_at: new Date(filed).toISOString(),
      status: "unassigned",
      created_at: new Date(filed).toISOString(),
      updated_at: new Date(filed).toISOString(),
    });
  });
  const route = (first: boolean) => {
    const provider = rng.pick(providers);
    const expert = rng.pick(experts.get(provider) ?? []);
    const when = new Date(later(30)).toISOString();
    const responseDue = due();
    const closureDue = due();
    steps.push(async (trx) => {
      await serviceRequests.updateRequest(trx, id, {
        status: "assigned",
        provider_id: provider,
        expert_id: expert,
        response_due_on: responseDue,
        ...(first ? { routed_at: when, closure_due_on: closureDue } : {}),
        updated_at: when,
      });
    });
    status = "assigned";
  };
  if (rng.chance(0.85)) route(true);
  for (let hops = 0; status === "assigned" && hops < 2 && rng.chance(0.3); hops++) {
    // Declined: the first answer is stamped, then the request is rerouted or left unassigned.
    const when = new Date(later(40)).toISOString();
    const first = !responded;
    steps.push(async (trx) => {
      await serviceRequests.updateRequest(trx, id, { ...(first ? { first_response_at: when } : {}), updated_at: when });
    });
    responded = true;
    if (rng.chance(0.7)) route(false);
    else {
      steps.push(async (trx) => {
        await serviceRequests.updateRequest(trx, id, { status: "unassigned", expert_id: null, response_due_on: null });
      });
      status = "unassigned";
    }
  }
  if (status === "assigned" && rng.chance(0.75)) {
    const when = new Date(later(24 * 6)).toISOString();
    const first = !responded;
    steps.push(async (trx) => {
      await serviceRequests.updateRequest(trx, id, {
        status: "accepted",
        accepted_at: when,
        ...(first ? { first_response_at: when } : {}),
        updated_at: when,
      });
    });
    status = "accepted";
  }
  if (status === "accepted" && rng.chance(0.7)) {
    // Now and then closed "before" it was routed (a clock recorded backwards counts as zero days).
    const when = new Date(rng.chance(0.05) ? filed - DAY : later(24 * 40)).toISOString();
    steps.push(async (trx) => {
      await caseWork.closeRequest(trx, id, {
        closed_at: when,
        closed_by: null,
        outcome_kind: "sales",
        outcome_amount: null,
        result_text: "ยอดขายเพิ่มขึ้น",
        programme_id: null,
      });
    });
    status = "closed";
    if (rng.chance(0.6)) {
      const rating = 1 + rng.int(5);
      const ratedAt = new Date(later(24 * 5)).toISOString();
      steps.push(async (trx) => {
        await caseWork.rateRequest(trx, id, { rating, rating_comment: null, rated_at: ratedAt });
      });
    }
  }
  if (status !== "closed" && rng.chance(0.2)) {
    const when = new Date(later(24 * 10)).toISOString();
    steps.push(async (trx) => {
      await serviceRequests.updateRequest(trx, id, { status: "withdrawn", updated_at: when });
    });
  }
  return steps;
}

beforeAll(async () => {
  t = await createTestApp();
  const f = requestFactory(t.ctx.database);
  const admin = await signInAs(t, "admin");
  const enterpriseId = await f.enterprise(admin);
  providers = [
    await f.provider({ responseDays: 2, closureDays: 10 }),
    await f.provider(),
    await f.provider({ responseDays: 3 }),
  ];
  experts = new Map();
  for (const p of providers) experts.set(p, [await f.expert(p), await f.expert(p)]);

  const rng = random(20261207);
  const queues = Array.from({ length: 240 }, () => history(rng, enterpriseId));
  const { db } = t.ctx.database;
  let written = 0;
  // Interleaved: each turn takes the next step of a random request still in progress.
  while (queues.length > 0) {
    const i = rng.int(queues.length);
    const step = queues[i]?.shift();
    if (step === undefined) {
      queues.splice(i, 1);
      continue;
    }
    await db.transaction().execute(step);
    written += 1;
    if (written === 400) {
      // A holiday added half-way: every duration across it shrinks (the roll-up is rebuilt in that transaction).
      const now = new Date().toISOString();
      await db.transaction().execute(async (trx) => {
        for (const date of ["2026-10-02", "2027-09-28"])
          if ((await holidays.findByDate(trx, date)) === undefined)
            await holidays.insert(trx, {
              date,
              name_th: "วันหยุดทดสอบ",
              name_en: null,
              kind: "public",
              created_at: now,
              updated_at: now,
            });
      });
    }
  }
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe("#service figures roll-up", () => {
  it("gives the scan's figures for every filter combination", async () => {
    const system = { kind: "system" } as const;
    let compared = 0;
    let nonEmpty = 0;
    for (const now of [new Date("2027-10-01T02:00:00Z"), new Date("2026-10-15T16:59:00Z")])
      for (const fiscalYear of [undefined, 2020, 2026, 2027, 2028])
        for (const providerId of [undefined, ...providers])
          for (const provinceCode of [undefined, ...PROVINCES])
            for (const field of [undefined, ...FIELDS]) {
              const query = { fiscalYear, providerId, provinceCode, field };
              const rolled = await serviceFiguresFor(t.ctx, system, query, now);
              expect(rolled, JSON.stringify(query)).toEqual(await serviceFiguresByScan(t.ctx, system, query, now));
              compared += 1;
              if (rolled.totals.requests > 0) nonEmpty += 1;
            }
    expect(compared).toBe(2 * 5 * 4 * 4 * 4);
    // The workload reaches the clocks, the breaches and the ratings in most views.
    const all = await serviceFiguresFor(t.ctx, system, {}, new Date("2027-10-01T02:00:00Z"));
    expect(all.totals.requests).toBe(240);
    expect(all.response.timed).toBeGreaterThan(50);
    expect(all.closure.breached).toBeGreaterThan(0);
    expect(all.satisfaction.rated).toBeGreaterThan(10);
    expect(nonEmpty).toBeGreaterThan(compared / 2);
  });

  it("equals its own rebuild from the requests", async () => {
    const { db } = t.ctx.database;
    const kept = await serviceFigureRollup.allCells(db);
    const rebuilt = await db.transaction().execute(async (trx) => {
      await serviceFigureRollup.rebuildFigureRollup(trx);
      return serviceFigureRollup.allCells(trx);
    });
    expect(kept.length).toBeGreaterThan(20);
    expect(rebuilt).toEqual(kept);
  });
});
