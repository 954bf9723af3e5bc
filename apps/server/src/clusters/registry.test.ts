import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import {
  agencyIds,
  buildCluster,
  buildEnterprise,
  buildMembership,
  createCluster,
  createEnterprise,
  createInstitution,
  juristicId,
  signInAs,
} from "../test-support/factories.ts";

let t: TestApp;
let admin: Client;
let dipOfficer: Client;
let mocOfficer: Client;
let coordinator: Client;
let otherCoordinator: Client;
let member: Client;
let ids: {
  dip: number;
  moc: number;
  coffee: number;
  rubber: number;
  roaster: number;
  farm: number;
  memberUserId: number;
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
  const { DIP: dip, MOC: moc } = await agencyIds(t, "DIP", "MOC");
  dipOfficer = await signInAs(t, "agency_officer", { agencyId: dip });
  mocOfficer = await signInAs(t, "agency_officer", { agencyId: moc });

  const coffee = await createCluster(dipOfficer, {
    code: "coffee-north",
    nameEn: "Northern Coffee",
    nameTh: "คลัสเตอร์กาแฟภาคเหนือ",
    provinceCodes: ["50", "57"],
    tsicCode: "10794",
    policyTags: ["BCG", "SDG:8"],
    published: true,
    participations: [{ agencyId: dip, fiscalYear: 2021 }],
  });
  const rubber = await createCluster(dipOfficer, {
    code: "rubber-south",
    nameEn: "Southern Rubber",
    nameTh: null,
    provinceCodes: ["90"],
    published: false,
  });
  const farm = await createEnterprise(dipOfficer, {
    juristicId: juristicId("050555000001"),
    nameTh: "วิสาหกิจชุมชนกาแฟดอยช้าง",
    legalForm: "community_enterprise",
    provinceCode: "57",
    products: [{ direction: "output", name: "coffee cherries" }],
    contacts: [{ name: "Somchai Jaidee", phone: "0812345678", email: "somchai@example.org" }],
  });
  const roaster = await createEnterprise(dipOfficer, {
    juristicId: juristicId("050555000002"),
    nameTh: "บริษัท คั่วดี จำกัด",
    provinceCode: "50",
    districtCode: "5001",
    tsicCode: "10794",
    revenue: 12_000_000,
    employees: 12,
    products: [
      { direction: "input", name: "coffee cherries" },
      { direction: "output", name: "roasted coffee" },
    ],
  });
  coordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [coffee.id] });
  otherCoordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [rubber.id] });
  const memberUser = await signInAs(t, "member", { enterpriseId: roaster.id });
  member = memberUser;
  ids = {
    dip,
    moc,
    coffee: coffee.id,
    rubber: rubber.id,
    roaster: roaster.id,
    farm: farm.id,
    memberUserId: memberUser.userId,
  };
});
afterAll(async () => {
  await t.close();
});

