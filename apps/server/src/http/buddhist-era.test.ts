import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agencyIds,
  buildBudget,
  buildEnterprise,
  buildPlan,
  buildProgramme,
  buildTarget,
  createIndicator,
  createPlan,
  createPlanNode,
  createProgramme,
  signInAs,
} from "../test-support/factories.ts";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";

// Requests carry C.E. dates and years. A B.E. year where C.E. belongs (the slip a Thai form or script makes) is
// refused with a 400 naming the field, saying it looks like B.E., rather than stored five centuries ahead.
let t: TestApp;
let admin: Client;
let dip: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
  ({ DIP: dip } = await agencyIds(t, "DIP"));
});
afterAll(async () => {
  await t.close();
});

type Detail = { path: string; message: string; code: string; params?: Record<string, unknown> };
const detailsOf = (body: { error: { details?: Detail[] } }) => body.error.details ?? [];
const buddhist = (path: string) =>
  expect.objectContaining({
    path,
    code: "out_of_range",
    params: expect.objectContaining({ era: "buddhist" }),
    message: expect.stringContaining("B.E."),
  });

describe("#B.E. years in C.E. fields", () => {
  it("should answer 400 naming periodStart when a new plan starts on 2569-10-01", async () => {
    const response = await admin.request(
      "POST",
      "/api/plans",
      buildPlan({ ownerAgencyId: dip, periodStart: "2569-10-01", periodEnd: "2027-09-30" }),
    );
    expect(response.statusCode).toBe(400);
    expect(detailsOf(response.json())).toEqual([buddhist("periodStart")]);
  });

  it("should answer 400 invalid_date for a plan ending on a day that does not exist", async () => {
    const response = await admin.request(
      "POST",
      "/api/plans",
      buildPlan({ ownerAgencyId: dip, periodStart: "2026-10-01", periodEnd: "2027-02-29" }),
    );
    expect(response.statusCode).toBe(400);
    expect(detailsOf(response.json())).toEqual([expect.objectContaining({ path: "periodEnd", code: "invalid_date" })]);
  });

  it("should answer 400 naming firstFiscalYear for a programme starting in 2569", async () => {
    const response = await admin.request(
      "POST",
      "/api/programmes",
      buildProgramme({ agencyId: dip, firstFiscalYear: 2569 }),
    );
    expect(response.statusCode).toBe(400);
    expect(detailsOf(response.json())).toEqual([buddhist("firstFiscalYear")]);
  });

  it("should answer 400 naming fiscalYear for a budget line of 2570, and for ?fiscalYear=2570", async () => {
    const programme = await createProgramme(admin, { agencyId: dip });
    const line = await admin.request(
      "POST",
      `/api/programmes/${programme.id}/budgets`,
      buildBudget({ fiscalYear: 2570 }),
    );
    expect(line.statusCode).toBe(400);
    expect(detailsOf(line.json())).toEqual([buddhist("fiscalYear")]);
    const list = await admin.request("GET", `/api/programmes/${programme.id}/clusters?fiscalYear=2570`);
    expect(list.statusCode).toBe(400);
    expect(detailsOf(list.json())).toEqual([buddhist("fiscalYear")]);
  });

  it("should answer 400 naming registeredOn for an enterprise registered on 2560-05-01", async () => {
    const response = await admin.request("POST", "/api/enterprises", buildEnterprise({ registeredOn: "2560-05-01" }));
    expect(response.statusCode).toBe(400);
    expect(detailsOf(response.json())).toEqual([buddhist("registeredOn")]);
  });

  it("should answer 400 naming periodKey for a target of FY2564, and period for ?period=FY2564", async () => {
    const plan = await createPlan(admin, { ownerAgencyId: dip });
    const node = await createPlanNode(admin, plan.id);
    const indicator = await createIndicator(admin, node.id);
    const target = await admin.request(
      "POST",
      `/api/indicators/${indicator.id}/targets`,
      buildTarget({ periodKey: "FY2564" }),
    );
    expect(target.statusCode).toBe(400);
    expect(detailsOf(target.json())).toEqual([buddhist("periodKey")]);
    const values = await admin.request("GET", `/api/plans/${plan.id}/values?period=FY2564`);
    expect(values.statusCode).toBe(400);
    expect(detailsOf(values.json())).toEqual([buddhist("period")]);
  });

  it("should still take the C.E. values: a plan of FY2027 and a programme from 2026", async () => {
    const plan = await admin.request(
      "POST",
      "/api/plans",
      buildPlan({ ownerAgencyId: dip, periodStart: "2026-10-01", periodEnd: "2027-09-30" }),
    );
    expect(plan.statusCode).toBe(201);
    const programme = await admin.request(
      "POST",
      "/api/programmes",
      buildProgramme({ agencyId: dip, firstFiscalYear: 2026 }),
    );
    expect(programme.statusCode).toBe(201);
  });
});
