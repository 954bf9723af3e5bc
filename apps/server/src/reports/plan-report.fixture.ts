import { assessAchievement, parseTarget, type Achievement, type AchievementStatus } from "@sainam/core";
import type { IndicatorPerformance, NodePerformance, PlanPerformance } from "../dashboards/performance.types.ts";

/**
 * A hand-built PlanPerformance shaped like the MOC 2017-2021 plan (strategy → objective → indicators,
 * a sub-strategy with an indicator of its own, branches without indicators), for the renderers' tests.
 * Achievements come from core's `assessAchievement`, so the fixture cannot disagree with the rules.
 */
type IndicatorInput = {
  id: number;
  code: string;
  nameEn: string;
  nameTh: string;
  unit: string | null;
  targetEn: string;
  targetTh: string;
  baseline?: number;
  previous?: number;
  value?: number;
  source?: IndicatorPerformance["valueSource"];
  coverage?: IndicatorPerformance["coverage"];
  issue?: IndicatorPerformance["aggregationIssue"];
};

function indicator(input: IndicatorInput): IndicatorPerformance {
  const target = parseTarget(input.targetEn);
  const value = input.value ?? null;
  const previousValue = input.previous ?? null;
  const baselineValue = input.baseline ?? null;
  const unassessable: Achievement = { status: "not_assessable", reason: "no_target", figure: null };
  const achievement =
    target === null ? unassessable : assessAchievement(target, { value, previousValue, baselineValue });
  return {
    indicatorId: input.id,
    code: input.code,
    nameEn: input.nameEn,
    nameTh: input.nameTh,
    unit: input.unit,
    direction: "increase",
    aggregation: "sum",
    targetTextEn: input.targetEn,
    targetTextTh: input.targetTh,
    target,
    baselineValue,
    value,
    valueSource: input.source ?? (value === null ? "none" : "reported"),
    previousValue,
    coverage: input.coverage ?? null,
    aggregationIssue: input.issue ?? null,
    previousPeriodKey: "FY2020",
    achievement,
  };
}

function node(
  nodeId: number,
  kind: string,
  code: string,
  titleEn: string,
  titleTh: string | null,
  indicators: IndicatorPerformance[],
  children: NodePerformance[] = [],
): NodePerformance {
  return { nodeId, kind, code, titleEn, titleTh, indicators, children };
}

function countByStatus(nodes: readonly NodePerformance[]): Record<AchievementStatus, number> {
  const counts: Record<AchievementStatus, number> = {
    achieved: 0,
    partly_achieved: 0,
    not_achieved: 0,
    not_assessable: 0,
    no_data: 0,
  };
  const visit = (n: NodePerformance): void => {
    for (const i of n.indicators) counts[i.achievement.status] += 1;
    n.children.forEach(visit);
  };
  nodes.forEach(visit);
  return counts;
}