describe("#clusters.create", () => {
  it("creates a cluster with provinces, policy tags and programme participation", async () => {
    const c = (await t.anonymous.request("GET", `/api/clusters/${ids.coffee}`)).json();
    expect(c).toMatchObject({
      code: "coffee-north",
      kind: "industry_cluster",
      coordinatingAgencyId: ids.dip,
      policyTags: ["BCG", "SDG:8"],
      provinceCodes: ["50", "57"],
      participations: [{ agencyId: ids.dip, fiscalYear: 2021 }],
    });
  });

  it("fails with 409 for a code in use and 400 naming the field for bad input", async () => {
    expect((await admin.request("POST", "/api/clusters", buildCluster({ code: "coffee-north" }))).statusCode).toBe(409);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ code: "Bad Code", kind: "industry_cluster", nameEn: "X" }, "code"],
      [{ code: "ok-code", kind: "guild", nameEn: "X" }, "kind"],
      [{ code: "ok-code", kind: "industry_cluster" }, "nameTh"],
      [{ code: "ok-code", kind: "industry_cluster", nameEn: "X", provinceCodes: ["99"] }, "provinceCodes"],
      [{ code: "ok-code", kind: "industry_cluster", nameEn: "X", policyTags: ["SDG:18"] }, "policyTags.0"],
      [{ code: "ok-code", kind: "industry_cluster", nameEn: "X", parentId: 99999 }, "parentId"],
      [
        { code: "ok-code", kind: "industry_cluster", nameEn: "X", participations: [{ agencyId: 1, fiscalYear: 2564 }] },
        "participations.0.fiscalYear",
      ],
    ];
    for (const [body, field] of cases) {
      const response = await admin.request("POST", "/api/clusters", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    }
  });

  it("lets only admins and agency officers create clusters, and an officer only for their own agency", async () => {
    const body = buildCluster({ kind: "sme_network_cluster" });
    expect((await t.anonymous.request("POST", "/api/clusters", body)).statusCode).toBe(401);
    expect((await coordinator.request("POST", "/api/clusters", body)).statusCode).toBe(403);
    expect((await member.request("POST", "/api/clusters", body)).statusCode).toBe(403);
    expect(
      (await dipOfficer.request("POST", "/api/clusters", { ...body, coordinatingAgencyId: ids.moc })).statusCode,
    ).toBe(403);
  });

  it("refuses a parent that would make a cycle", async () => {
    const child = await createCluster(admin, { parentId: ids.coffee });
    const response = await admin.request("PATCH", `/api/clusters/${ids.coffee}`, { parentId: child.id });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe("parentId");
    expect((await t.anonymous.request("GET", `/api/clusters/${ids.coffee}`)).json().childIds).toContain(child.id);
  });
});

describe("#clusters access", () => {
  it("hides an unpublished cluster from the public and from other clusters' coordinators", async () => {
    expect((await t.anonymous.request("GET", `/api/clusters/${ids.rubber}`)).statusCode).toBe(404);
    expect((await coordinator.request("GET", `/api/clusters/${ids.rubber}`)).statusCode).toBe(404);
    expect((await otherCoordinator.request("GET", `/api/clusters/${ids.rubber}`)).statusCode).toBe(200);
    expect((await mocOfficer.request("GET", `/api/clusters/${ids.rubber}`)).statusCode).toBe(200);
    const publicList = (await t.anonymous.request("GET", "/api/clusters"))
      .json()
      .items.map((c: { id: number }) => c.id);
    expect(publicList).toContain(ids.coffee);
    expect(publicList).not.toContain(ids.rubber);
  });

  it("lets coordinators edit only their clusters and officers only their agency's", async () => {
    expect(
      (await coordinator.request("PATCH", `/api/clusters/${ids.coffee}`, { descriptionEn: "Arabica" })).statusCode,
    ).toBe(200);
    expect(
      (await otherCoordinator.request("PATCH", `/api/clusters/${ids.coffee}`, { descriptionEn: "x" })).statusCode,
    ).toBe(403);
    expect((await mocOfficer.request("PATCH", `/api/clusters/${ids.coffee}`, { descriptionEn: "x" })).statusCode).toBe(
      403,
    );
    expect((await member.request("PATCH", `/api/clusters/${ids.coffee}`, { descriptionEn: "x" })).statusCode).toBe(403);
    expect(
      (await dipOfficer.request("PATCH", `/api/clusters/${ids.coffee}`, { coordinatingAgencyId: ids.moc })).statusCode,
    ).toBe(403);
  });

  it("archives a cluster and audits it", async () => {
    const sub = await createCluster(admin);
    expect((await admin.request("PATCH", `/api/clusters/${sub.id}`, { status: "archived" })).json().status).toBe(
      "archived",
    );
    const log = (await admin.request("GET", `/api/audit?entityType=cluster&entityId=${sub.id}`)).json();
    expect(log.items[0].action).toBe("cluster.archive");
  });
});

