import { parseTarget } from "@sainam/core";
import type { Transaction } from "kysely";
import { nowIso } from "../clock.ts";
import type { DB } from "../schema.ts";

/**
 * An example cluster plan made the DIP way (seed 004: the cluster jointly sets its vision, master plan, action
 * plan, strategies, projects and activities) for the example coffee cluster, with indicators and targets, its
 * strategies serving sub-strategies of the Ministry of Commerce's 2017-2021 plan so a trace runs from an
 * activity up to the national strategy. It belongs to an example cluster: removing the examples removes it.
 */
type Text = { en: string; th: string };
type ExampleIndicator = {
  code: string;
  name: Text;
  unit: string | null;
  aggregation: "sum" | "mean" | "ratio";
  ratioScale: number | null;
  baselineValue: number | null;
  baselinePeriod: string | null;
  disaggregations: string[];
  /** Target texts, per period key (null: the whole plan period), as the cluster wrote them. */
  targets: Array<{ periodKey: string | null; text: Text }>;
};
type ExampleNode = {
  kind: string;
  code: string;
  title: Text;
  body?: Text;
  /** Code of the node of the MOC 2017-2021 plan this node serves. */
  serves?: string;
  indicators?: ExampleIndicator[];
  children?: ExampleNode[];
};

const t = (en: string, th: string): Text => ({ en, th });
const activity = (code: string, title: Text): ExampleNode => ({ kind: "activity", code, title });

export const EXAMPLE_CLUSTER_PLAN_CODE = "EX-DIP-COFFEE-FY2021-2022";
const CLUSTER_CODE = "dip-coffee";
const OWNER_AGENCY_CODE = "DIP";
const SERVED_PLAN_CODE = "MOC-PCT-2017-2021";

