import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import { agencyIds, createCluster, createEnterprise, signInAs } from "../test-support/factories.ts";

// Each role against each route, including records of another scope.
let t: TestApp;
let as: Record<"public" | "admin" | "mocOfficer" | "dipOfficer" | "coordinator" | "member" | "expert", Client>;
let ids: { moc: number; dip: number; planId: number; nodeId: number; expertId: number; memberId: number };

beforeAll(async () => {
  t = await createTestApp();
  const { MOC: moc, DIP: dip } = await agencyIds(t, "MOC", "DIP");
  const plan = (await t.anonymous.request("GET", "/api/plans")).json().items[0];
  const tree = (await t.anonymous.request("GET", `/api/plans/${plan.id}`)).json();
  const admin = await signInAs(t, "admin");
  // A role's scope must exist: a firm for the member, a cluster for the coordinator.
  const firm = await createEnterprise(admin);
  const cluster = await createCluster(admin);
  const member = await signInAs(t, "member", { enterpriseId: firm.id });
  const expert = await signInAs(t, "expert");
  as = {
    public: t.anonymous,
    admin,
    // Named: the audit test reads this officer's e-mail back.
    mocOfficer: await signInAs(t, "agency_officer", { email: "moc@example.org", agencyId: moc }),
    dipOfficer: await signInAs(t, "agency_officer", { agencyId: dip }),
    coordinator: await signInAs(t, "cluster_coordinator", { clusterIds: [cluster.id] }),
    member,
    expert,
  };
  ids = { moc, dip, planId: plan.id, nodeId: tree.nodes[0].id, expertId: expert.userId, memberId: member.userId };
});
afterAll(async () => {
  await t.close();
});

type Who = keyof typeof as;
const everyone: Who[] = ["public", "admin", "mocOfficer", "dipOfficer", "coordinator", "member", "expert"];

describe("public reference data", () => {
  const routes = [
    "/api/regions",
    "/api/provinces",
    "/api/provinces/50",
    "/api/provinces/boundaries",
    "/api/provincial-clusters",
    "/api/provincial-clusters/1",
    "/api/agencies",
    "/api/plans",
    "/api/stats",
    "/api/health",
  ];
  for (const who of everyone) {
    it(`lets ${who} read every reference route`, async () => {
      for (const route of routes) expect((await as[who].request("GET", route)).statusCode, route).toBe(200);
    });
  }
});

describe("admin-only routes", () => {
  const expected: Record<Who, number> = {
    public: 401,
    admin: 200,
    mocOfficer: 403,
    dipOfficer: 403,
    coordinator: 403,
    member: 403,
    expert: 403,
  };
  for (const who of everyone) {
    it(`answers ${expected[who]} to ${who} listing users and the audit log`, async () => {
      expect((await as[who].request("GET", "/api/users")).statusCode).toBe(expected[who]);
      expect((await as[who].request("GET", "/api/audit")).statusCode).toBe(expected[who]);
    });
    it(`answers ${expected[who] === 200 ? 201 : expected[who]} to ${who} creating a user`, async () => {
      const response = await as[who].request("POST", "/api/users", {
        email: `new-${who}@example.org`,
        displayName: "New",
        role: "expert",
        agencyId: ids.moc,
        expertFields: ["marketing"],
        password: "long-enough-password",
      });
      expect(response.statusCode).toBe(expected[who] === 200 ? 201 : expected[who]);
    });
    it(`answers ${expected[who]} to ${who} changing another user's role`, async () => {
      const response = await as[who].request("PATCH", `/api/users/${ids.memberId}`, {
        displayName: `renamed by ${who}`,
      });
      expect(response.statusCode).toBe(expected[who]);
    });
  }

  it("lets a user read their own record but not another's", async () => {
    expect((await as.expert.request("GET", `/api/users/${ids.expertId}`)).statusCode).toBe(200);
    expect((await as.expert.request("GET", `/api/users/${ids.memberId}`)).statusCode).toBe(403);
    expect((await as.public.request("GET", `/api/users/${ids.expertId}`)).statusCode).toBe(401);
  });
});

