import { compiledOnce } from "@sainam/db";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";

// compiledOnce: a Kysely read compiled once, run with each call's parameters, on either engine.
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const provincesOfRegion = compiledOnce((db, p: { region: string; after: string }) =>
  db
    .selectFrom("provinces")
    .select(["code", "region_code"])
    .where("region_code", "=", p.region)
    .where("code", ">", p.after)
    .where("code", "not in", ["10", "11"])
    .orderBy("code"),
);

describe("compiledOnce", () => {
  it("answers what the same query built each time answers, for every set of parameters", async () => {
    const { db } = t.ctx.database;
    for (const [region, after] of [
      ["north", "00"],
      ["central", "00"],
      ["central", "20"],
      ["south", "90"],
      ["nowhere", "00"],
    ] as const) {
      const direct = await db
        .selectFrom("provinces")
        .select(["code", "region_code"])
        .where("region_code", "=", region)
        .where("code", ">", after)
        .where("code", "not in", ["10", "11"])
        .orderBy("code")
        .execute();
      expect(await provincesOfRegion(db, { region, after })).toEqual(direct);
    }
    // The constants written in the query stay: Bangkok (10) and Samut Prakan (11) are never listed.
    const central = await provincesOfRegion(db, { region: "central", after: "00" });
    expect(central.length).toBeGreaterThan(5);
    expect(central.map((r) => r.code)).not.toContain("10");
  });

  it("runs inside a transaction and sees its writes", async () => {
    const { db } = t.ctx.database;
    const seen = await db.transaction().execute(async (trx) => {
      await trx.updateTable("provinces").set({ region_code: "south" }).where("code", "=", "50").execute();
      const rows = await provincesOfRegion(trx, { region: "south", after: "49" });
      await trx.updateTable("provinces").set({ region_code: "north" }).where("code", "=", "50").execute();
      return rows;
    });
    expect(seen[0]).toEqual({ code: "50", region_code: "south" });
    expect(await provincesOfRegion(db, { region: "south", after: "49" })).not.toContainEqual({
      code: "50",
      region_code: "south",
    });
  });

  it("refuses a parameter that does not reach the SQL as one bound value", async () => {
    const { db } = t.ctx.database;
    const unused = compiledOnce((db, _p: { region: string }) => db.selectFrom("provinces").select("code"));
    await expect(unused(db, { region: "north" })).rejects.toThrow(/"region" is not a bound value/);
    const asText = compiledOnce((db, p: { region: string }) =>
      db.selectFrom("provinces").select("code").where(sql.lit(p.region), "=", "north"),
    );
    await expect(asText(db, { region: "north" })).rejects.toThrow(/compiledOnce/);
  });
});
