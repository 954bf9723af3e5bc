import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "../test-support/factories.ts";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import {
  agencyIdOf,
  createCluster,
  createPlanWithIndicator,
  type TestAggregation,
} from "../test-support/monitoring-factory.ts";

let t: TestApp;
let as: Record<"admin" | "moc" | "moc2" | "pco" | "dip" | "coordinator" | "public", Client>;
let users: Record<"moc" | "pco", number>;
let ownClusterId: number;

type ErrorBody = { error: { code: string; message: string; details?: Array<{ path: string; message: string }> } };
type ValueBody = {
  id: number;
  status: string;
  value: number | null;
  numerator: number | null;
  orgUnitCode: string;
  enteredBy: number | null;
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.database.db;
  const [moc, pco, dip] = await Promise.all([agencyIdOf(db, "MOC"), agencyIdOf(db, "MOC-PCO"), agencyIdOf(db, "DIP")]);
  ownClusterId = await createCluster(db, moc);
  // One after another: users are created in transactions of their own.
  const admin = await signInAs(t, "admin");
  const mocOfficer = await signInAs(t, "agency_officer", { agencyId: moc });
  const moc2 = await signInAs(t, "agency_officer", { agencyId: moc });
  const pcoOfficer = await signInAs(t, "agency_officer", { agencyId: pco });
  const dipOfficer = await signInAs(t, "agency_officer", { agencyId: dip });
  const coordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [ownClusterId] });
  as = { admin, moc: mocOfficer, moc2, pco: pcoOfficer, dip: dipOfficer, coordinator, public: t.anonymous };
  users = { moc: mocOfficer.userId, pco: pcoOfficer.userId };
});
afterAll(async () => {
  await t.close();
});

async function mocIndicator(
  input: { published?: boolean; aggregation?: TestAggregation; ratioScale?: number; disaggregations?: string[] } = {},
) {
  const moc = await agencyIdOf(t.ctx.database.db, "MOC");
  return createPlanWithIndicator(t.ctx.database.db, { ownerAgencyId: moc, ...input });
}

const row = (orgUnitCode: string, extra: Record<string, unknown> = {}) => ({
  orgUnitType: "province",
  orgUnitCode,
  periodKey: "FY2021",
  breakdown: {},
  ...extra,
});

