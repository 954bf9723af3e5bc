import { serviceRequests } from "@sainam/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listServiceRequests } from "../service-requests/request.service.ts";
import { candidatesFor } from "../service-requests/request-routing.ts";
import { signInAs } from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { requestFactory } from "./request-factory.ts";

// The two reads bench/services.ts measures, as the app makes them: routing's pool (one query) and the request list
// scoped by the union of the caller's ways in.
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function setUp() {
  const f = requestFactory(t.ctx.database);
  const { db } = t.ctx.database;
  const provider = await f.provider({ responseDays: 3, closureDays: 20 });
  const otherField = await f.provider();
  const elsewhereProvider = await f.provider();
  await db
    .insertInto("provider_provinces")
    .values([
      { provider_id: provider, province_code: "57" },
      { provider_id: otherField, province_code: "57" },
      { provider_id: elsewhereProvider, province_code: "10" },
    ])
    .execute();
  await db
    .insertInto("provider_services")
    .values([
      { provider_id: provider, field: "logistics" },
      { provider_id: otherField, field: "marketing" },
      { provider_id: elsewhereProvider, field: "logistics" },
    ])
    .execute();
  const byProvince = await f.expert(provider, null, "ก");
  const byRegion = await f.expert(provider, null, "ข");
  const everywhere = await f.expert(provider, null, "ค");
  const elsewhere = await f.expert(provider, null, "ง");
  const away = await f.expert(provider, null, "จ");
  const noField = await f.expert(provider, null, "ฉ");
  const wrongProvider = await f.expert(otherField, null, "ช");
  const farProvider = await f.expert(elsewhereProvider, null, "ซ");
  await db.updateTable("experts").set({ available: 0 }).where("id", "=", away).execute();
  for (const id of [byProvince, byRegion, everywhere, elsewhere, away, wrongProvider, farProvider])
    await db.insertInto("expert_fields").values({ expert_id: id, field: "logistics" }).execute();
  await db.insertInto("expert_fields").values({ expert_id: noField, field: "marketing" }).execute();
  await db
    .insertInto("expert_areas")
    .values([
      // Two areas: the region and the province itself; the province is the closer match.
      { expert_id: byProvince, area_type: "province", area_code: "57" },
      { expert_id: byProvince, area_type: "region", area_code: "north" },
      { expert_id: byRegion, area_type: "region", area_code: "north" },
      { expert_id: elsewhere, area_type: "province", area_code: "10" },
    ])
    .execute();
  const enterprise_id = await f.enterprise(await signInAs(t, "admin"));
  return { f, db, provider, byProvince, byRegion, everywhere, elsewhere, away, enterprise_id };
}

