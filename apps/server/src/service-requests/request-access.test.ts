import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicActor, type Actor } from "@sainam/core";
import { users } from "@sainam/db";
import { actorOf as sessionActor } from "../auth/session.service.ts";
import { AppError } from "../errors.ts";
import {
  agencyIds,
  createCluster,
  createEnterprise,
  createMembership,
  signInAs,
  type SignedIn,
} from "../test-support/factories.ts";
import {
  addProviderManager,
  createServiceExpert,
  createServiceProvider,
  insertServiceRequest,
} from "../test-support/request-factory.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { loadRequestFor, recordRequestEvent } from "./request-access.ts";

// The shared door to one request (issue 13, point 8): the policy's facts built from the database, 404 for those
// who may not read it, 403 for those who may read but not act.
let t: TestApp;
let admin: SignedIn;
let member: SignedIn;
let otherMember: SignedIn;
let coordinator: SignedIn;
let pendingCoordinator: SignedIn;
let expertUser: SignedIn;
let otherExpertUser: SignedIn;
let manager: SignedIn;
let dipOfficer: SignedIn;
let mocOfficer: SignedIn;
let firmId: number;
let providerId: number;
let expertId: number;

const actorOf = async (who: SignedIn): Promise<Actor> => {
  const row = await users.findUserById(t.ctx.database.db, who.userId);
  if (!row) throw new Error("user missing");
  return sessionActor(row);
};

async function statusOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const { DIP: dip, MOC: moc } = await agencyIds(t, "DIP", "MOC");
  admin = await signInAs(t, "admin");
  const cluster = await createCluster(admin);
  const pendingCluster = await createCluster(admin);
  const firm = await createEnterprise(admin);
  firmId = firm.id;
  await createMembership(admin, cluster.id, firmId);
  const otherFirm = await createEnterprise(admin);
  member = await signInAs(t, "member", { enterpriseId: firmId });
  otherMember = await signInAs(t, "member", { enterpriseId: otherFirm.id });
  coordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [cluster.id] });
  pendingCoordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [pendingCluster.id] });
  // A coordinator's own membership proposal waits for approval: it gives them no reading of the firm's requests.
  await createMembership(pendingCoordinator, pendingCluster.id, firmId);
  dipOfficer = await signInAs(t, "agency_officer", { agencyId: dip });
  mocOfficer = await signInAs(t, "agency_officer", { agencyId: moc });
  expertUser = await signInAs(t, "expert");
  otherExpertUser = await signInAs(t, "expert");
  manager = await signInAs(t, "expert");
  const provider = await createServiceProvider(admin, { agencyId: dip });
  providerId = provider.id;
  expertId = (await createServiceExpert(admin, providerId, { userId: expertUser.userId })).id;
  await createServiceExpert(admin, providerId, { userId: otherExpertUser.userId });
  await addProviderManager(t.ctx.database.db, providerId, manager);
});
afterAll(async () => {
  await t.close();
});

