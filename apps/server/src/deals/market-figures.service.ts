import {
  dealsByStage,
  horizonFigures,
  marketFunnel,
  type Actor,
  type DealForFigures,
  type DealStage,
  type FollowUpMonths,
  type Locale,
} from "@sainam/core";
import type { MarketFigures, MarketFiguresQuery } from "@sainam/contract";
import type { AppContext } from "../context.ts";
import { todayOf } from "./deal.service.ts";
import { renderMarketFiguresXlsx } from "./market-figures.xlsx.ts";

/**
 * Who sees which events in the figures: admins and agency officers every event (`full`); everyone else, the
 * public included, published events only (`public`). Either way the figures are aggregates: no firm, buyer or
 * contact is named.
 */
function detailFor(actor: Actor): "public" | "full" {
  return actor.kind === "user" && (actor.role === "admin" || actor.role === "agency_officer") ? "full" : "public";
}

/**
 * The market figures for the filters: events by event, programme, cluster, province and fiscal year (the
 * event's); the buyers' market narrows buyers, meetings (the buyer side's country; two Thai firms meet in TH) and
 * deals (their market). Participants count each firm once across the events; realised value counts each order
 * once (an order is recorded once: see deal.service recordOrder).
 */
export async function marketFigures(ctx: AppContext, actor: Actor, query: MarketFiguresQuery): Promise<MarketFigures> {
  const { db } = ctx.database;
  const detail = detailFor(actor);
  let events = db.selectFrom("trade_events").select(["id", "budget"]);
  if (detail === "public") events = events.where("published", "=", 1);
  if (query.eventId !== undefined) events = events.where("id", "=", query.eventId);
  if (query.programmeId !== undefined) events = events.where("programme_id", "=", query.programmeId);
  if (query.clusterId !== undefined) events = events.where("cluster_id", "=", query.clusterId);
  if (query.provinceCode !== undefined) events = events.where("province_code", "=", query.provinceCode);
  if (query.fiscalYear !== undefined) events = events.where("fiscal_year", "=", query.fiscalYear);
  const eventRows = await events.execute();
  const eventIds = eventRows.map((row) => row.id);
  const budget = eventRows.reduce((sum, row) => sum + Number(row.budget ?? 0), 0);
  const market = query.market;

  const [participantRows, meetingRows, dealRows] = eventIds.length
    ? await Promise.all([
        db
          .selectFrom("event_participants as p")
          .leftJoin("buyers as b", "b.id", "p.buyer_id")
          .select(["p.enterprise_id", "p.buyer_id", "b.country_code"])
          .where("p.event_id", "in", eventIds)
          .execute(),
        db
          .selectFrom("meetings as m")
          .innerJoin("event_participants as r", "r.id", "m.requester_id")
          .innerJoin("event_participants as t", "t.id", "m.target_id")
          .leftJoin("buyers as rb", "rb.id", "r.buyer_id")
          .leftJoin("buyers as tb", "tb.id", "t.buyer_id")
          .select([
            "m.status",
            "m.slot_id",
            "m.attendance",
            "r.enterprise_id as requester_firm",
            "t.enterprise_id as target_firm",
            "rb.country_code as requester_country",
            "tb.country_code as target_country",
          ])
          .where("m.event_id", "in", eventIds)
          .execute(),
        (market === undefined ? db.selectFrom("deals") : db.selectFrom("deals").where("market_country", "=", market))
          .select(["id", "enterprise_id", "stage", "opened_on", "expected_value"])
          .where("event_id", "in", eventIds)
          .execute(),
      ])
    : [[], [], []];

  const meetings = meetingRows
    .map((m) => ({
      status: m.status,
      scheduled: m.slot_id !== null,
      attendance: m.attendance,
      firmIds: [m.requester_firm, m.target_firm],
      market: m.requester_country ?? m.target_country ?? "TH",
    }))
    .filter((m) => market === undefined || m.market === market);
  const firmsInMarket = new Set(meetings.flatMap((m) => m.firmIds));
  const participants = participantRows
    .filter((p) =>
      market === undefined
        ? true
        : p.buyer_id !== null
          ? p.country_code === market
          : firmsInMarket.has(p.enterprise_id),
    )
    .map((p) => ({ enterpriseId: p.enterprise_id, buyerId: p.buyer_id }));

  const dealIds = dealRows.map((d) => d.id);
  const [followUps, orders] = dealIds.length
    ? await Promise.all([
        db
          .selectFrom("deal_follow_ups")
          .select(["deal_id", "months", "expected_value"])
          .where("deal_id", "in", dealIds)
          .where("done_at", "is not", null)
          .execute(),
        db
          .selectFrom("deal_orders")
          .select(["deal_id", "amount", "ordered_on"])
          .where("deal_id", "in", dealIds)
          .execute(),
      ])
    : [[], []];
  const deals: DealForFigures[] = dealRows.map((d) => {
    const followUpExpected: Partial<Record<FollowUpMonths, number | null>> = {};
    for (const f of followUps)
      if (f.deal_id === d.id)
        followUpExpected[f.months as FollowUpMonths] = f.expected_value === null ? null : Number(f.expected_value);
    return {
      id: d.id,
      enterpriseId: d.enterprise_id,
      stage: d.stage as DealStage,
      openedOn: d.opened_on,
      expectedValue: d.expected_value === null ? null : Number(d.expected_value),
      followUpExpected,
      orders: orders
        .filter((o) => o.deal_id === d.id)
        .map((o) => ({ amount: Number(o.amount), orderedOn: o.ordered_on })),
    };
  });

  const funnel = marketFunnel({ participants, meetings, deals });
  const step = (name: string) => funnel.find((row) => row.step === name)?.count ?? 0;
  const firms = new Set(participants.map((p) => p.enterpriseId).filter((id) => id !== null)).size;
  const buyers = new Set(participants.map((p) => p.buyerId).filter((id) => id !== null)).size;
  return {
    detail,
    fiscalYear: query.fiscalYear ?? null,
    events: eventIds.length,
    budget,
    participants: { firms, buyers },
    meetings: {
      requested: step("requested"),
      accepted: step("accepted"),
      scheduled: step("scheduled"),
      held: step("held"),
    },
    dealsByStage: dealsByStage(deals),
    horizons: horizonFigures(deals, budget, todayOf(ctx)),
    realisedTotal: deals.reduce((sum, d) => sum + d.orders.reduce((s, o) => s + o.amount, 0), 0),
    funnel,
  };
}

export async function marketFiguresXlsx(
  ctx: AppContext,
  actor: Actor,
  query: MarketFiguresQuery,
  locale: Locale = "th",
): Promise<{ body: Buffer; filename: string }> {
  const figures = await marketFigures(ctx, actor, query);
  const suffix = figures.fiscalYear === null ? "all" : `fy${figures.fiscalYear}`;
  return { body: await renderMarketFiguresXlsx(figures, locale), filename: `market-figures-${suffix}.xlsx` };
}
