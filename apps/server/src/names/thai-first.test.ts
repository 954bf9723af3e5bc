import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import {
  agencyIds,
  buildActivity,
  buildIndicator,
  buildPlan,
  buildPlanNode,
  buildProgramme,
  createIndicator,
  createPlan,
  createPlanNode,
  createProgramme,
  signInAs,
} from "../test-support/factories.ts";

// Thai first, English optional (issue 12): every record with a name needs one in at least one language, Thai alone
// is enough, and the refusal names the Thai field (with the English one as the alternative).

let t: TestApp;
let officer: Client;
let dip: number;
let planId: number;
let nodeId: number;
let programmeId: number;

type Kind = {
  name: string;
  th: string;
  en: string;
  /** The path to create the record at, and a valid body with neither name. */
  create: () => { path: string; body: Record<string, unknown> };
  /** The path to change a record answered by create. */
  patch: (id: number) => string;
};

function withoutNames(body: Record<string, unknown>, th: string, en: string): Record<string, unknown> {
  const { [th]: _th, [en]: _en, ...rest } = body;
  return rest;
}

const kinds: Kind[] = [
  {
    name: "programme",
    th: "nameTh",
    en: "nameEn",
    create: () => ({
      path: "/api/programmes",
      body: withoutNames(buildProgramme({ agencyId: dip }), "nameTh", "nameEn"),
    }),
    patch: (id) => `/api/programmes/${id}`,
  },
  {
    name: "activity",
    th: "titleTh",
    en: "titleEn",
    create: () => ({
      path: "/api/activities",
      body: withoutNames(buildActivity({ programmeId }), "titleTh", "titleEn"),
    }),
    patch: (id) => `/api/activities/${id}`,
  },
  {
    name: "plan",
    th: "titleTh",
    en: "titleEn",
    create: () => ({ path: "/api/plans", body: withoutNames(buildPlan({ ownerAgencyId: dip }), "titleTh", "titleEn") }),
    patch: (id) => `/api/plans/${id}`,
  },
  {
    name: "plan node",
    th: "titleTh",
    en: "titleEn",
    create: () => ({ path: `/api/plans/${planId}/nodes`, body: withoutNames(buildPlanNode(), "titleTh", "titleEn") }),
    patch: (id) => `/api/plans/${planId}/nodes/${id}`,
  },
  {
    name: "indicator",
    th: "nameTh",
    en: "nameEn",
    create: () => ({
      path: `/api/plan-nodes/${nodeId}/indicators`,
      body: withoutNames(buildIndicator(), "nameTh", "nameEn"),
    }),
    patch: (id) => `/api/indicators/${id}`,
  },
  {
    name: "cluster",
    th: "nameTh",
    en: "nameEn",
    create: () => ({
      path: "/api/clusters",
      body: { code: `thai-first-${Math.random().toString(36).slice(2, 8)}`, kind: "industry_cluster" },
    }),
    patch: (id) => `/api/clusters/${id}`,
  },
];

function expectNameRequired(response: { statusCode: number; json(): unknown }, th: string, en: string): void {
  expect(response.statusCode).toBe(400);
  const body = response.json() as {
    error: { code: string; details: Array<{ path: string; code: string; params?: unknown }> };
  };
  expect(body.error.code).toBe("validation_failed");
  expect(body.error.details).toEqual([
    expect.objectContaining({
      path: th,
      code: "required",
      params: { or: en },
      message: "a Thai or English name is required",
    }),
  ]);
}

beforeAll(async () => {
  t = await createTestApp();
  ({ DIP: dip } = await agencyIds(t, "DIP"));
  officer = await signInAs(t, "agency_officer", { agencyId: dip });
  programmeId = (await createProgramme(officer, { agencyId: dip })).id;
  planId = (await createPlan(officer, { ownerAgencyId: dip })).id;
  nodeId = (await createPlanNode(officer, planId)).id;
});

afterAll(async () => {
  await t.close();
});

