import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { agencyIds, createCluster, createEnterprise, ok, signInAs, unique } from "../test-support/factories.ts";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";

// Accounts for every role (issue 12): each role's scope, changing one's own password, an admin's reset and what a
// user must do after it.
let t: TestApp;
let admin: Client;
let dip: number;
let clusterIds: number[];
let firmId: number;
let providerId: number;
let otherProviderId: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
  ({ DIP: dip } = await agencyIds(t, "DIP"));
  clusterIds = [(await createCluster(admin)).id, (await createCluster(admin)).id];
  firmId = (await createEnterprise(admin)).id;
  const provider = (code: string, agencyId: number | null) =>
    ok(
      admin.request("POST", "/api/service-providers", {
        code,
        kind: "sme_centre",
        nameTh: "ศูนย์ส่งเสริม SME ทดสอบ",
        agencyId,
      }),
      201,
    );
  providerId = (await provider(`ACC-${unique()}`, dip)).id;
  otherProviderId = (await provider(`ACC-${unique()}`, null)).id;
});
afterAll(async () => {
  await t.close();
});

const PASSWORD = "a-long-enough-password";
const newUser = (body: Record<string, unknown>) => ({
  email: `account-${unique()}@example.org`,
  displayName: "บัญชีทดสอบ",
  password: PASSWORD,
  ...body,
});
/** The field errors of an answer as `path:code`. */
const fieldErrors = (response: LightMyRequestResponse): string[] =>
  (response.json().error?.details ?? []).map((d: { path: string; code: string }) => `${d.path}:${d.code}`);

async function auditOf(entityId: number, action: string) {
  return t.ctx.database.db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity_type", "=", "user")
    .where("entity_id", "=", String(entityId))
    .where("action", "=", action)
    .execute();
}

describe("#users.create scopes per role", () => {
  it("creates a coordinator with clusters, a member with its firm, an officer with an agency and an expert with a provider and fields", async () => {
    const coordinator = await ok(
      admin.request("POST", "/api/users", newUser({ role: "cluster_coordinator", clusterIds })),
      201,
    );
    expect(coordinator.clusterIds).toEqual([...clusterIds].sort((a, b) => a - b));
    const member = await ok(
      admin.request("POST", "/api/users", newUser({ role: "member", enterpriseId: firmId })),
      201,
    );
    expect(member.enterpriseId).toBe(firmId);
    const officer = await ok(
      admin.request("POST", "/api/users", newUser({ role: "agency_officer", agencyId: dip })),
      201,
    );
    expect(officer.agencyId).toBe(dip);
    const expert = await ok(
      admin.request(
        "POST",
        "/api/users",
        newUser({ role: "expert", providerId, expertFields: ["marketing", "business_law", "marketing"] }),
      ),
      201,
    );
    // The expert's agency is their provider's; their fields are kept on their expert record.
    expect(expert).toMatchObject({
      agencyId: dip,
      providerId,
      expertFields: ["business_law", "marketing"],
      mustChangePassword: false,
    });
    expect(expert.expertId).toBeGreaterThan(0);
    const record = await ok(admin.request("GET", `/api/experts/${expert.expertId}`));
    expect(record).toMatchObject({ userId: expert.id, providerId, fields: ["business_law", "marketing"] });
    const read = await ok(admin.request("GET", `/api/users/${expert.id}`));
    expect(read.expertFields).toEqual(["business_law", "marketing"]);
  });

  const bad: Array<[string, () => Record<string, unknown>, string]> = [
    ["a coordinator without clusters", () => ({ role: "cluster_coordinator" }), "clusterIds:required"],
    [
      "a coordinator with a cluster that does not exist",
      () => ({ role: "cluster_coordinator", clusterIds: [clusterIds[0], 999_999] }),
      "clusterIds:not_found",
    ],
    ["a member without a firm", () => ({ role: "member" }), "enterpriseId:required"],
    [
      "a member with a firm that does not exist",
      () => ({ role: "member", enterpriseId: 999_999 }),
      "enterpriseId:not_found",
    ],
    ["an officer without an agency", () => ({ role: "agency_officer" }), "agencyId:required"],
    ["an expert without a provider", () => ({ role: "expert", expertFields: ["finance"] }), "providerId:required"],
    ["an expert without fields", () => ({ role: "expert", providerId }), "expertFields:required"],
    [
      "an expert at a provider that does not exist",
      () => ({ role: "expert", providerId: 999_999, expertFields: ["finance"] }),
      "providerId:not_found",
    ],
    ["an expert record that does not exist", () => ({ role: "expert", expertId: 999_999 }), "expertId:not_found"],
    [
      "a provider for an officer",
      () => ({ role: "agency_officer", agencyId: dip, providerId }),
      "providerId:not_applicable",
    ],
    [
      "an expert with an unknown field",
      () => ({ role: "expert", providerId, expertFields: ["astrology"] }),
      "expertFields.0:invalid_choice",
    ],
    [
      "fields for a member",
      () => ({ role: "member", enterpriseId: firmId, expertFields: ["finance"] }),
      "expertFields:not_applicable",
    ],
  ];
  for (const [what, body, error] of bad) {
    it(`fails with 400 naming the field for ${what}`, async () => {
      const response = await admin.request("POST", "/api/users", newUser(body()));
      expect(response.statusCode).toBe(400);
      expect(fieldErrors(response)).toEqual([error]);
    });
  }
});

