import type { Actor, Locale, OrgUnit } from "@sainam/core";
import type { AppContext } from "../context.ts";
import { planPerformance } from "../dashboards/performance.service.ts";
import { renderPlanReportPdf } from "./plan-report.pdf.ts";
import { renderPlanReportXlsx } from "./plan-report.xlsx.ts";

export type ReportFormat = "xlsx" | "pdf";

export type PlanReportFile = { readonly filename: string; readonly contentType: string; readonly body: Buffer };

const contentTypes: Readonly<Record<ReportFormat, string>> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/** A file name safe in any header and file system: the plan code and period, ASCII only. */
function fileName(
  planCode: string,
  periodKey: string,
  unit: OrgUnit | undefined,
  locale: Locale,
  format: ReportFormat,
): string {
  const parts = [planCode, periodKey, ...(unit ? [unit.type, unit.code] : []), locale];
  const safe = parts
    .map((part) => part.replace(/[^A-Za-z0-9.-]+/g, "-").replace(/^-+|-+$/g, ""))
    .filter((part) => part !== "");
  return `${safe.join("_")}.${format}`;
}

/**
 * A plan's performance report for one period (and org unit, the nation by default) as XLSX or PDF in
 * Thai or English. Reads the figures through `planPerformance`, which checks the period and who may see
 * what (the public: approved values of published plans), exactly as for the dashboard: approved values
 * only unless `includeUnapproved` (refused outside the plan's scope).
 */
export async function planReport(
  ctx: AppContext,
  actor: Actor,
  input: {
    planId: number;
    periodKey: string;
    orgUnit?: OrgUnit | undefined;
    locale: Locale;
    format: ReportFormat;
    includeUnapproved: boolean;
  },
): Promise<PlanReportFile> {
  const performance = await planPerformance(ctx, actor, {
    planId: input.planId,
    periodKey: input.periodKey,
    includeUnapproved: input.includeUnapproved,
    withBreakdowns: true,
    ...(input.orgUnit ? { orgUnit: input.orgUnit } : {}),
  });
  const body =
    input.format === "xlsx"
      ? await renderPlanReportXlsx(performance, input.locale)
      : await renderPlanReportPdf(performance, input.locale);
  return {
    filename: fileName(performance.plan.code, performance.periodKey, input.orgUnit, input.locale, input.format),
    contentType: contentTypes[input.format],
    body,
  };
}
