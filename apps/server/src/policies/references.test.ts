import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import {
  agencyIds,
  buildActivity,
  buildEnterprise,
  buildMembership,
  buildPlan,
  createCluster,
  createEnterprise,
  createInstitution,
  createProgramme,
  juristicId as jid,
  runImportBatch,
  signInAs,
  uploadImportFile,
} from "../test-support/factories.ts";

// Issue 9, points 1 and 2: a write that names another record needs the right to see it (and, where it matters,
// to use it); a coordinator sees a firm's contacts only through an approved membership; scope holds on every field.

let t: TestApp;
let admin: Client;
let dipOfficer: Client;
let osmepOfficer: Client;
let coordinator: Client; // of coffee (a DIP cluster)
let teaCoordinator: Client; // of tea (an OSMEP cluster)
let shopMember: Client;
let millMember: Client;
let ids: {
  dip: number;
  osmep: number;
  coordinatorUser: number;
  coffee: number;
  tea: number;
  secretCluster: number;
  hidden: number;
  shop: number;
  mill: number;
  dipProgramme: number;
  dipUnlinked: number;
  osmepProgramme: number;
  osmepDraft: number;
  osmepSupportsCoffee: number;
};

function paths(response: { json(): unknown }): string[] {
  const body = response.json() as { error?: { details?: Array<{ path: string; code: string }> } };
  return (body.error?.details ?? []).map((d) => `${d.path}:${d.code}`);
}

async function members(
  client: Client,
  clusterId: number,
): Promise<Array<{ enterpriseId: number; approved: boolean; canApprove: boolean }>> {
  const response = await client.request("GET", `/api/clusters/${clusterId}/members`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

async function runImport(client: Client, kind: string, text: string, mapping: Record<string, string>) {
  const preview = await uploadImportFile(t, client, kind, `${kind}.csv`, text);
  return runImportBatch(client, preview.batchId, { mapping });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
  const { DIP: dip, OSMEP: osmep } = await agencyIds(t, "DIP", "OSMEP");
  dipOfficer = await signInAs(t, "agency_officer", { agencyId: dip });
  osmepOfficer = await signInAs(t, "agency_officer", { agencyId: osmep });

  const coffee = await createCluster(dipOfficer, { code: "refs-coffee", nameEn: "Coffee", published: true });
  const tea = await createCluster(osmepOfficer, { code: "refs-tea", nameEn: "Tea", published: true });
  const secret = await createCluster(osmepOfficer, { code: "refs-secret", nameEn: "Secret" });
  // An unpublished firm of the tea cluster, with contacts: what a coordinator of coffee used to reach by guessing its id.
  const hidden = await createEnterprise(osmepOfficer, {
    juristicId: jid("050555200001"),
    nameTh: "บริษัท ลับ จำกัด",
    published: false,
    contacts: [{ name: "Hidden Person", phone: "0811111111" }],
  });
  expect(
    (await osmepOfficer.request("POST", `/api/clusters/${tea.id}/members`, buildMembership(hidden.id))).statusCode,
  ).toBe(201);
  const shop = await createEnterprise(dipOfficer, {
    juristicId: jid("050555200002"),
    nameTh: "ร้านกาแฟ",
    contacts: [{ name: "Shop Owner", phone: "0822222222", email: "owner@example.org" }],
  });
  const mill = await createEnterprise(dipOfficer, {
    juristicId: jid("050555200003"),
    nameTh: "โรงสี",
    contacts: [{ name: "Mill Owner", phone: "0833333333" }],
  });

  const coordinatorOfCoffee = await signInAs(t, "cluster_coordinator", { clusterIds: [coffee.id] });
  coordinator = coordinatorOfCoffee;
  teaCoordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [tea.id] });
  shopMember = await signInAs(t, "member", { enterpriseId: shop.id });
  millMember = await signInAs(t, "member", { enterpriseId: mill.id });

  const programme = async (as: Client, overrides: Parameters<typeof createProgramme>[1]) =>
    (await createProgramme(as, { firstFiscalYear: 2021, ...overrides })).id;
  const dipProgramme = await programme(dipOfficer, { agencyId: dip, published: true });
  const dipUnlinked = await programme(dipOfficer, { agencyId: dip, nameEn: "DIP, not for coffee", published: true });
  const osmepProgramme = await programme(osmepOfficer, { agencyId: osmep, published: true });
  const osmepDraft = await programme(osmepOfficer, { agencyId: osmep, nameEn: "OSMEP draft" });
  const osmepSupportsCoffee = await programme(osmepOfficer, {
    agencyId: osmep,
    nameEn: "OSMEP for coffee",
    published: true,
  });
  expect(
    (
      await dipOfficer.request("POST", `/api/programmes/${dipProgramme}/clusters`, {
        clusterId: coffee.id,
        fiscalYear: 2021,
      })
    ).statusCode,
  ).toBe(201);
  expect(
    (
      await osmepOfficer.request("POST", `/api/programmes/${osmepSupportsCoffee}/clusters`, {
        clusterId: coffee.id,
        fiscalYear: 2021,
      })
    ).statusCode,
  ).toBe(201);
  ids = {
    dip,
    osmep,
    coordinatorUser: coordinatorOfCoffee.userId,
    coffee: coffee.id,
    tea: tea.id,
    secretCluster: secret.id,
    hidden: hidden.id,
    shop: shop.id,
    mill: mill.id,
    dipProgramme,
    dipUnlinked,
    osmepProgramme,
    osmepDraft,
    osmepSupportsCoffee,
  };
});
afterAll(async () => {
  await t.close();
});

