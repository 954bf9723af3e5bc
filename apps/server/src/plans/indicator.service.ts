import { formatTarget, isTarget, parseTarget, type Actor, type Target } from "@sainam/core";
import { audit, indicators, indicatorValues, plans, type IndicatorRow, type IndicatorTargetRow } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { AppError, errors } from "../errors.ts";
import { keepNameInOneLanguage } from "../names/names.ts";
import { presentIndicator, presentTarget, storedTarget, targetLabels } from "./plan.presenter.ts";
import type { CreateIndicatorBody, CreateTargetBody, UpdateIndicatorBody, UpdateTargetBody } from "@sainam/contract";
import { actorId, editablePlan, readablePlan } from "./plan.service.ts";

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

async function indicatorOf(ctx: AppContext, actor: Actor, indicatorId: number, edit: boolean) {
  const { db } = ctx.database;
  const indicator = await indicators.findIndicator(db, indicatorId);
  if (!indicator) throw errors.notFound("indicator", indicatorId);
  if (edit) await editablePlan(db, actor, indicator.plan_id);
  else
    await readablePlan(db, actor, indicator.plan_id).catch(() => {
      throw errors.notFound("indicator", indicatorId);
    });
  return indicator;
}

async function viewOf(ctx: AppContext, row: IndicatorRow, planId: number) {
  return presentIndicator(row, planId, await indicators.targetsOf(ctx.database.db, row.id));
}

/** A ratio is recomputed from numerator and denominator and shown × its scale (100 for a percentage): it needs one. */
function checkAggregation(aggregation: string, ratioScale: number | null): void {
  if (aggregation === "ratio" && ratioScale === null) {
    throw errors.validation(
      "ratioScale",
      "is required when aggregation is ratio (e.g. 100 for a percentage)",
      "required",
    );
  }
}

export async function getIndicator(ctx: AppContext, actor: Actor, indicatorId: number) {
  const indicator = await indicatorOf(ctx, actor, indicatorId, false);
  return viewOf(ctx, indicator, indicator.plan_id);
}