describe("#request access", () => {
  it("answers 404 for an unknown request, 401 to the public", async () => {
    const db = t.ctx.database.db;
    expect(await statusOf(loadRequestFor(db, await actorOf(member), 999_999, "read"))).toBe("not_found");
    const id = await insertServiceRequest(db, { enterpriseId: firmId });
    expect(await statusOf(loadRequestFor(db, publicActor, id, "read"))).toBe("unauthenticated");
  });

  it("builds the policy's facts from the database", async () => {
    const db = t.ctx.database.db;
    const id = await insertServiceRequest(db, { enterpriseId: firmId, providerId, expertId, consent: true });
    const { request, resource } = await loadRequestFor(db, await actorOf(manager), id, "assign");
    expect(request.id).toBe(id);
    expect(resource).toMatchObject({
      type: "service_request",
      enterpriseId: firmId,
      providerAgencyId: (await agencyIds(t, "DIP")).DIP,
      actorManagesProvider: true,
      expertUserId: expertUser.userId,
      expertAccepted: false,
      consent: true,
    });
    expect(resource.firmClusterIds).toHaveLength(1);
    const accepted = await insertServiceRequest(db, { enterpriseId: firmId, providerId, expertId, status: "accepted" });
    const closed = await insertServiceRequest(db, { enterpriseId: firmId, providerId, expertId, status: "closed" });
    for (const rid of [accepted, closed]) {
      const loaded = await loadRequestFor(db, await actorOf(expertUser), rid, "read");
      expect(loaded.resource.expertAccepted).toBe(true);
      expect(loaded.resource.actorManagesProvider).toBe(false);
      expect(loaded.resource.consent).toBe(false);
    }
  });

  it("lets those who may read it in and hides it from everyone else (404)", async () => {
    const db = t.ctx.database.db;
    const id = await insertServiceRequest(db, { enterpriseId: firmId, providerId, expertId });
    const expected: [SignedIn, string][] = [
      [admin, "ok"],
      [member, "ok"],
      [coordinator, "ok"],
      [expertUser, "ok"],
      [manager, "ok"],
      [dipOfficer, "ok"],
      [otherMember, "not_found"],
      [pendingCoordinator, "not_found"],
      [otherExpertUser, "not_found"],
      [mocOfficer, "not_found"],
    ];
    for (const [who, outcome] of expected)
      expect([who.email, await statusOf(loadRequestFor(db, await actorOf(who), id, "read"))]).toEqual([
        who.email,
        outcome,
      ]);
  });

  it("refuses with 403 what a reader may not do", async () => {
    const db = t.ctx.database.db;
    const id = await insertServiceRequest(db, { enterpriseId: firmId, providerId, expertId });
    expect(await statusOf(loadRequestFor(db, await actorOf(member), id, "assign"))).toBe("forbidden");
    expect(await statusOf(loadRequestFor(db, await actorOf(manager), id, "respond"))).toBe("forbidden");
    expect(await statusOf(loadRequestFor(db, await actorOf(expertUser), id, "respond"))).toBe("ok");
    // Not accepted yet: the expert does not work the case nor see the firm's contacts.
    expect(await statusOf(loadRequestFor(db, await actorOf(expertUser), id, "update"))).toBe("forbidden");
    expect(await statusOf(loadRequestFor(db, await actorOf(expertUser), id, "read_personal"))).toBe("forbidden");
    expect(await statusOf(loadRequestFor(db, await actorOf(dipOfficer), id, "assign"))).toBe("ok");
  });

  it("an unrouted request is seen by the firm, its coordinators and admins only", async () => {
    const db = t.ctx.database.db;
    const id = await insertServiceRequest(db, { enterpriseId: firmId });
    for (const who of [member, coordinator, admin])
      expect(await statusOf(loadRequestFor(db, await actorOf(who), id, "read"))).toBe("ok");
    for (const who of [manager, dipOfficer, expertUser])
      expect(await statusOf(loadRequestFor(db, await actorOf(who), id, "read"))).toBe("not_found");
  });

  it("records a timeline event with its data", async () => {
    const db = t.ctx.database.db;
    const id = await insertServiceRequest(db, { enterpriseId: firmId });
    await recordRequestEvent(db, id, "filed", member.userId, { via: "member" });
    await recordRequestEvent(db, id, "unrouted", null, undefined, "2026-12-07T10:00:00.000Z");
    const rows = await db.selectFrom("request_events").selectAll().where("request_id", "=", id).orderBy("id").execute();
    expect(rows.map((r) => [r.kind, r.actor_user_id, r.data_json])).toEqual([
      ["filed", member.userId, '{"via":"member"}'],
      ["unrouted", null, null],
    ]);
    expect(rows[1]?.at).toBe("2026-12-07T10:00:00.000Z");
  });
});

describe("#request page", () => {
  it("answers GET /api/service-requests/:id to readers, 404 to others, contacts masked until consent and acceptance", async () => {
    const db = t.ctx.database.db;
    await db
      .insertInto("enterprise_contacts")
      .values({ enterprise_id: firmId, name: "สมชาย ใจดี", position: null, phone: "0812345678", email: null })
      .execute();
    const id = await insertServiceRequest(db, { enterpriseId: firmId, providerId, expertId, consent: true });
    const asExpert = await expertUser.request("GET", `/api/service-requests/${id}`);
    expect(asExpert.statusCode).toBe(200);
    expect(asExpert.json()).toMatchObject({ id, status: "assigned", contactsMasked: true, can: { respond: true } });
    expect(asExpert.body).not.toContain("0812345678");
    const asMember = await member.request("GET", `/api/service-requests/${id}`);
    expect(asMember.json()).toMatchObject({ contactsMasked: false, contacts: [{ phone: "0812345678" }] });
    expect((await otherMember.request("GET", `/api/service-requests/${id}`)).statusCode).toBe(404);
    const accepted = await insertServiceRequest(db, {
      enterpriseId: firmId,
      providerId,
      expertId,
      consent: true,
      status: "accepted",
    });
    expect((await expertUser.request("GET", `/api/service-requests/${accepted}`)).json()).toMatchObject({
      contactsMasked: false,
    });
  });
});