/** Builds the fixture; `extraIndicators` pads strategy 1 with more indicators to make a report run over pages. */
export function planPerformanceFixture(
  options: { extraIndicators?: number; includesUnapproved?: boolean } = {},
): PlanPerformance {
  const extra = Array.from({ length: options.extraIndicators ?? 0 }, (_, k) =>
    indicator({
      id: 100 + k,
      code: `1.${10 + k}`,
      nameEn: `Additional indicator ${k + 1} on provincial cluster trade`,
      nameTh: `ตัวชี้วัดเพิ่มเติมที่ ${k + 1} ด้านการค้าของกลุ่มจังหวัดที่ต้องดำเนินการให้สำเร็จ`,
      unit: "ราย",
      targetEn: "at least 100",
      targetTh: "ไม่น้อยกว่า 100",
      value: 90 + k,
    }),
  );
  const nodes = [
    node(
      1,
      "vision",
      "V",
      "Trade and economics of provincial cluster move forward",
      "การค้าและเศรษฐกิจของกลุ่มจังหวัดก้าวหน้า",
      [],
    ),
    node(
      10,
      "strategy",
      "S1",
      "Enhancing commercial competition capacity of provincial clusters",
      "เสริมสร้างขีดความสามารถในการแข่งขันทางการค้าของกลุ่มจังหวัด",
      [],
      [
        node(
          11,
          "objective",
          "S1-O",
          "Economic and trade of provincial clusters grow in high rate and sustain",
          "เศรษฐกิจและการค้าของกลุ่มจังหวัดเติบโตในอัตราสูงและยั่งยืน",
          [
            indicator({
              id: 1,
              code: "1.2",
              nameEn: "Higher number of juristic person registration",
              nameTh: "จำนวนการจดทะเบียนนิติบุคคลเพิ่มขึ้น",
              unit: "ราย",
              targetEn: "Number of registration increase 1-2%",
              targetTh: "จำนวนการจดทะเบียนเพิ่มขึ้นร้อยละ 1-2",
              previous: 12500,
              value: 12687.5,
              source: "computed",
              coverage: { reported: 15, expected: 18 },
              issue: "units_excluded",
            }),
            indicator({
              id: 2,
              code: "1.4",
              nameEn: "Increasing number of intellectual property receiving registration",
              nameTh: "จำนวนทรัพย์สินทางปัญญาที่ได้รับการจดทะเบียนเพิ่มขึ้น",
              unit: "รายการ",
              targetEn: "increasing significantly",
              targetTh: "เพิ่มขึ้นอย่างมีนัยสำคัญ",
              previous: 320,
              value: 351,
            }),
            ...extra,
          ],
        ),
        node(
          12,
          "sub_strategy",
          "S1.1",
          "Upgrade products and services with innovation",
          "ยกระดับสินค้าและบริการด้วยนวัตกรรม",
          [],
          [node(13, "work_plan", "S1.1-W1", "Work plan without indicators", "แผนงานที่ไม่มีตัวชี้วัด", [])],
        ),
      ],
    ),
    node(
      20,
      "strategy",
      "S2",
      "Creating commercial opportunity and fairness",
      "สร้างโอกาสและความเป็นธรรมทางการค้า",
      [],
      [
        node(
          21,
          "objective",
          "S2-O",
          "Entrepreneurs have fair trade opportunities",
          "ผู้ประกอบการมีโอกาสทางการค้าอย่างเป็นธรรม",
          [
            indicator({
              id: 3,
              code: "2.1",
              nameEn: "Share of community enterprises meeting the standard",
              nameTh: "ร้อยละของวิสาหกิจชุมชนที่ผ่านมาตรฐาน",
              unit: "%",
              targetEn: "80%",
              targetTh: "ร้อยละ 80",
              baseline: 60,
              value: 75,
            }),
            indicator({
              id: 4,
              code: "2.2",
              nameEn: "Trade value of provincial clusters",
              nameTh: "มูลค่าการค้าของกลุ่มจังหวัด",
              unit: "ล้านบาท",
              targetEn: "at least 1,000",
              targetTh: "ไม่น้อยกว่า 1,000",
              value: 1234567.89,
            }),
            indicator({
              id: 5,
              code: "2.3",
              nameEn: "Prices stay within the band",
              nameTh: "ระดับราคาอยู่ในกรอบที่กำหนด",
              unit: "%",
              targetEn: "2.5% (± 1.5%)",
              targetTh: "ร้อยละ 2.5 (± 1.5)",
              value: 4.5,
            }),
            indicator({
              id: 6,
              code: "2.4",
              nameEn: "Water supply of community markets",
              nameTh: "จำนวนตลาดชุมชนที่มีน้ำประปาใช้",
              unit: "แห่ง",
              targetEn: "at least 50",
              targetTh: "ไม่น้อยกว่า 50",
            }),
          ],
        ),
      ],
    ),
  ];
  return {
    plan: {
      id: 1,
      code: "MOC-PCT-2017-2021",
      titleEn: "Strategic Plan on Provincial Cluster Trade 2017-2021",
      titleTh: "แผนยุทธศาสตร์การค้าของกลุ่มจังหวัด พ.ศ. 2560-2564",
      level: "national",
      ownerAgencyCode: "MOC",
      ownerAgencyNameEn: "Ministry of Commerce",
      ownerAgencyNameTh: "กระทรวงพาณิชย์",
    },
    periodKey: "FY2021",
    includesUnapproved: options.includesUnapproved ?? false,
    orgUnit: { type: "nation", code: "TH", nameEn: "Thailand", nameTh: "ประเทศไทย" },
    generatedAt: "2021-10-15T03:00:00.000Z",
    nodes,
    summary: countByStatus(nodes),
  };
}