async function storedCount(indicatorId: number): Promise<number> {
  const r = await t.ctx.database.db
    .selectFrom("indicator_values")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("indicator_id", "=", indicatorId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe("#values.enter", () => {
  it("should fail with 400 naming each invalid row and field, and write nothing", async () => {
    const { indicatorId } = await mocIndicator({
      aggregation: "ratio",
      ratioScale: 100,
      disaggregations: ["size_class"],
    });
    const response = await as.pco.request("PUT", `/api/indicators/${indicatorId}/values`, {
      rows: [
        row("10", { numerator: 40, denominator: 50 }),
        row("99", { numerator: 1, denominator: 2 }),
        row("50", { periodKey: "2021", numerator: 1, denominator: 2 }),
        row("51", { numerator: 1, denominator: 0 }),
        row("52", { numerator: 1, denominator: 2, breakdown: { owner_sex: "female" } }),
        row("53", { numerator: 1, denominator: 2, evidenceUrl: "javascript:alert(1)" }),
        row("54", { numerator: -1, denominator: 2 }),
      ],
    });
    expect(response.statusCode).toBe(400);
    const body: ErrorBody = response.json();
    expect(body.error.code).toBe("validation_failed");
    const paths = body.error.details?.map((d) => d.path);
    expect(paths).toEqual([
      "rows.1.orgUnitCode",
      "rows.2.periodKey",
      "rows.3.denominator",
      "rows.4.breakdown.owner_sex",
      "rows.5.evidenceUrl",
      "rows.6.numerator",
    ]);
    expect(body.error.details?.[0]?.message).toContain('"99"');
    expect(await storedCount(indicatorId)).toBe(0);
  });

  it("computes a ratio indicator's value from numerator and denominator, scaled", async () => {
    const { indicatorId } = await mocIndicator({ aggregation: "ratio", ratioScale: 100 });
    const response = await as.pco.request("PUT", `/api/indicators/${indicatorId}/values`, {
      rows: [row("10", { numerator: 45, denominator: 60 })],
    });
    expect(response.statusCode).toBe(200);
    const [value]: ValueBody[] = response.json().items;
    expect(value?.value).toBe(75);
    expect(value?.numerator).toBe(45);
    expect(value?.status).toBe("draft");
  });

  it("refuses a value sent for a ratio indicator and a missing numerator", async () => {
    const { indicatorId } = await mocIndicator({ aggregation: "ratio", ratioScale: 100 });
    const response = await as.pco.request("PUT", `/api/indicators/${indicatorId}/values`, {
      rows: [row("10", { value: 75, denominator: 60 })],
    });
    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.details?.map((d) => d.path)).toEqual([
      "rows.0.numerator",
      "rows.0.value",
    ]);
  });

  it("requires a weight for a weighted mean and lets a plain value be negative", async () => {
    const weighted = await mocIndicator({ aggregation: "weighted_mean" });
    const missing = await as.pco.request("PUT", `/api/indicators/${weighted.indicatorId}/values`, {
      rows: [row("10", { value: 3.2 })],
    });
    expect((missing.json() as ErrorBody).error.details?.map((d) => d.path)).toEqual(["rows.0.weight"]);
    const change = await mocIndicator({ aggregation: "sum" });
    const negative = await as.pco.request("PUT", `/api/indicators/${change.indicatorId}/values`, {
      rows: [
        row("10", { value: -2.5 }),
        { orgUnitType: "nation", orgUnitCode: "TH", periodKey: "FY2021-Q2", breakdown: {}, value: 1 },
      ],
    });
    expect(negative.statusCode).toBe(200);
    expect(negative.json().counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
  });

  it("stores each breakdown under its canonical key and refuses two rows with the same key", async () => {
    const { indicatorId } = await mocIndicator({ aggregation: "sum", disaggregations: ["size_class", "stage"] });
    const dup = await as.pco.request("PUT", `/api/indicators/${indicatorId}/values`, {
      rows: [
        row("10", { value: 1, breakdown: { stage: "upstream", size_class: "micro" } }),
        row("10", { value: 2, breakdown: { size_class: "micro", stage: "upstream" } }),
      ],
    });
    expect(dup.statusCode).toBe(400);
    expect((dup.json() as ErrorBody).error.details?.[0]?.path).toBe("rows.1.periodKey");
    const ok = await as.pco.request("PUT", `/api/indicators/${indicatorId}/values`, {
      rows: [row("10", { value: 1, breakdown: { stage: "upstream", size_class: "micro" } }), row("10", { value: 5 })],
    });
    expect(ok.json().items.map((v: { disaggregation: string }) => v.disaggregation)).toEqual([
      "size_class=micro;stage=upstream",
      "",
    ]);
  });

  it("sends an edited approved value back to draft and audits before and after", async () => {
    const { indicatorId } = await mocIndicator();
    const [entered]: ValueBody[] = (
      await as.pco.request("PUT", `/api/indicators/${indicatorId}/values`, { rows: [row("10", { value: 10 })] })
    ).json().items;
    if (!entered) throw new Error("no value");
    expect((await as.pco.request("POST", "/api/values/submit", { ids: [entered.id] })).statusCode).toBe(200);
    expect((await as.moc.request("POST", "/api/values/approve", { ids: [entered.id] })).json().items[0].status).toBe(
      "approved",
    );
    const edited = await as.pco.request("PUT", `/api/indicators/${indicatorId}/values`, {
      rows: [row("10", { value: 12 })],
    });
    expect(edited.json().counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(edited.json().items[0]).toMatchObject({ id: entered.id, value: 12, status: "draft", approvedBy: null });
    const entries = await t.ctx.database.db
      .selectFrom("audit_log")
      .select(["action", "before_json", "after_json"])
      .where("entity_type", "=", "indicator_value")
      .where("entity_id", "=", String(entered.id))
      .orderBy("id")
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      "indicator_value.create",
      "indicator_value.submit",
      "indicator_value.approve",
      "indicator_value.update",
    ]);
    const last = entries.at(-1);
    expect(JSON.parse(last?.before_json ?? "{}")).toMatchObject({ value: 10, status: "approved" });
    expect(JSON.parse(last?.after_json ?? "{}")).toMatchObject({ value: 12, status: "draft" });
    expect(last?.after_json).not.toContain("@example.org");
  });
});

describe("#values.workflow", () => {
  it("moves values draft → submitted → approved, refusing illegal steps with 409", async () => {
    const { indicatorId } = await mocIndicator();
    const items: ValueBody[] = (
      await as.pco.request("PUT", `/api/indicators/${indicatorId}/values`, {
        rows: [row("10", { value: 1 }), row("50", { value: 2 })],
      })
    ).json().items;
    const ids = items.map((v) => v.id);
    const early = await as.moc.request("POST", "/api/values/approve", { ids });
    expect(early.statusCode).toBe(409);
    expect((early.json() as ErrorBody).error.message).toContain("is draft");
    const submitted = await as.pco.request("POST", "/api/values/submit", { indicatorId, periodKey: "FY2021" });
    expect(submitted.json().count).toBe(2);
    expect((await as.pco.request("POST", "/api/values/submit", { ids })).statusCode).toBe(409);
    expect((await as.moc.request("POST", "/api/values/reopen", { ids })).statusCode).toBe(409);
    const approved = await as.moc.request("POST", "/api/values/approve", { ids });
    expect(approved.json().items.map((v: ValueBody) => v.status)).toEqual(["approved", "approved"]);
  });

  it("requires a note to reject, and lets a rejected value be corrected and resubmitted", async () => {
    const { indicatorId } = await mocIndicator();
    const [value]: ValueBody[] = (
      await as.pco.request("PUT", `/api/indicators/${indicatorId}/values`, { rows: [row("10", { value: 1 })] })
    ).json().items;
    const ids = [value?.id ?? 0];
    await as.pco.request("POST", "/api/values/submit", { ids });
    const noNote = await as.moc.request("POST", "/api/values/reject", { ids });
    expect(noNote.statusCode).toBe(400);
    expect((noNote.json() as ErrorBody).error.details?.[0]?.path).toBe("note");
    const rejected = await as.moc.request("POST", "/api/values/reject", { ids, note: "Source missing" });
    expect(rejected.json().items[0]).toMatchObject({ status: "rejected", reviewNote: "Source missing" });
    expect((await as.pco.request("POST", "/api/values/submit", { ids })).json().items[0].status).toBe("submitted");
  });

  it("never lets a user approve a value they entered, admins included", async () => {
    const { indicatorId } = await mocIndicator();
    const [own]: ValueBody[] = (
      await as.moc.request("PUT", `/api/indicators/${indicatorId}/values`, { rows: [row("10", { value: 1 })] })
    ).json().items;
    await as.moc.request("POST", "/api/values/submit", { ids: [own?.id] });
    expect((await as.moc.request("POST", "/api/values/approve", { ids: [own?.id] })).statusCode).toBe(403);
    expect((await as.moc2.request("POST", "/api/values/approve", { ids: [own?.id] })).statusCode).toBe(200);
    const [adminOwn]: ValueBody[] = (
      await as.admin.request("PUT", `/api/indicators/${indicatorId}/values`, { rows: [row("50", { value: 1 })] })
    ).json().items;
    await as.admin.request("POST", "/api/values/submit", { ids: [adminOwn?.id] });
    expect((await as.admin.request("POST", "/api/values/approve", { ids: [adminOwn?.id] })).statusCode).toBe(403);
  });

  it("lets a child agency's officer enter and submit but not approve or reopen", async () => {
    const { indicatorId } = await mocIndicator();
    const [value]: ValueBody[] = (
      await as.moc.request("PUT", `/api/indicators/${indicatorId}/values`, { rows: [row("10", { value: 1 })] })
    ).json().items;
    expect((await as.pco.request("POST", "/api/values/submit", { ids: [value?.id] })).statusCode).toBe(200);
    expect((await as.pco.request("POST", "/api/values/approve", { ids: [value?.id] })).statusCode).toBe(403);
    expect((await as.moc2.request("POST", "/api/values/approve", { ids: [value?.id] })).statusCode).toBe(200);
    expect((await as.pco.request("POST", "/api/values/reopen", { ids: [value?.id] })).statusCode).toBe(403);
    expect((await as.moc.request("POST", "/api/values/reopen", { ids: [value?.id] })).json().items[0].status).toBe(
      "draft",
    );
  });

  it("lists submitted values in the approver's queue, marking their own as not approvable", async () => {
    const { indicatorId } = await mocIndicator();
    await as.pco.request("PUT", `/api/indicators/${indicatorId}/values`, { rows: [row("10", { value: 1 })] });
    await as.moc.request("PUT", `/api/indicators/${indicatorId}/values`, { rows: [row("50", { value: 2 })] });
    await as.pco.request("POST", "/api/values/submit", { indicatorId, periodKey: "FY2021" });
    const queue = (await as.moc.request("GET", "/api/values/queue?pageSize=500")).json();
    const mine = queue.items.filter((v: { indicatorId: number }) => v.indicatorId === indicatorId);
    expect(mine.map((v: { orgUnitCode: string; approvable: boolean }) => [v.orgUnitCode, v.approvable])).toEqual([
      ["10", true],
      ["50", false],
    ]);
    // The child agency (MOC-PCO) is in the approval chain of province 50 (its Provincial Commerce Office is below
    // it), not of Bangkok, which no office serves: it sees its own Bangkok entry as its own, and may approve 50.
    const pcoQueue = (await as.pco.request("GET", "/api/values/queue?pageSize=500")).json();
    expect(
      pcoQueue.items
        .filter((v: { indicatorId: number }) => v.indicatorId === indicatorId)
        .map((v: { orgUnitCode: string; notApprovableBecause: string | null }) => [
          v.orgUnitCode,
          v.notApprovableBecause,
        ]),
    ).toEqual([
      ["10", "own_entry"],
      ["50", null],
    ]);
    expect((await as.public.request("GET", "/api/values/queue")).statusCode).toBe(401);
  });
});

describe("#values.locks", () => {
  it("refuses writes and workflow steps in a locked period with 409 period_locked naming it, quarters included", async () => {
    const { planId, indicatorId } = await mocIndicator();
    const [value]: ValueBody[] = (
      await as.pco.request("PUT", `/api/indicators/${indicatorId}/values`, { rows: [row("10", { value: 1 })] })
    ).json().items;
    expect((await as.pco.request("POST", `/api/plans/${planId}/locks`, { periodKey: "FY2021" })).statusCode).toBe(403);
    expect((await as.moc.request("POST", `/api/plans/${planId}/locks`, { periodKey: "FY2021" })).statusCode).toBe(201);
    expect((await as.moc.request("POST", `/api/plans/${planId}/locks`, { periodKey: "FY2021" })).statusCode).toBe(409);
    for (const periodKey of ["FY2021", "FY2021-Q3"]) {
      const write = await as.pco.request("PUT", `/api/indicators/${indicatorId}/values`, {
        rows: [row("50", { value: 1, periodKey })],
      });
      expect(write.statusCode).toBe(409);
      expect(write.json()).toMatchObject({
        error: { code: "period_locked", message: expect.stringContaining("FY2021") },
      });
    }
    const submit = await as.pco.request("POST", "/api/values/submit", { ids: [value?.id] });
    expect(submit.statusCode).toBe(409);
    expect((submit.json() as ErrorBody).error.code).toBe("period_locked");
    expect(
      (
        await as.pco.request("PUT", `/api/indicators/${indicatorId}/values`, {
          rows: [row("50", { value: 1, periodKey: "FY2022" })],
        })
      ).statusCode,
    ).toBe(200);
    expect((await as.public.request("GET", `/api/plans/${planId}/locks`)).json().items).toEqual([
      { planId, periodKey: "FY2021", lockedBy: null, lockedAt: expect.any(String) },
    ]);
    expect((await as.moc.request("DELETE", `/api/plans/${planId}/locks/FY2021`)).statusCode).toBe(200);
    expect((await as.pco.request("POST", "/api/values/submit", { ids: [value?.id] })).statusCode).toBe(200);
  });
});

describe("#values.access", () => {
  it("answers 403 to another agency's officer and 401 to the public entering values", async () => {
    const { indicatorId } = await mocIndicator();
    expect(
      (await as.dip.request("PUT", `/api/indicators/${indicatorId}/values`, { rows: [row("10", { value: 1 })] }))
        .statusCode,
    ).toBe(403);
    expect(
      (await as.public.request("PUT", `/api/indicators/${indicatorId}/values`, { rows: [row("10", { value: 1 })] }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await as.coordinator.request("PUT", `/api/indicators/${indicatorId}/values`, {
          rows: [row("10", { value: 1 })],
        })
      ).statusCode,
    ).toBe(403);
  });

  it("shows the public only approved values of published plans, without who entered them", async () => {
    const { indicatorId } = await mocIndicator();
    const items: ValueBody[] = (
      await as.pco.request("PUT", `/api/indicators/${indicatorId}/values`, {
        rows: [row("10", { value: 1 }), row("50", { value: 2 })],
      })
    ).json().items;
    await as.pco.request("POST", "/api/values/submit", { ids: [items[0]?.id] });
    await as.moc.request("POST", "/api/values/approve", { ids: [items[0]?.id] });
    const seen = (await as.public.request("GET", `/api/indicators/${indicatorId}/values`)).json();
    expect(seen.items.map((v: ValueBody) => [v.orgUnitCode, v.status, v.enteredBy])).toEqual([
      ["10", "approved", null],
    ]);
    expect(seen.access).toEqual({ enter: false, approve: false, lock: false });
    const officer = (await as.pco.request("GET", `/api/indicators/${indicatorId}/values`)).json();
    expect(officer.items.map((v: ValueBody) => [v.orgUnitCode, v.status, v.enteredBy])).toEqual([
      ["10", "approved", users.pco],
      ["50", "draft", users.pco],
    ]);
    expect((await as.dip.request("GET", `/api/indicators/${indicatorId}/values?status=draft`)).json().items).toEqual(
      [],
    );
    const unpublished = await mocIndicator({ published: false });
    expect((await as.public.request("GET", `/api/indicators/${unpublished.indicatorId}/values`)).statusCode).toBe(401);
    expect((await as.dip.request("GET", `/api/indicators/${unpublished.indicatorId}/values`)).statusCode).toBe(403);
  });

  it("lists a plan's values for one period", async () => {
    const { planId, indicatorId } = await mocIndicator();
    await as.moc.request("PUT", `/api/indicators/${indicatorId}/values`, {
      rows: [row("10", { value: 1 }), row("10", { value: 2, periodKey: "FY2022" })],
    });
    const body = (await as.moc.request("GET", `/api/plans/${planId}/values?period=FY2022`)).json();
    expect(body.items.map((v: { periodKey: string; value: number }) => [v.periodKey, v.value])).toEqual([
      ["FY2022", 2],
    ]);
    expect(body.total).toBe(1);
  });

  it("should fail with 400 naming the field for a malformed period or breakdown in a value list's query", async () => {
    const { planId, indicatorId } = await mocIndicator({ disaggregations: ["size_class"] });
    const cases: Array<[string, string]> = [
      [`/api/indicators/${indicatorId}/values?periodKey=FY21`, "periodKey"],
      [`/api/indicators/${indicatorId}/values?disaggregation=zzz`, "disaggregation"],
      [`/api/indicators/${indicatorId}/values?disaggregation=size_class%3Dplanet`, "disaggregation"],
      [`/api/plans/${planId}/values?period=FY21`, "period"],
    ];
    for (const [url, field] of cases) {
      const response = await as.moc.request("GET", url);
      expect(response.statusCode, url).toBe(400);
      const body: ErrorBody = response.json();
      expect(
        body.error.details?.map((d) => d.path),
        url,
      ).toEqual([field]);
    }
    expect(
      (await as.moc.request("GET", `/api/indicators/${indicatorId}/values?disaggregation=size_class%3Dmicro`))
        .statusCode,
    ).toBe(200);
    expect((await as.moc.request("GET", `/api/indicators/${indicatorId}/values?disaggregation=`)).statusCode).toBe(200);
  });

  it("should fail with 400 naming orgUnitCode for an unknown org unit in a value list's query, not answer an empty list", async () => {
    const { planId, indicatorId } = await mocIndicator();
    const cases: Array<[string, { path: string; message: string; code: string; params?: { id: string } }]> = [
      [
        `/api/indicators/${indicatorId}/values?orgUnitType=province&orgUnitCode=99`,
        { path: "orgUnitCode", message: "no province with code 99", code: "not_found", params: { id: "99" } },
      ],
      [
        `/api/plans/${planId}/values?orgUnitType=provincial_cluster&orgUnitCode=77`,
        { path: "orgUnitCode", message: "no provincial cluster with code 77", code: "not_found", params: { id: "77" } },
      ],
      [
        `/api/plans/${planId}/values?orgUnitType=cluster&orgUnitCode=coffee`,
        { path: "orgUnitCode", message: "no cluster with code coffee", code: "not_found", params: { id: "coffee" } },
      ],
      [
        `/api/indicators/${indicatorId}/values?orgUnitCode=50`,
        { path: "orgUnitType", message: "is required with orgUnitCode", code: "required" },
      ],
    ];
    for (const [url, detail] of cases) {
      const response = await as.moc.request("GET", url);
      expect(response.statusCode, url).toBe(400);
      expect((response.json() as ErrorBody).error.details, url).toEqual([detail]);
    }
    expect(
      (await as.moc.request("GET", `/api/indicators/${indicatorId}/values?orgUnitType=province&orgUnitCode=50`))
        .statusCode,
    ).toBe(200);
    expect(
      (await as.moc.request("GET", "/api/indicators/999999/values?orgUnitType=province&orgUnitCode=50")).statusCode,
    ).toBe(404);
    expect((await as.moc.request("GET", "/api/plans/999999/values")).statusCode).toBe(404);
  });

  it("lets a coordinator enter values whose org unit is one of their clusters", async () => {
    const client = as.coordinator;
    const clusterId = ownClusterId;
    const { indicatorId } = await mocIndicator();
    const own = await client.request("PUT", `/api/indicators/${indicatorId}/values`, {
      rows: [{ orgUnitType: "cluster", orgUnitCode: String(clusterId), periodKey: "FY2021", breakdown: {}, value: 3 }],
    });
    expect(own.statusCode).toBe(200);
    expect(
      (await client.request("PUT", `/api/indicators/${indicatorId}/values`, { rows: [row("10", { value: 1 })] }))
        .statusCode,
    ).toBe(403);
    // Submitted, it reaches the approver's queue named, not as a bare id.
    expect((await client.request("POST", "/api/values/submit", { indicatorId, periodKey: "FY2021" })).statusCode).toBe(
      200,
    );
    const queue = (await as.moc.request("GET", "/api/values/queue?pageSize=500")).json();
    const cluster = await t.ctx.database.db
      .selectFrom("clusters")
      .select(["name_en", "name_th"])
      .where("id", "=", clusterId)
      .executeTakeFirstOrThrow();
    const item = queue.items.find((v: { indicatorId: number }) => v.indicatorId === indicatorId);
    expect(item).toMatchObject({
      orgUnitType: "cluster",
      unitName: { nameEn: cluster.name_en, nameTh: cluster.name_th },
    });
    expect(queue.items.find((v: { orgUnitType: string }) => v.orgUnitType === "province")?.unitName ?? null).toBeNull();
  });
});