const nodes: ExampleNode[] = [
  {
    kind: "vision",
    code: "V",
    title: t(
      "Northern Thai Arabica known at home and abroad for its quality, grown and processed sustainably by a linked cluster",
      "กาแฟอาราบิก้าภาคเหนือเป็นที่รู้จักทั้งในและต่างประเทศด้วยคุณภาพ ผลิตและแปรรูปอย่างยั่งยืนโดยคลัสเตอร์ที่เชื่อมโยงกัน",
    ),
  },
  {
    kind: "master_plan",
    code: "MP",
    title: t("Coffee cluster master plan FY2021-2022", "แผนแม่บทคลัสเตอร์กาแฟ ปีงบประมาณ 2564-2565"),
    body: t(
      "Agreed by growers, processors, roasters and cafés at the cluster's planning workshop with DIP and the Industry Transformation Centre.",
      "จัดทำร่วมกันโดยเกษตรกร ผู้แปรรูป ผู้คั่ว และร้านกาแฟ ในการประชุมเชิงปฏิบัติการวางแผนของคลัสเตอร์ร่วมกับกรมส่งเสริมอุตสาหกรรมและศูนย์ปรับเปลี่ยนอุตสาหกรรม",
    ),
    children: [
      {
        kind: "strategy",
        code: "CS1",
        title: t("Raise bean quality and processing standards", "ยกระดับคุณภาพเมล็ดกาแฟและมาตรฐานการแปรรูป"),
        serves: "S1.1",
        indicators: [
          {
            code: "CF-1",
            name: t(
              "Share of member firms with GMP or organic certification",
              "สัดส่วนสมาชิกที่ได้รับการรับรอง GMP หรือเกษตรอินทรีย์",
            ),
            unit: "%",
            aggregation: "ratio",
            ratioScale: 100,
            baselineValue: 35,
            baselinePeriod: "FY2020",
            disaggregations: ["size_class", "stage"],
            targets: [
              { periodKey: null, text: t("80-90%", "ร้อยละ 80-90") },
              { periodKey: "FY2021", text: t("at least 60%", "ไม่น้อยกว่าร้อยละ 60") },
            ],
          },
        ],
        children: [
          {
            kind: "project",
            code: "PJ1",
            title: t("Post-harvest processing upgrade", "ยกระดับการแปรรูปหลังการเก็บเกี่ยว"),
            children: [
              activity("AC1", t("Wet-processing training for highland growers", "อบรมการแปรรูปแบบเปียกให้เกษตรกรบนพื้นที่สูง")),
              activity(
                "AC2",
                t(
                  "Cupping and grading clinic with the Industry Transformation Centre",
                  "คลินิกชิมและคัดเกรดกาแฟร่วมกับศูนย์ปรับเปลี่ยนอุตสาหกรรม",
                ),
              ),
            ],
          },
        ],
      },
      {
        kind: "strategy",
        code: "CS2",
        title: t("Build the northern coffee brand and its packaging", "สร้างแบรนด์และบรรจุภัณฑ์กาแฟภาคเหนือ"),
        serves: "S1.2",
        indicators: [
          {
            code: "CF-2",
            name: t("Sales of member firms", "ยอดขายของสมาชิกคลัสเตอร์"),
            unit: "baht",
            aggregation: "sum",
            ratioScale: null,
            baselineValue: 48_000_000,
            baselinePeriod: "FY2020",
            disaggregations: ["size_class"],
            targets: [{ periodKey: null, text: t("increase 5%", "เพิ่มขึ้นร้อยละ 5") }],
          },
        ],
        children: [
          {
            kind: "project",
            code: "PJ2",
            title: t(
              "Packaging and brand design with the Thailand Industrial Design Center",
              "ออกแบบบรรจุภัณฑ์และแบรนด์ร่วมกับศูนย์ออกแบบอุตสาหกรรม",
            ),
            children: [activity("AC3", t("Drip-bag packaging design workshop", "อบรมเชิงปฏิบัติการออกแบบบรรจุภัณฑ์กาแฟดริป"))],
          },
        ],
      },
      {
        kind: "strategy",
        code: "CS3",
        title: t("Open market channels at home and abroad", "เปิดช่องทางตลาดในและต่างประเทศ"),
        serves: "S3.2",
        indicators: [
          {
            code: "CF-3",
            name: t("Business-matching deals of member firms", "จำนวนการเจรจาธุรกิจที่สำเร็จของสมาชิก"),
            unit: "deals",
            aggregation: "sum",
            ratioScale: null,
            baselineValue: 12,
            baselinePeriod: "FY2020",
            disaggregations: [],
            targets: [{ periodKey: null, text: t("increase significantly", "เพิ่มขึ้นอย่างมีนัยสำคัญ") }],
          },
        ],
        children: [
          {
            kind: "project",
            code: "PJ3",
            title: t("Trade fairs and business matching", "งานแสดงสินค้าและการจับคู่ธุรกิจ"),
            children: [
              activity("AC4", t("Cluster booth at the Thailand Coffee Fest", "บูธคลัสเตอร์ในงาน Thailand Coffee Fest")),
              activity("AC5", t("Online business matching with Japanese roasters", "จับคู่ธุรกิจออนไลน์กับผู้คั่วกาแฟญี่ปุ่น")),
            ],
          },
        ],
      },
    ],
  },
  {
    kind: "action_plan",
    code: "AP",
    title: t("Action plan FY2022", "แผนปฏิบัติการ ปีงบประมาณ 2565"),
    body: t(
      "The year's coordination work of the cluster, beside the projects of the master plan's strategies.",
      "งานประสานของคลัสเตอร์ในปีงบประมาณ นอกเหนือจากโครงการตามยุทธศาสตร์ของแผนแม่บท",
    ),
    children: [
      {
        kind: "project",
        code: "PJ4",
        title: t("Cluster coordination", "การประสานงานคลัสเตอร์"),
        serves: "S4.2",
        indicators: [
          {
            code: "CF-4",
            name: t("Members attending cluster meetings", "สมาชิกที่เข้าร่วมประชุมคลัสเตอร์"),
            unit: "%",
            aggregation: "ratio",
            ratioScale: 100,
            baselineValue: null,
            baselinePeriod: null,
            disaggregations: ["stage"],
            targets: [{ periodKey: "FY2022", text: t("80%", "ร้อยละ 80") }],
          },
        ],
        children: [activity("AC6", t("Quarterly cluster meetings", "ประชุมคลัสเตอร์รายไตรมาส"))],
      },
    ],
  },
];