export async function createIndicator(ctx: AppContext, actor: Actor, nodeId: number, input: CreateIndicatorBody) {
  const { db } = ctx.database;
  const node = await plans.findNode(db, nodeId);
  if (!node) throw errors.notFound("plan node", nodeId);
  await editablePlan(db, actor, node.plan_id);
  const aggregation = input.aggregation ?? "sum";
  const ratioScale = input.ratioScale ?? null;
  checkAggregation(aggregation, ratioScale);
  return db.transaction().execute(async (trx) => {
    if (await indicators.indicatorCodeTaken(trx, node.plan_id, input.code))
      throw errors.conflict(`Indicator code ${input.code} is already used in this plan.`, "code", "duplicate");
    const siblings = await indicators.indicatorsOfNode(trx, nodeId);
    const position = Math.min(input.position ?? siblings.length, siblings.length);
    const row = await indicators.insertIndicator(trx, {
      plan_node_id: nodeId,
      code: input.code,
      name_en: input.nameEn ?? null,
      name_th: input.nameTh ?? null,
      unit: input.unit ?? null,
      position,
      direction: input.direction ?? "increase",
      aggregation,
      ratio_scale: ratioScale,
      baseline_value: input.baselineValue ?? null,
      baseline_period: input.baselinePeriod ?? null,
      disaggregations_json: JSON.stringify(input.disaggregations ?? []),
      decimals: input.decimals ?? null,
      description_en: input.descriptionEn ?? null,
      description_th: input.descriptionTh ?? null,
    });
    const order = siblings.map((s) => s.id);
    order.splice(position, 0, row.id);
    await indicators.renumberIndicators(trx, order);
    const view = presentIndicator({ ...row, position }, node.plan_id, []);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "indicator.create",
      entityType: "indicator",
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

export async function updateIndicator(ctx: AppContext, actor: Actor, indicatorId: number, input: UpdateIndicatorBody) {
  const before = await indicatorOf(ctx, actor, indicatorId, true);
  keepNameInOneLanguage(
    { th: "nameTh", en: "nameEn" },
    { th: before.name_th, en: before.name_en },
    { th: input.nameTh, en: input.nameEn },
  );
  const aggregation = input.aggregation ?? before.aggregation;
  const ratioScale = input.ratioScale === undefined ? before.ratio_scale : input.ratioScale;
  checkAggregation(aggregation, ratioScale);
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    if (
      input.code !== undefined &&
      (await indicators.indicatorCodeTaken(trx, before.plan_id, input.code, indicatorId))
    ) {
      throw errors.conflict(`Indicator code ${input.code} is already used in this plan.`, "code", "duplicate");
    }
    const after = await indicators.updateIndicator(trx, indicatorId, {
      ...(input.code !== undefined && { code: input.code }),
      ...(input.nameEn !== undefined && { name_en: input.nameEn }),
      ...(input.nameTh !== undefined && { name_th: input.nameTh }),
      ...(input.unit !== undefined && { unit: input.unit }),
      ...(input.direction !== undefined && { direction: input.direction }),
      ...(input.baselineValue !== undefined && { baseline_value: input.baselineValue }),
      ...(input.baselinePeriod !== undefined && { baseline_period: input.baselinePeriod }),
      ...(input.disaggregations !== undefined && { disaggregations_json: JSON.stringify(input.disaggregations) }),
      ...(input.decimals !== undefined && { decimals: input.decimals }),
      ...(input.descriptionEn !== undefined && { description_en: input.descriptionEn }),
      ...(input.descriptionTh !== undefined && { description_th: input.descriptionTh }),
      aggregation,
      ratio_scale: ratioScale,
    });
    if (!after) throw errors.notFound("indicator", indicatorId);
    const targets = await indicators.targetsOf(trx, indicatorId);
    const view = presentIndicator(after, before.plan_id, targets);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "indicator.update",
      entityType: "indicator",
      entityId: indicatorId,
      before: presentIndicator(before, before.plan_id, []),
      after: { ...view, targets: undefined },
    });
    return view;
  });
}

/** Deletes an indicator and its targets; refused once values are recorded against it. */
export async function deleteIndicator(ctx: AppContext, actor: Actor, indicatorId: number) {
  const before = await indicatorOf(ctx, actor, indicatorId, true);
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    const values = await indicators.countValues(trx, indicatorId);
    if (values > 0)
      throw errors.conflict(
        `${values} value(s) are recorded for indicator ${before.code}; it cannot be deleted.`,
        "",
        "has_values",
        { count: values },
      );
    await indicators.deleteIndicator(trx, indicatorId);
    await indicators.renumberIndicators(
      trx,
      (await indicators.indicatorsOfNode(trx, before.plan_node_id)).map((i) => i.id),
    );
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "indicator.delete",
      entityType: "indicator",
      entityId: indicatorId,
      before: presentIndicator(before, before.plan_id, []),
    });
    return { ok: true as const };
  });
}

/** Moves an indicator to a position among its node's indicators. */
export async function moveIndicator(ctx: AppContext, actor: Actor, indicatorId: number, position: number) {
  const before = await indicatorOf(ctx, actor, indicatorId, true);
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    const order = (await indicators.indicatorsOfNode(trx, before.plan_node_id))
      .map((i) => i.id)
      .filter((id) => id !== indicatorId);
    order.splice(Math.min(position, order.length), 0, indicatorId);
    await indicators.renumberIndicators(trx, order);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "indicator.move",
      entityType: "indicator",
      entityId: indicatorId,
      before: { position: before.position },
      after: { position: order.indexOf(indicatorId) },
    });
    const after = await indicators.findIndicator(trx, indicatorId);
    if (!after) throw errors.notFound("indicator", indicatorId);
    return presentIndicator(after, after.plan_id, await indicators.targetsOf(trx, indicatorId));
  });
}

