import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, parseAnswer, readCookie, toApiId, withQuery } from "./client";

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

describe("parseAnswer", () => {
  const answer = z.object({ items: z.array(z.object({ id: z.number().int(), nameTh: z.string().nullable() })) });

  it("gives the answer typed when it matches the contract", () => {
    expect(parseAnswer(answer, { items: [{ id: 1, nameTh: null }] }, "GET /api/x")).toEqual({ items: [{ id: 1, nameTh: null }] });
  });

  it("throws bad_response naming the path of the first mismatch", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    let thrown: unknown;
    try {
      parseAnswer(answer, { items: [{ id: 1, nameTh: null }, { id: "2", nameTh: null }] }, "GET /api/x");
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
