import { canMoveTo, fiscalYearOf, isRequestStatus, type Actor } from "@sainam/core";
import {
  audit,
  caseWork,
  nowIso,
  programmes,
  type ConsultationRow,
  type DB,
  type RequestTaskRow,
  type ServiceRequestRow,
} from "@sainam/db";
import type {
  ClaimRequestBody,
  CloseRequestBody,
  CreateConsultationBody,
  CreateTaskBody,
  RateRequestBody,
  UpdateConsultationBody,
  UpdateTaskBody,
} from "@sainam/contract";
import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { can, type ServiceRequestResource } from "../policies/policy.ts";
import { presentClaim } from "../programmes/programme.presenter.ts";
import { loadRequestFor, recordRequestEvent } from "../service-requests/request-access.ts";

/*
 * Case work on a request for help (issue 13, point 5). Who: the policy's `update` on the request (the assigned
 * expert once they accepted, the provider's managers and its agency's officers, admins) records consultations and
 * follow-up tasks and closes the request with a result; everyone who may read the request (the firm included)
 * sees them. Consultations and new tasks only while the request is accepted: closure sums the work up. A task
 * may still be ticked off after closure (a follow-up is often done after the result).
 *
 * The rating is the firm's own voice: only a member user of the firm rates, once, after closure, and the rating
 * is final. An officer does not rate on the firm's behalf, because the ratings feed a satisfaction KPI their own
 * agency is judged on; and a rating does not change later, because a satisfaction value computed from it may
 * already be approved.
 */

function userIdOf(actor: Actor): number | null {
  return actor.kind === "user" ? actor.id : null;
}

/** The firm's own member users: the only ones who rate its requests. */
function isFirmMember(actor: Actor, request: ServiceRequestRow): boolean {
  return actor.kind === "user" && actor.role === "member" && actor.enterpriseId === request.enterprise_id;
}

function statusOf(request: ServiceRequestRow) {
  if (!isRequestStatus(request.status)) throw new Error(`request ${request.id} has an unknown status`);
  return request.status;
}

/** Case work is written while the request is accepted; anything else is a 409 naming the status. */
function assertWorkable(request: ServiceRequestRow): void {
  if (request.status !== "accepted")
    throw errors.conflict(
      `request ${request.code} is ${request.status}: case work is recorded while it is accepted`,
      "",
      "wrong_status",
      { status: request.status },
    );
}