// ---------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------

/** Reads a target text for the live preview of the editor; pure, so anyone may call it. */
export function parseTargetText(text: string) {
  const target = parseTarget(text);
  return { target, kind: target?.kind ?? null, labels: targetLabels(target) };
}

type Resolved = { target: Target; textEn: string; textTh: string | null };

function emptyToNull(text: string | null | undefined): string | null | undefined {
  return text === "" ? null : text;
}

/**
 * The structured target a request gives: `target` (checked by isTarget), else the English and/or Thai text
 * read by parseTarget — both must say the same target when both are given. Texts left out are written from
 * the target by formatTarget. Null when the request changes neither.
 */
function resolveTarget(input: CreateTargetBody | UpdateTargetBody): Resolved | null {
  const textEn = emptyToNull(input.textEn);
  const textTh = emptyToNull(input.textTh);
  if (input.target !== undefined) {
    if (!isTarget(input.target))
      throw errors.validation(
        "target",
        "is not a well-formed target (absolute, range, change, band, share or direction)",
        "invalid_format",
        { format: "target" },
      );
    return {
      target: input.target,
      textEn: textEn ?? formatTarget(input.target, "en"),
      textTh: textTh ?? formatTarget(input.target, "th"),
    };
  }
  if (!textEn && !textTh) return null;
  const fromEn = textEn ? parseTarget(textEn) : null;
  const fromTh = textTh ? parseTarget(textTh) : null;
  if (textEn && !fromEn)
    throw errors.validation(
      "textEn",
      "could not be read as a target: write e.g. 80%, 80-90%, increase 5%, 2.5% ± 1.5, 90-100% meet the criteria, increase significantly",
      "unreadable_target",
    );
  if (textTh && !fromTh)
    throw errors.validation(
      "textTh",
      "could not be read as a target: e.g. ร้อยละ 80, ร้อยละ 80-90, เพิ่มขึ้นร้อยละ 5, เพิ่มขึ้นอย่างมีนัยสำคัญ",
      "unreadable_target",
    );
  if (fromEn && fromTh && JSON.stringify(fromEn) !== JSON.stringify(fromTh)) {
    throw errors.validation(
      "textTh",
      `does not say the same target as textEn (${formatTarget(fromTh, "en")} ≠ ${formatTarget(fromEn, "en")})`,
      "targets_differ",
      { th: formatTarget(fromTh, "th"), en: formatTarget(fromEn, "en") },
    );
  }
  const target = fromEn ?? fromTh;
  if (!target) return null;
  return { target, textEn: textEn ?? formatTarget(target, "en"), textTh: textTh ?? null };
}

/** Sets (or clears) what "significantly" means on a direction-only target; any other form refuses a threshold. */
function withThreshold(target: Target, threshold: CreateTargetBody["threshold"]): Target {
  if (threshold === undefined) return target;
  if (target.kind !== "direction") {
    if (threshold === null) return target;
    throw errors.validation(
      "threshold",
      `only a direction-only target takes a threshold; this one is ${target.kind}`,
      "not_applicable",
      { kind: target.kind },
    );
  }
  return { ...target, threshold };
}

/** The org unit a target is for (none: every unit); 400 naming orgUnitCode for a unit that does not exist. */
async function orgUnit(ctx: AppContext, input: CreateTargetBody | UpdateTargetBody, before?: IndicatorTargetRow) {
  const type = input.orgUnitType === undefined ? (before?.org_unit_type ?? null) : input.orgUnitType;
  const code = input.orgUnitCode === undefined ? (before?.org_unit_code ?? null) : input.orgUnitCode;
  if ((type === null) !== (code === null))
    throw errors.validation(
      type === null ? "orgUnitType" : "orgUnitCode",
      "give both the org-unit type and code, or neither",
      "required_together",
      { other: type === null ? "orgUnitCode" : "orgUnitType" },
    );
  if (
    type !== null &&
    code !== null &&
    !(await indicatorValues.existingOrgUnitCodes(ctx.database.db, type, [code])).has(code)
  ) {
    throw errors.validation("orgUnitCode", `no ${type.replaceAll("_", " ")} with code ${code}`, "not_found", {
      id: code,
    });
  }
  return { org_unit_type: type, org_unit_code: code };
}

