import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase, seedReferenceData, type Database } from "../index.ts";
import { EXAMPLE_VALUE_SOURCE, loadExamples, removeExamples } from "./index.ts";

describe("example indicator values", () => {
  let database: Database;

  beforeAll(async () => {
    database = openDatabase({ dataDir: ":memory:" });
    await migrateToLatest(database);
    await seedReferenceData(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const values = () =>
    database.db
      .selectFrom("indicator_values")
      .innerJoin("indicators", "indicators.id", "indicator_values.indicator_id")
      .select([
        "indicators.code",
        "org_unit_code",
        "period_key",
        "value",
        "numerator",
        "denominator",
        "status",
        "source",
        "is_example",
      ])
      .orderBy("indicators.code")
      .orderBy("org_unit_code")
      .orderBy("period_key")
      .execute();

  it("loads approved, illustrative values for 4 indicators × 77 provinces × FY2017-2021, saying they are not official", async () => {
    const report = await loadExamples(database.db);
    expect(report.counts.indicatorValues).toBe(4 * 77 * 5);
    const rows = await values();
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set(["1.2", "2.3", "3.1", "4.2"]));
    expect(new Set(rows.map((r) => r.period_key))).toEqual(new Set(["FY2017", "FY2018", "FY2019", "FY2020", "FY2021"]));
    expect(rows.every((r) => r.status === "approved" && r.is_example === 1 && r.source === EXAMPLE_VALUE_SOURCE)).toBe(
      true,
    );
    expect(EXAMPLE_VALUE_SOURCE).toContain("Example data — illustrative, not official figures");
    expect(EXAMPLE_VALUE_SOURCE).toContain("ข้อมูลตัวอย่าง");
  });

  it("gives the satisfaction indicators a ratio rule and values recomputed from numerator and denominator", async () => {
    const indicator = await database.db
      .selectFrom("indicators")
      .select(["aggregation", "ratio_scale"])
      .where("code", "=", "2.3")
      .executeTakeFirstOrThrow();
    expect(indicator).toEqual({ aggregation: "ratio", ratio_scale: 100 });
    for (const r of (await values()).filter((v) => v.code === "2.3")) {
      expect(r.numerator).not.toBeNull();
      expect(r.value).toBeCloseTo(((r.numerator ?? 0) / (r.denominator ?? 1)) * 100, 1);
    }
  });

  it("is deterministic: removed and loaded again, the same figures come back; removal restores the defaults", async () => {
    const first = await values();
    const removed = await removeExamples(database.db);
    expect(removed.counts.indicatorValues).toBe(first.length);
    expect(await values()).toEqual([]);
    expect(
      await database.db
        .selectFrom("indicators")
        .select(["aggregation", "ratio_scale"])
        .where("code", "=", "2.3")
        .executeTakeFirstOrThrow(),
    ).toEqual({ aggregation: "sum", ratio_scale: null });
    await loadExamples(database.db);
    expect(await values()).toEqual(first);
  });
});
