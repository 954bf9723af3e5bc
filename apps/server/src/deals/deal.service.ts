import {
  bangkokDateOfInstant,
  canMoveDeal,
  dealBuyerKey,
  fiscalYearOf,
  followUpDueDates,
  isFollowUpDue,
  realisedWithin,
  sameOrder,
  type Actor,
  type DealStage,
  type FollowUpMonths,
} from "@sainam/core";
import type {
  ListDealsQuery,
  MeetingOutcomeBody,
  RecordFollowUpBody,
  RecordOrderBody,
  UpdateDealBody,
  DealView,
  EventOutcomes,
} from "@sainam/contract";
import { audit, nowIso, programmes, type DB } from "@sainam/db";
import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { loadDealFor, loadEventFor, loadMeetingFor, dealResource, type DealRow } from "../events/event-access.ts";
import { can } from "../policies/policy.ts";
import { presentClaim } from "../programmes/programme.presenter.ts";

type Executor = Kysely<DB> | Transaction<DB>;

const userIdOf = (actor: Actor): number | null => (actor.kind === "user" ? actor.id : null);

/** Today's date in Bangkok by the app's clock (tests set the clock). */
export function todayOf(ctx: Pick<AppContext, "now">): string {
  return bangkokDateOfInstant(new Date(ctx.now()).toISOString());
}

/** A second insert on a unique index (an order claimed twice at once, a meeting's deal opened twice): a 409. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === "23505" || (typeof e?.message === "string" && e.message.includes("UNIQUE constraint failed"));
}

// ——— Presenting ———

async function presentDeal(db: Executor, actor: Actor, deal: DealRow, today: string): Promise<DealView> {
  const [event, firm, buyer, buyerFirm, followUps, orders, resource] = await Promise.all([
    deal.event_id === null
      ? undefined
      : db
          .selectFrom("trade_events")
          .select(["title_th", "title_en"])
          .where("id", "=", deal.event_id)
          .executeTakeFirst(),
    db.selectFrom("enterprises").select(["name_th", "name_en"]).where("id", "=", deal.enterprise_id).executeTakeFirst(),
    deal.buyer_id === null
      ? undefined
      : db.selectFrom("buyers").select(["name"]).where("id", "=", deal.buyer_id).executeTakeFirst(),
    deal.buyer_enterprise_id === null
      ? undefined
      : db
          .selectFrom("enterprises")
          .select(["name_th", "name_en"])
          .where("id", "=", deal.buyer_enterprise_id)
          .executeTakeFirst(),
    db.selectFrom("deal_follow_ups").selectAll().where("deal_id", "=", deal.id).orderBy("months").execute(),
    db
      .selectFrom("deal_orders as o")
      .leftJoin("value_claims as c", "c.deal_order_id", "o.id")
      .select([
        "o.id",
        "o.follow_up_id",
        "o.amount",
        "o.ordered_on",
        "o.evidence_note",
        "o.evidence_url",
        "o.created_at",
        "c.id as claim_id",
        "c.verification as claim_verification",
      ])
      .where("o.deal_id", "=", deal.id)
      .orderBy("o.ordered_on")
      .orderBy("o.id")
      .execute(),
    dealResource(db, actor, deal),
  ]);
  const orderAmounts = orders.map((o) => ({ amount: Number(o.amount), orderedOn: o.ordered_on }));
  return {
    id: deal.id,
    eventId: deal.event_id,
    eventTitleTh: event?.title_th ?? null,
    eventTitleEn: event?.title_en ?? null,
    meetingId: deal.meeting_id,
    enterpriseId: deal.enterprise_id,
    firmNameTh: firm?.name_th ?? null,
    firmNameEn: firm?.name_en ?? null,
    buyerId: deal.buyer_id,
    buyerEnterpriseId: deal.buyer_enterprise_id,
    buyerName: buyer?.name ?? buyerFirm?.name_th ?? buyerFirm?.name_en ?? null,
    programmeId: deal.programme_id,
    stage: deal.stage as DealStage,
    expectedValue: deal.expected_value === null ? null : Number(deal.expected_value),
    marketCountry: deal.market_country,
    note: deal.note,
    openedOn: deal.opened_on,
    createdAt: deal.created_at,
    updatedAt: deal.updated_at,
    followUps: followUps.map((f) => ({
      id: f.id,
      months: f.months as FollowUpMonths,
      dueOn: f.due_on,
      remindedAt: f.reminded_at,
      doneAt: f.done_at,
      stage: (f.stage as DealStage | null) ?? null,
      expectedValue: f.expected_value === null ? null : Number(f.expected_value),
      note: f.note,
      due: isFollowUpDue({ dueOn: f.due_on, doneAt: f.done_at }, today),
    })),
    orders: orders.map((o) => ({
      id: o.id,
      followUpId: o.follow_up_id,
      amount: Number(o.amount),
      orderedOn: o.ordered_on,
      evidenceNote: o.evidence_note,
      evidenceUrl: o.evidence_url,
      createdAt: o.created_at,
      claimId: o.claim_id ?? null,
      claimVerification: o.claim_verification ?? null,
    })),
    realised: {
      m3: realisedWithin(deal.opened_on, orderAmounts, 3),
      m6: realisedWithin(deal.opened_on, orderAmounts, 6),
      m12: realisedWithin(deal.opened_on, orderAmounts, 12),
      total: orderAmounts.reduce((sum, o) => sum + o.amount, 0),
    },
    canUpdate: can(actor, "update", resource),
  };
}

async function reloadDeal(ctx: AppContext, actor: Actor, id: number): Promise<DealView> {
  const { deal } = await loadDealFor(ctx.database.db, actor, id, "read");
  return presentDeal(ctx.database.db, actor, deal, todayOf(ctx));
}

// ——— A meeting's outcome ———

type Side = { id: number; enterprise_id: number | null; buyer_id: number | null; role: string };

/**
 * Who sells and who buys in a meeting: a firm and a buyer record → the firm sells to the buyer. Two firms → the one
 * named (it must be a side), else the caller's firm when it is a side, else the side that came to sell, else the
 * requester.
 */
