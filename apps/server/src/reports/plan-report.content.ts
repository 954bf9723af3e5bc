import {
  achievementStatuses,
  formatPeriod,
  formatPeriodShort,
  previousPeriod,
  formatTarget,
  formatThaiDate,
  nameIn,
  parseDisaggregation,
  parsePeriodKey,
  PARTLY_ACHIEVED_TOLERANCE,
  type AchievementReason,
  type AchievementStatus,
  type AggregationIssue,
  type Locale,
} from "@sainam/core";
import type { IndicatorPerformance, NodePerformance, PlanPerformance } from "../dashboards/performance.types.ts";

/**
 * What a plan report says, in one language, before it is laid out: both the XLSX and the PDF renderer read
 * this, so the two files always carry the same words and figures.
 */
export type ReportNodeRow = {
  readonly type: "node";
  readonly depth: number;
  readonly code: string;
  /** "ยุทธศาสตร์" / "Strategy" for kinds we know; null otherwise. */
  readonly kindLabel: string | null;
  readonly title: string;
};

export type ReportIndicatorRow = {
  readonly type: "indicator";
  readonly depth: number;
  readonly code: string;
  readonly name: string;
  readonly unit: string | null;
  /** The target as a label (core `formatTarget`), else the plan's own wording, else null. */
  readonly target: string | null;
  readonly baseline: number | null;
  readonly previous: number | null;
  readonly actual: number | null;
  readonly source: IndicatorPerformance["valueSource"];
  readonly sourceLabel: string;
  readonly coverage: IndicatorPerformance["coverage"];
  readonly status: AchievementStatus;
  readonly statusLabel: string;
  readonly reasonLabel: string;
};

/** The actual of one breakdown of the indicator above it, in words: "ขนาดกิจการ: ขนาดย่อม" / "Size class: Small". */
export type ReportBreakdownRow = {
  readonly type: "breakdown";
  readonly depth: number;
  readonly label: string;
  readonly actual: number;
  readonly sourceLabel: string;
};

export type ReportRow = ReportNodeRow | ReportIndicatorRow | ReportBreakdownRow;

export type PlanReportContent = {
  readonly locale: Locale;
  readonly heading: string;
  readonly planCode: string;
  readonly planTitle: string;
  readonly ownerAgency: string;
  readonly periodKey: string;
  readonly periodLabel: string;
  readonly orgUnitLabel: string;
  readonly generatedLabel: string;
  /** Said on the report when drafts and submitted values were counted (readers in the plan's scope). */
  readonly unapprovedNotice: string | null;
  /** The header of the previous-period column, naming the period on a second line: "งวดก่อน\n(ปีงบ 2563)". */
  readonly previousHeader: string;
  readonly summary: ReadonlyArray<{
    readonly status: AchievementStatus;
    readonly label: string;
    readonly count: number;
  }>;
  readonly indicatorCount: number;
  readonly rows: readonly ReportRow[];
  readonly labels: ReportLabels;
};

type Words = { readonly en: string; readonly th: string };

const statusWords = {
  achieved: { en: "Achieved", th: "บรรลุ" },
  partly_achieved: { en: "Partly achieved", th: "บรรลุบางส่วน" },
  not_achieved: { en: "Not achieved", th: "ไม่บรรลุ" },
  not_assessable: { en: "Not assessable", th: "ประเมินไม่ได้" },
  no_data: { en: "No data", th: "ไม่มีข้อมูล" },
} as const satisfies Record<AchievementStatus, Words>;

const tolerance = String(PARTLY_ACHIEVED_TOLERANCE * 100);

