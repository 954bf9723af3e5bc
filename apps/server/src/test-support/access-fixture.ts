import { createClaim } from "../programmes/value-claim.service.ts";
import { enterValues } from "../indicator-values/indicator-value.service.ts";
import { transitionValues } from "../indicator-values/value-workflow.service.ts";
import { ADMIN, type Client, type TestApp } from "./test-app.ts";
import { newJuristicId, ok, unique } from "./factories.ts";
import { buildMarketWorld } from "./access-fixture-market.ts";

/**
 * The world of the access matrix: two agencies (MOC, DIP), a record of each kind per variant, and one signed-in
 * client per role. Variants, seen from the MOC officer, the coordinator of cluster 1 and the member of firm 1:
 * - `own`: MOC's, in cluster 1 (coordinated by MOC and by the coordinator), firm 1 (the member's);
 * - `otherAgency`: DIP's, in cluster 2 (coordinated by DIP);
 * - `otherCluster`: MOC's, in cluster 3 (coordinated by MOC, not by the coordinator);
 * - `unpublished`: DIP's and unpublished, in cluster 4 (DIP, unpublished).
 * Everything is built through the API (values and claims through the use cases as the system, so that nobody
 * who signs in entered them and separation of duties does not interfere).
 */
export const roles = ["public", "admin", "mocOfficer", "dipOfficer", "coordinator", "member", "expert"] as const;
export type Role = (typeof roles)[number];
export const recordVariants = ["own", "otherAgency", "otherCluster", "unpublished"] as const;
export type RecordVariant = (typeof recordVariants)[number];

const system = { kind: "system" } as const;

type PerVariant<T> = Record<RecordVariant, T>;