function sellerAndBuyer(
  actor: Actor,
  requester: Side,
  target: Side,
  named: number | undefined,
): { seller: Side; buyer: Side } {
  const firms = [requester, target].filter((side) => side.enterprise_id !== null);
  if (firms.length === 0)
    throw errors.validation("sellerEnterpriseId", "neither side of this meeting is a member firm", "not_applicable");
  if (firms.length === 1) {
    const seller = firms[0]!;
    if (named !== undefined && named !== seller.enterprise_id)
      throw errors.validation("sellerEnterpriseId", "must be the firm that took part in the meeting", "invalid_choice");
    return { seller, buyer: seller === requester ? target : requester };
  }
  const callerFirm = actor.kind === "user" && actor.role === "member" ? actor.enterpriseId : null;
  let seller: Side | undefined;
  if (named !== undefined) {
    seller = firms.find((side) => side.enterprise_id === named);
    if (!seller)
      throw errors.validation("sellerEnterpriseId", "must be one of the two firms of the meeting", "invalid_choice");
  } else {
    seller =
      firms.find((side) => side.enterprise_id === callerFirm) ??
      firms.find((side) => side.role === "seller" && requester.role !== target.role) ??
      requester;
  }
  return { seller, buyer: seller === requester ? target : requester };
}

/** The meeting's day: its slot's day once scheduled, else the event's first day. */
async function meetingDay(db: Executor, slotId: number | null, eventStartsOn: string): Promise<string> {
  if (slotId === null) return eventStartsOn;
  const slot = await db.selectFrom("event_slots").select("day").where("id", "=", slotId).executeTakeFirst();
  return slot?.day ?? eventStartsOn;
}

/**
 * Records the outcome of a held meeting: creates the meeting's one deal (seller firm, buyer, market = the buyer's
 * country, programme = the event's funding programme) with its 3/6/12-month follow-ups from the meeting's day, or
 * updates it (the stage moving only as core `canMoveDeal` allows). Either side's firm or the event's keepers.
 */