describe("#users.update scopes", () => {
  it("changes an expert's fields on their record, and unlinks the record when the user becomes a member", async () => {
    const expert = await ok(
      admin.request("POST", "/api/users", newUser({ role: "expert", providerId, expertFields: ["finance"] })),
      201,
    );
    const changed = await ok(
      admin.request("PATCH", `/api/users/${expert.id}`, { expertFields: ["logistics", "standards"] }),
    );
    expect(changed.expertFields).toEqual(["logistics", "standards"]);
    const emptied = await admin.request("PATCH", `/api/users/${expert.id}`, { expertFields: [] });
    expect(fieldErrors(emptied)).toEqual(["expertFields:required"]);
    const member = await ok(
      admin.request("PATCH", `/api/users/${expert.id}`, { role: "member", enterpriseId: firmId }),
    );
    expect(member).toMatchObject({ role: "member", enterpriseId: firmId, expertFields: [], expertId: null });
    const [entry] = await auditOf(expert.id, "user.update").then((rows) => rows.slice(-1));
    expect(JSON.parse(entry?.before_json ?? "{}").expertFields).toEqual(["logistics", "standards"]);
    // The record stays with its provider, unlinked, its fields kept.
    const record = await ok(admin.request("GET", `/api/experts/${expert.expertId}`));
    expect(record).toMatchObject({ userId: null, providerId, fields: ["logistics", "standards"] });
  });

  it("links an expert user to an existing expert record, one record per user, and moves it to another provider", async () => {
    const record = await ok(
      admin.request("POST", "/api/experts", {
        providerId,
        displayName: "นางสาวพิมพ์ชนก ศรีสุข",
        fields: ["marketing"],
      }),
      201,
    );
    const expert = await ok(admin.request("POST", "/api/users", newUser({ role: "expert", expertId: record.id })), 201);
    expect(expert).toMatchObject({ expertId: record.id, providerId, expertFields: ["marketing"], agencyId: dip });
    // The same record for a second user: refused.
    const again = await admin.request("POST", "/api/users", newUser({ role: "expert", expertId: record.id }));
    expect(again.statusCode).toBe(409);
    expect(fieldErrors(again)).toEqual(["expertId:duplicate"]);
    const moved = await ok(
      admin.request("PATCH", `/api/users/${expert.id}`, { providerId: otherProviderId, expertFields: ["finance"] }),
    );
    expect(moved).toMatchObject({ expertId: record.id, providerId: otherProviderId, expertFields: ["finance"] });
    const audited = await t.ctx.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", "expert")
      .where("entity_id", "=", String(record.id))
      .orderBy("id")
      .execute();
    expect(audited.map((a) => a.action)).toEqual(["expert.create", "expert.link_user", "expert.update"]);
  });

  it("refuses clusters that do not exist for a coordinator, naming the field", async () => {
    const coordinator = await ok(
      admin.request("POST", "/api/users", newUser({ role: "cluster_coordinator", clusterIds: [clusterIds[0]] })),
      201,
    );
    const response = await admin.request("PATCH", `/api/users/${coordinator.id}`, { clusterIds: [999_998] });
    expect(fieldErrors(response)).toEqual(["clusterIds:not_found"]);
  });
});

describe("#auth.password (change my password)", () => {
  async function freshUser() {
    const user = await t.addUser({
      email: `own-${unique()}@example.org`,
      displayName: "ผู้ใช้",
      role: "expert",
      password: PASSWORD,
    });
    return { ...user, first: await t.signIn(user.email, PASSWORD), second: await t.signIn(user.email, PASSWORD) };
  }

  it("refuses a wrong current password, an unchanged one and a short one, naming the field", async () => {
    const { first } = await freshUser();
    const wrong = await first.request("POST", "/api/auth/password", {
      currentPassword: "not-my-password",
      newPassword: "another-long-password",
    });
    expect(wrong.statusCode).toBe(400);
    expect(fieldErrors(wrong)).toEqual(["currentPassword:wrong_password"]);
    const same = await first.request("POST", "/api/auth/password", {
      currentPassword: PASSWORD,
      newPassword: PASSWORD,
    });
    expect(fieldErrors(same)).toEqual(["newPassword:same_password"]);
    const short = await first.request("POST", "/api/auth/password", {
      currentPassword: PASSWORD,
      newPassword: "short",
    });
    expect(fieldErrors(short)).toEqual(["newPassword:too_short"]);
    expect(
      (
        await t.anonymous.request("POST", "/api/auth/password", {
          currentPassword: PASSWORD,
          newPassword: "x".repeat(20),
        })
      ).statusCode,
    ).toBe(401);
  });

  it("changes it, keeps this session, ends the others and audits without any password data", async () => {
    const user = await freshUser();
    const changed = await user.first.request("POST", "/api/auth/password", {
      currentPassword: PASSWORD,
      newPassword: "my-own-new-password",
    });
    expect(changed.statusCode).toBe(200);
    expect((await user.first.request("GET", "/api/auth/me")).json().user.id).toBe(user.id);
    expect((await user.second.request("GET", "/api/auth/me")).json().user).toBeNull();
    await expect(t.signIn(user.email, PASSWORD)).rejects.toThrow(/401/);
    await t.signIn(user.email, "my-own-new-password");
    const [entry] = await auditOf(user.id, "user.change_password");
    expect(entry?.actor_user_id).toBe(user.id);
    const stored = `${entry?.before_json} ${entry?.after_json}`;
    expect(stored).not.toMatch(/argon2|password_hash|my-own-new-password|a-long-enough-password/);
  });
});

