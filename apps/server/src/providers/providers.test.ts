import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { agencyIds, createCluster, ok, signInAs, unique, type SignedIn } from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";

// Service providers and their experts (issue 13, point 1): CRUD, the ITC tree rule, validation naming the field,
// who may do what, and the audit of every write.
let t: TestApp;
let admin: SignedIn;
let dipOfficer: SignedIn;
let mocOfficer: SignedIn;
let coordinator: SignedIn;
let dip: number;
let moc: number;

beforeAll(async () => {
  t = await createTestApp();
  ({ DIP: dip, MOC: moc } = await agencyIds(t, "DIP", "MOC"));
  admin = await signInAs(t, "admin");
  dipOfficer = await signInAs(t, "agency_officer", { agencyId: dip });
  mocOfficer = await signInAs(t, "agency_officer", { agencyId: moc });
  coordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [(await createCluster(admin)).id] });
});
afterAll(async () => {
  await t.close();
});

const fieldErrors = (response: LightMyRequestResponse): string[] =>
  (response.json().error?.details ?? []).map((d: { path: string; code: string }) => `${d.path}:${d.code}`);

const code = () => `P${unique()}`;

async function auditOf(entityType: string, entityId: number) {
  return t.ctx.database.db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", String(entityId))
    .orderBy("id")
    .execute();
}

describe("#service providers", () => {
  it("lets an admin add an ITC centre and a branch with provinces and services, audited", async () => {
    const centre = await ok(
      admin.request("POST", "/api/service-providers", {
        code: code(),
        kind: "itc_centre",
        nameTh: "ศูนย์ปรับเปลี่ยนอุตสาหกรรม",
        services: ["cost_reduction", "technology", "cost_reduction"],
        contactPhone: "02 123 4567",
      }),
      201,
    );
    expect(centre).toMatchObject({ kind: "itc_centre", nameEn: null, services: ["cost_reduction", "technology"] });
    const branch = await ok(
      admin.request("POST", "/api/service-providers", {
        code: code(),
        kind: "itc_branch",
        nameTh: "ศูนย์ ITC สาขาเชียงใหม่",
        parentId: centre.id,
        agencyId: dip,
        provinceCodes: ["50", "51"],
      }),
      201,
    );
    expect(branch).toMatchObject({ parentId: centre.id, provinceCodes: ["50", "51"], agencyId: dip });
    const [entry] = await auditOf("service_provider", branch.id);
    expect(entry?.action).toBe("service_provider.create");
    // Contacts are personal data: the log says they were given, not what they are.
    const [centreEntry] = await auditOf("service_provider", centre.id);
    expect(centreEntry?.after_json).not.toContain("4567");
    expect(JSON.parse(centreEntry?.after_json ?? "{}").contactsGiven).toEqual({
      name: false,
      phone: true,
      email: false,
    });

    const list = await ok(t.anonymous.request("GET", "/api/service-providers"));
    const listed = list.items.find((p: { id: number }) => p.id === centre.id);
    expect(listed).toMatchObject({ code: centre.code, contactPhone: null });
    const seen = await ok(dipOfficer.request("GET", `/api/service-providers/${centre.id}`));
    expect(seen.contactPhone).toBe("02 123 4567");
  });

  it("refuses bad input naming the field", async () => {
    const noName = await admin.request("POST", "/api/service-providers", { code: code(), kind: "university" });
    expect(noName.statusCode).toBe(400);
    expect(fieldErrors(noName)).toContain("nameTh:required");
    const badKind = await admin.request("POST", "/api/service-providers", { code: code(), kind: "bank", nameTh: "ก" });
    expect(badKind.statusCode).toBe(400);
    expect(fieldErrors(badKind).some((e) => e.startsWith("kind:"))).toBe(true);
    const orphanBranch = await admin.request("POST", "/api/service-providers", {
      code: code(),
      kind: "itc_branch",
      nameTh: "สาขา",
    });
    expect(fieldErrors(orphanBranch)).toEqual(["parentId:invalid_choice"]);
    const badProvince = await admin.request("POST", "/api/service-providers", {
      code: code(),
      kind: "university",
      nameEn: "A university",
      provinceCodes: ["99"],
    });
    expect(fieldErrors(badProvince)).toEqual(["provinceCodes:not_found"]);
    const first = await ok(
      admin.request("POST", "/api/service-providers", { code: code(), kind: "other", nameTh: "ก" }),
      201,
    );
    const again = await admin.request("POST", "/api/service-providers", {
      code: first.code,
      kind: "other",
      nameTh: "ข",
    });
    expect(again.statusCode).toBe(409);
    expect(fieldErrors(again)).toEqual(["code:duplicate"]);
    const emptied = await admin.request("PATCH", `/api/service-providers/${first.id}`, { nameTh: null });
    expect(fieldErrors(emptied)).toEqual(["nameTh:required"]);
  });

  it("lets officers keep their agency's providers only; others read", async () => {
    const own = await ok(
      dipOfficer.request("POST", "/api/service-providers", { code: code(), kind: "design_centre", nameTh: "TIDC" }),
      201,
    );
    expect(own.agencyId).toBe(dip);
    const forOther = await dipOfficer.request("POST", "/api/service-providers", {
      code: code(),
      kind: "private_bds",
      nameTh: "บริษัท",
      agencyId: moc,
    });
    expect(forOther.statusCode).toBe(403);
    expect((await mocOfficer.request("PATCH", `/api/service-providers/${own.id}`, { nameEn: "X" })).statusCode).toBe(
      403,
    );
    expect((await coordinator.request("PATCH", `/api/service-providers/${own.id}`, { nameEn: "X" })).statusCode).toBe(
      403,
    );
    expect(
      (await t.anonymous.request("POST", "/api/service-providers", { code: code(), kind: "other", nameTh: "ก" }))
        .statusCode,
    ).toBe(401);
    const renamed = await ok(
      dipOfficer.request("PATCH", `/api/service-providers/${own.id}`, {
        nameEn: "Thailand Industrial Design Center",
        services: ["packaging_design"],
      }),
    );
    expect(renamed).toMatchObject({ nameTh: "TIDC", services: ["packaging_design"] });
    const moved = await dipOfficer.request("PATCH", `/api/service-providers/${own.id}`, { agencyId: moc });
    expect(moved.statusCode).toBe(403);
    const entries = await auditOf("service_provider", own.id);
    expect(entries.map((e) => e.action)).toEqual(["service_provider.create", "service_provider.update"]);
    expect(JSON.parse(entries[1]?.before_json ?? "{}").nameEn).toBeNull();
    expect(await ok(coordinator.request("GET", `/api/service-providers/${own.id}`))).toMatchObject({ id: own.id });
  });
});

