import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "../test-support/factories.ts";
import { agencyIdOf, createPlanWithIndicator } from "../test-support/monitoring-factory.ts";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";

// Approval where the work is: a Provincial Commerce Office approves its province's values of a Ministry of
// Commerce plan, level by level up the agency tree when the plan asks for more than one level.

type Officer = Client & { userId: number; email: string };
type ApprovalState = {
  valueId: number;
  level: number;
  levels: number;
  approvers: Array<{ id: number; nameEn: string | null; nameTh: string | null; officers: string[] }>;
  steps: Array<{ level: number; agencyNameEn: string | null; approvedAt: string }>;
};
type Queued = {
  id: number;
  orgUnitCode: string;
  status: string;
  approvable: boolean;
  notApprovableBecause: string | null;
  approval: ApprovalState;
};

let t: TestApp;
let agencies: Record<"moc" | "pco" | "chiangMai" | "lamphun" | "chiangRai", number>;
let as: Record<"admin" | "cmEntry" | "cmReview" | "cmThird" | "lamphun" | "pco" | "moc" | "mocEntry", Officer>;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.database.db;
  agencies = {
    moc: await agencyIdOf(db, "MOC"),
    pco: await agencyIdOf(db, "MOC-PCO"),
    chiangMai: await agencyIdOf(db, "MOC-PCO-50"),
    lamphun: await agencyIdOf(db, "MOC-PCO-51"),
    chiangRai: await agencyIdOf(db, "MOC-PCO-57"),
  };
  const officer = (agencyId: number, displayName: string) => signInAs(t, "agency_officer", { agencyId, displayName });
  // One after another: users are created in transactions of their own.
  as = {
    admin: await signInAs(t, "admin"),
    cmEntry: await officer(agencies.chiangMai, "Somchai Chiang Mai"),
    cmReview: await officer(agencies.chiangMai, "Malee Chiang Mai"),
    cmThird: await officer(agencies.chiangMai, "Anan Chiang Mai"),
    lamphun: await officer(agencies.lamphun, "Lamduan Lamphun"),
    pco: await officer(agencies.pco, "Prasert PCO"),
    moc: await officer(agencies.moc, "Wanida MOC"),
    mocEntry: await officer(agencies.moc, "Kamon MOC"),
  };
});
afterAll(async () => {
  await t.close();
});

/** A Ministry of Commerce plan with one indicator, asking for `levels` approvals (set through the API). */
async function mocPlan(levels: number) {
  const plan = await createPlanWithIndicator(t.ctx.database.db, { ownerAgencyId: agencies.moc });
  const patched = await as.moc.request("PATCH", `/api/plans/${plan.planId}`, { approvalLevels: levels });
  expect(patched.statusCode).toBe(200);
  expect(patched.json().approvalLevels).toBe(levels);
  return plan;
}

/** Enters and submits one value of a province as `who`; answers its id. */
async function submitted(who: Client, indicatorId: number, province: string, value = 1): Promise<number> {
  const entered = await who.request("PUT", `/api/indicators/${indicatorId}/values`, {
    rows: [{ orgUnitType: "province", orgUnitCode: province, periodKey: "FY2021", breakdown: {}, value }],
  });
  expect(entered.statusCode).toBe(200);
  const id: number = entered.json().items[0].id;
  expect((await who.request("POST", "/api/values/submit", { ids: [id] })).statusCode).toBe(200);
  return id;
}

const approve = (who: Client, id: number) => who.request("POST", "/api/values/approve", { ids: [id] });

