import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTarget } from "@sainam/core";
import { openDatabase, migrateToLatest, type Database } from "../database.ts";
import { seedReferenceData } from "../reference.seed.ts";
import { nowIso } from "../clock.ts";
import { loadExamples, removeExamples } from "./examples.seed.ts";
import { EXAMPLE_CLUSTER_PLAN_CODE } from "./plan.examples.ts";

describe("the example cluster plan", () => {
  let database: Database;

  beforeAll(async () => {
    database = openDatabase({ dataDir: ":memory:" });
    await migrateToLatest(database);
    await seedReferenceData(database.db);
  });

  afterAll(async () => {
    await database.close();
  });

  it("loads the coffee cluster's plan the DIP way, with indicators, targets and links up to the MOC plan", async () => {
    const report = await loadExamples(database.db);
    expect(report.counts.plans).toBe(1);
    const { db } = database;
    const plan = await db
      .selectFrom("plans")
      .innerJoin("clusters", "clusters.id", "plans.cluster_id")
      .select(["plans.id", "plans.level", "plans.published", "clusters.code as cluster"])
      .where("plans.code", "=", EXAMPLE_CLUSTER_PLAN_CODE)
      .executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ level: "cluster_plan", published: 1, cluster: "dip-coffee" });
    const nodes = await db.selectFrom("plan_nodes").selectAll().where("plan_id", "=", plan.id).execute();
    expect(new Set(nodes.map((n) => n.kind))).toEqual(
      new Set(["vision", "master_plan", "action_plan", "strategy", "project", "activity"]),
    );
    const served = await db
      .selectFrom("plan_nodes as n")
      .innerJoin("plan_nodes as s", "s.id", "n.serves_node_id")
      .innerJoin("plans as p", "p.id", "s.plan_id")
      .select(["n.code as from", "s.code as to", "p.code as plan"])
      .where("n.plan_id", "=", plan.id)
      .orderBy("n.code")
      .execute();
    expect(served).toEqual([
      { from: "CS1", to: "S1.1", plan: "MOC-PCT-2017-2021" },
      { from: "CS2", to: "S1.2", plan: "MOC-PCT-2017-2021" },
      { from: "CS3", to: "S3.2", plan: "MOC-PCT-2017-2021" },
      { from: "PJ4", to: "S4.2", plan: "MOC-PCT-2017-2021" },
    ]);
    const targets = await db
      .selectFrom("indicator_targets")
      .innerJoin("indicators", "indicators.id", "indicator_targets.indicator_id")
      .innerJoin("plan_nodes", "plan_nodes.id", "indicators.plan_node_id")
      .select(["indicators.code", "indicator_targets.target_json", "indicator_targets.period_key"])
      .where("plan_nodes.plan_id", "=", plan.id)
      .execute();
    const kinds = targets.map((t) => {
      const target: unknown = JSON.parse(t.target_json ?? "null");
      return isTarget(target) ? target.kind : null;
    });
    expect(new Set(kinds)).toEqual(new Set(["range", "absolute", "change", "direction"]));
  });

  it("goes with the examples, unlinking real plans that served it and detaching real activities", async () => {
    const { db } = database;
    const now = nowIso();
    const example = await db
      .selectFrom("plan_nodes")
      .innerJoin("plans", "plans.id", "plan_nodes.plan_id")
      .select("plan_nodes.id")
      .where("plans.code", "=", EXAMPLE_CLUSTER_PLAN_CODE)
      .where("plan_nodes.code", "=", "AC1")
      .executeTakeFirstOrThrow();
    const activity = await db
      .insertInto("activities")
      .values({
        plan_node_id: example.id,
        kind: "training",
        title_en: "Real training",
        starts_on: "2021-02-01",
        fiscal_year: 2021,
        is_example: 0,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const report = await removeExamples(db);
    expect(report.counts.plans).toBe(1);
    expect(
      await db.selectFrom("plans").select("id").where("code", "=", EXAMPLE_CLUSTER_PLAN_CODE).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await db.selectFrom("plans").select("id").where("code", "=", "MOC-PCT-2017-2021").executeTakeFirst(),
    ).toBeDefined();
    expect(
      await db.selectFrom("activities").select("plan_node_id").where("id", "=", activity.id).executeTakeFirst(),
    ).toEqual({ plan_node_id: null });
  });
});