function presentConsultation(c: ConsultationRow) {
  return {
    id: c.id,
    requestId: c.request_id,
    expertId: c.expert_id,
    heldOn: c.held_on,
    mode: c.mode,
    hours: Number(c.hours),
    advice: c.advice,
    nextSteps: c.next_steps,
    createdBy: c.created_by,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

function presentTask(t: RequestTaskRow) {
  return {
    id: t.id,
    requestId: t.request_id,
    title: t.title,
    dueOn: t.due_on,
    done: t.done_at !== null,
    doneAt: t.done_at,
    createdAt: t.created_at,
  };
}

const brief = (p: { id: number; code: string; name_th: string | null; name_en: string | null }) => ({
  id: p.id,
  code: p.code,
  nameTh: p.name_th,
  nameEn: p.name_en,
});

function hasClaimableAmount(request: ServiceRequestRow): boolean {
  return request.outcome_amount !== null && Number(request.outcome_amount) > 0;
}

async function presentCaseWork(
  db: Kysely<DB>,
  actor: Actor,
  request: ServiceRequestRow,
  resource: ServiceRequestResource,
) {
  const mayUpdate = can(actor, "update", resource);
  const [consultations, tasks, claim, programme] = await Promise.all([
    caseWork.listConsultations(db, request.id),
    caseWork.listTasks(db, request.id),
    caseWork.claimOfRequest(db, request.id),
    request.programme_id === null ? undefined : caseWork.findProgrammeBrief(db, request.programme_id),
  ]);
  const closed = request.status === "closed";
  const mayClaim = mayUpdate && closed && hasClaimableAmount(request) && claim === undefined;
  // The choices are needed only by those who may name the programme: when the request names none yet.
  const choices =
    mayUpdate && request.programme_id === null ? await caseWork.programmesOfFirm(db, request.enterprise_id) : [];
  return {
    requestId: request.id,
    code: request.code,
    status: request.status,
    consultations: consultations.map(presentConsultation),
    tasks: tasks.map(presentTask),
    closure:
      closed && request.closed_at !== null && request.outcome_kind !== null
        ? {
            closedAt: request.closed_at,
            closedBy: request.closed_by,
            outcomeKind: request.outcome_kind,
            amount: request.outcome_amount === null ? null : Number(request.outcome_amount),
            resultText: request.result_text ?? "",
          }
        : null,
    rating:
      request.rating !== null && request.rated_at !== null
        ? { rating: Number(request.rating), comment: request.rating_comment, ratedAt: request.rated_at }
        : null,
    programme: programme ? brief(programme) : null,
    claim: claim
      ? {
          id: claim.id,
          amount: Number(claim.amount),
          fiscalYear: claim.fiscal_year,
          method: claim.method,
          verification: claim.verification,
          programmeIds: await programmes.claimProgrammeIds(db, claim.id),
        }
      : null,
    programmeChoices: choices.map(brief),
    can: {
      work: mayUpdate && request.status === "accepted",
      tasks: mayUpdate && (request.status === "accepted" || closed),
      close: mayUpdate && canMoveTo(statusOf(request), "closed"),
      rate: closed && request.rating === null && isFirmMember(actor, request),
      claim: mayClaim,
    },
  };
}

/** The case-work panel of a request: for everyone who may read the request. */
export async function getCaseWork(ctx: AppContext, actor: Actor, requestId: number) {
  const { db } = ctx.database;
  const { request, resource } = await loadRequestFor(db, actor, requestId, "read");
  return presentCaseWork(db, actor, request, resource);
}

async function reload(ctx: AppContext, actor: Actor, requestId: number) {
  return getCaseWork(ctx, actor, requestId);
}

// ——— Consultations ———

export async function addConsultation(ctx: AppContext, actor: Actor, requestId: number, input: CreateConsultationBody) {
  const { db } = ctx.database;
  const { request } = await loadRequestFor(db, actor, requestId, "update");
  assertWorkable(request);
  const now = nowIso();
  const row = await db.transaction().execute(async (trx) => {
    const created = await caseWork.insertConsultation(trx, {
      request_id: request.id,
      expert_id: request.expert_id,
      held_on: input.heldOn,
      mode: input.mode,
      hours: input.hours,
      advice: input.advice,
      next_steps: input.nextSteps ?? null,
      created_by: userIdOf(actor),
      created_at: now,
      updated_at: now,
    });
    await audit.appendAudit(trx, {
      actorUserId: userIdOf(actor),
      action: "consultation.create",
      entityType: "consultation",
      entityId: created.id,
      after: { requestId: request.id, heldOn: input.heldOn, mode: input.mode, hours: input.hours },
    });
    await recordRequestEvent(trx, request.id, "consultation", userIdOf(actor), {
      consultationId: created.id,
      heldOn: input.heldOn,
      mode: input.mode,
      hours: input.hours,
    });
    return created;
  });
  return presentConsultation(row);
}

export async function updateConsultation(
  ctx: AppContext,
  actor: Actor,
  requestId: number,
  consultationId: number,
  input: UpdateConsultationBody,
) {
  const { db } = ctx.database;
  const { request } = await loadRequestFor(db, actor, requestId, "update");
  const before = await caseWork.findConsultation(db, request.id, consultationId);
  if (!before) throw errors.notFound("consultation", consultationId);
  assertWorkable(request);
  const patch = {
    ...(input.heldOn !== undefined ? { held_on: input.heldOn } : {}),
    ...(input.mode !== undefined ? { mode: input.mode } : {}),
    ...(input.hours !== undefined ? { hours: input.hours } : {}),
    ...(input.advice !== undefined ? { advice: input.advice } : {}),
    ...(input.nextSteps !== undefined ? { next_steps: input.nextSteps } : {}),
  };
  const row = await db.transaction().execute(async (trx) => {
    const after = await caseWork.updateConsultation(trx, before.id, { ...patch, updated_at: nowIso() });
    await audit.appendAudit(trx, {
      actorUserId: userIdOf(actor),
      action: "consultation.update",
      entityType: "consultation",
      entityId: before.id,
      // What changed, not the advice itself: it may quote the firm's affairs at length.
      before: { heldOn: before.held_on, mode: before.mode, hours: Number(before.hours) },
      after: { heldOn: after.held_on, mode: after.mode, hours: Number(after.hours), fields: Object.keys(input) },
    });
    return after;
  });
  return presentConsultation(row);
}

// ——— Follow-up tasks ———

export async function addTask(ctx: AppContext, actor: Actor, requestId: number, input: CreateTaskBody) {
  const { db } = ctx.database;
  const { request } = await loadRequestFor(db, actor, requestId, "update");
  assertWorkable(request);
  const now = nowIso();
  const row = await db.transaction().execute(async (trx) => {
    const created = await caseWork.insertTask(trx, {
      request_id: request.id,
      title: input.title,
      due_on: input.dueOn ?? null,
      created_by: userIdOf(actor),
      created_at: now,
      updated_at: now,
    });
    await audit.appendAudit(trx, {
      actorUserId: userIdOf(actor),
      action: "request_task.create",
      entityType: "request_task",
      entityId: created.id,
      after: { requestId: request.id, title: created.title, dueOn: created.due_on },
    });
    await recordRequestEvent(trx, request.id, "task_added", userIdOf(actor), {
      taskId: created.id,
      dueOn: created.due_on,
    });
    return created;
  });
  return presentTask(row);
}

export async function updateTask(
  ctx: AppContext,
  actor: Actor,
  requestId: number,
  taskId: number,
  input: UpdateTaskBody,
) {
  const { db } = ctx.database;
  const { request } = await loadRequestFor(db, actor, requestId, "update");
  const before = await caseWork.findTask(db, request.id, taskId);
  if (!before) throw errors.notFound("task", taskId);
  // Ticking a task off (or on again) is allowed after closure too; changing what it is, only while accepted.
  const onlyDone = input.title === undefined && input.dueOn === undefined;
  if (!(onlyDone && request.status === "closed")) assertWorkable(request);
  const now = nowIso();
  const becameDone = input.done === true && before.done_at === null;
  const patch = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
    ...(input.done !== undefined ? { done_at: input.done ? (before.done_at ?? now) : null } : {}),
    updated_at: now,
  };
  const row = await db.transaction().execute(async (trx) => {
    const after = await caseWork.updateTask(trx, before.id, patch);
    await audit.appendAudit(trx, {
      actorUserId: userIdOf(actor),
      action: "request_task.update",
      entityType: "request_task",
      entityId: before.id,
      before: { title: before.title, dueOn: before.due_on, done: before.done_at !== null },
      after: { title: after.title, dueOn: after.due_on, done: after.done_at !== null },
    });
    if (becameDone) await recordRequestEvent(trx, request.id, "task_done", userIdOf(actor), { taskId: before.id });
    return after;
  });
  return presentTask(row);
}

// ——— Closure ———

/** A programme the firm takes part in (any fiscal year): the only ones a request's outcome may be attributed to. */
async function assertFirmProgramme(db: Kysely<DB>, request: ServiceRequestRow, programmeId: number, path: string) {
  if (!(await programmes.findProgramme(db, programmeId))) throw errors.missing(path, "programme", programmeId);
  const ofFirm = await caseWork.programmesOfFirm(db, request.enterprise_id);
  if (!ofFirm.some((p) => p.id === programmeId))
    throw errors.validation(path, "the firm does not take part in this programme", "not_applicable", {
      programmeId,
    });
}

export async function closeRequest(ctx: AppContext, actor: Actor, requestId: number, input: CloseRequestBody) {
  const { db } = ctx.database;
  const { request } = await loadRequestFor(db, actor, requestId, "update");
  if (!canMoveTo(statusOf(request), "closed"))
    throw errors.conflict(
      `request ${request.code} is ${request.status}: only an accepted request is closed`,
      "",
      "wrong_status",
      { status: request.status },
    );
  const programmeId = input.programmeId ?? null;
  if (programmeId !== null) {
    if (request.programme_id !== null && request.programme_id !== programmeId)
      throw errors.validation("programmeId", "the request already names its funding programme", "not_applicable", {
        programmeId: request.programme_id,
      });
    await assertFirmProgramme(db, request, programmeId, "programmeId");
  }
  const now = nowIso();
  const amount = input.amount ?? null;
  await db.transaction().execute(async (trx) => {
    const closed = await caseWork.closeRequest(trx, request.id, {
      closed_at: now,
      closed_by: userIdOf(actor),
      outcome_kind: input.outcomeKind,
      outcome_amount: amount,
      result_text: input.resultText,
      programme_id: request.programme_id ?? programmeId,
    });
    if (!closed)
      throw errors.conflict(`request ${request.code} changed meanwhile; reload it`, "", "wrong_status", {
        status: request.status,
      });
    await audit.appendAudit(trx, {
      actorUserId: userIdOf(actor),
      action: "service_request.close",
      entityType: "service_request",
      entityId: request.id,
      before: { status: request.status },
      after: {
        status: "closed",
        outcomeKind: input.outcomeKind,
        amount,
        programmeId: request.programme_id ?? programmeId,
      },
    });
    await recordRequestEvent(
      trx,
      request.id,
      "closed",
      userIdOf(actor),
      { outcomeKind: input.outcomeKind, amount },
      now,
    );
  });
  return reload(ctx, actor, requestId);
}

// ——— Rating ———

export async function rateRequest(ctx: AppContext, actor: Actor, requestId: number, input: RateRequestBody) {
  const { db } = ctx.database;
  const { request } = await loadRequestFor(db, actor, requestId, "read");
  if (!isFirmMember(actor, request))
    throw errors.forbidden("Only the firm that received the service rates it.", {
      action: "update",
      resource: "service_request",
    });
  if (request.status !== "closed")
    throw errors.conflict(`request ${request.code} is ${request.status}: it is rated once closed`, "", "wrong_status", {
      status: request.status,
    });
  if (request.rating !== null)
    throw errors.conflict(`request ${request.code} is already rated; a rating is final`, "rating", "duplicate");
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const rated = await caseWork.rateRequest(trx, request.id, {
      rating: input.rating,
      rating_comment: input.comment?.trim() ? input.comment.trim() : null,
      rated_at: now,
    });
    if (!rated)
      throw errors.conflict(`request ${request.code} is already rated; a rating is final`, "rating", "duplicate");
    await audit.appendAudit(trx, {
      actorUserId: userIdOf(actor),
      action: "service_request.rate",
      entityType: "service_request",
      entityId: request.id,
      // Whether a comment was given, not its words (they may name people).
      after: { rating: input.rating, comment: Boolean(input.comment?.trim()) },
    });
    await recordRequestEvent(trx, request.id, "rated", userIdOf(actor), { rating: input.rating }, now);
  });
  return reload(ctx, actor, requestId);
}

