import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { juristicIdCheckDigit } from "@sainam/core";
import { buildCluster, buildEnterprise, createCluster, signInAs } from "../test-support/factories.ts";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import { fieldErrorOf } from "./field-error-codes.ts";

// Every 400 names each field with a stable code (and params) besides its English message, and every 403 from
// the policy says what was refused, so the web can say both in Thai.
let t: TestApp;
let admin: Client;
let expert: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
  expert = await signInAs(t, "expert");
});
afterAll(async () => {
  await t.close();
});

type Detail = { path: string; message: string; code: string; params?: Record<string, unknown> };
const detailsOf = (body: { error: { details?: Detail[] } }) => body.error.details ?? [];

describe("#error codes over HTTP", () => {
  it("should answer 400 with required, too_long and invalid_choice codes for a bad new cluster", async () => {
    const response = await admin.request("POST", "/api/clusters", { kind: "not-a-kind", nameTh: "ก".repeat(301) });
    expect(response.statusCode).toBe(400);
    const details = detailsOf(response.json());
    expect(details).toContainEqual(expect.objectContaining({ path: "code", code: "required" }));
    expect(details).toContainEqual(expect.objectContaining({ path: "nameTh", code: "too_long", params: { max: 300 } }));
    expect(details).toContainEqual(expect.objectContaining({ path: "kind", code: "invalid_choice" }));
    for (const detail of details) expect(detail.message).not.toBe("");
  });

  it("should answer 400 with invalid_format for a cluster code that breaks its pattern, and unknown_field for a stray key", async () => {
    const response = await admin.request("POST", "/api/clusters", {
      ...buildCluster({ code: "Not Valid" }),
      colour: "red",
    });
    expect(response.statusCode).toBe(400);
    const details = detailsOf(response.json());
    expect(details).toContainEqual(
      expect.objectContaining({ path: "code", code: "invalid_format", params: { format: "lowercase_code" } }),
    );
    expect(details).toContainEqual(expect.objectContaining({ code: "unknown_field", params: { keys: ["colour"] } }));
  });

  it("should answer 400 invalid_check_digit for a juristic ID with a wrong check digit", async () => {
    const first12 = "010555000123";
    const good = `${first12}${juristicIdCheckDigit(first12)}`;
    const bad = `${first12}${(Number(good[12]) + 1) % 10}`;
    const response = await admin.request("POST", "/api/enterprises", buildEnterprise({ juristicId: bad }));
    expect(response.statusCode).toBe(400);
    expect(detailsOf(response.json())).toEqual([
      { path: "juristicId", message: "has a wrong check digit", code: "invalid_check_digit" },
    ]);
  });

  it("should answer 400 not_found naming the field when a new enterprise names a province that does not exist", async () => {
    const response = await admin.request("POST", "/api/enterprises", {
      ceRegistrationNo: "1-23-45-67/1-0001",
      nameTh: "วิสาหกิจทดสอบ",
      provinceCode: "99",
    });
    expect(response.statusCode).toBe(400);
    expect(detailsOf(response.json())).toEqual([
      { path: "provinceCode", message: "province 99 does not exist", code: "not_found", params: { id: "99" } },
    ]);
  });

  it("should answer 409 with a duplicate code on the field when a cluster code is taken", async () => {
    await createCluster(admin, { code: "dup-cluster-code" });
    const again = await admin.request("POST", "/api/clusters", buildCluster({ code: "dup-cluster-code" }));
    expect(again.statusCode).toBe(409);
    expect(detailsOf(again.json())).toEqual([expect.objectContaining({ path: "code", code: "duplicate" })]);
  });

  it("should answer 403 in words with the refused action and resource", async () => {
    const response = await expert.request("GET", "/api/users");
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toEqual({
      code: "forbidden",
      message: "You may not list user accounts.",
      reason: { action: "list", resource: "users" },
    });
  });
});

describe("#fieldErrorOf", () => {
  it("reads a missing or null value as required, not as a wrong type", () => {
    expect(fieldErrorOf("invalid_type", { expected: "string" }, undefined)).toEqual({ code: "required" });
    expect(fieldErrorOf("invalid_type", { expected: "number" }, null)).toEqual({ code: "required" });
    expect(fieldErrorOf("invalid_type", { expected: "number" }, "12")).toEqual({
      code: "invalid_type",
      params: { expected: "number" },
    });
    expect(fieldErrorOf("too_small", { origin: "string", minimum: 1 }, "  ")).toEqual({ code: "required" });
  });

  it("gives bounds as params", () => {
    expect(fieldErrorOf("too_small", { origin: "string", minimum: 8 }, "short")).toEqual({
      code: "too_short",
      params: { min: 8 },
    });
    expect(fieldErrorOf("too_big", { origin: "array", maximum: 20 }, [])).toEqual({
      code: "too_many",
      params: { max: 20 },
    });
    expect(fieldErrorOf("too_small", { origin: "number", minimum: 0, inclusive: false }, 0)).toEqual({
      code: "out_of_range",
      params: { min: 0, exclusive: true },
    });
    expect(fieldErrorOf("too_big", { origin: "number", maximum: 2600, inclusive: true }, 3000)).toEqual({
      code: "out_of_range",
      params: { max: 2600 },
    });
    expect(fieldErrorOf("invalid_type", { expected: "int" }, 1.5)).toEqual({ code: "not_integer" });
    expect(fieldErrorOf("invalid_format", { format: "date" }, "2021-13-01")).toEqual({ code: "invalid_date" });
    expect(fieldErrorOf("invalid_format", { format: "regex", pattern: String(/^\d{2}$/) }, "1")).toEqual({
      code: "invalid_format",
      params: { format: "province_code" },
    });
    expect(
      fieldErrorOf("invalid_format", { format: "regex", pattern: String(/^\d{4}-\d{2}-\d{2}$/) }, "1/1/2564"),
    ).toEqual({ code: "invalid_date" });
    expect(fieldErrorOf("invalid_format", { format: "regex", pattern: "/^x+$/" }, "y")).toEqual({
      code: "invalid_format",
    });
  });

  it("takes a schema refinement's code and params from the refinement, if it names a known code", () => {
    expect(fieldErrorOf("custom", { params: { code: "invalid_format", format: "period_key" } }, "FY21")).toEqual({
      code: "invalid_format",
      params: { format: "period_key" },
    });
    expect(fieldErrorOf("custom", { params: { code: "required_together", other: "unitType" } }, "50")).toEqual({
      code: "required_together",
      params: { other: "unitType" },
    });
    expect(fieldErrorOf("custom", { params: { code: "duplicate" } }, ["a", "a"])).toEqual({ code: "duplicate" });
    expect(fieldErrorOf("custom", { params: { code: "no_such_code" } }, "x")).toEqual({ code: "invalid" });
  });

  it("falls back to invalid for issues it has no code for", () => {
    expect(fieldErrorOf("custom", {}, "x")).toEqual({ code: "invalid" });
    expect(fieldErrorOf("invalid_union", undefined, "x")).toEqual({ code: "invalid" });
  });
});