const reasonWords = {
  target_met: { en: "Target met", th: "ได้ตามเป้าหมาย" },
  within_range: { en: "Within the target range", th: "อยู่ในช่วงเป้าหมาย" },
  beyond_range: { en: "Beyond the target range, on the better side", th: "เกินช่วงเป้าหมายในทางที่ดีกว่า" },
  inside_band: { en: "Inside the target band", th: "อยู่ในกรอบเป้าหมาย" },
  within_tolerance: { en: `Short of the target by at most ${tolerance}%`, th: `ห่างจากเป้าหมายไม่เกินร้อยละ ${tolerance}` },
  right_direction: { en: "Moved the right way, short of the target", th: "เปลี่ยนแปลงในทิศทางที่ถูกต้องแต่ยังไม่ถึงเป้าหมาย" },
  short_of_target: { en: "Target not met", th: "ไม่ได้ตามเป้าหมาย" },
  no_progress: { en: "No change in the target's direction", th: "ไม่เปลี่ยนแปลงในทิศทางของเป้าหมาย" },
  below_band: { en: "Below the target band", th: "ต่ำกว่ากรอบเป้าหมาย" },
  above_band: { en: "Above the target band", th: "สูงกว่ากรอบเป้าหมาย" },
  no_target: { en: "No target set for the period", th: "ไม่ได้กำหนดเป้าหมายของงวดนี้" },
  no_threshold: { en: "Direction-only target without a threshold", th: "เป้าหมายระบุเพียงทิศทาง ยังไม่กำหนดเกณฑ์" },
  missing_previous_value: { en: "No value for the previous period", th: "ไม่มีค่าของงวดก่อน" },
  missing_baseline_value: { en: "No baseline value", th: "ไม่มีค่าฐาน" },
  zero_previous_value: {
    en: "Previous value is zero: no percentage change",
    th: "ค่างวดก่อนเป็นศูนย์ คำนวณร้อยละการเปลี่ยนแปลงไม่ได้",
  },
  zero_baseline_value: { en: "Baseline is zero: no percentage change", th: "ค่าฐานเป็นศูนย์ คำนวณร้อยละการเปลี่ยนแปลงไม่ได้" },
  no_units: { en: "No units to count", th: "ไม่มีหน่วยที่จะนับ" },
  invalid_counts: { en: "Inconsistent unit counts", th: "จำนวนหน่วยไม่สอดคล้องกัน" },
  missing_value: { en: "No value reported", th: "ไม่มีค่าที่รายงาน" },
} as const satisfies Record<AchievementReason, Words>;

const issueWords = {
  not_aggregable: { en: "not aggregable", th: "รวมจากหน่วยย่อยไม่ได้" },
  no_units_reported: { en: "no unit reported", th: "ไม่มีหน่วยใดรายงาน" },
  no_usable_units: { en: "no usable unit", th: "ไม่มีหน่วยที่ใช้คำนวณได้" },
  zero_denominator: { en: "denominators add up to zero", th: "ผลรวมตัวหารเป็นศูนย์" },
  zero_weight: { en: "weights add up to zero", th: "ผลรวมน้ำหนักเป็นศูนย์" },
  units_excluded: { en: "some units left out", th: "มีหน่วยที่ไม่นำมาคำนวณ" },
} as const satisfies Record<AggregationIssue, Words>;

const dimensionWords: Readonly<Record<string, Words>> = {
  size_class: { en: "Size class", th: "ขนาดกิจการ" },
  owner_sex: { en: "Sex of owner", th: "เพศของเจ้าของ" },
  stage: { en: "Value-chain stage", th: "ตำแหน่งในห่วงโซ่คุณค่า" },
};

const optionWords: Readonly<Record<string, Words>> = {
  micro: { en: "Micro", th: "รายย่อย" },
  small: { en: "Small", th: "ขนาดย่อม" },
  medium: { en: "Medium", th: "ขนาดกลาง" },
  large: { en: "Large", th: "ขนาดใหญ่" },
  female: { en: "Female", th: "หญิง" },
  male: { en: "Male", th: "ชาย" },
  unknown: { en: "Unknown", th: "ไม่ระบุ" },
  upstream: { en: "Upstream", th: "ต้นน้ำ" },
  midstream: { en: "Midstream", th: "กลางน้ำ" },
  downstream: { en: "Downstream", th: "ปลายน้ำ" },
};

/**
 * A stored breakdown in words, never as codes: "size_class=small;stage=upstream" → "Size class: Small,
 * Value-chain stage: Upstream" (Thai: "ขนาดกิจการ: ขนาดย่อม, …"); an unknown code is shown as is.
 */
export function breakdownLabel(breakdown: string, locale: Locale): string {
  return Object.entries(parseDisaggregation(breakdown))
    .map(([dimension, option]) => {
      const d = dimensionWords[dimension];
      const o = optionWords[option];
      return `${d ? pick(d, locale) : dimension}: ${o ? pick(o, locale) : option}`;
    })
    .join(", ");
}