describe("#users.resetPassword and the change it requires", () => {
  it("treats a password an admin sets through PATCH as temporary too", async () => {
    const target = await t.addUser({ email: `patched-${unique()}@example.org`, displayName: "P", role: "expert" });
    const patched = await ok(admin.request("PATCH", `/api/users/${target.id}`, { password: "set-by-the-admin-1" }));
    expect(patched.mustChangePassword).toBe(true);
  });

  it("lets only an admin reset a password, not their own", async () => {
    const officer = await signInAs(t, "agency_officer", { agencyId: dip });
    const target = await t.addUser({ email: `target-${unique()}@example.org`, displayName: "T", role: "expert" });
    const body = { temporaryPassword: "temporary-password-1" };
    expect((await officer.request("POST", `/api/users/${target.id}/reset-password`, body)).statusCode).toBe(403);
    expect((await t.anonymous.request("POST", `/api/users/${target.id}/reset-password`, body)).statusCode).toBe(401);
    const me = (await admin.request("GET", "/api/auth/me")).json().user;
    expect(fieldErrors(await admin.request("POST", `/api/users/${me.id}/reset-password`, body))).toEqual([
      "id:self_change",
    ]);
    expect((await admin.request("POST", "/api/users/999999/reset-password", body)).statusCode).toBe(404);
    expect(
      fieldErrors(
        await admin.request("POST", `/api/users/${target.id}/reset-password`, { temporaryPassword: "short" }),
      ),
    ).toEqual(["temporaryPassword:too_short"]);
  });

  it("ends the user's sessions; after signing in with the temporary password every write but the change is refused until they change it", async () => {
    const user = await t.addUser({
      email: `reset-${unique()}@example.org`,
      displayName: "ผู้ประสาน",
      role: "cluster_coordinator",
      clusterIds,
      password: PASSWORD,
    });
    const before = await t.signIn(user.email, PASSWORD);
    const reset = await ok(
      admin.request("POST", `/api/users/${user.id}/reset-password`, { temporaryPassword: "temporary-password-1" }),
    );
    expect(reset.mustChangePassword).toBe(true);
    expect((await before.request("GET", "/api/auth/me")).json().user).toBeNull();
    await expect(t.signIn(user.email, PASSWORD)).rejects.toThrow(/401/);

    const session = await t.signIn(user.email, "temporary-password-1");
    expect((await session.request("GET", "/api/auth/me")).json().user.mustChangePassword).toBe(true);
    // Reads still answer; writes do not, whoever's record they touch.
    expect((await session.request("GET", `/api/clusters/${clusterIds[0]}`)).statusCode).toBe(200);
    const write = await session.request("PATCH", `/api/clusters/${clusterIds[0]}`, { nameEn: "Renamed" });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe("password_change_required");
    const create = await session.request("POST", "/api/enterprises", { nameTh: "วิสาหกิจใหม่" });
    expect(create.json().error.code).toBe("password_change_required");
    expect((await session.request("PATCH", "/api/auth/me", { locale: "en" })).statusCode).toBe(200);

    const changed = await ok(
      session.request("POST", "/api/auth/password", {
        currentPassword: "temporary-password-1",
        newPassword: "coordinator-own-password",
      }),
    );
    expect(changed.user.mustChangePassword).toBe(false);
    expect((await session.request("PATCH", `/api/clusters/${clusterIds[0]}`, { nameEn: "Renamed" })).statusCode).toBe(
      200,
    );

    const [entry] = await auditOf(user.id, "user.reset_password");
    const me = (await admin.request("GET", "/api/auth/me")).json().user;
    expect(entry?.actor_user_id).toBe(me.id);
    expect(JSON.parse(entry?.after_json ?? "{}")).toMatchObject({ mustChangePassword: true });
    expect(`${entry?.before_json} ${entry?.after_json}`).not.toMatch(/argon2|password_hash|temporary-password/);
  });
});