describe("#enterprises", () => {
  it("derives legal form from the name prefix and size class from revenue and employees", async () => {
    const e = (await t.anonymous.request("GET", `/api/enterprises/${ids.roaster}`)).json();
    expect(e.legalForm).toBe("company_limited");
    expect(e.sizeClass).toBe("small");
  });

  it("rejects a juristic ID with a wrong check digit, naming the field", async () => {
    const good = juristicId("010555000123");
    const bad = `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`;
    const response = await admin.request("POST", "/api/enterprises", buildEnterprise({ juristicId: bad }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ path: "juristicId", message: "has a wrong check digit" });
  });

  it("keeps one firm as one record: a second juristic ID registration is a conflict", async () => {
    const response = await admin.request(
      "POST",
      "/api/enterprises",
      buildEnterprise({ juristicId: juristicId("050555000002") }),
    );
    expect(response.statusCode).toBe(409);
  });

  it("refuses a district of another province", async () => {
    const response = await admin.request(
      "POST",
      "/api/enterprises",
      buildEnterprise({ provinceCode: "10", districtCode: "5001" }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe("districtCode");
  });

  it("masks contacts for the public and shows them to those who work with the firm", async () => {
    const publicView = (await t.anonymous.request("GET", `/api/enterprises/${ids.farm}`)).json();
    expect(publicView.contactsMasked).toBe(true);
    expect(JSON.stringify(publicView.contacts)).not.toContain("Somchai");
    expect(JSON.stringify(publicView.contacts)).not.toContain("0812345678");
    expect(publicView.contacts[0].phone).toMatch(/678$/);
    const officerView = (await dipOfficer.request("GET", `/api/enterprises/${ids.farm}`)).json();
    expect(officerView.contactsMasked).toBe(false);
    expect(officerView.contacts[0].email).toBe("somchai@example.org");
    const otherMember = (await member.request("GET", `/api/enterprises/${ids.farm}`)).json();
    expect(otherMember.contactsMasked).toBe(true);
  });

  it("lets a member edit their own firm but not another", async () => {
    expect(
      (await member.request("PATCH", `/api/enterprises/${ids.roaster}`, { nameEn: "Khua Dee Co., Ltd." })).statusCode,
    ).toBe(200);
    expect((await member.request("PATCH", `/api/enterprises/${ids.farm}`, { nameEn: "x" })).statusCode).toBe(403);
    expect((await t.anonymous.request("PATCH", `/api/enterprises/${ids.farm}`, { nameEn: "x" })).statusCode).toBe(401);
  });

  it("keeps contacts out of the audit log", async () => {
    const log = (await admin.request("GET", `/api/audit?entityType=enterprise&entityId=${ids.farm}`)).json();
    expect(log.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(log.items)).not.toContain("Somchai");
    expect(JSON.stringify(log.items)).not.toContain("0812345678");
  });
});

describe("#memberships and linkages", () => {
  it("places members on the value chain and counts them per stage", async () => {
    expect(
      (
        await coordinator.request(
          "POST",
          `/api/clusters/${ids.coffee}/members`,
          buildMembership(ids.farm, { stage: "upstream", joinedOn: "2020-10-01" }),
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await coordinator.request(
          "POST",
          `/api/clusters/${ids.coffee}/members`,
          buildMembership(ids.roaster, { stage: "midstream" }),
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await coordinator.request(
          "POST",
          `/api/clusters/${ids.coffee}/members`,
          buildMembership(ids.roaster, { stage: "downstream" }),
        )
      ).statusCode,
    ).toBe(409);
    // The coordinator did not register these firms: the memberships wait for the cluster's agency to approve them.
    for (const id of [ids.farm, ids.roaster])
      expect((await dipOfficer.request("POST", `/api/clusters/${ids.coffee}/members/${id}/approval`)).statusCode).toBe(
        200,
      );
    const detail = (await t.anonymous.request("GET", `/api/clusters/${ids.coffee}`)).json();
    expect(detail.stageCounts).toEqual({ upstream: 1, midstream: 1, downstream: 0 });
    const members = (await t.anonymous.request("GET", `/api/clusters/${ids.coffee}/members`)).json().items;
    expect(members.map((m: { stage: string }) => m.stage)).toEqual(["midstream", "upstream"]);
  });

  it("lets a coordinator of the firm's cluster see its contacts, and not a coordinator of another", async () => {
    expect((await coordinator.request("GET", `/api/enterprises/${ids.farm}`)).json().contactsMasked).toBe(false);
    expect((await otherCoordinator.request("GET", `/api/enterprises/${ids.farm}`)).json().contactsMasked).toBe(true);
  });

  it("refuses a left date before the joined date", async () => {
    const response = await coordinator.request("PATCH", `/api/clusters/${ids.coffee}/members/${ids.farm}`, {
      leftOn: "2019-01-01",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe("leftOn");
  });

  it("records typed, directed links and refuses a self-link or an unknown party", async () => {
    const link = await coordinator.request("POST", `/api/clusters/${ids.coffee}/linkages`, {
      from: { type: "enterprise", id: ids.farm },
      to: { type: "enterprise", id: ids.roaster },
      kind: "supplies",
      product: "coffee cherries",
      annualValue: 1_500_000,
    });
    expect(link.statusCode).toBe(201);
    expect(link.json()).toMatchObject({ kind: "supplies", product: "coffee cherries", annualValue: 1_500_000 });
    expect(
      (
        await coordinator.request("POST", `/api/clusters/${ids.coffee}/linkages`, {
          from: { type: "enterprise", id: ids.farm },
          to: { type: "enterprise", id: ids.farm },
          kind: "supplies",
        })
      ).statusCode,
    ).toBe(400);
    const unknown = await coordinator.request("POST", `/api/clusters/${ids.coffee}/linkages`, {
      from: { type: "enterprise", id: ids.farm },
      to: { type: "institution", id: 99999 },
      kind: "advises",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe("to.id");
    expect(
      (
        await otherCoordinator.request("POST", `/api/clusters/${ids.coffee}/linkages`, {
          from: { type: "enterprise", id: ids.farm },
          to: { type: "enterprise", id: ids.roaster },
          kind: "collaborates",
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.anonymous.request("GET", `/api/clusters/${ids.coffee}/linkages`)).json().items).toHaveLength(1);
  });

  it("links a support institution horizontally", async () => {
    const itc = await createInstitution(dipOfficer, {
      nameEn: "ITC Chiang Mai",
      agencyId: ids.dip,
      provinceCode: "50",
    });
    expect(
      (
        await coordinator.request("POST", `/api/clusters/${ids.coffee}/institutions`, {
          institutionId: itc.id,
          role: "technology advice",
        })
      ).statusCode,
    ).toBe(200);
    const listed = (await t.anonymous.request("GET", `/api/institutions?cluster=${ids.coffee}`)).json().items;
    expect(listed.map((i: { id: number }) => i.id)).toEqual([itc.id]);
  });
});

describe("#clusters.analysis", () => {
  it("analyses the cluster from its data and suggests the missing link with its reason", async () => {
    const cafe = await createEnterprise(admin, {
      nameTh: "ร้านกาแฟดี",
      nameEn: "Good Cafe",
      provinceCode: "50",
      products: [{ direction: "input", name: "roasted coffee" }],
    });
    expect(
      (
        await coordinator.request(
          "POST",
          `/api/clusters/${ids.coffee}/members`,
          buildMembership(cafe.id, { stage: "downstream" }),
        )
      ).statusCode,
    ).toBe(201);
    const analysis = (await t.anonymous.request("GET", `/api/clusters/${ids.coffee}/analysis`)).json();
    expect(analysis.membersPerStage).toEqual({ upstream: 1, midstream: 1, downstream: 1 });
    expect(analysis.emptyStages).toEqual([]);
    expect(analysis.unlinkedMemberIds).toEqual([cafe.id]);
    expect(analysis.linkDensity).toBeCloseTo(1 / 3);
    expect(analysis.insideValueShare).toBe(1);
    const suggestion = analysis.suggestions.find(
      (s: { from: number; to: number }) => s.from === ids.roaster && s.to === cafe.id,
    );
    expect(suggestion.reasons[0]).toMatchObject({ code: "product_match", product: "roasted coffee" });
    expect(
      analysis.suggestions.some((s: { from: number; to: number }) => s.from === ids.farm && s.to === ids.roaster),
    ).toBe(false);
    // Products made and needed are recorded: nothing is missing for suggestions.
    expect(analysis.suggestionData).toMatchObject({ members: 3 });
    expect(analysis.suggestionData.gaps).not.toContain("outputs");
    expect(analysis.suggestionData.gaps).not.toContain("inputs");
  });

  it("says which data a cluster lacks when it has no suggestion: products, inputs, TSIC codes, members", async () => {
    const bare = await createCluster(dipOfficer, buildCluster({ published: true }));
    const analysisOf = async () => (await admin.request("GET", `/api/clusters/${bare.id}/analysis`)).json();
    expect((await analysisOf()).suggestionData).toEqual({
      members: 0,
      withOutputs: 0,
      withInputs: 0,
      withTsic: 0,
      gaps: ["members"],
    });
    for (const stage of ["upstream", "downstream"] as const) {
      const firm = await createEnterprise(dipOfficer, buildEnterprise());
      const added = await dipOfficer.request(
        "POST",
        `/api/clusters/${bare.id}/members`,
        buildMembership(firm.id, { stage }),
      );
      expect(added.statusCode, added.body).toBe(201);
    }
    const analysis = await analysisOf();
    expect(analysis.suggestions).toEqual([]);
    expect(analysis.suggestionData).toEqual({
      members: 2,
      withOutputs: 0,
      withInputs: 0,
      withTsic: 0,
      gaps: ["outputs", "inputs", "tsic"],
    });
  });

  it("answers 404 for the analysis of a cluster the caller cannot see", async () => {
    expect((await t.anonymous.request("GET", `/api/clusters/${ids.rubber}/analysis`)).statusCode).toBe(404);
  });
});

describe("#search", () => {
  it("finds a Thai name without spaces by a word inside it, and by a prefix while typing", async () => {
    const byWord = (await t.anonymous.request("GET", `/api/search?q=${encodeURIComponent("กาแฟ")}`)).json();
    expect(byWord.items.map((i: { id: number; type: string }) => `${i.type}:${i.id}`)).toEqual(
      expect.arrayContaining([`enterprise:${ids.farm}`, `cluster:${ids.coffee}`]),
    );
    const byPrefix = (await t.anonymous.request("GET", `/api/search?q=${encodeURIComponent("คั่ว")}`)).json();
    expect(byPrefix.items.map((i: { id: number }) => i.id)).toContain(ids.roaster);
  });

  it("finds English names and products, ranking a name match above a product match", async () => {
    const results = (await t.anonymous.request("GET", "/api/search?q=roasted%20coffee&type=enterprise")).json();
    expect(results.items[0].id).toBe(ids.roaster);
    const cafe = (await t.anonymous.request("GET", "/api/search?q=good%20caf&type=enterprise")).json();
    expect(cafe.items[0].nameEn).toBe("Good Cafe");
  });

  it("filters by province, size and stage", async () => {
    const inChiangRai = (
      await t.anonymous.request("GET", `/api/search?q=${encodeURIComponent("กาแฟ")}&type=enterprise&province=57`)
    ).json();
    expect(inChiangRai.items.map((i: { id: number }) => i.id)).toEqual([ids.farm]);
    const upstream = (await t.anonymous.request("GET", `/api/search?q=coffee&stage=upstream`)).json();
    expect(upstream.items.every((i: { type: string }) => i.type === "enterprise")).toBe(true);
    expect(upstream.items.map((i: { id: number }) => i.id)).toEqual([ids.farm]);
  });

  it("does not show an unpublished cluster to the public, and requires a query", async () => {
    const results = (await t.anonymous.request("GET", "/api/search?q=rubber")).json();
    expect(results.items.map((i: { type: string; id: number }) => `${i.type}:${i.id}`)).not.toContain(
      `cluster:${ids.rubber}`,
    );
    const officer = (await mocOfficer.request("GET", "/api/search?q=rubber")).json();
    expect(officer.items.map((i: { type: string; id: number }) => `${i.type}:${i.id}`)).toContain(
      `cluster:${ids.rubber}`,
    );
    expect((await t.anonymous.request("GET", "/api/search?q=")).statusCode).toBe(400);
  });
});