const kindWords: Readonly<Record<string, Words>> = {
  vision: { en: "Vision", th: "วิสัยทัศน์" },
  mission: { en: "Mission", th: "พันธกิจ" },
  purpose: { en: "Strategic purpose", th: "เป้าประสงค์เชิงยุทธศาสตร์" },
  issue: { en: "Strategic issue", th: "ประเด็นยุทธศาสตร์" },
  strategy: { en: "Strategy", th: "ยุทธศาสตร์" },
  objective: { en: "Objective", th: "วัตถุประสงค์" },
  sub_strategy: { en: "Sub-strategy", th: "กลยุทธ์" },
  work_plan: { en: "Work plan", th: "แผนงาน" },
  project: { en: "Project", th: "โครงการ" },
  activity: { en: "Activity", th: "กิจกรรม" },
};

const englishLabels = {
  heading: "Plan performance report",
  plan: "Plan",
  ownerAgency: "Owner agency",
  period: "Period",
  orgUnit: "Area",
  generated: "Generated",
  summary: "Indicators by achievement",
  total: "All indicators",
  count: "Indicators",
  status: "Status",
  summarySheet: "Summary",
  indicatorsSheet: "Indicators",
  code: "Code",
  name: "Strategy / indicator",
  unit: "Unit",
  target: "Target",
  baseline: "Baseline",
  previous: "Previous period",
  actual: "Actual",
  source: "Source",
  unitsReported: "Units reported",
  unitsExpected: "Units expected",
  reason: "Reason",
  page: "Page",
  of: "of",
  noIndicators: "This plan has no indicators.",
  reported: "Reported",
  computed: "Computed",
  none: "No data",
  unitsShort: "units",
  unapproved: "Includes values not yet approved (drafts and submitted values): not for publication.",
};

export type ReportLabels = Readonly<Record<keyof typeof englishLabels, string>>;

const thaiLabels: ReportLabels = {
  heading: "รายงานผลการดำเนินงานตามแผน",
  plan: "แผน",
  ownerAgency: "หน่วยงานเจ้าของแผน",
  period: "ช่วงเวลา",
  orgUnit: "พื้นที่",
  generated: "วันที่จัดทำ",
  summary: "จำนวนตัวชี้วัดตามผลการประเมิน",
  total: "ตัวชี้วัดทั้งหมด",
  count: "จำนวน",
  status: "ผลการประเมิน",
  summarySheet: "สรุป",
  indicatorsSheet: "ตัวชี้วัด",
  code: "รหัส",
  name: "ยุทธศาสตร์ / ตัวชี้วัด",
  unit: "หน่วยนับ",
  target: "เป้าหมาย",
  baseline: "ค่าฐาน",
  previous: "งวดก่อน",
  actual: "ผลการดำเนินงาน",
  source: "ที่มา",
  unitsReported: "หน่วยที่รายงาน",
  unitsExpected: "หน่วยทั้งหมด",
  reason: "เหตุผล",
  page: "หน้า",
  of: "จาก",
  noIndicators: "แผนนี้ยังไม่มีตัวชี้วัด",
  reported: "รายงานโดยตรง",
  computed: "คำนวณจากหน่วยย่อย",
  none: "ไม่มีข้อมูล",
  unitsShort: "หน่วย",
  unapproved: "รวมค่าที่ยังไม่ได้รับอนุมัติ (ร่างและรอการอนุมัติ) ห้ามเผยแพร่",
};

function pick(words: Words, locale: Locale): string {
  return locale === "th" ? words.th : words.en;
}

/** A name in the report's language, else in the other one (a Thai-only name reads in an English report too). */
function bilingual(en: string | null, th: string | null, locale: Locale): string {
  return nameIn(locale, th, en);
}

/** The status as words in the report's language: "บรรลุบางส่วน" / "Partly achieved". */
export function statusLabel(status: AchievementStatus, locale: Locale): string {
  return pick(statusWords[status], locale);
}

/** Where the actual came from, with the coverage of a rolled-up figure: "Computed (3 of 5 units)". */
function sourceLabel(indicator: IndicatorPerformance, labels: ReportLabels, locale: Locale): string {
  const issue = indicator.aggregationIssue === null ? "" : `; ${pick(issueWords[indicator.aggregationIssue], locale)}`;
  if (indicator.valueSource === "reported") return labels.reported;
  if (indicator.valueSource === "none") return issue === "" ? labels.none : `${labels.none} (${issue.slice(2)})`;
  const c = indicator.coverage;
  return c === null
    ? `${labels.computed}${issue === "" ? "" : ` (${issue.slice(2)})`}`
    : `${labels.computed} (${c.reported} ${labels.of} ${c.expected} ${labels.unitsShort}${issue})`;
}