/** Loads the example cluster plan; 0 when its cluster or owner is missing or the plan exists. Returns plans written. */
export async function loadExamplePlans(trx: Transaction<DB>): Promise<number> {
  const cluster = await trx
    .selectFrom("clusters")
    .select("id")
    .where("code", "=", CLUSTER_CODE)
    .where("is_example", "=", 1)
    .executeTakeFirst();
  const owner = await trx.selectFrom("agencies").select("id").where("code", "=", OWNER_AGENCY_CODE).executeTakeFirst();
  const taken = await trx
    .selectFrom("plans")
    .select("id")
    .where("code", "=", EXAMPLE_CLUSTER_PLAN_CODE)
    .executeTakeFirst();
  if (!cluster || !owner || taken) return 0;
  const served = new Map(
    (
      await trx
        .selectFrom("plan_nodes")
        .innerJoin("plans", "plans.id", "plan_nodes.plan_id")
        .select(["plan_nodes.id", "plan_nodes.code"])
        .where("plans.code", "=", SERVED_PLAN_CODE)
        .execute()
    ).map((n) => [n.code, n.id]),
  );
  const now = nowIso();
  const { id: planId } = await trx
    .insertInto("plans")
    .values({
      code: EXAMPLE_CLUSTER_PLAN_CODE,
      title_en: "Coffee Cluster plan FY2021-2022",
      title_th: "แผนพัฒนาคลัสเตอร์กาแฟ ปีงบประมาณ 2564-2565",
      description_en:
        "Example data: a cluster plan made the DIP way (seed 004), linked to the Ministry of Commerce's 2017-2021 plan.",
      description_th:
        "ข้อมูลตัวอย่าง: แผนคลัสเตอร์ตามแนวทางของกรมส่งเสริมอุตสาหกรรม เชื่อมโยงกับแผนยุทธศาสตร์ของกระทรวงพาณิชย์ พ.ศ. 2560-2564",
      level: "cluster_plan",
      owner_agency_id: owner.id,
      cluster_id: cluster.id,
      provincial_cluster_id: null,
      programme_id: null,
      period_start: "2020-10-01",
      period_end: "2022-09-30",
      status: "active",
      version: 1,
      previous_version_id: null,
      published: 1,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  const insert = async (list: readonly ExampleNode[], parentId: number | null): Promise<void> => {
    for (const [position, node] of list.entries()) {
      const { id } = await trx
        .insertInto("plan_nodes")
        .values({
          plan_id: planId,
          parent_id: parentId,
          kind: node.kind,
          code: node.code,
          position,
          title_en: node.title.en,
          title_th: node.title.th,
          body_en: node.body?.en ?? null,
          body_th: node.body?.th ?? null,
          serves_node_id: node.serves === undefined ? null : (served.get(node.serves) ?? null),
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const [indicatorPosition, indicator] of (node.indicators ?? []).entries()) {
        const { id: indicatorId } = await trx
          .insertInto("indicators")
          .values({
            plan_node_id: id,
            code: indicator.code,
            name_en: indicator.name.en,
            name_th: indicator.name.th,
            unit: indicator.unit,
            position: indicatorPosition,
            direction: "increase",
            aggregation: indicator.aggregation,
            ratio_scale: indicator.ratioScale,
            baseline_value: indicator.baselineValue,
            baseline_period: indicator.baselinePeriod,
            disaggregations_json: JSON.stringify(indicator.disaggregations),
            decimals: indicator.unit === "%" ? 1 : 0,
            description_en: null,
            description_th: null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        for (const target of indicator.targets) {
          const structured = parseTarget(target.text.en);
          if (structured === null) throw new Error(`example target "${target.text.en}" has no structured form`);
          await trx
            .insertInto("indicator_targets")
            .values({
              indicator_id: indicatorId,
              period_label: null,
              period_key: target.periodKey,
              org_unit_type: null,
              org_unit_code: null,
              text_en: target.text.en,
              text_th: target.text.th,
              target_json: JSON.stringify(structured),
            })
            .execute();
        }
      }
      await insert(node.children ?? [], id);
    }
  };
  await insert(nodes, null);
  return 1;
}

/**
 * Example clusters whose plans hold indicator values a real user entered (`is_example = 0`). Such a cluster is
 * adopted as real data (`is_example` cleared) before the examples are removed, so the cluster, its plans and the
 * user's values all stay: removing the examples never deletes what a user recorded. Returns the adopted clusters'
 * codes and their plans' codes.
 */
export async function adoptExampleClustersWithRealValues(
  trx: Transaction<DB>,
): Promise<{ clusters: string[]; plans: string[] }> {
  const rows = await trx
    .selectFrom("plans")
    .innerJoin("clusters", "clusters.id", "plans.cluster_id")
    .select(["clusters.id as clusterId", "clusters.code as clusterCode", "plans.code as planCode"])
    .where("clusters.is_example", "=", 1)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("indicator_values")
          .innerJoin("indicators", "indicators.id", "indicator_values.indicator_id")
          .innerJoin("plan_nodes", "plan_nodes.id", "indicators.plan_node_id")
          .select("indicator_values.id")
          .whereRef("plan_nodes.plan_id", "=", "plans.id")
          .where("indicator_values.is_example", "=", 0),
      ),
    )
    .orderBy("plans.code")
    .execute();
  const clusterIds = [...new Set(rows.map((r) => r.clusterId))];
  if (clusterIds.length === 0) return { clusters: [], plans: [] };
  await trx
    .updateTable("clusters")
    .set({ is_example: 0, updated_at: nowIso() })
    .where("id", "in", clusterIds)
    .execute();
  return { clusters: [...new Set(rows.map((r) => r.clusterCode))].sort(), plans: rows.map((r) => r.planCode) };
}

/**
 * Removes every plan of an example cluster (the example plan, its later versions and any plan a user made for an
 * example cluster) with its nodes, indicators, targets, values and locks. Links into them from other plans are
 * cleared and activities recorded against their nodes are detached, so real records stay. Returns plans removed.
 */
export async function removeExamplePlans(trx: Transaction<DB>): Promise<number> {
  const planIds = (
    await trx
      .selectFrom("plans")
      .innerJoin("clusters", "clusters.id", "plans.cluster_id")
      .select("plans.id")
      .where("clusters.is_example", "=", 1)
      .execute()
  ).map((p) => p.id);
  if (!planIds.length) return 0;
  const nodeIds = () => trx.selectFrom("plan_nodes").select("id").where("plan_id", "in", planIds);
  const indicatorIds = () => trx.selectFrom("indicators").select("id").where("plan_node_id", "in", nodeIds());
  await trx.updateTable("plan_nodes").set({ serves_node_id: null }).where("serves_node_id", "in", nodeIds()).execute();
  await trx.updateTable("activities").set({ plan_node_id: null }).where("plan_node_id", "in", nodeIds()).execute();
  await trx.deleteFrom("indicator_values").where("indicator_id", "in", indicatorIds()).execute();
  await trx.deleteFrom("indicator_targets").where("indicator_id", "in", indicatorIds()).execute();
  await trx.deleteFrom("indicators").where("plan_node_id", "in", nodeIds()).execute();
  await trx.updateTable("plan_nodes").set({ parent_id: null }).where("plan_id", "in", planIds).execute();
  await trx.deleteFrom("plan_nodes").where("plan_id", "in", planIds).execute();
  await trx.deleteFrom("period_locks").where("plan_id", "in", planIds).execute();
  await trx
    .updateTable("plans")
    .set({ previous_version_id: null })
    .where("previous_version_id", "in", planIds)
    .execute();
  await trx.deleteFrom("plans").where("id", "in", planIds).execute();
  return planIds.length;
}
