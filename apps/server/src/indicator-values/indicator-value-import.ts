import { normalizeThai, type Actor, type OrgUnitType } from "@sainam/core";
import {
  audit,
  indicatorValues,
  nowIso,
  periodLocks,
  reference,
  type DB,
  type IndicatorRow,
  type PlanRow,
} from "@sainam/db";
import {
  normaliseIndicatorValueRow,
  periodColumns,
  readTable,
  type ColumnMapping,
  type IndicatorValueRecord,
  type PeriodColumn,
  type ReportRow,
  type RowIssue,
  type ValueLayout,
} from "@sainam/importer";
import type { Kysely } from "kysely";
import type { AppContext } from "../context.ts";
import { can, type PlanValuesResource } from "../policies/policy.ts";
import { writeCheckedRows } from "./indicator-value.service.ts";
import { checkValueRow, coveringLockKeys, type CheckedValueRow } from "./value-rules.ts";
import { planValuesResource } from "./value-scope.ts";

// Bulk import of indicator values (long or wide layout) into one plan: every row is read and checked first;
// a single unusable row (unknown indicator or org unit, a bad figure, a locked period, a unit outside the
// importer's scope) fails the batch with its reason and nothing is written. Otherwise the values are upserted
// as drafts in one transaction, each write audited; a later duplicate of a value wins over an earlier row.

export type ValueImportReport = {
  counts: { imported: number; updated: number; skipped: number; errors: number };
  rows: ReportRow[];
  truncated: boolean;
};

type OrgUnitNames = Map<string, Array<{ type: OrgUnitType; code: string }>>;

function nameKey(text: string): string {
  return normalizeThai(text)
    .toLowerCase()
    .replace(/^(?:จังหวัด|จ\.|กลุ่มจังหวัด|ภาค)\s*/, "")
    .replace(/[\s.\-–]/g, "");
}

/** Names of provinces, regions and provincial clusters (Thai and English) → their org units. */
async function orgUnitNames(db: Kysely<DB>): Promise<OrgUnitNames> {
  const names: OrgUnitNames = new Map();
  const add = (name: string | null, unit: { type: OrgUnitType; code: string }) => {
    if (!name) return;
    const key = nameKey(name);
    const list = names.get(key) ?? [];
    if (!list.some((u) => u.type === unit.type && u.code === unit.code)) list.push(unit);
    names.set(key, list);
  };
  const rows = await reference.listOrgUnitNames(db);
  for (const p of rows.provinces) {
    add(p.name_th, { type: "province", code: p.code });
    add(p.name_en, { type: "province", code: p.code });
  }
  for (const r of rows.regions) {
    add(r.name_th, { type: "region", code: r.code });
    add(r.name_en, { type: "region", code: r.code });
  }
  for (const c of rows.provincialClusters) {
    add(c.name_th, { type: "provincial_cluster", code: String(c.id) });
    add(c.name_en, { type: "provincial_cluster", code: String(c.id) });
  }
  add("ประเทศไทย", { type: "nation", code: "TH" });
  add("Thailand", { type: "nation", code: "TH" });
  return names;
}

function resolveUnit(
  record: IndicatorValueRecord,
  names: OrgUnitNames,
): { type: OrgUnitType; code: string } | RowIssue {
  if ("code" in record.orgUnit) return record.orgUnit;
  const { name, type } = record.orgUnit;
  const candidates = (names.get(nameKey(name)) ?? []).filter((u) => type === null || u.type === type);
  const [only] = candidates;
  if (only && candidates.length === 1) return only;
  if (candidates.length > 1)
    return {
      field: "orgUnitName",
      message: "names more than one org unit: add an org-unit type column",
      value: name,
      code: "ambiguous",
    };
  return {
    field: "orgUnitName",
    message: `no ${type?.replace("_", " ") ?? "province, region or provincial cluster"} of this name`,
    value: name,
    code: "not_found",
  };
}

/** The period columns of a wide file (headers naming a period), leaving out the columns mapped to fields. */
export function widePeriodColumns(
  headers: ReadonlyArray<string>,
  mapping: ColumnMapping<"indicator_values">,
): PeriodColumn[] {
  return periodColumns(headers, new Set(Object.values(mapping).filter((h): h is string => typeof h === "string")));
}