function targetLabel(indicator: IndicatorPerformance, locale: Locale): string | null {
  if (indicator.target !== null) return formatTarget(indicator.target, locale);
  const th = indicator.targetTextTh;
  const en = indicator.targetTextEn;
  if (locale === "th" && th !== null) return th;
  return en ?? th;
}

/** True when the node or a node below it carries an indicator: the report leaves out branches with none. */
function hasIndicators(node: NodePerformance): boolean {
  return node.indicators.length > 0 || node.children.some(hasIndicators);
}

function flatten(
  nodes: readonly NodePerformance[],
  depth: number,
  locale: Locale,
  labels: ReportLabels,
  out: ReportRow[],
): void {
  for (const node of nodes) {
    if (!hasIndicators(node)) continue;
    const kind = kindWords[node.kind];
    out.push({
      type: "node",
      depth,
      code: node.code,
      kindLabel: kind ? pick(kind, locale) : null,
      title: bilingual(node.titleEn, node.titleTh, locale),
    });
    for (const i of node.indicators) {
      out.push({
        type: "indicator",
        depth: depth + 1,
        code: i.code,
        name: bilingual(i.nameEn, i.nameTh, locale),
        unit: i.unit,
        target: targetLabel(i, locale),
        baseline: i.baselineValue,
        previous: i.previousValue,
        actual: i.value,
        source: i.valueSource,
        sourceLabel: sourceLabel(i, labels, locale),
        coverage: i.coverage,
        status: i.achievement.status,
        statusLabel: statusLabel(i.achievement.status, locale),
        reasonLabel: pick(reasonWords[i.achievement.reason], locale),
      });
      for (const b of i.breakdowns ?? []) {
        const coverage =
          b.coverage === null
            ? ""
            : ` (${b.coverage.reported} ${labels.of} ${b.coverage.expected} ${labels.unitsShort})`;
        out.push({
          type: "breakdown",
          depth: depth + 2,
          label: breakdownLabel(b.breakdown, locale),
          actual: b.value,
          sourceLabel: b.source === "reported" ? labels.reported : `${labels.computed}${coverage}`,
        });
      }
    }
    flatten(node.children, depth + 1, locale, labels, out);
  }
}

/** Labels the period by its key ("ปีงบประมาณ พ.ศ. 2564" / "FY2021"); an unknown key is shown as is. */
function periodLabel(key: string, locale: Locale): string {
  const period = parsePeriodKey(key);
  return period === null ? key : formatPeriod(period, locale);
}

function previousHeader(key: string, labels: ReportLabels, locale: Locale): string {
  const period = parsePeriodKey(key);
  return period === null
    ? labels.previous
    : `${labels.previous}\n(${formatPeriodShort(previousPeriod(period), locale)})`;
}

/** Builds the report's words and rows from a plan's performance, in Thai (B.E. dates) or English. */
export function planReportContent(performance: PlanPerformance, locale: Locale): PlanReportContent {
  const labels: ReportLabels = locale === "th" ? thaiLabels : englishLabels;
  const { plan } = performance;
  const rows: ReportRow[] = [];
  flatten(performance.nodes, 0, locale, labels, rows);
  const summary = achievementStatuses.map((status) => ({
    status,
    label: statusLabel(status, locale),
    count: performance.summary[status],
  }));
  return {
    locale,
    heading: labels.heading,
    planCode: plan.code,
    planTitle: bilingual(plan.titleEn, plan.titleTh, locale),
    ownerAgency: bilingual(plan.ownerAgencyNameEn, plan.ownerAgencyNameTh, locale),
    periodKey: performance.periodKey,
    periodLabel: periodLabel(performance.periodKey, locale),
    orgUnitLabel: bilingual(performance.orgUnit.nameEn, performance.orgUnit.nameTh, locale),
    generatedLabel: formatThaiDate(performance.generatedAt.slice(0, 10), locale, "long"),
    unapprovedNotice: performance.includesUnapproved ? labels.unapproved : null,
    previousHeader: previousHeader(performance.periodKey, labels, locale),
    summary,
    indicatorCount: summary.reduce((sum, s) => sum + s.count, 0),
    rows,
    labels: labels,
  };
}
