import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import {
  agencyIds,
  createActivity,
  createCluster,
  createEnterprise,
  juristicId,
  createMembership,
  createProgramme,
  currentFiscalYear,
  ok,
  signInAs,
} from "../test-support/factories.ts";

let t: TestApp;
let officer: Client;
let memberA: Client & { userId: number };
let memberB: Client;
let ids: { firmA: number; firmB: number; coffee: number; rubber: number; programme: number; draft: number };

beforeAll(async () => {
  t = await createTestApp();
  const { DIP } = await agencyIds(t, "DIP");
  officer = await signInAs(t, "agency_officer", { agencyId: DIP });
  const coffee = await createCluster(officer, { code: "home-coffee", nameTh: "คลัสเตอร์กาแฟ", published: true });
  const rubber = await createCluster(officer, { code: "home-rubber", nameTh: "คลัสเตอร์ยาง", published: false });
  const firmA = await createEnterprise(officer, {
    nameTh: "บริษัท กาแฟดอย จำกัด",
    products: [{ direction: "output", name: "กาแฟคั่ว" }],
    contacts: [{ name: "สมชาย ใจดี", phone: "0812345678" }],
  });
  const firmB = await createEnterprise(officer, { nameTh: "บริษัท ยางใต้ จำกัด", published: false });
  await createMembership(officer, coffee.id, firmA.id);
  // A coordinator adding a firm they did not register leaves the membership pending.
  const coordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [rubber.id] });
  await createMembership(coordinator, rubber.id, firmA.id, { stage: "downstream" });
  const programme = await createProgramme(officer, {
    code: "home-prog",
    agencyId: DIP,
    nameTh: "โครงการพัฒนากาแฟ",
    firstFiscalYear: 2021,
    published: true,
  });
  const draft = await createProgramme(officer, { code: "home-draft", agencyId: DIP, firstFiscalYear: 2021 });
  for (const [programmeId, fiscalYear] of [
    [programme.id, 2022],
    [programme.id, 2023],
    [draft.id, 2023],
  ] as const)
    await ok(
      officer.request("POST", `/api/programmes/${programmeId}/enterprises`, { enterpriseId: firmA.id, fiscalYear }),
      201,
    );
  await createActivity(officer, { programmeId: programme.id, titleTh: "อบรมคั่วกาแฟ", participantIds: [firmA.id] });
  await createActivity(officer, { programmeId: programme.id, participantIds: [firmB.id] });
  memberA = await signInAs(t, "member", { enterpriseId: firmA.id });
  memberB = await signInAs(t, "member", { enterpriseId: firmB.id });
  ids = {
    firmA: firmA.id,
    firmB: firmB.id,
    coffee: coffee.id,
    rubber: rubber.id,
    programme: programme.id,
    draft: draft.id,
  };
});
afterAll(async () => {
  await t.close();
});

describe("#myBusiness.get", () => {
  it("gathers the member's own firm, clusters, programmes and activities in one call", async () => {
    const home = await ok(memberA.request("GET", "/api/my-business"));
    expect(home.enterprise).toMatchObject({ id: ids.firmA, nameTh: "บริษัท กาแฟดอย จำกัด", contactsMasked: false });
    expect(home.enterprise.contacts[0]).toMatchObject({ name: "สมชาย ใจดี", phone: "0812345678" });
    expect(home.can).toEqual({ edit: true });
    expect(home.clusters).toEqual([
      expect.objectContaining({ clusterId: ids.coffee, code: "home-coffee", approved: true, canOpen: true }),
      // Unpublished and pending: listed (it is the firm's own tie), but its page is not the member's to open.
      expect.objectContaining({ clusterId: ids.rubber, stage: "downstream", approved: false, canOpen: false }),
    ]);
    expect(home.programmes).toEqual([
      expect.objectContaining({ programmeId: ids.draft, fiscalYears: [2023], canOpen: false }),
      expect.objectContaining({
        programmeId: ids.programme,
        nameTh: "โครงการพัฒนากาแฟ",
        fiscalYears: [2023, 2022],
        canOpen: true,
      }),
    ]);
    expect(home.activities).toHaveLength(1);
    expect(home.activities[0]).toMatchObject({
      titleTh: "อบรมคั่วกาแฟ",
      fiscalYear: currentFiscalYear(),
      programme: { id: ids.programme, canOpen: true },
      cluster: null,
    });
  });

  it("shows each member only their own firm", async () => {
    const home = await ok(memberB.request("GET", "/api/my-business"));
    expect(home.enterprise.id).toBe(ids.firmB);
    expect(home.clusters).toEqual([]);
    expect(home.programmes).toEqual([]);
    expect(home.activities.map((a: { titleEn: string }) => a.titleEn)).not.toContain("อบรมคั่วกาแฟ");
  });

  it("answers an empty home to a member whose account is not linked to a firm", async () => {
    // Accounts are created linked; one is left unlinked when its link is cleared in the database.
    const user = await t.addUser({
      email: "unlinked-member@example.org",
      displayName: "Unlinked",
      role: "member",
      enterpriseId: ids.firmB,
    });
    await t.ctx.database.db.updateTable("users").set({ enterprise_id: null }).where("id", "=", user.id).execute();
    const unlinked = await t.signIn(user.email, user.password);
    expect(await ok(unlinked.request("GET", "/api/my-business"))).toEqual({
      enterprise: null,
      clusters: [],
      programmes: [],
      activities: [],
      can: { edit: false },
    });
  });

  it("should fail with 401 for visitors and 403 for roles without a business", async () => {
    expect((await t.anonymous.request("GET", "/api/my-business")).statusCode).toBe(401);
    const expert = await signInAs(t, "expert");
    for (const client of [officer, expert]) {
      const response = await client.request("GET", "/api/my-business");
      expect(response.statusCode).toBe(403);
      expect(response.json().error.reason).toEqual({ action: "read", resource: "enterprise" });
    }
  });
});

