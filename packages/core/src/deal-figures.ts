import { addMonths, dealStages, followUpMonths, type DealStage, type FollowUpMonths } from "./market.ts";

/**
 * Deals followed to value (issue 14, points 4 and 5): how a deal's stage may move, the value realised within 3, 6
 * and 12 months of its meeting, expected against realised, value per baht of budget, and the funnel from
 * participants to orders. Pure; the server loads rows and the web draws what these answer.
 */

/** The outcomes a meeting can have (every stage but `lead`, which only an inquiry opens). */
export const dealOutcomes = dealStages.filter((stage) => stage !== "lead") as Exclude<DealStage, "lead">[];
export type DealOutcome = Exclude<DealStage, "lead">;

export function isDealOutcome(value: string): value is DealOutcome {
  return (dealOutcomes as string[]).includes(value);
}

/** The position of a stage in `dealStages` (lead 0 … order 5). */
export function dealStageRank(stage: DealStage): number {
  return dealStages.indexOf(stage);
}

/**
 * Whether a deal may move from one stage to another: forward (follow-up → quotation → MoU → order), or to no
 * interest when it falls through, and back from no interest when it revives. Never back to `lead`, never
 * backwards otherwise (a quotation does not become a follow-up again), and an order is final: its value is
 * recorded as orders, which a later "no interest" must not hide. Staying put is allowed (an update of the
 * expectation only).
 */
export function canMoveDeal(from: DealStage, to: DealStage): boolean {
  if (from === to) return true;
  if (to === "lead" || from === "order") return false;
  if (to === "no_interest") return true;
  return dealStageRank(to) > dealStageRank(from);
}

/** A deal "moved on" from its meeting: a follow-up or beyond (not no interest, not a bare lead). */
export function isDealAlive(stage: DealStage): boolean {
  return dealStageRank(stage) >= dealStageRank("follow_up");
}

export type OrderLike = { amount: number; orderedOn: string };

/** The last day (inclusive) of the window of `months` after a deal's opening day. */
export function windowEnd(openedOn: string, months: FollowUpMonths): string {
  return addMonths(openedOn, months);
}

/**
 * Value realised within `months` of the deal's opening day (its meeting): orders dated from that day up to and
 * including the day `months` later. An order before the meeting is not the meeting's doing and is left out.
 */
export function realisedWithin(openedOn: string, orders: readonly OrderLike[], months: FollowUpMonths): number {
  const end = windowEnd(openedOn, months);
  return orders
    .filter((order) => order.orderedOn >= openedOn && order.orderedOn <= end)
    .reduce((sum, order) => sum + order.amount, 0);
}

export type DealForFigures = {
  id: number;
  enterpriseId: number;
  stage: DealStage;
  openedOn: string;
  /** The expectation recorded with the outcome (or last changed on the deal). */
  expectedValue: number | null;
  /** The expectation recorded at each follow-up done, by months. */
  followUpExpected: Partial<Record<FollowUpMonths, number | null>>;
  orders: readonly OrderLike[];
};

export type HorizonFigures = {
  months: FollowUpMonths;
  /** Sum of what was expected at this horizon: the follow-up's expectation when recorded, else the deal's. */
  expected: number;
  realised: number;
  /** Deals whose window has closed by `today` (their figure for this horizon is final). */
  dealsClosed: number;
  /** Realised value per baht of budget (null without a budget). */
  perBaht: number | null;
};

/** Expectation of one deal at a horizon: the follow-up's when it was recorded, else the latest known. */
export function expectedAt(deal: DealForFigures, months: FollowUpMonths): number {
  const atFollowUp = deal.followUpExpected[months];
  return atFollowUp ?? deal.expectedValue ?? 0;
}

/** Realised value per baht of budget, or null when there is no budget to divide by. */
export function realisedPerBaht(realised: number, budget: number): number | null {
  return budget > 0 ? realised / budget : null;
}

/** Expected against realised at 3, 6 and 12 months over a set of deals, with value per baht of `budget`. */
export function horizonFigures(deals: readonly DealForFigures[], budget: number, today: string): HorizonFigures[] {
  return followUpMonths.map((months) => {
    let expected = 0;
    let realised = 0;
    let dealsClosed = 0;
    for (const deal of deals) {
      expected += expectedAt(deal, months);
      realised += realisedWithin(deal.openedOn, deal.orders, months);
      if (windowEnd(deal.openedOn, months) < today) dealsClosed += 1;
    }
    return { months, expected, realised, dealsClosed, perBaht: realisedPerBaht(realised, budget) };
  });
}