async function queueOf(who: Client): Promise<Queued[]> {
  const response = await who.request("GET", "/api/values/queue?pageSize=500");
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

async function queued(who: Client, id: number): Promise<Queued | undefined> {
  return (await queueOf(who)).find((v) => v.id === id);
}

describe("#values.approve by the province's office (single level)", () => {
  it("lets a colleague in the office serving the province approve, never the officer who entered it", async () => {
    const { indicatorId } = await mocPlan(1);
    const id = await submitted(as.cmEntry, indicatorId, "50");
    const own = await approve(as.cmEntry, id);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe("forbidden");
    const approved = await approve(as.cmReview, id);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().items[0]).toMatchObject({ status: "approved", approvedBy: as.cmReview.userId });
    expect(approved.json().items[0].approvalLevel).toBe(1);
  });

  it("refuses an office the value's province is not theirs (Lamphun's officer, Chiang Mai's value)", async () => {
    const { indicatorId } = await mocPlan(1);
    const id = await submitted(as.cmEntry, indicatorId, "50");
    expect((await approve(as.lamphun, id)).statusCode).toBe(403);
    expect(await queued(as.lamphun, id)).toBeUndefined();
    // Lamphun approves Lamphun's value, entered by Chiang Mai's officer (entry is open to the owner's agencies).
    const lamphunValue = await submitted(as.cmEntry, indicatorId, "51");
    expect((await queued(as.lamphun, lamphunValue))?.approvable).toBe(true);
    expect((await approve(as.lamphun, lamphunValue)).json().items[0].status).toBe("approved");
  });

  it("still lets the owner's officers and the office's parent approve a single-level value", async () => {
    const { indicatorId } = await mocPlan(1);
    const first = await submitted(as.cmEntry, indicatorId, "50", 1);
    const second = await submitted(as.cmEntry, indicatorId, "51", 2);
    expect((await approve(as.moc, first)).json().items[0].status).toBe("approved");
    expect((await approve(as.pco, second)).json().items[0].status).toBe("approved");
  });

  it("approves a value no office serves (Bangkok) by the owner's officers only", async () => {
    const { indicatorId } = await mocPlan(2);
    const id = await submitted(as.cmEntry, indicatorId, "10");
    expect((await approve(as.pco, id)).statusCode).toBe(403);
    const state = (await queued(as.moc, id))?.approval;
    expect(state).toMatchObject({ level: 1, levels: 1 });
    expect(state?.approvers.map((a) => a.id)).toEqual([agencies.moc]);
    expect((await approve(as.moc, id)).json().items[0].status).toBe("approved");
  });
});