describe("#enterprises.update by a member", () => {
  it("may neither read nor edit another firm", async () => {
    expect((await memberA.request("GET", `/api/enterprises/${ids.firmB}`)).statusCode).toBe(404);
    const edit = await memberA.request("PATCH", `/api/enterprises/${ids.firmB}`, {
      products: [{ direction: "output", name: "ยางแผ่น" }],
    });
    expect(edit.statusCode).toBe(404);
    const firmB = await ok(officer.request("GET", `/api/enterprises/${ids.firmB}`));
    expect(firmB.products).toEqual([]);
    // A published firm it may read, but not edit; its contacts stay masked.
    const firmC = await createEnterprise(officer, { contacts: [{ name: "สมศรี ใจงาม", phone: "0898765432" }] });
    const seen = await ok(memberA.request("GET", `/api/enterprises/${firmC.id}`));
    expect(seen.contactsMasked).toBe(true);
    const refused = await memberA.request("PATCH", `/api/enterprises/${firmC.id}`, { products: [] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.reason).toEqual({ action: "update", resource: "enterprise" });
  });

  it("should fail with 400 naming the product field for bad products", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ direction: "output", name: "" }, "products.0.name"],
      [{ direction: "output", name: "   " }, "products.0.name"],
      [{ direction: "output", name: "x".repeat(301) }, "products.0.name"],
      [{ direction: "sideways", name: "กาแฟ" }, "products.0.direction"],
      [{ direction: "input", name: "เมล็ดกาแฟ", tsicCode: "abc" }, "products.0.tsicCode"],
    ];
    for (const [product, path] of cases) {
      const response = await memberA.request("PATCH", `/api/enterprises/${ids.firmA}`, { products: [product] });
      expect(response.statusCode, JSON.stringify(product)).toBe(400);
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const home = await ok(memberA.request("GET", "/api/my-business"));
    expect(home.enterprise.products).toEqual([{ direction: "output", name: "กาแฟคั่ว", tsicCode: null }]);
  });

  it("lets a member edit the firm's profile but not the numbers firms are matched by; an officer may", async () => {
    const before = await ok(memberA.request("GET", `/api/enterprises/${ids.firmA}`));
    for (const [field, value] of [
      ["juristicId", juristicId("010553611201")],
      ["ceRegistrationNo", "5-50-01-01/1-0001"],
    ] as const) {
      const refused = await memberA.request("PATCH", `/api/enterprises/${ids.firmA}`, { [field]: value });
      expect(refused.statusCode, field).toBe(400);
      expect(refused.json().error.details).toEqual([expect.objectContaining({ path: field, code: "officer_only" })]);
    }
    // The same numbers sent back unchanged (a whole profile form) are no change, and the rest of the edit goes in.
    const saved = await ok(
      memberA.request("PATCH", `/api/enterprises/${ids.firmA}`, {
        juristicId: before.juristicId,
        nameEn: "Doi Coffee Co., Ltd.",
      }),
    );
    expect(saved.nameEn).toBe("Doi Coffee Co., Ltd.");
    const byOfficer = await ok(
      officer.request("PATCH", `/api/enterprises/${ids.firmA}`, { ceRegistrationNo: "5-50-01-01/1-0001" }),
    );
    expect(byOfficer.ceRegistrationNo).toBe("5-50-01-01/1-0001");
  });

  it("adds, changes and removes the firm's products and audits the change", async () => {
    const products = [
      { direction: "output", name: "กาแฟคั่วบด", tsicCode: "10791" },
      { direction: "input", name: "เมล็ดกาแฟดิบ" },
    ];
    const saved = await ok(memberA.request("PATCH", `/api/enterprises/${ids.firmA}`, { products }));
    expect(saved.products).toEqual([
      { direction: "output", name: "กาแฟคั่วบด", tsicCode: "10791" },
      { direction: "input", name: "เมล็ดกาแฟดิบ", tsicCode: null },
    ]);
    const entry = await t.ctx.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity_type", "=", "enterprise")
      .where("entity_id", "=", String(ids.firmA))
      .where("action", "=", "enterprise.update")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(entry.actor_user_id).toBe(memberA.userId);
    const names = (json: string | null) =>
      (JSON.parse(json ?? "{}") as { products: Array<{ name: string }> }).products.map((p) => p.name);
    expect(names(entry.before_json)).toEqual(["กาแฟคั่ว"]);
    expect(names(entry.after_json)).toEqual(["กาแฟคั่วบด", "เมล็ดกาแฟดิบ"]);
    // The audit keeps the firm's data, never its contacts.
    expect(entry.after_json).not.toContain("0812345678");
  });
});
