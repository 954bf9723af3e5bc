import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agencyIds,
  createCluster,
  createEnterprise,
  ok,
  signInAs,
  unique,
  type SignedIn,
} from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";

// A provider's people (issue 13, point 1): its keepers (admins, officers of its agency) link expert records to
// `expert` users and unlink them, one user to one record, and keep the provider's managers; everyone else is refused;
// every change is audited.
let t: TestApp;
let admin: SignedIn;
let dipOfficer: SignedIn;
let mocOfficer: SignedIn;
let coordinator: SignedIn;
let dip: number;
let moc: number;
let providerId: number;

beforeAll(async () => {
  t = await createTestApp();
  ({ DIP: dip, MOC: moc } = await agencyIds(t, "DIP", "MOC"));
  admin = await signInAs(t, "admin");
  dipOfficer = await signInAs(t, "agency_officer", { agencyId: dip, displayName: "สมปอง เจ้าหน้าที่กรม" });
  mocOfficer = await signInAs(t, "agency_officer", { agencyId: moc });
  coordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [(await createCluster(admin)).id] });
  providerId = (
    await ok(
      dipOfficer.request("POST", "/api/service-providers", {
        code: `PP${unique()}`,
        kind: "itc_centre",
        nameTh: "ศูนย์ปฏิรูปอุตสาหกรรมสู่อนาคต",
      }),
      201,
    )
  ).id;
});
afterAll(async () => {
  await t.close();
});

async function auditActions(entityType: string, entityId: number) {
  return (
    await t.ctx.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", entityType)
      .where("entity_id", "=", String(entityId))
      .orderBy("id")
      .execute()
  ).map((a) => a.action);
}

describe("#provider-people: linking expert records to users", () => {
  it("lets a keeper find an expert user, link them to a record and unlink them; one record per user", async () => {
    const record = await ok(
      dipOfficer.request("POST", "/api/experts", { providerId, displayName: "นางสาววิภา ใจงาม", fields: ["marketing"] }),
      201,
    );
    // A user made without a record of their own (their record unlinked by an admin), to be linked here.
    const wipa = await signInAs(t, "expert", { displayName: "วิภา ใจงาม", email: `wipa-${unique()}@example.org` });
    const own = (await ok(admin.request("GET", `/api/users/${wipa.userId}`))).expertId;
    await ok(admin.request("PATCH", `/api/experts/${own}`, { userId: null }));

    const found = await ok(
      dipOfficer.request(
        "GET",
        `/api/service-providers/${providerId}/user-candidates?q=${encodeURIComponent("วิภา")}&for=expert`,
      ),
    );
    expect(found.items).toEqual([
      { id: wipa.userId, displayName: "วิภา ใจงาม", email: wipa.email, role: "expert", expertId: null },
    ]);
    const byEmail = await ok(
      dipOfficer.request(
        "GET",
        `/api/service-providers/${providerId}/user-candidates?q=${wipa.email.slice(0, 8)}&for=expert`,
      ),
    );
    expect(byEmail.items.map((u: { id: number }) => u.id)).toContain(wipa.userId);

    const linked = await ok(dipOfficer.request("PATCH", `/api/experts/${record.id}`, { userId: wipa.userId }));
    expect(linked.userId).toBe(wipa.userId);
    // The user's account now names the record, its provider and its fields.
    expect(await ok(admin.request("GET", `/api/users/${wipa.userId}`))).toMatchObject({
      expertId: record.id,
      providerId,
      expertFields: ["marketing"],
    });
    // One user, one record: linking them to a second record is refused.
    const second = await ok(dipOfficer.request("POST", "/api/experts", { providerId, displayName: "อีกระเบียน" }), 201);
    const twice = await dipOfficer.request("PATCH", `/api/experts/${second.id}`, { userId: wipa.userId });
    expect(twice.statusCode).toBe(409);
    // Another agency's officer and a coordinator may not link or unlink.
    expect((await mocOfficer.request("PATCH", `/api/experts/${record.id}`, { userId: null })).statusCode).toBe(403);
    expect((await coordinator.request("PATCH", `/api/experts/${record.id}`, { userId: null })).statusCode).toBe(403);
    expect(
      (await mocOfficer.request("GET", `/api/service-providers/${providerId}/user-candidates?q=a&for=expert`))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.anonymous.request("GET", `/api/service-providers/${providerId}/user-candidates?q=a&for=expert`))
        .statusCode,
    ).toBe(401);

    const unlinked = await ok(dipOfficer.request("PATCH", `/api/experts/${record.id}`, { userId: null }));
    expect(unlinked.userId).toBeNull();
    expect(await auditActions("expert", record.id)).toEqual(["expert.create", "expert.update", "expert.update"]);
  });

  it("refuses to link a user who is not an expert, naming the field", async () => {
    const record = await ok(dipOfficer.request("POST", "/api/experts", { providerId, displayName: "ที่ปรึกษา" }), 201);
    const response = await dipOfficer.request("PATCH", `/api/experts/${record.id}`, { userId: mocOfficer.userId });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ path: "userId", code: "invalid_choice" });
  });
});