describe("agency records, per agency scope", () => {
  const expectedMoc: Record<Who, number> = {
    public: 401,
    admin: 200,
    mocOfficer: 200,
    dipOfficer: 403,
    coordinator: 403,
    member: 403,
    expert: 403,
  };
  for (const who of everyone) {
    it(`answers ${expectedMoc[who]} to ${who} renaming the Ministry of Commerce`, async () => {
      const response = await as[who].request("PATCH", `/api/agencies/${ids.moc}`, { abbreviation: "MOC" });
      expect(response.statusCode).toBe(expectedMoc[who]);
    });
  }
  it("lets the DIP officer edit DIP but not MOC", async () => {
    expect((await as.dipOfficer.request("PATCH", `/api/agencies/${ids.dip}`, { abbreviation: "DIP" })).statusCode).toBe(
      200,
    );
    expect((await as.dipOfficer.request("PATCH", `/api/agencies/${ids.moc}`, { abbreviation: "X" })).statusCode).toBe(
      403,
    );
  });
  it("answers 404 for an agency that does not exist, even to an admin", async () => {
    expect((await as.admin.request("PATCH", "/api/agencies/99999", { abbreviation: "X" })).statusCode).toBe(404);
  });
});

describe("plan nodes, per owner agency", () => {
  const expected: Record<Who, number> = {
    public: 401,
    admin: 200,
    mocOfficer: 200,
    dipOfficer: 403,
    coordinator: 403,
    member: 403,
    expert: 403,
  };
  for (const who of everyone) {
    it(`answers ${expected[who]} to ${who} editing a node of the MOC plan`, async () => {
      const response = await as[who].request("PATCH", `/api/plans/${ids.planId}/nodes/${ids.nodeId}`, {
        titleTh: `วิสัยทัศน์ (${who})`,
      });
      expect(response.statusCode).toBe(expected[who]);
    });
  }
  it("does not let a node of one plan be edited through another plan's URL", async () => {
    expect((await as.admin.request("PATCH", `/api/plans/99999/nodes/${ids.nodeId}`, { titleTh: "x" })).statusCode).toBe(
      404,
    );
  });
});

describe("own profile", () => {
  for (const who of everyone) {
    const status = who === "public" ? 401 : 200;
    it(`answers ${status} to ${who} changing their own language`, async () => {
      expect((await as[who].request("PATCH", "/api/auth/me", { locale: "en" })).statusCode).toBe(status);
    });
  }
});

describe("#audit", () => {
  it("records every write with who, what, when and before/after", async () => {
    await as.mocOfficer.request("PATCH", `/api/agencies/${ids.moc}`, { abbreviation: "พณ." });
    const log = (await as.admin.request("GET", `/api/audit?entityType=agency&entityId=${ids.moc}`)).json();
    const entry = log.items[0];
    expect(entry.action).toBe("agency.update");
    expect(entry.actorEmail).toBe("moc@example.org");
    expect(entry.after.abbreviation).toBe("พณ.");
    expect(entry.before.abbreviation).not.toBe("พณ.");
    expect(Date.parse(entry.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("keeps no e-mail or name of a user in the audit entry of a user change", async () => {
    const log = (await as.admin.request("GET", "/api/audit?entityType=user&pageSize=200")).json();
    const text = JSON.stringify(log.items.map((e: { before: unknown; after: unknown }) => [e.before, e.after]));
    expect(text).not.toContain("@example.org");
  });

  it("refuses to change or delete an audit entry, in the database itself", async () => {
    const db = t.ctx.database.db;
    await expect(db.updateTable("audit_log").set({ action: "forged" }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
  });

  it("pages through the log", async () => {
    const page1 = (await as.admin.request("GET", "/api/audit?page=1&pageSize=2")).json();
    const page2 = (await as.admin.request("GET", "/api/audit?page=2&pageSize=2")).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThan(4);
    expect(page2.items[0].id).toBeLessThan(page1.items[1].id);
  });
});