type Planned = { rowNumber: number; indicator: IndicatorRow; row: CheckedValueRow };

/**
 * Reads, checks and (when every row is usable) writes a values file. Answers the row report; `failed` with
 * a message when nothing was written.
 */
export async function importIndicatorValues(
  ctx: AppContext,
  actor: Actor,
  input: {
    path: string;
    plan: PlanRow;
    mapping: ColumnMapping<"indicator_values">;
    layout: ValueLayout;
    onRow?: () => void;
    onProgress?: (bytesRead: number, totalBytes: number | null) => void;
  },
): Promise<{ report: ValueImportReport; failed: string | null }> {
  const { db } = ctx.database;
  const indicators = new Map((await indicatorValues.listPlanIndicators(db, input.plan.id)).map((i) => [i.code, i]));
  const names = await orgUnitNames(db);
  const resource: PlanValuesResource = await planValuesResource(db, input.plan);
  const locks = new Set((await periodLocks.listLocks(db, input.plan.id)).map((l) => l.period_key));

  const rows = new Map<number, { issues: RowIssue[]; planned: Planned[] }>();
  const byKey = new Map<string, Planned>();
  let headers: ReadonlyArray<string> = [];
  let periods: PeriodColumn[] = [];
  for await (const event of readTable({ path: input.path }, input.onProgress ? { onProgress: input.onProgress } : {})) {
    if (event.type === "header") {
      headers = event.headers;
      periods = input.layout === "wide" ? widePeriodColumns(headers, input.mapping) : [];
      continue;
    }
    input.onRow?.();
    const entry: { issues: RowIssue[]; planned: Planned[] } = { issues: [], planned: [] };
    rows.set(event.rowNumber, entry);
    if (event.cells.every((c) => c.trim() === "")) continue;
    const outcome = normaliseIndicatorValueRow(event.cells, headers, input.mapping, input.layout, periods);
    if (!outcome.ok) {
      entry.issues.push(...outcome.issues);
      continue;
    }
    for (const record of outcome.records) {
      const indicator = indicators.get(record.indicatorCode);
      if (!indicator) {
        entry.issues.push({
          field: "indicatorCode",
          message: `no indicator with this code in plan ${input.plan.code}`,
          value: record.indicatorCode,
          code: "not_found",
        });
        break;
      }
      const unit = resolveUnit(record, names);
      if ("field" in unit) {
        entry.issues.push(unit);
        break;
      }
      // A ratio is recomputed from its parts: a value column beside them is ignored, not a conflict.
      const hasParts = record.numerator !== null || record.denominator !== null;
      const checked = checkValueRow(indicator, {
        orgUnitType: unit.type,
        orgUnitCode: unit.code,
        periodKey: record.periodKey,
        breakdown: record.breakdown,
        value: indicator.aggregation === "ratio" && hasParts ? null : record.value,
        numerator: record.numerator,
        denominator: record.denominator,
        weight: record.weight,
        source: record.source,
        note: record.note,
        evidenceUrl: record.evidenceUrl,
      });
      if (!checked.ok) {
        entry.issues.push(
          ...checked.issues.map((i) => ({
            field: i.field === "value" ? record.valueColumn : i.field,
            message: i.message,
            code: i.code,
            ...(i.params ? { params: i.params } : {}),
          })),
        );
        continue;
      }
      const lock = coveringLockKeys(record.periodKey).find((k) => locks.has(k));
      if (lock) {
        entry.issues.push({
          field: record.valueColumn === "value" ? "period" : record.valueColumn,
          message: `period ${lock} is locked`,
          value: record.periodKey,
          code: "locked",
          params: { period: lock },
        });
        continue;
      }
      if (!can(actor, "enter", { ...resource, orgUnit: unit })) {
        entry.issues.push({
          field: "orgUnitCode",
          message: "you may not enter values for this org unit in this plan",
          value: unit.code,
          code: "not_allowed",
        });
        continue;
      }
      const planned: Planned = { rowNumber: event.rowNumber, indicator, row: checked.row };
      entry.planned.push(planned);
      const key = `${indicator.id}|${indicatorValues.valueKeyText({ orgUnitType: unit.type, orgUnitCode: unit.code, periodKey: checked.row.periodKey, disaggregation: checked.row.disaggregation })}`;
      const earlier = byKey.get(key);
      if (earlier) {
        // The later row wins (usually a correction appended to an export); the earlier one is skipped.
        const earlierRow = rows.get(earlier.rowNumber);
        if (earlierRow) earlierRow.planned = earlierRow.planned.filter((p) => p !== earlier);
        earlierRow?.issues.push({
          field: "",
          message: `duplicate of row ${event.rowNumber} (${checked.row.periodKey}); the later row is kept`,
          code: "duplicate_row",
          params: { row: event.rowNumber },
        });
      }
      byKey.set(key, planned);
    }
  }

  // Org units named by code must exist.
  const codesByType = new Map<string, string[]>();
  for (const p of byKey.values())
    codesByType.set(p.row.orgUnitType, [...(codesByType.get(p.row.orgUnitType) ?? []), p.row.orgUnitCode]);
  const existing = new Map<string, Set<string>>();
  for (const [type, codes] of codesByType)
    existing.set(type, await indicatorValues.existingOrgUnitCodes(db, type, codes));
  for (const p of byKey.values()) {
    if (existing.get(p.row.orgUnitType)?.has(p.row.orgUnitCode)) continue;
    rows.get(p.rowNumber)?.issues.push({
      field: "orgUnitCode",
      message: `no ${p.row.orgUnitType.replace("_", " ")} with code "${p.row.orgUnitCode}"`,
      value: p.row.orgUnitCode,
      code: "not_found",
    });
  }

  const errorRows = [...rows.entries()].filter(([, r]) => r.issues.some((i) => i.code !== "duplicate_row"));
  if (errorRows.length > 0) {
    const reportRows: ReportRow[] = errorRows.map(([rowNumber, r]) => ({
      rowNumber,
      status: "error",
      key: null,
      issues: r.issues,
    }));
    return {
      report: {
        counts: { imported: 0, updated: 0, skipped: 0, errors: errorRows.length },
        rows: reportRows,
        truncated: false,
      },
      failed: `${errorRows.length} rows cannot be imported; nothing was written`,
    };
  }

  const counts = { imported: 0, updated: 0, skipped: 0, errors: 0 };
  const reportRows: ReportRow[] = [];
  await db.transaction().execute(async (trx) => {
    const byIndicator = new Map<number, Planned[]>();
    for (const p of byKey.values()) byIndicator.set(p.indicator.id, [...(byIndicator.get(p.indicator.id) ?? []), p]);
    const statusOf = new Map<Planned, "imported" | "updated" | "unchanged">();
    for (const [indicatorId, planned] of byIndicator) {
      const outcomes = await writeCheckedRows(
        trx,
        actor,
        indicatorId,
        planned.map((p) => p.row),
        { auditAction: "indicator_value.import" },
      );
      planned.forEach((p, i) => statusOf.set(p, outcomes[i]?.status ?? "unchanged"));
    }
    for (const [rowNumber, r] of rows) {
      const statuses = r.planned.map((p) => statusOf.get(p));
      const issues = r.issues;
      if (statuses.includes("imported")) reportRows.push({ rowNumber, status: "imported", key: null, issues });
      else if (statuses.includes("updated")) reportRows.push({ rowNumber, status: "updated", key: null, issues });
      else {
        const reason: RowIssue | null =
          r.planned.length > 0
            ? { field: "", message: "unchanged: the stored values are the same", code: "unchanged" }
            : issues.length > 0
              ? null
              : { field: "", message: "no value in this row", code: "no_value" };
        reportRows.push({ rowNumber, status: "skipped", key: null, issues: reason ? [...issues, reason] : issues });
      }
    }
    for (const row of reportRows) {
      if (row.status === "imported") counts.imported++;
      else if (row.status === "updated") counts.updated++;
      else counts.skipped++;
    }
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "import.indicator_values",
      entityType: "plan",
      entityId: input.plan.id,
      after: { counts, at: nowIso() },
    });
  });
  return { report: { counts, rows: reportRows, truncated: false }, failed: null };
}
