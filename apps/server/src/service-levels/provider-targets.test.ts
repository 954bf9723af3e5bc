import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { agencyIds, ok, signInAs, unique, type SignedIn } from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";

// Providers' service-level targets (issue 13, point 4): kept by those who keep the provider, defaults when unset.
let t: TestApp;
let dipOfficer: SignedIn;
let mocOfficer: SignedIn;
let dip: number;

beforeAll(async () => {
  t = await createTestApp();
  ({ DIP: dip } = await agencyIds(t, "DIP"));
  const { MOC } = await agencyIds(t, "MOC");
  dipOfficer = await signInAs(t, "agency_officer", { agencyId: dip });
  mocOfficer = await signInAs(t, "agency_officer", { agencyId: MOC });
});
afterAll(async () => {
  await t.close();
});

const fieldErrors = (response: LightMyRequestResponse): string[] =>
  (response.json().error?.details ?? []).map((d: { path: string; code: string }) => `${d.path}:${d.code}`);

describe("#provider service levels", () => {
  it("uses the defaults until the provider sets targets, which its agency's officers change, audited", async () => {
    const created = await ok(
      dipOfficer.request("POST", "/api/service-providers", {
        code: `SL${unique()}`,
        kind: "sme_centre",
        nameTh: "ศูนย์ทดสอบเป้าหมาย",
      }),
      201,
    );
    expect(created).toMatchObject({
      responseDays: null,
      closureDays: null,
      serviceLevels: { responseDays: 2, closureDays: 30 },
    });
    const changed = await ok(
      dipOfficer.request("PATCH", `/api/service-providers/${created.id}`, { responseDays: 3, closureDays: 20 }),
    );
    expect(changed).toMatchObject({
      responseDays: 3,
      closureDays: 20,
      serviceLevels: { responseDays: 3, closureDays: 20 },
    });
    const publicView = await ok(t.anonymous.request("GET", `/api/service-providers/${created.id}`));
    expect(publicView.serviceLevels).toEqual({ responseDays: 3, closureDays: 20 });
    const audit = await t.ctx.database.db
      .selectFrom("audit_log")
      .select("after_json")
      .where("action", "=", "service_provider.update")
      .where("entity_id", "=", String(created.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json ?? "{}")).toMatchObject({ responseDays: 3, closureDays: 20 });
    // Back to the defaults.
    const reset = await ok(dipOfficer.request("PATCH", `/api/service-providers/${created.id}`, { closureDays: null }));
    expect(reset.serviceLevels).toEqual({ responseDays: 3, closureDays: 30 });

    const refused = await mocOfficer.request("PATCH", `/api/service-providers/${created.id}`, { responseDays: 1 });
    expect(refused.statusCode).toBe(403);
  });

  it("refuses targets that are not whole working days, or a closure sooner than the first response, naming the field", async () => {
    const base = { code: `SL${unique()}`, kind: "sme_centre", nameTh: "ศูนย์ทดสอบ" };
    for (const [body, expected] of [
      [{ responseDays: 0 }, "responseDays:"],
      [{ closureDays: 2.5 }, "closureDays:"],
      [{ closureDays: 251 }, "closureDays:"],
      [{ responseDays: 10, closureDays: 5 }, "closureDays:not_before"],
      [{ responseDays: 40 }, "closureDays:not_before"],
    ] as const) {
      const response = await dipOfficer.request("POST", "/api/service-providers", { ...base, ...body });
      expect(response.statusCode).toBe(400);
      expect(fieldErrors(response).join(" ")).toContain(expected);
    }
  });
});
