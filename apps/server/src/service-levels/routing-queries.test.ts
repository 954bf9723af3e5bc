import { serviceRouting } from "@sainam/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { requestFactory } from "./request-factory.ts";

// The routing candidates and the expert's inbox as bench/services.ts measures them (the queries routing needs).
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("#service routing queries", () => {
  it("finds available experts with the field serving the province, least loaded first, and lists an inbox", async () => {
    const f = requestFactory(t.ctx.database);
    const { db } = t.ctx.database;
    const provider = await f.provider();
    await db.insertInto("provider_provinces").values({ provider_id: provider, province_code: "57" }).execute();
    const byProvince = await f.expert(provider, null, "ก");
    const byRegion = await f.expert(provider, null, "ข");
    const everywhere = await f.expert(provider, null, "ค");
    const elsewhere = await f.expert(provider, null, "ง");
    const away = await f.expert(provider, null, "จ");
    await db.updateTable("experts").set({ available: 0 }).where("id", "=", away).execute();
    for (const id of [byProvince, byRegion, everywhere, elsewhere, away])
      await db.insertInto("expert_fields").values({ expert_id: id, field: "logistics" }).execute();
    await db
      .insertInto("expert_areas")
      .values([
        { expert_id: byProvince, area_type: "province", area_code: "57" },
        { expert_id: byRegion, area_type: "region", area_code: "north" },
        { expert_id: elsewhere, area_type: "province", area_code: "10" },
      ])
      .execute();
    const enterprise_id = await f.enterprise(await signInAs(t, "admin"));
    // Two open cases for the province's expert, one closed for the region's.
    for (const status of ["assigned", "accepted"])
      await f.request({ enterprise_id, provider_id: provider, expert_id: byProvince, status });
    await f.request({ enterprise_id, provider_id: provider, expert_id: byRegion, status: "closed" });
    const region = await db
      .selectFrom("provinces")
      .select("region_code")
      .where("code", "=", "57")
      .executeTakeFirstOrThrow();
    const candidates = await serviceRouting.routingCandidates(db, {
      field: "logistics",
      provinceCode: "57",
      regionCode: region.region_code,
    });
    expect(candidates.map((c) => [c.id, c.open_cases])).toEqual(
      [
        [byRegion, 0],
        [everywhere, 0],
        [byProvince, 2],
      ].sort((a, b) => (a[1] as number) - (b[1] as number) || (a[0] as number) - (b[0] as number)),
    );
    const inbox = await serviceRouting.expertInbox(db, byProvince, { limit: 20, offset: 0 });
    expect(inbox.map((r) => r.status)).toEqual(["accepted", "assigned"]);
  });
});
