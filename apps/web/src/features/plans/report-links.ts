import type { Locale } from "../../lib/format";

export type ReportFormat = "xlsx" | "pdf";

/** The fiscal years a plan runs over, latest first: FY2021 … FY2017 for 1 Oct 2016 – 30 Sep 2021. */
export function reportYears(firstFiscalYear: number, lastFiscalYear: number): number[] {
  const years: number[] = [];
  for (let year = lastFiscalYear; year >= firstFiscalYear; year--) years.push(year);
  return years;
}

/**
 * The address of a plan's report for one fiscal year, in the interface's language; with unapproved values
 * when the reader (in the plan's scope) chose to see them, as on the dashboard.
 */
export function reportHref(
  planId: string | number,
  fiscalYear: number,
  format: ReportFormat,
  locale: Locale,
  includeUnapproved = false,
): string {
  const query = new URLSearchParams({ period: `FY${fiscalYear}`, locale });
  if (includeUnapproved) query.set("includeUnapproved", "true");
  return `/api/plans/${encodeURIComponent(planId)}/report.${format}?${query.toString()}`;
}