export async function buildAccessWorld(t: TestApp) {
  const admin = await t.signIn(ADMIN.email, ADMIN.password);
  const agencies: Array<{ id: number; code: string; abbreviation: string | null }> = (
    await ok(t.anonymous.request("GET", "/api/agencies"))
  ).items;
  const agency = (code: string) => {
    const found = agencies.find((a) => a.code === code);
    if (!found) throw new Error(`seed agency ${code} missing`);
    return found;
  };
  const moc = agency("MOC");
  const dip = agency("DIP");
  const agencyOf: PerVariant<number> = { own: moc.id, otherAgency: dip.id, otherCluster: moc.id, unpublished: dip.id };
  const publishedOf = (v: RecordVariant) => v !== "unpublished";

  const newCluster = async (v: RecordVariant) =>
    (
      await ok(
        admin.request("POST", "/api/clusters", {
          code: `matrix-${v.toLowerCase()}-${unique()}`,
          kind: "industry_cluster",
          nameEn: `Cluster ${v}`,
          nameTh: `คลัสเตอร์ ${v}`,
          coordinatingAgencyId: agencyOf[v],
          provinceCodes: ["50"],
          published: publishedOf(v),
        }),
        201,
      )
    ).id as number;
  const cluster = {} as PerVariant<number>;
  for (const v of recordVariants) cluster[v] = await newCluster(v);

  /** A firm with a contact person; not a member of any cluster. */
  const newFirm = async (published: boolean) =>
    (
      await ok(
        admin.request("POST", "/api/enterprises", {
          juristicId: newJuristicId(),
          nameTh: `บริษัท ทดสอบ ${unique()} จำกัด`,
          provinceCode: "50",
          published,
          contacts: [{ name: "Somchai Jaidee", phone: "0812345678", email: "somchai@example.org" }],
        }),
        201,
      )
    ).id as number;
  const join = async (clusterId: number, enterpriseId: number, by: Client = admin) =>
    ok(by.request("POST", `/api/clusters/${clusterId}/members`, { enterpriseId, stage: "upstream" }), 201);
  const firm = {} as PerVariant<number>;
  for (const v of recordVariants) {
    firm[v] = await newFirm(publishedOf(v));
    // Added by an admin: an approved membership.
    await join(cluster[v], firm[v]);
  }

  const users = {
    mocOfficer: await t.addUser({
      email: "matrix-moc@example.org",
      displayName: "MOC officer",
      role: "agency_officer",
      agencyId: moc.id,
    }),
    dipOfficer: await t.addUser({
      email: "matrix-dip@example.org",
      displayName: "DIP officer",
      role: "agency_officer",
      agencyId: dip.id,
    }),
    coordinator: await t.addUser({
      email: "matrix-coord@example.org",
      displayName: "Coordinator",
      role: "cluster_coordinator",
      clusterIds: [cluster.own],
    }),
    member: await t.addUser({
      email: "matrix-member@example.org",
      displayName: "Member",
      role: "member",
      enterpriseId: firm.own,
    }),
    expert: await t.addUser({ email: "matrix-expert@example.org", displayName: "Expert", role: "expert" }),
  };
  const bystander = await t.addUser({
    email: "matrix-bystander@example.org",
    displayName: "Bystander",
    role: "expert",
  });
  const as: Record<Role, Client> = {
    public: t.anonymous,
    admin,
    mocOfficer: await t.signIn(users.mocOfficer.email, users.mocOfficer.password),
    dipOfficer: await t.signIn(users.dipOfficer.email, users.dipOfficer.password),
    coordinator: await t.signIn(users.coordinator.email, users.coordinator.password),
    member: await t.signIn(users.member.email, users.member.password),
    expert: await t.signIn(users.expert.email, users.expert.password),
  };
  const adminUser = await t.ctx.database.db
    .selectFrom("users")
    .select("id")
    .where("email", "=", ADMIN.email)
    .executeTakeFirstOrThrow();
  const userId: Record<Role, number | null> = {
    public: null,
    admin: adminUser.id,
    mocOfficer: users.mocOfficer.id,
    dipOfficer: users.dipOfficer.id,
    coordinator: users.coordinator.id,
    member: users.member.id,
    expert: users.expert.id,
  };

  // Institutions: published ones of each agency; the unpublished one created by the DIP officer.
  const newInstitution = async (v: RecordVariant, by: Client = admin) =>
    (
      await ok(
        by.request("POST", "/api/institutions", {
          kind: "finance",
          nameEn: `Bank ${v} ${unique()}`,
          agencyId: agencyOf[v],
          published: publishedOf(v),
        }),
        201,
      )
    ).id as number;
  const institution = {} as PerVariant<number>;
  for (const v of recordVariants) institution[v] = await newInstitution(v, v === "unpublished" ? as.dipOfficer : admin);
  const newLinkage = async (v: RecordVariant) =>
    (
      await ok(
        admin.request("POST", `/api/clusters/${cluster[v]}/linkages`, {
          from: { type: "enterprise", id: firm[v] },
          to: { type: "institution", id: institution[v] },
          kind: "finances",
        }),
        201,
      )
    ).id as number;
  for (const v of recordVariants) {
    await newLinkage(v);
    await ok(admin.request("POST", `/api/clusters/${cluster[v]}/institutions`, { institutionId: institution[v] }));
  }

  // Plans: a cluster plan per variant (owner: the cluster's coordinating agency), each with a node, an
  // indicator, a target and an approved value.
  const newPlan = async (v: RecordVariant) => {
    const plan = await ok(
      admin.request("POST", "/api/plans", {
        code: `MX-${v}-${unique()}`,
        level: "cluster_plan",
        ownerAgencyId: agencyOf[v],
        clusterId: cluster[v],
        periodStart: "2000-10-01",
        periodEnd: "2045-09-30",
        titleEn: `Plan ${v}`,
        published: publishedOf(v),
      }),
      201,
    );
    return plan.id as number;
  };
  const newNode = async (planId: number) =>
    (
      await ok(
        admin.request("POST", `/api/plans/${planId}/nodes`, {
          kind: "strategy",
          code: `S${unique()}`,
          titleEn: "Strategy",
        }),
        201,
      )
    ).id as number;
  const newIndicator = async (nodeId: number) =>
    (
      await ok(
        admin.request("POST", `/api/plan-nodes/${nodeId}/indicators`, {
          code: `K${unique()}`,
          nameEn: "Sales",
          aggregation: "sum",
        }),
        201,
      )
    ).id as number;
  /** A target of a fresh indicator. */
  const newTarget = async (nodeId: number) =>
    (
      await ok(
        admin.request("POST", `/api/indicators/${await newIndicator(nodeId)}/targets`, {
          textEn: "80%",
          periodKey: "FY2021",
        }),
        201,
      )
    ).id as number;
  const plan = {} as PerVariant<number>;
  const node = {} as PerVariant<number>;
  const indicator = {} as PerVariant<number>;
  const target = {} as PerVariant<number>;
  for (const v of recordVariants) {
    plan[v] = await newPlan(v);
    node[v] = await newNode(plan[v]);
    indicator[v] = await newIndicator(node[v]);
    target[v] = (
      await ok(
        admin.request("POST", `/api/indicators/${indicator[v]}/targets`, { textEn: "80%", periodKey: "FY2021" }),
        201,
      )
    ).id;
  }
  let valueUnit = 0;
  const provinces: string[] = (await ok(t.anonymous.request("GET", "/api/provinces"))).items.map(
    (p: { code: string }) => p.code,
  );
  /** A fresh value of the variant's indicator (entered by the system), moved to the given state. */
  const newValue = async (v: RecordVariant, state: "draft" | "submitted" | "approved") => {
    const n = valueUnit++;
    const row = {
      orgUnitType: "province" as const,
      orgUnitCode: provinces[n % provinces.length] ?? "10",
      periodKey: `FY${2001 + Math.floor(n / provinces.length)}`,
      breakdown: {},
      value: 5,
    };
    const entered = await enterValues(t.ctx, system, indicator[v], [row]);
    const id = entered.items[0]?.id;
    if (id === undefined) throw new Error("value not entered");
    if (state !== "draft") await transitionValues(t.ctx, system, "submit", { ids: [id] });
    if (state === "approved") await transitionValues(t.ctx, system, "approve", { ids: [id] });
    return id;
  };
  for (const v of recordVariants) {
    await enterValues(t.ctx, system, indicator[v], [
      { orgUnitType: "nation", orgUnitCode: "TH", periodKey: "FY2021", breakdown: {}, value: 10 },
    ]);
    await transitionValues(t.ctx, system, "submit", { indicatorId: indicator[v], periodKey: "FY2021" });
    await transitionValues(t.ctx, system, "approve", { indicatorId: indicator[v], periodKey: "FY2021" });
  }

  // Programmes: each supports its variant's cluster, with a budget line, a supported firm, an activity (with
  // the variant's firm as participant and an outcome), a claim and reported figures.
  const programme = {} as PerVariant<number>;
  const activity = {} as PerVariant<number>;
  const budget = {} as PerVariant<number>;
  const newProgramme = async (v: RecordVariant) =>
    (
      await ok(
        admin.request("POST", "/api/programmes", {
          code: `mx-${v.toLowerCase()}-${unique()}`,
          agencyId: agencyOf[v],
          nameEn: `Programme ${v}`,
          firstFiscalYear: 2021,
          published: publishedOf(v),
        }),
        201,
      )
    ).id as number;
  const newActivity = async (v: RecordVariant, programmeId = programme[v]) =>
    (
      await ok(
        admin.request("POST", "/api/activities", {
          programmeId,
          clusterId: cluster[v],
          kind: "training",
          titleEn: `Training ${v}`,
          startsOn: "2021-03-01",
          participantIds: [firm[v]],
          participantCount: 10,
        }),
        201,
      )
    ).id as number;
  const newBudget = async (v: RecordVariant) =>
    (
      await ok(
        admin.request("POST", `/api/programmes/${programme[v]}/budgets`, {
          clusterId: cluster[v],
          fiscalYear: 2021,
          allocated: 1000,
        }),
        201,
      )
    ).id as number;
  const newOutcome = async (v: RecordVariant) => {
    const detail = await ok<{ outcomes: Array<{ id: number }> }>(
      admin.request("POST", `/api/activities/${activity[v]}/outcomes`, {
        kind: "sales",
        enterpriseId: firm[v],
        amount: 100,
      }),
      201,
    );
    return Math.max(...detail.outcomes.map((o) => o.id));
  };
  const newClaim = async (v: RecordVariant) =>
    (
      await createClaim(t.ctx, system, {
        programmeIds: [programme[v]],
        enterpriseId: firm[v],
        fiscalYear: 2021,
        amount: 1000 + unique(),
        method: "sales_increase",
        evidenceNote: "invoice",
      })
    ).claim.id as number;
  for (const v of recordVariants) {
    programme[v] = await newProgramme(v);
    await ok(
      admin.request("POST", `/api/programmes/${programme[v]}/clusters`, { clusterId: cluster[v], fiscalYear: 2021 }),
      201,
    );
    await ok(
      admin.request("POST", `/api/programmes/${programme[v]}/enterprises`, {
        enterpriseId: firm[v],
        fiscalYear: 2021,
        clusterId: cluster[v],
      }),
      201,
    );
    budget[v] = await newBudget(v);
    activity[v] = await newActivity(v);
    await newOutcome(v);
    await newClaim(v);
    await ok(
      admin.request("PUT", `/api/programmes/${programme[v]}/reported-figures/2021`, {
        clusters: 1,
        firms: 1,
        budget: 1000,
        budgetKind: "allocated",
        value: 5000,
        valueKind: "expected",
        source: "annual report",
      }),
    );
  }

  /** Uploads a one-firm CSV as `by` and returns the batch id and the suggested mapping. */
  const upload = async (by: Client) => {
    const csv = Buffer.from(`เลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล\n${newJuristicId()},บริษัท นำเข้า ${unique()} จำกัด\n`, "utf8");
    const response = await t.app.inject({
      method: "POST",
      url: `/api/imports?kind=enterprises&fileName=firms-${unique()}.csv`,
      payload: csv,
      headers: {
        "content-type": "application/octet-stream",
        ...(by.cookie ? { cookie: by.cookie } : {}),
        ...(by.csrfToken ? { "x-csrf-token": by.csrfToken } : {}),
      },
    });
    const body = await ok(response, 201);
    return { batchId: body.batchId as number, mapping: body.suggestedMapping as unknown };
  };

  // Trade events and meetings (issue 14): see access-fixture-market.ts.
  const market = await buildMarketWorld({ db: t.ctx.database.db, admin, agencyOf, firm, programme });

  return {
    t,
    as,
    market,
    admin,
    userId,
    bystanderId: bystander.id,
    users,
    agency: { moc, dip },
    agencyOf,
    cluster,
    firm,
    institution,
    plan,
    node,
    indicator,
    target,
    programme,
    activity,
    budget,
    newCluster,
    newFirm,
    join,
    newInstitution,
    newLinkage,
    newPlan,
    newNode,
    newIndicator,
    newTarget,
    newValue,
    newProgramme,
    newActivity,
    newBudget,
    newOutcome,
    newClaim,
    upload,
  };
}

export type AccessWorld = Awaited<ReturnType<typeof buildAccessWorld>>;
