import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn(ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  await t.close();
});

describe("#users.create validation", () => {
  // An admin needs no scope; the scopes of the other roles are checked in users/accounts.test.ts.
  const valid = { email: "valid@example.org", displayName: "Valid", role: "admin", password: "long-enough-password" };
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ["a malformed e-mail", { ...valid, email: "not-an-email" }, "email"],
    ["a missing e-mail", { ...valid, email: undefined }, "email"],
    ["a short password", { ...valid, password: "short" }, "password"],
    ["an unknown role", { ...valid, role: "king" }, "role"],
    ["an empty display name", { ...valid, displayName: "   " }, "displayName"],
    ["a text agency id", { ...valid, agencyId: "DIP" }, "agencyId"],
    ["an unexpected field", { ...valid, isAdmin: true }, ""],
    ["an agency officer without an agency", { ...valid, role: "agency_officer" }, "agencyId"],
    ["a coordinator without clusters", { ...valid, role: "cluster_coordinator" }, "clusterIds"],
    ["a member without an enterprise", { ...valid, role: "member" }, "enterpriseId"],
    ["an agency that does not exist", { ...valid, role: "agency_officer", agencyId: 99999 }, "agencyId"],
  ];
  for (const [what, body, field] of cases) {
    it(`fails with 400 naming ${field || "the body"} for ${what}`, async () => {
      const response = await admin.request("POST", "/api/users", JSON.parse(JSON.stringify(body)));
      expect(response.statusCode).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe("validation_failed");
      if (field) expect(error.details.map((d: { path: string }) => d.path)).toContain(field);
      expect(error.message.length).toBeGreaterThan(5);
    });
  }

  it("creates the user and answers 409 for the same e-mail in another case", async () => {
    expect((await admin.request("POST", "/api/users", valid)).statusCode).toBe(201);
    const again = await admin.request("POST", "/api/users", { ...valid, email: "VALID@example.org" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].path).toBe("email");
  });

  it("pages and searches the user list", async () => {
    const found = (await admin.request("GET", "/api/users?q=valid&page=1&pageSize=10")).json();
    expect(found.items.map((u: { email: string }) => u.email)).toEqual(["valid@example.org"]);
    expect((await admin.request("GET", "/api/users?pageSize=0")).statusCode).toBe(400);
    expect((await admin.request("GET", "/api/users?page=abc")).statusCode).toBe(400);
  });

  it("does not let an admin demote or deactivate themselves", async () => {
    const me = (await admin.request("GET", "/api/auth/me")).json().user;
    expect((await admin.request("PATCH", `/api/users/${me.id}`, { role: "expert" })).statusCode).toBe(400);
    expect((await admin.request("PATCH", `/api/users/${me.id}`, { active: false })).statusCode).toBe(400);
  });
});

describe("malformed requests", () => {
  it("answers 400, not 500, for a body that is not JSON", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("bad_request");
  });

  it("answers 415 for an unsupported content type", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: "a=b",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toBeDefined();
  });

  it("answers 404 as JSON for an unknown API route", async () => {
    const response = await t.anonymous.request("GET", "/api/nothing-here");
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("not_found");
  });

  it("answers 400 naming the parameter for a non-numeric id", async () => {
    const response = await t.anonymous.request("GET", "/api/plans/abc");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe("id");
  });

  it("answers 400 naming the field for an empty agency name", async () => {
    const response = await admin.request("PATCH", "/api/agencies/1", { nameEn: "" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe("nameEn");
  });

  it("answers 413 for a body over the limit", async () => {
    const response = await admin.request("PATCH", "/api/auth/me", { displayName: "x".repeat(2_000_000) });
    expect(response.statusCode).toBe(413);
  });
});

describe("security headers", () => {
  it("sets a full CSP with nosniff, frame denial and referrer policy on pages", async () => {
    const response = await t.anonymous.request("GET", "/");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["permissions-policy"]).toContain("camera=()");
  });

  it("sets a deny-all CSP, nosniff, frame denial and referrer policy on API answers, errors included", async () => {
    for (const url of ["/api/health", "/api/nothing"]) {
      const response = await t.anonymous.request("GET", url);
      expect(response.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["x-frame-options"]).toBe("DENY");
      expect(response.headers["referrer-policy"]).toBe("no-referrer");
    }
  });
});

describe("#openapi", () => {
  it("describes the API as OpenAPI 3 generated from the schemas", async () => {
    const doc = (await t.anonymous.request("GET", "/api/openapi.json")).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      "/api/regions",
      "/api/provinces",
      "/api/provincial-clusters",
      "/api/agencies",
      "/api/plans",
      "/api/plans/{id}",
      "/api/auth/login",
      "/api/auth/logout",
      "/api/auth/me",
      "/api/users",
      "/api/users/{id}",
      "/api/audit",
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    const login = doc.paths["/api/auth/login"].post;
    expect(login.requestBody.content["application/json"].schema.required).toEqual(["email", "password"]);
    expect(login.responses["401"]).toBeDefined();
  });

  it("serves a docs page", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
  });
});