describe("#service routing queries", () => {
  it("reads the whole pool in one go: field, province, areas, open cases, last offer, declines", async () => {
    const s = await setUp();
    // Two open cases for the province's expert, one closed for the region's.
    for (const status of ["assigned", "accepted"])
      await s.f.request({ enterprise_id: s.enterprise_id, provider_id: s.provider, expert_id: s.byProvince, status });
    await s.f.request({
      enterprise_id: s.enterprise_id,
      provider_id: s.provider,
      expert_id: s.byRegion,
      status: "closed",
    });
    const request = await s.f.request({
      enterprise_id: s.enterprise_id,
      field: "logistics",
      province_code: "57",
      status: "unassigned",
    });
    const offer = (expert_id: number, assigned_at: string, response: string) =>
      serviceRequests.insertAssignment(s.db, {
        request_id: request,
        provider_id: s.provider,
        expert_id,
        assigned_at,
        assigned_by: null,
        reason_json: "{}",
        response,
        responded_at: null,
        decline_reason: null,
      });
    // The region's expert declined this request; the one with no areas was offered another request last year.
    await offer(s.byRegion, "2026-01-02T03:00:00.000Z", "declined");
    await offer(s.everywhere, "2025-06-01T03:00:00.000Z", "reassigned");
    await offer(s.everywhere, "2025-01-01T03:00:00.000Z", "accepted");

    const pool = await serviceRequests.routingPool(s.db, { id: request, field: "logistics", provinceCode: "57" });
    expect(pool.province).toEqual({ code: "57", regionCode: "north" });
    expect(pool.providers).toEqual([
      { id: s.provider, services: ["logistics"], provinceCodes: ["57"], responseDays: 3, closureDays: 20 },
    ]);
    const byId = new Map(pool.experts.map((e) => [e.id, e]));
    expect([...byId.keys()].sort((a, b) => a - b)).toEqual(
      [s.byProvince, s.byRegion, s.everywhere, s.elsewhere, s.away].sort((a, b) => a - b),
    );
    expect(byId.get(s.byProvince)).toMatchObject({ openCases: 2, capacity: 5, available: true });
    expect(byId.get(s.byProvince)!.areas).toHaveLength(2);
    expect(byId.get(s.byRegion)).toMatchObject({ openCases: 0, lastAssignedAt: "2026-01-02T03:00:00.000Z" });
    expect(byId.get(s.everywhere)).toMatchObject({ areas: [], lastAssignedAt: "2025-06-01T03:00:00.000Z" });
    expect(byId.get(s.away)).toMatchObject({ available: false, lastAssignedAt: null });
    expect(pool.excludedExpertIds).toEqual([s.byRegion]);

    // Ranked as routing ranks them: those who serve the province, least loaded first, the decliner marked.
    const { candidates } = await candidatesFor(s.db, { id: request, field: "logistics", province_code: "57" });
    expect(candidates.map((c) => [c.expert.id, c.reason.areaMatch, c.hasRoom, c.excluded])).toEqual([
      [s.away, "provider", false, false],
      [s.everywhere, "provider", true, false],
      [s.byRegion, "region", true, true],
      [s.byProvince, "province", true, false],
    ]);
  });

  it("answers an empty pool for an unknown province or a field nobody offers there", async () => {
    const s = await setUp();
    const none = { id: 0, field: "logistics" as const };
    expect(await serviceRequests.routingPool(s.db, { ...none, provinceCode: "99" })).toEqual({
      province: undefined,
      providers: [],
      experts: [],
      excludedExpertIds: [],
    });
    expect(
      (await serviceRequests.routingPool(s.db, { ...none, field: "business_law", provinceCode: "57" })).experts,
    ).toEqual([]);
    expect((await candidatesFor(s.db, { ...none, province_code: "99" })).candidates).toEqual([]);
  });

  it("lists each request a caller may see once, whichever ways they have in, newest first with the right total", async () => {
    const s = await setUp();
    const expertUser = await signInAs(t, "expert");
    const expertId = await s.f.expert(s.provider, expertUser.userId, "ผู้เชี่ยวชาญที่เข้าระบบ");
    const managed = await s.f.provider();
    await s.f.manager(managed, expertUser.userId);
    const at = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString();
    // Offered to them and filed by them (one request, two ways in), their managed provider's, filed by them alone.
    const both = await s.f.request({
      enterprise_id: s.enterprise_id,
      provider_id: s.provider,
      expert_id: expertId,
      filed_by: expertUser.userId,
      filed_at: at(5),
    });
    const offered = await s.f.request({
      enterprise_id: s.enterprise_id,
      provider_id: s.provider,
      expert_id: expertId,
      filed_at: at(3),
    });
    const ofManaged = await s.f.request({ enterprise_id: s.enterprise_id, provider_id: managed, filed_at: at(4) });
    const filed = await s.f.request({
      enterprise_id: s.enterprise_id,
      filed_by: expertUser.userId,
      status: "unassigned",
      filed_at: at(1),
    });
    // Someone else's: never listed.
    await s.f.request({
      enterprise_id: s.enterprise_id,
      provider_id: s.provider,
      expert_id: s.byProvince,
      filed_at: at(6),
    });
    const actor = {
      kind: "user",
      id: expertUser.userId,
      role: "expert",
      agencyId: null,
      clusterIds: [],
      enterpriseId: null,
    } as const;
    const all = await listServiceRequests(t.ctx, actor, { page: 1, pageSize: 50 });
    expect(all.items.map((r) => r.id)).toEqual([both, ofManaged, offered, filed]);
    expect(all.total).toBe(4);
    const page2 = await listServiceRequests(t.ctx, actor, { page: 2, pageSize: 3 });
    expect(page2.items.map((r) => r.id)).toEqual([filed]);
    expect(page2.total).toBe(4);
    const open = await listServiceRequests(t.ctx, actor, { page: 1, pageSize: 50, status: "unassigned" });
    expect(open.items.map((r) => r.id)).toEqual([filed]);
  });
});