/** Deals counted by stage, every stage present (0 when none). */
export function dealsByStage(deals: readonly { stage: DealStage }[]): Record<DealStage, number> {
  const counts = Object.fromEntries(dealStages.map((stage) => [stage, 0])) as Record<DealStage, number>;
  for (const deal of deals) counts[deal.stage] += 1;
  return counts;
}

export type ParticipantForFigures = { enterpriseId: number | null; buyerId: number | null };
export type MeetingForFigures = {
  status: string;
  scheduled: boolean;
  attendance: string | null;
  /** The firms on the two sides (a buyer side is null). */
  firmIds: readonly (number | null)[];
};

export const funnelSteps = ["participants", "requested", "accepted", "scheduled", "held", "deals", "orders"] as const;
export type FunnelStep = (typeof funnelSteps)[number];

/**
 * One step of the funnel: `count` what the step counts (participants, meetings, deals), `firms` the distinct
 * member firms at that step. A firm at two events, or in two meetings, is one firm (DESIGN §4: de-duplicated by
 * juristic ID, which is one enterprise record).
 */
export type FunnelRow = { step: FunnelStep; count: number; firms: number };

/**
 * The funnel from participants to orders: participants (firms once across events, buyers once), meetings
 * requested (every meeting asked for), accepted, scheduled (accepted and in a slot), held, deals at follow-up or
 * beyond, and deals with a realised order (or at the order stage).
 */
export function marketFunnel(input: {
  participants: readonly ParticipantForFigures[];
  meetings: readonly MeetingForFigures[];
  deals: readonly Pick<DealForFigures, "enterpriseId" | "stage" | "orders">[];
}): FunnelRow[] {
  const distinctFirms = (ids: Iterable<number | null>) => new Set([...ids].filter((id) => id !== null)).size;
  const meetingsWhere = (keep: (m: MeetingForFigures) => boolean) => {
    const kept = input.meetings.filter(keep);
    return { count: kept.length, firms: distinctFirms(kept.flatMap((m) => m.firmIds)) };
  };
  const firms = distinctFirms(input.participants.map((p) => p.enterpriseId));
  const buyers = new Set(input.participants.map((p) => p.buyerId).filter((id) => id !== null)).size;
  const accepted = (m: MeetingForFigures) => m.status === "accepted";
  const alive = input.deals.filter((deal) => isDealAlive(deal.stage));
  const ordered = input.deals.filter((deal) => deal.stage === "order" || deal.orders.length > 0);
  return [
    { step: "participants", count: firms + buyers, firms },
    { step: "requested", ...meetingsWhere(() => true) },
    { step: "accepted", ...meetingsWhere(accepted) },
    { step: "scheduled", ...meetingsWhere((m) => accepted(m) && m.scheduled) },
    { step: "held", ...meetingsWhere((m) => m.attendance === "held") },
    { step: "deals", count: alive.length, firms: distinctFirms(alive.map((d) => d.enterpriseId)) },
    { step: "orders", count: ordered.length, firms: distinctFirms(ordered.map((d) => d.enterpriseId)) },
  ];
}

/**
 * Whether two orders are the same real order: same selling firm, same buyer (a buyer record or a Thai firm), same
 * date and amount, whichever deal (event, follow-up) they were recorded on.
 */
export function sameOrder(
  a: { enterpriseId: number; buyerKey: string; orderedOn: string; amount: number },
  b: { enterpriseId: number; buyerKey: string; orderedOn: string; amount: number },
): boolean {
  return (
    a.enterpriseId === b.enterpriseId &&
    a.buyerKey === b.buyerKey &&
    a.orderedOn === b.orderedOn &&
    Math.abs(a.amount - b.amount) < 0.005
  );
}

/** The key an order's buyer is compared by: `b:<buyer id>` or `e:<enterprise id>`. */
export function dealBuyerKey(deal: { buyerId: number | null; buyerEnterpriseId: number | null }): string {
  return deal.buyerId !== null ? `b:${deal.buyerId}` : `e:${deal.buyerEnterpriseId ?? 0}`;
}

/** Follow-ups due (not done) on or before `today`, as the reminders job and the deals list see them. */
export function isFollowUpDue(followUp: { dueOn: string; doneAt: string | null }, today: string): boolean {
  return followUp.doneAt === null && followUp.dueOn <= today;
}