// ——— The claim an outcome becomes ———

/**
 * How an outcome kind is claimed as economic value (contract `claimMethods`): sales and deals as a sales increase,
 * investment as new investment; kinds with no method of their own (new products, certifications) as `other`,
 * the kind kept in the method note.
 */
export const claimMethodOfOutcome = {
  sales: "sales_increase",
  deals: "sales_increase",
  investment: "new_investment",
  cost_reduction: "cost_reduction",
  jobs: "jobs",
  new_products: "other",
  certifications: "other",
} as const;

function claimMethodOf(kind: string): string {
  return Object.hasOwn(claimMethodOfOutcome, kind)
    ? claimMethodOfOutcome[kind as keyof typeof claimMethodOfOutcome]
    : "other";
}

/** A second insert for one request hits the unique index: said as a 409, on either engine. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === "23505" || (typeof e?.message === "string" && e.message.includes("UNIQUE constraint failed"));
}

async function insertRequestClaim(
  trx: Transaction<DB>,
  actor: Actor,
  request: ServiceRequestRow,
  programmeId: number,
  now: string,
): Promise<number> {
  const closedAt = request.closed_at ?? now;
  const method = claimMethodOf(request.outcome_kind ?? "");
  const id = await programmes.insertClaim(trx, {
    enterprise_id: request.enterprise_id,
    cluster_id: null,
    activity_id: null,
    service_request_id: request.id,
    fiscal_year: fiscalYearOf(new Date(closedAt)),
    amount: Number(request.outcome_amount),
    method,
    method_note: method === "other" ? `outcome: ${request.outcome_kind}` : null,
    evidence_url: null,
    evidence_note: `Service request ${request.code}, closed ${closedAt.slice(0, 10)} with a ${request.outcome_kind} result`,
    verification: "claimed",
    verified_by: null,
    verified_at: null,
    created_by: userIdOf(actor),
    is_example: 0,
    created_at: now,
    updated_at: now,
  });
  await programmes.linkClaimProgrammes(trx, id, [programmeId]);
  return id;
}

/**
 * Records a closed request's outcome (with an amount) as an economic-value claim of the programme that funded the
 * service: the request's programme, or one the firm takes part in named now (then kept on the request). Once per
 * request (409 otherwise); the claim waits for the programme agency's verification like any other.
 */
