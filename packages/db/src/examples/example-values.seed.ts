import type { Transaction } from "kysely";
import type { DB } from "../schema.ts";
import { nowIso } from "../clock.ts";

// ILLUSTRATIVE values for a handful of the 2017-2021 Ministry of Commerce plan's indicators, which have no
// published actuals: per province and fiscal year 2017-2021, approved and marked `is_example = 1`, so the
// dashboard and map have something to show on a new install. Not official figures: the source says so in
// Thai and English. The generator is seeded, so every install gets the same numbers.

export const EXAMPLE_VALUE_SOURCE =
  "ข้อมูลตัวอย่าง — เพื่อการสาธิตเท่านั้น ไม่ใช่ตัวเลขทางการ / Example data — illustrative, not official figures";

const PLAN_CODE = "MOC-PCT-2017-2021";
const YEARS = [2017, 2018, 2019, 2020, 2021];

/**
 * The example indicators and the aggregation each is given while the examples are loaded (the reference plan
 * itself leaves them at the defaults): satisfaction as a ratio of satisfied to surveyed service users,
 * registrations and retail value as sums.
 */
export const exampleValueIndicators = [
  { code: "1.2", aggregation: "sum", ratioScale: null, decimals: 0, kind: "registrations" },
  { code: "2.3", aggregation: "ratio", ratioScale: 100, decimals: 1, kind: "satisfaction" },
  { code: "3.1", aggregation: "sum", ratioScale: null, decimals: 1, kind: "retail" },
  { code: "4.2", aggregation: "ratio", ratioScale: 100, decimals: 1, kind: "satisfaction" },
] as const;

/** mulberry32: a small, fast, seeded generator; the same seed gives the same sequence everywhere. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * Loads the example values (idempotent: nothing is written when example values exist, or when the reference
 * plan is missing). Answers the number of values written.
 */
export async function loadExampleValues(trx: Transaction<DB>): Promise<number> {
  const present = await trx
    .selectFrom("indicator_values")
    .select("id")
    .where("is_example", "=", 1)
    .limit(1)
    .executeTakeFirst();
  if (present) return 0;
  const plan = await trx.selectFrom("plans").select("id").where("code", "=", PLAN_CODE).executeTakeFirst();
  if (!plan) return 0;
  const indicators = await trx
    .selectFrom("indicators")
    .innerJoin("plan_nodes", "plan_nodes.id", "indicators.plan_node_id")
    .select(["indicators.id", "indicators.code"])
    .where("plan_nodes.plan_id", "=", plan.id)
    .where(
      "indicators.code",
      "in",
      exampleValueIndicators.map((i) => i.code),
    )
    .execute();
  const provinces = await trx.selectFrom("provinces").select("code").orderBy("code").execute();
  const now = nowIso();
  let written = 0;
  for (const spec of exampleValueIndicators) {
    const indicator = indicators.find((i) => i.code === spec.code);
    if (!indicator) continue;
    await trx
      .updateTable("indicators")
      .set({ aggregation: spec.aggregation, ratio_scale: spec.ratioScale, decimals: spec.decimals })
      .where("id", "=", indicator.id)
      .execute();
    const rows = [];
    for (const province of provinces) {
      const random = seeded(Number(province.code) * 1000 + Number(spec.code.replace(".", "")));
      // Each province has its own level and trend, so maps and trends differ from place to place.
      const level = random();
      const trend = random() - 0.35;
      for (const [i, year] of YEARS.entries()) {
        const noise = random() - 0.5;
        let value: number;
        let numerator: number | null = null;
        let denominator: number | null = null;
        if (spec.kind === "satisfaction") {
          denominator = 200 + Math.floor(random() * 800);
          const share = Math.min(0.98, Math.max(0.55, 0.72 + level * 0.12 + trend * 0.04 * i + noise * 0.06));
          numerator = Math.round(denominator * share);
          value = round((numerator / denominator) * (spec.ratioScale ?? 1), spec.decimals);
        } else if (spec.kind === "registrations") {
          value = Math.round((150 + level * 2500) * (1 + trend * 0.05 * i + noise * 0.04));
        } else {
          value = round((800 + level * 24_000) * (1 + trend * 0.06 * i + noise * 0.05), spec.decimals);
        }
        rows.push({
          indicator_id: indicator.id,
          org_unit_type: "province",
          org_unit_code: province.code,
          period_key: `FY${year}`,
          disaggregation: "",
          value,
          numerator,
          denominator,
          weight: null,
          source: EXAMPLE_VALUE_SOURCE,
          note: null,
          evidence_url: null,
          status: "approved",
          review_note: null,
          entered_by: null,
          submitted_at: now,
          approved_by: null,
          approved_at: now,
          is_example: 1,
          created_at: now,
          updated_at: now,
        });
      }
    }
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto("indicator_values")
        .values(rows.slice(i, i + 200))
        .execute();
    written += rows.length;
  }
  return written;
}

/**
 * Removes the example values and puts the example indicators' aggregation back to the defaults, unless an
 * editor has changed it since. Answers the number of values removed.
 */
export async function removeExampleValues(trx: Transaction<DB>): Promise<number> {
  const result = await trx.deleteFrom("indicator_values").where("is_example", "=", 1).executeTakeFirst();
  const removed = Number(result.numDeletedRows);
  if (removed === 0) return 0;
  const plan = await trx.selectFrom("plans").select("id").where("code", "=", PLAN_CODE).executeTakeFirst();
  if (!plan) return removed;
  for (const spec of exampleValueIndicators) {
    await trx
      .updateTable("indicators")
      .set({ aggregation: "sum", ratio_scale: null, decimals: null })
      .where("code", "=", spec.code)
      .where("aggregation", "=", spec.aggregation)
      .where("plan_node_id", "in", trx.selectFrom("plan_nodes").select("id").where("plan_id", "=", plan.id))
      .execute();
  }
  return removed;
}