export async function recordMeetingOutcome(
  ctx: AppContext,
  actor: Actor,
  meetingId: number,
  input: MeetingOutcomeBody,
): Promise<{ deal: DealView; created: boolean }> {
  const { db } = ctx.database;
  const { meeting, event } = await loadMeetingFor(db, actor, meetingId, "update");
  if (meeting.attendance !== "held")
    throw errors.conflict(
      `meeting ${meetingId} was not held (attendance: ${meeting.attendance ?? "not recorded"}): record the outcome after it is held`,
      "attendance",
      "wrong_status",
      { attendance: meeting.attendance ?? "none" },
    );
  const existing = await db.selectFrom("deals").selectAll().where("meeting_id", "=", meetingId).executeTakeFirst();
  const now = nowIso();
  if (existing) {
    const updated = await changeDeal(ctx, actor, existing, {
      stage: input.stage,
      ...(input.expectedValue !== undefined ? { expectedValue: input.expectedValue } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    });
    return { deal: updated, created: false };
  }
  const sides = await db
    .selectFrom("event_participants")
    .select(["id", "enterprise_id", "buyer_id", "role"])
    .where("id", "in", [meeting.requester_id, meeting.target_id])
    .execute();
  const requester = sides.find((side) => side.id === meeting.requester_id)!;
  const target = sides.find((side) => side.id === meeting.target_id)!;
  const { seller, buyer } = sellerAndBuyer(actor, requester, target, input.sellerEnterpriseId);
  const buyerCountry =
    buyer.buyer_id === null
      ? "TH"
      : ((await db.selectFrom("buyers").select("country_code").where("id", "=", buyer.buyer_id).executeTakeFirst())
          ?.country_code ?? null);
  const openedOn = await meetingDay(db, meeting.slot_id, event.starts_on);
  let dealId: number;
  try {
    dealId = await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("deals")
        .values({
          event_id: event.id,
          meeting_id: meeting.id,
          enterprise_id: seller.enterprise_id!,
          buyer_id: buyer.buyer_id,
          buyer_enterprise_id: buyer.enterprise_id,
          programme_id: event.programme_id,
          stage: input.stage,
          expected_value: input.expectedValue ?? null,
          market_country: buyerCountry,
          note: input.note ?? null,
          opened_on: openedOn,
          created_by: userIdOf(actor),
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("deal_follow_ups")
        .values(
          followUpDueDates(openedOn).map(({ months, dueOn }) => ({
            deal_id: id,
            months,
            due_on: dueOn,
            reminded_at: null,
            done_at: null,
            done_by: null,
            stage: null,
            expected_value: null,
            note: null,
          })),
        )
        .execute();
      // The note is the firm's own words and may name people: audited as present or not, never its text.
      await audit.appendAudit(trx, {
        actorUserId: userIdOf(actor),
        action: "deal.create",
        entityType: "deal",
        entityId: id,
        after: {
          meetingId: meeting.id,
          eventId: event.id,
          enterpriseId: seller.enterprise_id,
          stage: input.stage,
          expectedValue: input.expectedValue ?? null,
          note: Boolean(input.note),
        },
      });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw errors.conflict(`meeting ${meetingId} already has a deal`, "", "duplicate");
    throw error;
  }
  return { deal: await reloadDeal(ctx, actor, dealId), created: true };
}

// ——— Deals ———

async function changeDeal(ctx: AppContext, actor: Actor, deal: DealRow, input: UpdateDealBody): Promise<DealView> {
  const { db } = ctx.database;
  await loadDealFor(db, actor, deal.id, "update");
  if (input.stage !== undefined && !canMoveDeal(deal.stage as DealStage, input.stage))
    throw errors.validation("stage", `a deal at ${deal.stage} cannot move to ${input.stage}`, "invalid_choice", {
      from: deal.stage,
    });
  const patch = {
    ...(input.stage !== undefined ? { stage: input.stage } : {}),
    ...(input.expectedValue !== undefined ? { expected_value: input.expectedValue } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
    updated_at: nowIso(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("deals").set(patch).where("id", "=", deal.id).execute();
    await audit.appendAudit(trx, {
      actorUserId: userIdOf(actor),
      action: "deal.update",
      entityType: "deal",
      entityId: deal.id,
      before: { stage: deal.stage, expectedValue: deal.expected_value },
      after: {
        stage: input.stage ?? deal.stage,
        expectedValue: input.expectedValue === undefined ? deal.expected_value : input.expectedValue,
        ...(input.note !== undefined ? { note: Boolean(input.note) } : {}),
      },
    });
  });
  return reloadDeal(ctx, actor, deal.id);
}

export async function getDeal(ctx: AppContext, actor: Actor, id: number): Promise<DealView> {
  return reloadDeal(ctx, actor, id);
}

export async function updateDeal(ctx: AppContext, actor: Actor, id: number, input: UpdateDealBody): Promise<DealView> {
  const { deal } = await loadDealFor(ctx.database.db, actor, id, "update");
  return changeDeal(ctx, actor, deal, input);
}

/**
 * The deals a caller keeps, as SQL: a member its firm's; an officer those of events its agency organises or
 * programmes it runs, and events they created; a coordinator those of its clusters' firms and events they
 * created; admins all. The same people the deal policy lets read one deal.
 */
function keptDeals(actor: Actor) {
  return (eb: ExpressionBuilder<DB, "deals">): Expression<SqlBool> => {
    if (actor.kind !== "user") return eb.lit(false);
    if (actor.role === "admin") return eb.lit(true);
    const createdEvents = eb.selectFrom("trade_events").select("id").where("created_by", "=", actor.id);
    const ownEvents = eb("event_id", "in", createdEvents);
    if (actor.role === "member")
      return actor.enterpriseId === null ? eb.lit(false) : eb("enterprise_id", "=", actor.enterpriseId);
    if (actor.role === "agency_officer" && actor.agencyId !== null)
      return eb.or([
        ownEvents,
        eb(
          "event_id",
          "in",
          eb.selectFrom("trade_events").select("id").where("organiser_agency_id", "=", actor.agencyId),
        ),
        eb("programme_id", "in", eb.selectFrom("programmes").select("id").where("agency_id", "=", actor.agencyId)),
      ]);
    if (actor.role === "cluster_coordinator" && actor.clusterIds.length > 0)
      return eb.or([
        ownEvents,
        eb(
          "enterprise_id",
          "in",
          eb
            .selectFrom("memberships")
            .select("enterprise_id")
            .where("cluster_id", "in", [...actor.clusterIds])
            .where("left_on", "is", null)
            .where("approved_at", "is not", null),
        ),
      ]);
    return ownEvents;
  };
}

export async function listDeals(ctx: AppContext, actor: Actor, query: ListDealsQuery) {
  if (actor.kind !== "user") throw errors.unauthenticated();
  const { db } = ctx.database;
  const today = todayOf(ctx);
  let q = db.selectFrom("deals").where(keptDeals(actor));
  if (query.eventId !== undefined) q = q.where("event_id", "=", query.eventId);
  if (query.programmeId !== undefined) q = q.where("programme_id", "=", query.programmeId);
  if (query.stage !== undefined) q = q.where("stage", "=", query.stage);
  if (query.due === true)
    q = q.where(
      "id",
      "in",
      db.selectFrom("deal_follow_ups").select("deal_id").where("done_at", "is", null).where("due_on", "<=", today),
    );
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy("opened_on", "desc")
      .orderBy("id", "desc")
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    items: await Promise.all(rows.map((row) => presentDeal(db, actor, row, today))),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}

// ——— Follow-ups ———

/** Records a follow-up (again, to correct it): the stage then and the expectation now, moved onto the deal too. */
export async function recordFollowUp(
  ctx: AppContext,
  actor: Actor,
  dealId: number,
  months: FollowUpMonths,
  input: RecordFollowUpBody,
): Promise<DealView> {
  const { db } = ctx.database;
  const { deal } = await loadDealFor(db, actor, dealId, "update");
  const followUp = await db
    .selectFrom("deal_follow_ups")
    .selectAll()
    .where("deal_id", "=", dealId)
    .where("months", "=", months)
    .executeTakeFirst();
  if (!followUp) throw errors.notFound("follow-up", `${dealId}/${months}`);
  if (!canMoveDeal(deal.stage as DealStage, input.stage))
    throw errors.validation("stage", `a deal at ${deal.stage} cannot move to ${input.stage}`, "invalid_choice", {
      from: deal.stage,
    });
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("deal_follow_ups")
      .set({
        done_at: now,
        done_by: userIdOf(actor),
        stage: input.stage,
        expected_value: input.expectedValue ?? null,
        note: input.note ?? null,
      })
      .where("id", "=", followUp.id)
      .execute();
    await trx
      .updateTable("deals")
      .set({
        stage: input.stage,
        ...(input.expectedValue !== undefined ? { expected_value: input.expectedValue } : {}),
        updated_at: now,
      })
      .where("id", "=", dealId)
      .execute();
    await audit.appendAudit(trx, {
      actorUserId: userIdOf(actor),
      action: "deal.follow_up",
      entityType: "deal",
      entityId: dealId,
      before: { stage: deal.stage, followUpDone: followUp.done_at !== null },
      after: { months, stage: input.stage, expectedValue: input.expectedValue ?? null, note: Boolean(input.note) },
    });
  });
  return reloadDeal(ctx, actor, dealId);
}

// ——— Orders ———

/**
 * Records a realised order on a deal. Refused (409) when the same firm already recorded an order from the same
 * buyer on the same date for the same amount, on this or any other deal: a real order reported at two events, or
 * at the 6- and the 12-month follow-up, is counted once.
 */
export async function recordOrder(
  ctx: AppContext,
  actor: Actor,
  dealId: number,
  input: RecordOrderBody,
): Promise<DealView> {
  const { db } = ctx.database;
  const { deal } = await loadDealFor(db, actor, dealId, "update");
  if (!input.evidenceNote && !input.evidenceUrl)
    throw errors.validation("evidenceNote", "give evidence: a link or a note", "required", { or: "evidenceUrl" });
  const today = todayOf(ctx);
  if (input.orderedOn > today)
    throw errors.validation("orderedOn", "must not be in the future", "out_of_range", { max: today });
  if (input.orderedOn < deal.opened_on) throw errors.notBefore("orderedOn", "the meeting's day");
  let followUpId: number | null = null;
  if (input.followUpMonths !== undefined) {
    const followUp = await db
      .selectFrom("deal_follow_ups")
      .select("id")
      .where("deal_id", "=", dealId)
      .where("months", "=", input.followUpMonths)
      .executeTakeFirst();
    if (!followUp) throw errors.missing("followUpMonths", "follow-up", input.followUpMonths);
    followUpId = followUp.id;
  }
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await assertNewOrder(trx, deal, input);
    const { id } = await trx
      .insertInto("deal_orders")
      .values({
        deal_id: dealId,
        follow_up_id: followUpId,
        amount: input.amount,
        ordered_on: input.orderedOn,
        evidence_note: input.evidenceNote ?? null,
        evidence_url: input.evidenceUrl ?? null,
        created_by: userIdOf(actor),
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // An order moves the deal to its last stage (an order is final: see canMoveDeal).
    if (deal.stage !== "order")
      await trx.updateTable("deals").set({ stage: "order", updated_at: now }).where("id", "=", dealId).execute();
    await audit.appendAudit(trx, {
      actorUserId: userIdOf(actor),
      action: "deal.order",
      entityType: "deal_order",
      entityId: id,
      after: {
        dealId,
        amount: input.amount,
        orderedOn: input.orderedOn,
        followUpMonths: input.followUpMonths ?? null,
        evidenceUrl: Boolean(input.evidenceUrl),
        evidenceNote: Boolean(input.evidenceNote),
      },
    });
  });
  return reloadDeal(ctx, actor, dealId);
}

async function assertNewOrder(trx: Transaction<DB>, deal: DealRow, input: RecordOrderBody): Promise<void> {
  const candidates = await trx
    .selectFrom("deal_orders as o")
    .innerJoin("deals as d", "d.id", "o.deal_id")
    .select(["o.id", "o.deal_id", "o.amount", "o.ordered_on", "d.buyer_id", "d.buyer_enterprise_id"])
    .where("d.enterprise_id", "=", deal.enterprise_id)
    .where("o.ordered_on", "=", input.orderedOn)
    .execute();
  const key = {
    enterpriseId: deal.enterprise_id,
    buyerKey: dealBuyerKey({ buyerId: deal.buyer_id, buyerEnterpriseId: deal.buyer_enterprise_id }),
    orderedOn: input.orderedOn,
    amount: input.amount,
  };
  const same = candidates.find((c) =>
    sameOrder(key, {
      enterpriseId: deal.enterprise_id,
      buyerKey: dealBuyerKey({ buyerId: c.buyer_id, buyerEnterpriseId: c.buyer_enterprise_id }),
      orderedOn: c.ordered_on,
      amount: Number(c.amount),
    }),
  );
  if (same)
    throw errors.conflict(
      `this order (same firm, buyer, date and amount) is already recorded as order ${same.id} of deal ${same.deal_id}`,
      "amount",
      "duplicate",
      { orderId: same.id, dealId: same.deal_id },
    );
}

// ——— The claim an order becomes ———

/**
 * An order becomes an economic-value claim of the programme that funded the deal's event: method sales_increase,
 * the Thai fiscal year of the order's date, the order's evidence. Once per order (409 on a second claim); refused
 * (409) when the firm already has a standing identical claim (same fiscal year, method and amount), as another
 * programme or the firm itself may have claimed the same sale, so the value is counted once. Verification is the
 * existing flow: an officer of the programme's agency who did not record it.
 */
export async function claimOrder(ctx: AppContext, actor: Actor, orderId: number) {
  const { db } = ctx.database;
  const order = await db.selectFrom("deal_orders").selectAll().where("id", "=", orderId).executeTakeFirst();
  if (!order) throw errors.notFound("order", orderId);
  const { deal } = await loadDealFor(db, actor, order.deal_id, "update");
  if (deal.programme_id === null)
    throw errors.conflict(`deal ${deal.id} has no funding programme: its event names none`, "programmeId", "required");
  const existing = await db
    .selectFrom("value_claims")
    .select("id")
    .where("deal_order_id", "=", orderId)
    .executeTakeFirst();
  if (existing)
    throw errors.conflict(`order ${orderId} is already claim ${existing.id}`, "", "duplicate", {
      claimId: existing.id,
    });
  const fiscalYear = fiscalYearOf(order.ordered_on);
  const amount = Number(order.amount);
  const identical = await programmes.findIdenticalClaim(db, {
    enterprise_id: deal.enterprise_id,
    fiscal_year: fiscalYear,
    method: "sales_increase",
    amount,
  });
  if (identical)
    throw errors.conflict(
      `the firm already has claim ${identical.id} for the same amount, fiscal year and method: the value is counted once`,
      "amount",
      "duplicate",
      { claimId: identical.id },
    );
  const now = nowIso();
  const programmeId = deal.programme_id;
  let claimId: number;
  try {
    claimId = await db.transaction().execute(async (trx) => {
      const id = await programmes.insertClaim(trx, {
        enterprise_id: deal.enterprise_id,
        cluster_id: null,
        activity_id: null,
        deal_order_id: order.id,
        fiscal_year: fiscalYear,
        amount,
        method: "sales_increase",
        method_note: `Order ${order.id} of deal ${deal.id}${deal.event_id === null ? "" : ` (event ${deal.event_id})`}`,
        evidence_url: order.evidence_url,
        evidence_note: order.evidence_note ?? `Order of ${order.ordered_on}`,
        verification: "claimed",
        verified_by: null,
        verified_at: null,
        created_by: userIdOf(actor),
        is_example: 0,
        created_at: now,
        updated_at: now,
      });
      await programmes.linkClaimProgrammes(trx, id, [programmeId]);
      await audit.appendAudit(trx, {
        actorUserId: userIdOf(actor),
        action: "value_claim.create",
        entityType: "value_claim",
        entityId: id,
        after: { dealOrderId: order.id, dealId: deal.id, programmeIds: [programmeId], amount, fiscalYear },
      });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw errors.conflict(`order ${orderId} is already claimed`, "", "duplicate");
    throw error;
  }
  const claim = await programmes.findClaim(db, claimId);
  if (!claim) throw errors.notFound("value claim", claimId);
  // Whoever recorded it does not verify it (the existing rule), so canVerify is false for the caller.
  return { claim: presentClaim(claim, false), deal: await reloadDeal(ctx, actor, deal.id) };
}

// ——— An event's outcomes ———

/**
 * The held meetings of an event whose outcome the caller may record, with their deals: the event's keepers see
 * every held meeting, a member firm those it was a side of, anyone else who may read the event none.
 */
export async function listEventOutcomes(ctx: AppContext, actor: Actor, eventId: number): Promise<EventOutcomes> {
  const { db } = ctx.database;
  const { event, keeper } = await loadEventFor(db, actor, eventId, "read");
  const firm = actor.kind === "user" && actor.role === "member" ? actor.enterpriseId : null;
  if (!keeper && firm === null) return { eventId, titleTh: event.title_th, titleEn: event.title_en, keeper, items: [] };
  let q = db
    .selectFrom("meetings as m")
    .leftJoin("event_slots as s", "s.id", "m.slot_id")
    .leftJoin("deals as d", "d.meeting_id", "m.id")
    .select(["m.id", "m.requester_id", "m.target_id", "s.day", "d.id as deal_id", "d.stage", "d.expected_value"])
    .where("m.event_id", "=", eventId)
    .where("m.attendance", "=", "held");
  if (!keeper && firm !== null)
    q = q.where((eb) =>
      eb.or([
        eb("m.requester_id", "in", eb.selectFrom("event_participants").select("id").where("enterprise_id", "=", firm)),
        eb("m.target_id", "in", eb.selectFrom("event_participants").select("id").where("enterprise_id", "=", firm)),
      ]),
    );
  const meetings = await q.orderBy("s.day").orderBy("m.id").execute();
  const sideIds = [...new Set(meetings.flatMap((m) => [m.requester_id, m.target_id]))];
  const sides = sideIds.length
    ? await db
        .selectFrom("event_participants as p")
        .leftJoin("enterprises as e", "e.id", "p.enterprise_id")
        .leftJoin("buyers as b", "b.id", "p.buyer_id")
        .select(["p.id", "p.enterprise_id", "e.name_th", "e.name_en", "b.name as buyer_name", "b.country_code"])
        .where("p.id", "in", sideIds)
        .execute()
    : [];
  const side = (id: number) => {
    const row = sides.find((s) => s.id === id);
    return {
      enterpriseId: row?.enterprise_id ?? null,
      nameTh: row?.buyer_name ?? row?.name_th ?? null,
      nameEn: row?.buyer_name ?? row?.name_en ?? null,
      countryCode: row?.enterprise_id != null ? "TH" : (row?.country_code ?? null),
    };
  };
  return {
    eventId,
    titleTh: event.title_th,
    titleEn: event.title_en,
    keeper,
    items: meetings.map((m) => ({
      meetingId: m.id,
      day: m.day ?? event.starts_on,
      sides: [side(m.requester_id), side(m.target_id)],
      dealId: m.deal_id ?? null,
      stage: (m.stage as DealStage | null) ?? null,
      expectedValue: m.expected_value == null ? null : Number(m.expected_value),
    })),
  };
}