export async function claimRequestOutcome(ctx: AppContext, actor: Actor, requestId: number, input: ClaimRequestBody) {
  const { db } = ctx.database;
  const { request } = await loadRequestFor(db, actor, requestId, "update");
  if (request.status !== "closed")
    throw errors.conflict(
      `request ${request.code} is ${request.status}: only a closed request's outcome is claimed`,
      "",
      "wrong_status",
      { status: request.status },
    );
  if (!hasClaimableAmount(request)) throw errors.validation("amount", "the outcome has no amount to claim", "required");
  const existing = await caseWork.claimOfRequest(db, request.id);
  if (existing)
    throw errors.conflict(`the outcome of ${request.code} is already claim ${existing.id}`, "", "duplicate", {
      claimId: existing.id,
    });
  const chosen = input.programmeId ?? null;
  if (request.programme_id !== null && chosen !== null && chosen !== request.programme_id)
    throw errors.validation("programmeId", "the request already names its funding programme", "not_applicable", {
      programmeId: request.programme_id,
    });
  const programmeId = request.programme_id ?? chosen;
  if (programmeId === null) throw errors.required("programmeId", "name the programme that funded the service");
  if (request.programme_id === null) await assertFirmProgramme(db, request, programmeId, "programmeId");
  const now = nowIso();
  let claimId: number;
  try {
    claimId = await db.transaction().execute(async (trx) => {
      if (request.programme_id === null) await caseWork.setRequestProgramme(trx, request.id, programmeId, now);
      const id = await insertRequestClaim(trx, actor, request, programmeId, now);
      await audit.appendAudit(trx, {
        actorUserId: userIdOf(actor),
        action: "value_claim.create",
        entityType: "value_claim",
        entityId: id,
        after: { serviceRequestId: request.id, programmeIds: [programmeId], amount: Number(request.outcome_amount) },
      });
      await recordRequestEvent(trx, request.id, "claimed", userIdOf(actor), { claimId: id, programmeId }, now);
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw errors.conflict(`the outcome of ${request.code} is already claimed`, "", "duplicate");
    throw error;
  }
  const claim = await programmes.findClaim(db, claimId);
  if (!claim) throw errors.notFound("value claim", claimId);
  // Whoever recorded it does not verify it (the existing rule), so canVerify is false for the caller.
  return { claim: presentClaim(claim, false), caseWork: await reload(ctx, actor, requestId) };
}