describe("#experts", () => {
  let providerId: number;
  beforeAll(async () => {
    providerId = (
      await ok(
        dipOfficer.request("POST", "/api/service-providers", { code: code(), kind: "rescue_centre", nameTh: "ศูนย์" }),
        201,
      )
    ).id;
  });

  it("lets the provider's officer add and change an expert, linked to an expert user, audited", async () => {
    const expertUser = await signInAs(t, "expert");
    // An expert user comes with their record (made with the account): unlinked first, to be linked to this one.
    const own = (await ok(admin.request("GET", `/api/users/${expertUser.userId}`))).expertId;
    await ok(admin.request("PATCH", `/api/experts/${own}`, { userId: null }));
    const expert = await ok(
      dipOfficer.request("POST", "/api/experts", {
        providerId,
        displayName: "คุณสมศรี ที่ปรึกษา",
        fields: ["finance", "business_law"],
        areas: [
          { type: "province", code: "10" },
          { type: "region", code: "north" },
        ],
        capacity: 3,
        userId: expertUser.userId,
      }),
      201,
    );
    expect(expert).toMatchObject({
      providerId,
      userId: expertUser.userId,
      fields: ["business_law", "finance"],
      capacity: 3,
      available: true,
    });
    const changed = await ok(
      dipOfficer.request("PATCH", `/api/experts/${expert.id}`, { available: false, capacity: 5 }),
    );
    expect(changed).toMatchObject({ available: false, capacity: 5 });
    const listed = await ok(expertUser.request("GET", `/api/experts?providerId=${providerId}`));
    expect(listed.items.map((e: { id: number }) => e.id)).toEqual([expert.id]);
    const provider = await ok(t.anonymous.request("GET", `/api/service-providers/${providerId}`));
    expect(provider.expertCount).toBe(1);
    expect((await auditOf("expert", expert.id)).map((e) => e.action)).toEqual(["expert.create", "expert.update"]);

    const twice = await dipOfficer.request("POST", "/api/experts", {
      providerId,
      displayName: "อีกคน",
      userId: expertUser.userId,
    });
    expect(twice.statusCode).toBe(409);
    expect(fieldErrors(twice)).toEqual(["userId:duplicate"]);
  });

  it("refuses bad input naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ providerId, displayName: "ก", capacity: 0 }, "capacity:"],
      [{ providerId, displayName: "ก", capacity: 1.5 }, "capacity:"],
      [{ providerId, displayName: "ก", fields: ["astrology"] }, "fields."],
      [{ providerId, displayName: "" }, "displayName:"],
      [{ providerId: 999999, displayName: "ก" }, "providerId:not_found"],
      [{ providerId, displayName: "ก", areas: [{ type: "region", code: "atlantis" }] }, "areas:not_found"],
    ];
    for (const [body, prefix] of cases) {
      const response = await dipOfficer.request("POST", "/api/experts", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        fieldErrors(response).some((e) => e.startsWith(prefix)),
        `${JSON.stringify(body)} → ${fieldErrors(response).join(", ")}`,
      ).toBe(true);
    }
    const officerUser = await admin.request("POST", "/api/experts", {
      providerId,
      displayName: "ก",
      userId: dipOfficer.userId,
    });
    expect(fieldErrors(officerUser)).toEqual(["userId:invalid_choice"]);
  });

  it("keeps experts from the public and other agencies' officers", async () => {
    const expert = await ok(admin.request("POST", "/api/experts", { providerId, displayName: "ผู้เชี่ยวชาญ" }), 201);
    expect((await t.anonymous.request("GET", "/api/experts")).statusCode).toBe(401);
    expect((await t.anonymous.request("GET", `/api/experts/${expert.id}`)).statusCode).toBe(401);
    expect((await mocOfficer.request("POST", "/api/experts", { providerId, displayName: "ก" })).statusCode).toBe(403);
    expect((await mocOfficer.request("PATCH", `/api/experts/${expert.id}`, { capacity: 2 })).statusCode).toBe(403);
    expect((await coordinator.request("GET", `/api/experts/${expert.id}`)).statusCode).toBe(200);
  });
});