describe("#values.approve level by level", () => {
  it("keeps a two-level value submitted after the province office's approval; its parent approves level 2", async () => {
    const { indicatorId } = await mocPlan(2);
    const id = await submitted(as.cmEntry, indicatorId, "50");
    // Level 1 is the province office's: the ministry waits for it.
    expect((await approve(as.moc, id)).statusCode).toBe(403);
    expect((await approve(as.pco, id)).statusCode).toBe(403);
    const first = (await approve(as.cmReview, id)).json().items[0];
    expect(first).toMatchObject({ status: "submitted", approvalLevel: 1, approvedBy: null, approvedAt: null });
    // Level 2 is the parent's (or above, up to the owner), not the province office's.
    expect((await approve(as.cmThird, id)).statusCode).toBe(403);
    const second = (await approve(as.pco, id)).json().items[0];
    expect(second).toMatchObject({ status: "approved", approvalLevel: 2, approvedBy: as.pco.userId });
  });

  it("lets the owner approve the last level of a two-level plan", async () => {
    const { indicatorId } = await mocPlan(2);
    const id = await submitted(as.cmEntry, indicatorId, "50");
    await approve(as.cmReview, id);
    expect((await approve(as.moc, id)).json().items[0].status).toBe("approved");
  });

  it("walks a three-level plan: province office → Provincial Offices of Commercial Affairs → ministry", async () => {
    const { indicatorId } = await mocPlan(3);
    const id = await submitted(as.cmEntry, indicatorId, "50");
    expect((await approve(as.cmReview, id)).json().items[0].approvalLevel).toBe(1);
    expect((await approve(as.moc, id)).statusCode).toBe(403);
    expect((await approve(as.pco, id)).json().items[0]).toMatchObject({ status: "submitted", approvalLevel: 2 });
    expect((await approve(as.moc, id)).json().items[0]).toMatchObject({ status: "approved", approvalLevel: 3 });
    const steps = (
      await t.ctx.database.db
        .selectFrom("indicator_value_approvals")
        .select(["level", "agency_id", "approved_by"])
        .where("value_id", "=", id)
        .orderBy("id")
        .execute()
    ).map((s) => [s.level, s.agency_id, s.approved_by]);
    expect(steps).toEqual([
      [1, agencies.chiangMai, as.cmReview.userId],
      [2, agencies.pco, as.pco.userId],
      [3, agencies.moc, as.moc.userId],
    ]);
  });

  it("never lets one person approve two levels of a value, admins included", async () => {
    const { indicatorId } = await mocPlan(2);
    const id = await submitted(as.cmEntry, indicatorId, "50");
    expect((await approve(as.admin, id)).json().items[0].approvalLevel).toBe(1);
    const again = await approve(as.admin, id);
    expect(again.statusCode).toBe(403);
    expect((await queued(as.admin, id))?.notApprovableBecause).toBe("approved_earlier_level");
    expect((await approve(as.pco, id)).json().items[0].status).toBe("approved");
  });

  it("starts again from level 1 after a rejection at level 2, keeping the earlier steps as history", async () => {
    const { indicatorId } = await mocPlan(2);
    const id = await submitted(as.cmEntry, indicatorId, "50");
    await approve(as.cmReview, id);
    const rejected = await as.pco.request("POST", "/api/values/reject", { ids: [id], note: "Check the source" });
    expect(rejected.json().items[0]).toMatchObject({ status: "rejected", approvalLevel: 0 });
    expect((await as.cmEntry.request("POST", "/api/values/submit", { ids: [id] })).statusCode).toBe(200);
    // Level 2's approver may not skip level 1 of the new submission.
    expect((await approve(as.pco, id)).statusCode).toBe(403);
    const state = (await queued(as.pco, id))?.approval;
    expect(state).toMatchObject({ level: 1, levels: 2, steps: [] });
    expect((await approve(as.cmReview, id)).json().items[0].approvalLevel).toBe(1);
    expect((await queued(as.pco, id))?.approval.steps.map((s) => [s.level, s.agencyNameEn])).toEqual([
      [1, "Chiang Mai Provincial Commerce Office"],
    ]);
    const history = await t.ctx.database.db
      .selectFrom("indicator_value_approvals")
      .select("level")
      .where("value_id", "=", id)
      .execute();
    expect(history).toHaveLength(2);
  });

  it("audits every approval step with its level", async () => {
    const { indicatorId } = await mocPlan(2);
    const id = await submitted(as.cmEntry, indicatorId, "50");
    await approve(as.cmReview, id);
    await approve(as.moc, id);
    const audit = await as.admin.request("GET", `/api/audit?entityType=indicator_value&entityId=${id}&pageSize=50`);
    const steps = (
      audit.json().items as Array<{
        action: string;
        actorId: number;
        after: { approvedLevel?: number; status: string };
      }>
    )
      .filter((e) => e.action === "indicator_value.approve")
      .map((e) => [e.actorId, e.after.approvedLevel, e.after.status])
      .sort((a, b) => Number(a[1]) - Number(b[1]));
    expect(steps).toEqual([
      [as.cmReview.userId, 1, "submitted"],
      [as.moc.userId, 2, "approved"],
    ]);
  });
});