describe.each(kinds)("a $name", (kind) => {
  it("is created with only a Thai name, its English name empty (null)", async () => {
    const { path, body } = kind.create();
    const response = await officer.request("POST", path, { ...body, [kind.th]: "ชื่อภาษาไทยเท่านั้น" });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ [kind.th]: "ชื่อภาษาไทยเท่านั้น", [kind.en]: null });
  });

  it("is created with only an English name", async () => {
    const { path, body } = kind.create();
    const response = await officer.request("POST", path, { ...body, [kind.en]: "English only" });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ [kind.th]: null, [kind.en]: "English only" });
  });

  it("fails with 400 naming the Thai field (or the English one) with neither name", async () => {
    const { path, body } = kind.create();
    expectNameRequired(await officer.request("POST", path, body), kind.th, kind.en);
    expectNameRequired(
      await officer.request("POST", path, { ...body, [kind.th]: null, [kind.en]: null }),
      kind.th,
      kind.en,
    );
  });

  it("keeps a name when changed: dropping the only one fails with 400, swapping languages succeeds", async () => {
    const { path, body } = kind.create();
    const created = (await officer.request("POST", path, { ...body, [kind.en]: "English first" })).json() as {
      id: number;
    };
    expectNameRequired(await officer.request("PATCH", kind.patch(created.id), { [kind.en]: null }), kind.th, kind.en);
    expectNameRequired(
      await officer.request("PATCH", kind.patch(created.id), { [kind.th]: null, [kind.en]: null }),
      kind.th,
      kind.en,
    );
    const swapped = await officer.request("PATCH", kind.patch(created.id), { [kind.th]: "ภาษาไทย", [kind.en]: null });
    expect(swapped.statusCode).toBe(200);
    expect(swapped.json()).toMatchObject({ [kind.th]: "ภาษาไทย", [kind.en]: null });
  });
});

describe("an agency", () => {
  it("may drop its English name when it has a Thai one, not its only name", async () => {
    const admin = await signInAs(t, "admin");
    const { OSMEP: osmep } = await agencyIds(t, "OSMEP");
    const before = (await admin.request("GET", `/api/agencies/${osmep}`)).json() as { nameTh: string | null };
    if (before.nameTh === null) await admin.request("PATCH", `/api/agencies/${osmep}`, { nameTh: "สสว." });
    const thaiOnly = await admin.request("PATCH", `/api/agencies/${osmep}`, { nameEn: null });
    expect(thaiOnly.statusCode).toBe(200);
    expect(thaiOnly.json()).toMatchObject({ nameEn: null });
    expectNameRequired(await admin.request("PATCH", `/api/agencies/${osmep}`, { nameTh: null }), "nameTh", "nameEn");
  });
});

describe("records named only in Thai, read back", () => {
  it("are listed, shown in a plan and audited with their English name empty", async () => {
    const programme = await createProgramme(officer, { agencyId: dip, nameEn: null, nameTh: "โครงการไทยล้วน" });
    const list = (await officer.request("GET", "/api/programmes?pageSize=200")).json() as {
      items: Array<{ id: number; nameEn: string | null }>;
    };
    expect(list.items.find((p) => p.id === programme.id)).toMatchObject({ nameEn: null });

    const plan = await createPlan(officer, { ownerAgencyId: dip, titleEn: null, titleTh: "แผนภาษาไทย" });
    const node = await createPlanNode(officer, plan.id, { titleEn: null, titleTh: "ยุทธศาสตร์ภาษาไทย" });
    await createIndicator(officer, node.id, { nameEn: null, nameTh: "ตัวชี้วัดภาษาไทย" });
    const detail = (await officer.request("GET", `/api/plans/${plan.id}`)).json() as {
      titleEn: string | null;
      nodes: Array<{ titleEn: string | null; titleTh: string; indicators: Array<{ nameEn: string | null }> }>;
    };
    expect(detail.titleEn).toBeNull();
    expect(detail.nodes[0]).toMatchObject({
      titleEn: null,
      titleTh: "ยุทธศาสตร์ภาษาไทย",
      indicators: [{ nameEn: null }],
    });

    const audit = await t.ctx.database.db
      .selectFrom("audit_log")
      .select("after_json")
      .where("entity_type", "=", "programme")
      .where("entity_id", "=", String(programme.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json ?? "{}")).toMatchObject({ nameTh: "โครงการไทยล้วน", nameEn: null });
  });
});
