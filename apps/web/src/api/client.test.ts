import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, apiErrorFrom, parseAnswer, readCookie, toApiId, withQuery } from "./client";

describe("readCookie", () => {
  it("finds the CSRF cookie among others", () => {
    expect(readCookie("sainam_csrf", "a=1; sainam_csrf=abc%3D; b=2")).toBe("abc=");
    expect(readCookie("sainam_csrf", "a=1")).toBeNull();
  });
});

describe("withQuery", () => {
  it("leaves out empty parameters", () => {
    expect(withQuery("/api/users", { page: 2, q: "", pageSize: 20 })).toBe("/api/users?page=2&pageSize=20");
    expect(withQuery("/api/provinces", { region: null })).toBe("/api/provinces");
  });
});

describe("toApiId", () => {
  it("sends numeric ids back as numbers", () => {
    expect(toApiId("12")).toBe(12);
    expect(toApiId("ab-1")).toBe("ab-1");
  });
});

describe("apiErrorFrom", () => {
  it("reads the contract's error body: code, message, field details with their parameters, and the refused action", async () => {
    const error = await apiErrorFrom({
      status: 400,
      statusText: "Bad Request",
      payload: {
        error: {
          code: "validation_failed",
          message: "Invalid body",
          details: [
            { path: "nameTh", message: "too long", code: "too_long", params: { max: 300 } },
            { path: "code", message: "required", code: "required" },
          ],
        },
      },
    });
    expect(error).toMatchObject({
      code: "validation_failed",
      status: 400,
      message: "Invalid body",
      reason: null,
      retryAfterSeconds: null,
    });
    expect(error.details).toEqual([
      { path: "nameTh", message: "too long", code: "too_long", params: { max: 300 } },
      { path: "code", message: "required", code: "required", params: {} },
    ]);
    expect(
      (
        await apiErrorFrom({
          status: 403,
          statusText: "Forbidden",
          payload: {
            error: { code: "forbidden", message: "no", reason: { action: "approve", resource: "plan_values" } },
          },
        })
      ).reason,
    ).toEqual({ action: "approve", resource: "plan_values" });
  });

  it("tells the error by its status when the body is not the contract's (a proxy's page, nothing)", async () => {
    expect(await apiErrorFrom({ status: 413, statusText: "Payload Too Large", payload: null })).toMatchObject({
      code: "validation_failed",
      message: "Payload Too Large",
      details: [],
    });
    expect(await apiErrorFrom({ status: 502, statusText: "Bad Gateway", payload: "<html>" })).toMatchObject({
      code: "internal",
    });
    expect(
      await apiErrorFrom({
        status: 429,
        statusText: "Too Many Requests",
        payload: { error: { code: "too_many_requests", message: "slow down" } },
        retryAfter: "30",
      }),
    ).toMatchObject({ code: "too_many_requests", retryAfterSeconds: 30 });
  });
});

describe("parseAnswer", () => {
  const answer = z.object({ items: z.array(z.object({ id: z.number().int(), nameTh: z.string().nullable() })) });

  it("gives the answer typed when it matches the contract", () => {
    expect(parseAnswer(answer, { items: [{ id: 1, nameTh: null }] }, "GET /api/x")).toEqual({
      items: [{ id: 1, nameTh: null }],
    });
  });

  it("throws bad_response naming the path of the first mismatch", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    let thrown: unknown;
    try {
      parseAnswer(
        answer,
        {
          items: [
            { id: 1, nameTh: null },
            { id: "2", nameTh: null },
          ],
        },
        "GET /api/x",
      );
    } catch (cause) {
      thrown = cause;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ code: "bad_response" });
    expect(String((thrown as Error).message)).toContain("GET /api/x at items.1.id");
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  it("never fills a missing field with a default", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => parseAnswer(answer, { items: [{ id: 1 }] })).toThrow(/at items\.0\.nameTh/);
    vi.restoreAllMocks();
  });
});