describe("#values.queue", () => {
  it("lists what the officer may approve at their level, and says who can approve the rest", async () => {
    const { indicatorId } = await mocPlan(2);
    const id = await submitted(as.cmEntry, indicatorId, "50");
    const mine = await queued(as.cmEntry, id);
    expect(mine).toMatchObject({ approvable: false, notApprovableBecause: "own_entry" });
    expect(mine?.approval.approvers).toEqual([
      {
        id: agencies.chiangMai,
        nameEn: "Chiang Mai Provincial Commerce Office",
        nameTh: "สำนักงานพาณิชย์จังหวัดเชียงใหม่",
        officers: ["Anan Chiang Mai", "Malee Chiang Mai", "Somchai Chiang Mai"],
      },
    ]);
    expect((await queued(as.cmReview, id))?.approvable).toBe(true);
    // The ministry sees it waiting on the province office, with that office's officers by name only.
    const atMinistry = await queued(as.moc, id);
    expect(atMinistry).toMatchObject({ approvable: false, notApprovableBecause: "other_agency" });
    expect(JSON.stringify(atMinistry?.approval)).not.toMatch(/@/);
    await approve(as.cmReview, id);
    expect((await queued(as.moc, id))?.approvable).toBe(true);
    expect((await queued(as.cmReview, id))?.notApprovableBecause).toBe("approved_earlier_level");
    expect((await queued(as.cmThird, id))?.notApprovableBecause).toBe("other_agency");
  });

  it("says when the office a value waits on has no officer", async () => {
    const { indicatorId } = await mocPlan(2);
    const id = await submitted(as.mocEntry, indicatorId, "57");
    const state = (await queued(as.moc, id))?.approval;
    expect(state?.approvers).toEqual([
      {
        id: agencies.chiangRai,
        nameEn: "Chiang Rai Provincial Commerce Office",
        nameTh: "สำนักงานพาณิชย์จังหวัดเชียงราย",
        officers: [],
      },
    ]);
    // An admin may still approve any level.
    expect((await approve(as.admin, id)).json().items[0].approvalLevel).toBe(1);
  });

  it("leaves out values whose approval chain does not pass through the officer's agency", async () => {
    const { indicatorId } = await mocPlan(1);
    const chiangMai = await submitted(as.mocEntry, indicatorId, "50");
    const nation = await submitted(as.mocEntry, indicatorId, "10");
    const cm = (await queueOf(as.cmReview)).map((v) => v.id);
    expect(cm).toContain(chiangMai);
    expect(cm).not.toContain(nation);
    const lamphun = (await queueOf(as.lamphun)).map((v) => v.id);
    expect(lamphun).not.toContain(chiangMai);
  });

  it("shows the value page who can approve each submitted value", async () => {
    const { indicatorId } = await mocPlan(2);
    const id = await submitted(as.cmEntry, indicatorId, "50");
    const page = (await as.moc.request("GET", `/api/indicators/${indicatorId}/values?periodKey=FY2021`)).json();
    expect(page.approvals).toEqual([expect.objectContaining({ valueId: id, level: 1, levels: 2, steps: [] })]);
    expect(page.approvals[0].approvers[0].nameEn).toBe("Chiang Mai Provincial Commerce Office");
    // The public sees approved values only, and nobody's names.
    const open = (await t.anonymous.request("GET", `/api/indicators/${indicatorId}/values?periodKey=FY2021`)).json();
    expect(open.approvals ?? []).toEqual([]);
  });
});

describe("#agencies.provinces and #plans.approvalLevels", () => {
  it("lists the provinces each Provincial Commerce Office serves", async () => {
    const agency = (await t.anonymous.request("GET", `/api/agencies/${agencies.chiangMai}`)).json();
    expect(agency).toMatchObject({ code: "MOC-PCO-50", parentId: agencies.pco, provinceCodes: ["50"] });
  });

  it("lets an admin, not the office itself, change the provinces an office serves; it then approves there", async () => {
    const { indicatorId } = await mocPlan(1);
    const id = await submitted(as.mocEntry, indicatorId, "58");
    expect((await approve(as.lamphun, id)).statusCode).toBe(403);
    const byOffice = await as.lamphun.request("PATCH", `/api/agencies/${agencies.lamphun}`, {
      provinceCodes: ["51", "58"],
    });
    expect(byOffice.statusCode).toBe(403);
    const unknown = await as.admin.request("PATCH", `/api/agencies/${agencies.lamphun}`, { provinceCodes: ["99"] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe("provinceCodes");
    const changed = await as.admin.request("PATCH", `/api/agencies/${agencies.lamphun}`, {
      provinceCodes: ["51", "58"],
    });
    expect(changed.json().provinceCodes).toEqual(["51", "58"]);
    // Mae Hong Son (58) now has two offices serving it: either approves (and, one level, those above them).
    const state = (await queued(as.moc, id))?.approval;
    expect(state?.approvers.map((a) => a.id).sort((a, b) => a - b)).toEqual(
      [agencies.moc, agencies.pco, agencies.lamphun, await agencyIdOf(t.ctx.database.db, "MOC-PCO-58")].sort(
        (a, b) => a - b,
      ),
    );
    expect((await queued(as.lamphun, id))?.approvable).toBe(true);
    expect((await approve(as.lamphun, id)).json().items[0].status).toBe("approved");
    await as.admin.request("PATCH", `/api/agencies/${agencies.lamphun}`, { provinceCodes: ["51"] });
  });

  it("should fail with 400 naming approvalLevels outside 1-5", async () => {
    const { planId } = await createPlanWithIndicator(t.ctx.database.db, { ownerAgencyId: agencies.moc });
    for (const approvalLevels of [0, 6]) {
      const response = await as.moc.request("PATCH", `/api/plans/${planId}`, { approvalLevels });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].path).toBe("approvalLevels");
    }
    expect((await as.cmReview.request("PATCH", `/api/plans/${planId}`, { approvalLevels: 2 })).statusCode).toBe(403);
  });
});