describe("#memberships: naming a firm needs the right to see it", () => {
  it("fails with 400 not_found when a coordinator adds an unpublished firm of another cluster by id, as for an id that does not exist", async () => {
    const guessed = await coordinator.request(
      "POST",
      `/api/clusters/${ids.coffee}/members`,
      buildMembership(ids.hidden),
    );
    expect(guessed.statusCode).toBe(400);
    expect(paths(guessed)).toEqual(["enterpriseId:not_found"]);
    const unknown = await coordinator.request("POST", `/api/clusters/${ids.coffee}/members`, buildMembership(999_999));
    expect(unknown.json().error.code).toBe(guessed.json().error.code);
    expect(paths(unknown)).toEqual(["enterpriseId:not_found"]);
    // Nothing was written and the contacts stay masked (the firm is not even visible).
    expect((await coordinator.request("GET", `/api/enterprises/${ids.hidden}`)).statusCode).toBe(404);
  });

  it("adds a published firm as a pending membership: contacts masked, no edit right, approvable by the cluster's agency only", async () => {
    const added = await coordinator.request(
      "POST",
      `/api/clusters/${ids.coffee}/members`,
      buildMembership(ids.shop, { stage: "downstream" }),
    );
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().approved).toBe(false);
    const view = (await coordinator.request("GET", `/api/enterprises/${ids.shop}`)).json();
    expect(view.contactsMasked).toBe(true);
    expect(JSON.stringify(view.contacts)).not.toContain("Shop Owner");
    expect(
      (await coordinator.request("PATCH", `/api/enterprises/${ids.shop}`, { nameEn: "Taken over" })).statusCode,
    ).toBe(403);

    const asCoordinator = (await members(coordinator, ids.coffee)).find((m) => m.enterpriseId === ids.shop);
    expect(asCoordinator).toMatchObject({ approved: false, canApprove: false });
    expect((await members(dipOfficer, ids.coffee)).find((m) => m.enterpriseId === ids.shop)).toMatchObject({
      approved: false,
      canApprove: true,
    });
    // The public does not see a pending member; a coordinator cannot approve their own request; nor can another agency.
    expect((await members(t.anonymous, ids.coffee)).map((m) => m.enterpriseId)).not.toContain(ids.shop);
    expect(
      (await coordinator.request("POST", `/api/clusters/${ids.coffee}/members/${ids.shop}/approval`)).statusCode,
    ).toBe(403);
    expect(
      (await osmepOfficer.request("POST", `/api/clusters/${ids.coffee}/members/${ids.shop}/approval`)).statusCode,
    ).toBe(403);
    expect(
      (await t.anonymous.request("POST", `/api/clusters/${ids.coffee}/members/${ids.shop}/approval`)).statusCode,
    ).toBe(401);
  });

  it("unmasks the contacts and gives the edit right once an officer of the cluster's agency approves, audited", async () => {
    expect(
      (await dipOfficer.request("POST", `/api/clusters/${ids.coffee}/members/${ids.shop}/approval`)).statusCode,
    ).toBe(200);
    const view = (await coordinator.request("GET", `/api/enterprises/${ids.shop}`)).json();
    expect(view.contactsMasked).toBe(false);
    expect(view.contacts[0]).toMatchObject({ name: "Shop Owner", email: "owner@example.org" });
    expect(
      (await coordinator.request("PATCH", `/api/enterprises/${ids.shop}`, { nameEn: "Coffee Shop" })).statusCode,
    ).toBe(200);
    expect((await members(t.anonymous, ids.coffee)).find((m) => m.enterpriseId === ids.shop)).toMatchObject({
      approved: true,
      canApprove: false,
    });
    const approvals = await t.ctx.database.db
      .selectFrom("audit_log")
      .select(["action", "after_json"])
      .where("action", "=", "membership.approve")
      .execute();
    expect(approvals).toHaveLength(1);
    expect(approvals[0]?.after_json).not.toContain("Shop Owner");
    // Approving again changes nothing.
    expect(
      (await dipOfficer.request("POST", `/api/clusters/${ids.coffee}/members/${ids.shop}/approval`)).statusCode,
    ).toBe(200);
    expect(
      await t.ctx.database.db.selectFrom("audit_log").select("id").where("action", "=", "membership.approve").execute(),
    ).toHaveLength(1);
  });

  it("lets the firm itself approve its pending membership, and no other firm", async () => {
    expect(
      (
        await coordinator.request(
          "POST",
          `/api/clusters/${ids.coffee}/members`,
          buildMembership(ids.mill, { stage: "midstream" }),
        )
      ).json().approved,
    ).toBe(false);
    expect((await coordinator.request("GET", `/api/enterprises/${ids.mill}`)).json().contactsMasked).toBe(true);
    // The firm's member sees its own pending membership with the approve button; another firm's member does not.
    expect((await members(millMember, ids.coffee)).find((m) => m.enterpriseId === ids.mill)).toMatchObject({
      approved: false,
      canApprove: true,
    });
    expect((await members(shopMember, ids.coffee)).map((m) => m.enterpriseId)).not.toContain(ids.mill);
    expect(
      (await shopMember.request("POST", `/api/clusters/${ids.coffee}/members/${ids.mill}/approval`)).statusCode,
    ).toBe(403);
    expect(
      (await millMember.request("POST", `/api/clusters/${ids.coffee}/members/${ids.mill}/approval`)).statusCode,
    ).toBe(200);
    expect((await coordinator.request("GET", `/api/enterprises/${ids.mill}`)).json().contactsMasked).toBe(false);
  });

  it("approves at once the membership of a firm the coordinator registered (new to the registry), unpublished or not", async () => {
    const created = await coordinator.request(
      "POST",
      "/api/enterprises",
      buildEnterprise({
        nameTh: "วิสาหกิจใหม่",
        published: false,
        contacts: [{ name: "New Person", phone: "0844444444" }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const firm = created.json().id as number;
    const added = await coordinator.request("POST", `/api/clusters/${ids.coffee}/members`, buildMembership(firm));
    expect(added.json()).toMatchObject({ approved: true });
    const view = (await coordinator.request("GET", `/api/enterprises/${firm}`)).json();
    expect(view.contactsMasked).toBe(false);
    expect(view.contacts[0].name).toBe("New Person");
    // Another cluster's coordinator neither sees the unpublished firm nor can name it.
    expect((await teaCoordinator.request("GET", `/api/enterprises/${firm}`)).statusCode).toBe(404);
    expect(
      paths(await teaCoordinator.request("POST", `/api/clusters/${ids.tea}/members`, buildMembership(firm))),
    ).toEqual(["enterpriseId:not_found"]);
  });

  it("approves at once what an officer of the cluster's agency adds", async () => {
    const firm = (await createEnterprise(admin)).id;
    expect(
      (
        await dipOfficer.request(
          "POST",
          `/api/clusters/${ids.coffee}/members`,
          buildMembership(firm, { stage: "downstream" }),
        )
      ).json().approved,
    ).toBe(true);
  });
});

describe("#linkages, participants, supported firms: every named record must be visible", () => {
  it("fails with 400 naming the end when a linkage end is a firm or an institution the caller cannot see", async () => {
    const toHidden = await coordinator.request("POST", `/api/clusters/${ids.coffee}/linkages`, {
      from: { type: "enterprise", id: ids.shop },
      to: { type: "enterprise", id: ids.hidden },
      kind: "supplies",
    });
    expect(toHidden.statusCode).toBe(400);
    expect(paths(toHidden)).toEqual(["to.id:not_found"]);
    const fromHidden = await coordinator.request("POST", `/api/clusters/${ids.coffee}/linkages`, {
      from: { type: "enterprise", id: ids.hidden },
      to: { type: "enterprise", id: ids.shop },
      kind: "supplies",
    });
    expect(paths(fromHidden)).toEqual(["from.id:not_found"]);
    const secretInstitution = await createInstitution(osmepOfficer, {
      kind: "finance",
      agencyId: ids.osmep,
      published: false,
    });
    const toInstitution = await coordinator.request("POST", `/api/clusters/${ids.coffee}/linkages`, {
      from: { type: "institution", id: secretInstitution.id },
      to: { type: "enterprise", id: ids.shop },
      kind: "finances",
    });
    expect(paths(toInstitution)).toEqual(["from.id:not_found"]);
    // The officer who keeps both may link them in their own cluster.
    expect(
      (
        await osmepOfficer.request("POST", `/api/clusters/${ids.tea}/linkages`, {
          from: { type: "institution", id: secretInstitution.id },
          to: { type: "enterprise", id: ids.hidden },
          kind: "finances",
        })
      ).statusCode,
    ).toBe(201);
  });

  it("fails with 400 naming the index when an activity's participant or an outcome's firm is invisible", async () => {
    const base = buildActivity({ clusterId: ids.coffee, startsOn: "2021-11-01" });
    const create = await coordinator.request("POST", "/api/activities", {
      ...base,
      participantIds: [ids.shop, ids.hidden],
    });
    expect(create.statusCode).toBe(400);
    expect(paths(create)).toEqual(["participantIds.1:not_found"]);
    const activity = await coordinator.request("POST", "/api/activities", { ...base, participantIds: [ids.shop] });
    expect(activity.statusCode, activity.body).toBe(201);
    const id = activity.json().id as number;
    expect(
      paths(await coordinator.request("PUT", `/api/activities/${id}/participants`, { enterpriseIds: [ids.hidden] })),
    ).toEqual(["participantIds.0:not_found"]);
    expect(
      paths(
        await coordinator.request("POST", `/api/activities/${id}/outcomes`, {
          kind: "sales",
          amount: 1000,
          enterpriseId: ids.hidden,
        }),
      ),
    ).toEqual(["enterpriseId:not_found"]);
    expect(
      (
        await coordinator.request("POST", `/api/activities/${id}/outcomes`, {
          kind: "sales",
          amount: 1000,
          enterpriseId: ids.shop,
        })
      ).statusCode,
    ).toBe(201);
  });

  it("fails with 400 naming the field for a supported firm or cluster that does not exist, and accepts a visible one", async () => {
    const firm = await dipOfficer.request("POST", `/api/programmes/${ids.dipProgramme}/enterprises`, {
      enterpriseId: 999_999,
      fiscalYear: 2021,
    });
    expect(paths(firm)).toEqual(["enterpriseId:not_found"]);
    const cluster = await dipOfficer.request("POST", `/api/programmes/${ids.dipProgramme}/enterprises`, {
      enterpriseId: ids.shop,
      fiscalYear: 2021,
      clusterId: 999_999,
    });
    expect(paths(cluster)).toEqual(["clusterId:not_found"]);
    expect(
      (
        await dipOfficer.request("POST", `/api/programmes/${ids.dipProgramme}/enterprises`, {
          enterpriseId: ids.hidden,
          fiscalYear: 2021,
          clusterId: ids.tea,
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe("#activities: a coordinator stays within programmes of their scope", () => {
  const base = () => buildActivity({ clusterId: ids.coffee, startsOn: "2021-12-01" });

  it("lets a coordinator record under a programme that supports the cluster or belongs to its agency", async () => {
    for (const programmeId of [ids.dipProgramme, ids.dipUnlinked, ids.osmepSupportsCoffee]) {
      const response = await coordinator.request("POST", "/api/activities", { ...base(), programmeId });
      expect(response.statusCode, `${programmeId}: ${response.body}`).toBe(201);
    }
  });

  it("answers 403 to a coordinator creating an activity in another agency's programme, and 400 for one they cannot see", async () => {
    const foreign = await coordinator.request("POST", "/api/activities", {
      ...base(),
      programmeId: ids.osmepProgramme,
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.reason).toEqual({ action: "create", resource: "activity" });
    const draft = await coordinator.request("POST", "/api/activities", { ...base(), programmeId: ids.osmepDraft });
    expect(draft.statusCode).toBe(400);
    expect(paths(draft)).toEqual(["programmeId:not_found"]);
    const secretCluster = await coordinator.request("POST", "/api/activities", {
      ...base(),
      clusterId: ids.secretCluster,
    });
    expect(paths(secretCluster)).toEqual(["clusterId:not_found"]);
  });

  it("answers 403 to a coordinator moving their activity into another agency's programme, and 400 into an invisible one", async () => {
    const activity = (
      await coordinator.request("POST", "/api/activities", { ...base(), programmeId: ids.dipProgramme })
    ).json();
    const moved = await coordinator.request("PATCH", `/api/activities/${activity.id}`, {
      programmeId: ids.osmepProgramme,
    });
    expect(moved.statusCode).toBe(403);
    expect(
      paths(await coordinator.request("PATCH", `/api/activities/${activity.id}`, { programmeId: ids.osmepDraft })),
    ).toEqual(["programmeId:not_found"]);
    const after = (await coordinator.request("GET", `/api/activities/${activity.id}`)).json();
    expect(after.programmeId).toBe(ids.dipProgramme);
  });

  it("still lets the programme's own officer record an activity for any cluster", async () => {
    expect(
      (await osmepOfficer.request("POST", "/api/activities", { ...base(), programmeId: ids.osmepProgramme }))
        .statusCode,
    ).toBe(201);
  });
});

describe("#plans: the owner agency is one the caller acts for", () => {
  const plan = (code: string, ownerAgencyId: number, clusterId: number, extra: { programmeId?: number } = {}) =>
    buildPlan({
      code,
      level: "cluster_plan",
      ownerAgencyId,
      clusterId,
      periodStart: "2021-10-01",
      periodEnd: "2022-09-30",
      ...extra,
    });

  it("owns a coordinator's cluster plan by the cluster's coordinating agency, never another", async () => {
    expect((await coordinator.request("POST", "/api/plans", plan("REFS-C1", ids.osmep, ids.coffee))).statusCode).toBe(
      403,
    );
    const own = await coordinator.request("POST", "/api/plans", plan("REFS-C2", ids.dip, ids.coffee));
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ ownerAgencyId: ids.dip, clusterId: ids.coffee });
  });

  it("answers 403 to an officer of agency A creating a plan for agency B's cluster, and 201 for their own", async () => {
    expect((await osmepOfficer.request("POST", "/api/plans", plan("REFS-O1", ids.osmep, ids.coffee))).statusCode).toBe(
      403,
    );
    expect((await dipOfficer.request("POST", "/api/plans", plan("REFS-O2", ids.dip, ids.coffee))).statusCode).toBe(201);
    expect((await osmepOfficer.request("POST", "/api/plans", plan("REFS-O3", ids.osmep, ids.tea))).statusCode).toBe(
      201,
    );
    expect((await admin.request("POST", "/api/plans", plan("REFS-A1", ids.osmep, ids.coffee))).statusCode).toBe(201);
  });

  it("answers 403 to moving a plan to another agency's cluster", async () => {
    const created = (await dipOfficer.request("POST", "/api/plans", plan("REFS-M1", ids.dip, ids.coffee))).json();
    expect((await dipOfficer.request("PATCH", `/api/plans/${created.id}`, { clusterId: ids.tea })).statusCode).toBe(
      403,
    );
    expect((await coordinator.request("PATCH", `/api/plans/${created.id}`, { clusterId: ids.tea })).statusCode).toBe(
      403,
    );
  });

  it("fails with 400 for a programme or cluster the caller cannot see", async () => {
    const draft = await coordinator.request(
      "POST",
      "/api/plans",
      plan("REFS-P1", ids.dip, ids.coffee, { programmeId: ids.osmepDraft }),
    );
    expect(draft.statusCode).toBe(400);
    expect(paths(draft)).toEqual(["programmeId:not_found"]);
    const secret = await coordinator.request("POST", "/api/plans", plan("REFS-P2", ids.osmep, ids.secretCluster));
    expect(paths(secret)).toEqual(["clusterId:not_found"]);
    expect(
      (
        await coordinator.request(
          "POST",
          "/api/plans",
          plan("REFS-P3", ids.dip, ids.coffee, { programmeId: ids.dipProgramme }),
        )
      ).statusCode,
    ).toBe(201);
  });
});

describe("#institutions: unpublished ones for their keepers only", () => {
  let osmepOnly: number;
  let coordinatorsOwn: number;

  beforeAll(async () => {
    osmepOnly = (
      await createInstitution(osmepOfficer, {
        kind: "research",
        nameEn: "Zanzibar Lab",
        agencyId: ids.osmep,
        published: false,
      })
    ).id;
    coordinatorsOwn = (
      await createInstitution(coordinator, { kind: "association", nameEn: "Zanzibar Guild", published: false })
    ).id;
  });

  const listed = async (client: Client) =>
    ((await client.request("GET", "/api/institutions")).json().items as Array<{ id: number }>).map((i) => i.id);

  it("lists an unpublished institution to its agency's officers, its registrant and admins, and to nobody else", async () => {
    expect(await listed(osmepOfficer)).toContain(osmepOnly);
    expect(await listed(admin)).toEqual(expect.arrayContaining([osmepOnly, coordinatorsOwn]));
    expect(await listed(coordinator)).toContain(coordinatorsOwn);
    for (const other of [dipOfficer, teaCoordinator, shopMember, t.anonymous]) {
      const seen = await listed(other);
      expect(seen).not.toContain(osmepOnly);
      expect(seen).not.toContain(coordinatorsOwn);
    }
    expect(await listed(coordinator)).not.toContain(osmepOnly);
    expect(await listed(osmepOfficer)).not.toContain(coordinatorsOwn);
  });

  it("answers 404 to GET of an unpublished institution for others and 200 for its keepers", async () => {
    expect((await osmepOfficer.request("GET", `/api/institutions/${osmepOnly}`)).json()).toMatchObject({
      id: osmepOnly,
      published: false,
    });
    expect((await admin.request("GET", `/api/institutions/${osmepOnly}`)).statusCode).toBe(200);
    expect((await coordinator.request("GET", `/api/institutions/${coordinatorsOwn}`)).statusCode).toBe(200);
    expect((await dipOfficer.request("GET", `/api/institutions/${osmepOnly}`)).statusCode).toBe(404);
    expect((await coordinator.request("GET", `/api/institutions/${osmepOnly}`)).statusCode).toBe(404);
    expect((await t.anonymous.request("GET", `/api/institutions/${coordinatorsOwn}`)).statusCode).toBe(404);
    expect((await t.anonymous.request("GET", "/api/institutions/999999")).statusCode).toBe(404);
  });

  it("fails with 400 when linking an institution the caller cannot see, and links one they keep", async () => {
    const link = await coordinator.request("POST", `/api/clusters/${ids.coffee}/institutions`, {
      institutionId: osmepOnly,
    });
    expect(link.statusCode).toBe(400);
    expect(paths(link)).toEqual(["institutionId:not_found"]);
    expect(
      paths(
        await teaCoordinator.request("POST", `/api/clusters/${ids.tea}/institutions`, {
          institutionId: coordinatorsOwn,
        }),
      ),
    ).toEqual(["institutionId:not_found"]);
    expect(
      (
        await coordinator.request("POST", `/api/clusters/${ids.coffee}/institutions`, {
          institutionId: coordinatorsOwn,
        })
      ).statusCode,
    ).toBe(200);
    // Listing a cluster's institutions follows the same rule.
    const ofCoffee = async (client: Client) =>
      (
        (await client.request("GET", `/api/institutions?cluster=${ids.coffee}`)).json().items as Array<{ id: number }>
      ).map((i) => i.id);
    expect(await ofCoffee(coordinator)).toContain(coordinatorsOwn);
    expect(await ofCoffee(t.anonymous)).not.toContain(coordinatorsOwn);
  });

  it("leaves unpublished institutions out of search for all but their keepers", async () => {
    const found = async (client: Client) =>
      (
        (await client.request("GET", "/api/search?q=zanzibar&type=institution")).json().items as Array<{ id: number }>
      ).map((i) => i.id);
    expect(await found(osmepOfficer)).toEqual([osmepOnly]);
    expect(await found(coordinator)).toEqual([coordinatorsOwn]);
    expect(await found(dipOfficer)).toEqual([]);
    expect(await found(t.anonymous)).toEqual([]);
    expect((await found(admin)).sort()).toEqual([osmepOnly, coordinatorsOwn].sort());
  });
});

describe("#imports: memberships and linkages name what the importer may see and change", () => {
  it("skips rows naming a firm the coordinator cannot see or a cluster they may not change, as not found", async () => {
    const hiddenJid = jid("050555200001");
    const file = [
      "juristic id,cluster code,stage",
      `${hiddenJid},refs-coffee,upstream`,
      `${jid("050555200003")},refs-tea,upstream`,
    ].join("\n");
    const status = await runImport(coordinator, "memberships", file, {
      juristicId: "juristic id",
      clusterCode: "cluster code",
      stage: "stage",
    });
    expect(status.report.counts).toMatchObject({ imported: 0, skipped: 2 });
    expect(
      status.report.rows
        .map((r: { issues: Array<{ field: string; code: string }> }) => r.issues.map((i) => `${i.field}:${i.code}`))
        .flat(),
    ).toEqual(["juristicId:not_found", "clusterCode:not_found"]);
    const tea = await t.ctx.database.db
      .selectFrom("memberships")
      .select("enterprise_id")
      .where("cluster_id", "=", ids.tea)
      .execute();
    expect(tea.map((m) => m.enterprise_id)).toEqual([ids.hidden]);
  });

  it("imports a published firm as pending, and a firm the coordinator's own import registered as approved", async () => {
    const published = (await createEnterprise(admin, { juristicId: jid("050555200006") })).id;
    const ownJid = jid("050555200007");
    const firms = await runImport(
      coordinator,
      "enterprises",
      ["เลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล", `${ownJid},บริษัท เจ็ด จำกัด`].join("\n"),
      { juristicId: "เลขทะเบียนนิติบุคคล", nameTh: "ชื่อนิติบุคคล" },
    );
    expect(firms.report.counts).toMatchObject({ imported: 1 });
    const own = await t.ctx.database.db
      .selectFrom("enterprises")
      .select(["id", "created_by"])
      .where("juristic_id", "=", ownJid)
      .executeTakeFirstOrThrow();
    expect(own.created_by).toBe(ids.coordinatorUser);
    const file = [
      "juristic id,cluster code,stage",
      `${jid("050555200006")},refs-coffee,midstream`,
      `${ownJid},refs-coffee,upstream`,
    ].join("\n");
    const status = await runImport(coordinator, "memberships", file, {
      juristicId: "juristic id",
      clusterCode: "cluster code",
      stage: "stage",
    });
    expect(status.report.counts).toMatchObject({ imported: 2 });
    const rows = await t.ctx.database.db
      .selectFrom("memberships")
      .select(["enterprise_id", "approved_at", "created_by"])
      .where("cluster_id", "=", ids.coffee)
      .where("enterprise_id", "in", [published, own.id])
      .execute();
    const byFirm = new Map(rows.map((r) => [r.enterprise_id, r]));
    expect(byFirm.get(published)).toMatchObject({ approved_at: null, created_by: ids.coordinatorUser });
    expect(byFirm.get(own.id)?.approved_at).not.toBeNull();
    expect((await coordinator.request("GET", `/api/enterprises/${published}`)).json().contactsMasked).toBe(true);
  });

  it("skips a linkage row naming a firm the coordinator cannot see", async () => {
    const file = ["from,to,kind,cluster", `${jid("050555200002")},${jid("050555200001")},supplies,refs-coffee`].join(
      "\n",
    );
    const status = await runImport(coordinator, "linkages", file, {
      fromJuristicId: "from",
      toJuristicId: "to",
      kind: "kind",
      clusterCode: "cluster",
    });
    expect(status.report.counts).toMatchObject({ imported: 0, skipped: 1 });
    expect(status.report.rows[0].issues[0]).toMatchObject({ field: "toJuristicId", code: "not_found" });
  });

  it("skips a row that would overwrite a firm the coordinator may not edit, and writes the firm they may edit", async () => {
    // A published firm of no cluster of this coordinator's; the firm of their own import is theirs to edit.
    const otherJid = jid("050555200010");
    expect(
      (
        await osmepOfficer.request(
          "POST",
          "/api/enterprises",
          buildEnterprise({ juristicId: otherJid, nameTh: "ร้านชาดอย" }),
        )
      ).statusCode,
    ).toBe(201);
    const ownJid = jid("050555200007");
    const file = ["เลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล", `${otherJid},บริษัท ถูกเขียนทับ จำกัด`, `${ownJid},บริษัท เจ็ด ใหม่ จำกัด`].join(
      "\n",
    );
    const status = await runImport(coordinator, "enterprises", file, {
      juristicId: "เลขทะเบียนนิติบุคคล",
      nameTh: "ชื่อนิติบุคคล",
    });
    expect(status.report.counts).toMatchObject({ updated: 1, skipped: 1 });
    const skipped = status.report.rows.find((r: { rowNumber: number }) => r.rowNumber === 2);
    expect(skipped.issues[0]).toMatchObject({ field: "juristicId", code: "not_permitted" });
    const names = await t.ctx.database.db
      .selectFrom("enterprises")
      .select(["juristic_id", "name_th"])
      .where("juristic_id", "in", [otherJid, ownJid])
      .execute();
    expect(new Map(names.map((n) => [n.juristic_id, n.name_th]))).toEqual(
      new Map([
        [otherJid, "ร้านชาดอย"],
        [ownJid, "บริษัท เจ็ด ใหม่ จำกัด"],
      ]),
    );
    // An officer may correct any firm by import.
    const byOfficer = await runImport(
      dipOfficer,
      "enterprises",
      ["เลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล", `${otherJid},ร้านชาดอยสูง`].join("\n"),
      { juristicId: "เลขทะเบียนนิติบุคคล", nameTh: "ชื่อนิติบุคคล" },
    );
    expect(byOfficer.report.counts).toMatchObject({ updated: 1, skipped: 0 });
  });

  it("skips a linkage row that would pull another cluster's link into the coordinator's cluster", async () => {
    // Two published firms both visible to the tea coordinator's colleague; the link belongs to the tea cluster.
    const a = (await createEnterprise(osmepOfficer, { juristicId: jid("050555200008") })).id;
    const b = (await createEnterprise(osmepOfficer, { juristicId: jid("050555200009") })).id;
    const link = await osmepOfficer.request("POST", `/api/clusters/${ids.tea}/linkages`, {
      from: { type: "enterprise", id: a },
      to: { type: "enterprise", id: b },
      kind: "supplies",
      annualValue: 1000,
    });
    expect(link.statusCode, link.body).toBe(201);
    const file = [
      "from,to,kind,cluster,value",
      `${jid("050555200008")},${jid("050555200009")},supplies,refs-coffee,999999`,
    ].join("\n");
    const status = await runImport(coordinator, "linkages", file, {
      fromJuristicId: "from",
      toJuristicId: "to",
      kind: "kind",
      clusterCode: "cluster",
      annualValue: "value",
    });
    expect(status.report.counts).toMatchObject({ imported: 0, updated: 0, skipped: 1 });
    expect(status.report.rows[0].issues[0]).toMatchObject({ code: "not_permitted" });
    const kept = await t.ctx.database.db
      .selectFrom("linkages")
      .select(["cluster_id", "annual_value"])
      .where("id", "=", link.json().id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ cluster_id: ids.tea, annual_value: 1000 });
  });
});