export async function listTargets(ctx: AppContext, actor: Actor, indicatorId: number) {
  await indicatorOf(ctx, actor, indicatorId, false);
  return { items: (await indicators.targetsOf(ctx.database.db, indicatorId)).map(presentTarget) };
}

export async function createTarget(ctx: AppContext, actor: Actor, indicatorId: number, input: CreateTargetBody) {
  await indicatorOf(ctx, actor, indicatorId, true);
  const resolved = resolveTarget(input);
  if (!resolved)
    throw errors.validation("textEn", "give the target as textEn, textTh or a structured target", "required", {
      or: "textTh",
    });
  const target = withThreshold(resolved.target, input.threshold);
  const scope = { period_key: input.periodKey ?? null, ...(await orgUnit(ctx, input)) };
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    if (await indicators.findSameScopeTarget(trx, indicatorId, scope)) {
      throw errors.conflict(
        "This indicator already has a target for that period and org unit; edit it instead.",
        "periodKey",
        "duplicate_target",
      );
    }
    const row = await indicators.insertTarget(trx, {
      indicator_id: indicatorId,
      period_label: null,
      text_en: resolved.textEn,
      text_th: resolved.textTh,
      target_json: JSON.stringify(target),
      ...scope,
    });
    const view = presentTarget(row);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "indicator_target.create",
      entityType: "indicator_target",
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

async function targetOf(ctx: AppContext, actor: Actor, targetId: number) {
  const target = await indicators.findTarget(ctx.database.db, targetId);
  if (!target) throw errors.notFound("indicator target", targetId);
  await indicatorOf(ctx, actor, target.indicator_id, true).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found"
      ? errors.notFound("indicator target", targetId)
      : error;
  });
  return target;
}

export async function updateTarget(ctx: AppContext, actor: Actor, targetId: number, input: UpdateTargetBody) {
  const before = await targetOf(ctx, actor, targetId);
  const resolved = resolveTarget(input);
  const current = storedTarget(before.target_json);
  const base = resolved?.target ?? current;
  if (!base)
    throw errors.validation(
      "textEn",
      "this target has no structured form yet: give it as textEn, textTh or a structured target",
      "target_text_only",
    );
  const target = withThreshold(base, input.threshold);
  const scope = {
    period_key: input.periodKey === undefined ? before.period_key : input.periodKey,
    ...(await orgUnit(ctx, input, before)),
  };
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    if (await indicators.findSameScopeTarget(trx, before.indicator_id, scope, targetId)) {
      throw errors.conflict(
        "This indicator already has a target for that period and org unit.",
        "periodKey",
        "duplicate_target",
      );
    }
    const after = await indicators.updateTarget(trx, targetId, {
      ...(resolved && { text_en: resolved.textEn, text_th: resolved.textTh }),
      target_json: JSON.stringify(target),
      ...scope,
    });
    if (!after) throw errors.notFound("indicator target", targetId);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "indicator_target.update",
      entityType: "indicator_target",
      entityId: targetId,
      before: presentTarget(before),
      after: presentTarget(after),
    });
    return presentTarget(after);
  });
}

export async function deleteTarget(ctx: AppContext, actor: Actor, targetId: number) {
  const before = await targetOf(ctx, actor, targetId);
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    await indicators.deleteTarget(trx, targetId);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "indicator_target.delete",
      entityType: "indicator_target",
      entityId: targetId,
      before: presentTarget(before),
    });
    return { ok: true as const };
  });
}