describe("#provider-people: managers", () => {
  it("lets the provider's keepers add and remove managers, listed by name to signed-in users, audited", async () => {
    const expert = await signInAs(t, "expert", { displayName: "ดร.สมชาย ผู้เชี่ยวชาญ" });
    const added = await ok(
      dipOfficer.request("POST", `/api/service-providers/${providerId}/managers`, { userId: expert.userId }),
      201,
    );
    expect(added.items).toEqual([{ userId: expert.userId, displayName: "ดร.สมชาย ผู้เชี่ยวชาญ", role: "expert" }]);
    await ok(
      admin.request("POST", `/api/service-providers/${providerId}/managers`, { userId: dipOfficer.userId }),
      201,
    );
    const listed = await ok(coordinator.request("GET", `/api/service-providers/${providerId}/managers`));
    expect(listed.items.map((m: { displayName: string }) => m.displayName)).toEqual([
      "ดร.สมชาย ผู้เชี่ยวชาญ",
      "สมปอง เจ้าหน้าที่กรม",
    ]);
    // Names are for signed-in users.
    expect((await t.anonymous.request("GET", `/api/service-providers/${providerId}/managers`)).statusCode).toBe(401);

    const again = await dipOfficer.request("POST", `/api/service-providers/${providerId}/managers`, {
      userId: expert.userId,
    });
    expect(again.statusCode).toBe(409);
    const member = await signInAs(t, "member", { enterpriseId: (await createEnterprise(admin)).id });
    const wrongRole = await dipOfficer.request("POST", `/api/service-providers/${providerId}/managers`, {
      userId: member.userId,
    });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().error.details[0]).toMatchObject({ path: "userId", code: "invalid_choice" });
    for (const who of [mocOfficer, coordinator, expert])
      expect(
        (await who.request("POST", `/api/service-providers/${providerId}/managers`, { userId: mocOfficer.userId }))
          .statusCode,
      ).toBe(403);
    expect(
      (await mocOfficer.request("DELETE", `/api/service-providers/${providerId}/managers/${expert.userId}`)).statusCode,
    ).toBe(403);

    const left = await ok(
      dipOfficer.request("DELETE", `/api/service-providers/${providerId}/managers/${expert.userId}`),
    );
    expect(left.items.map((m: { userId: number }) => m.userId)).toEqual([dipOfficer.userId]);
    expect(
      (await dipOfficer.request("DELETE", `/api/service-providers/${providerId}/managers/${expert.userId}`)).statusCode,
    ).toBe(404);
    expect(await auditActions("service_provider", providerId)).toEqual([
      "service_provider.create",
      "provider_manager.add",
      "provider_manager.add",
      "provider_manager.remove",
    ]);
  });
});
