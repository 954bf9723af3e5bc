import { describe, expect, it } from "vitest";
import { ApiError, isMissingRoute } from "./client";
import { fieldErrorsOf, unplacedErrors } from "./field-errors";

const error = new ApiError({
  code: "validation_failed",
  status: 400,
  message: "body: juristicId wrong check digit",
  details: [
    { path: "juristicId", message: "has a wrong check digit" },
    { path: "juristicId", message: "second message" },
    { path: "products.0.name", message: "must not be empty" },
  ],
});

describe("fieldErrorsOf", () => {
  it("keys the server's messages by field, first one wins", () => {
    expect(fieldErrorsOf(error)).toEqual({ juristicId: "has a wrong check digit", "products.0.name": "must not be empty" });
  });

  it("gives nothing for errors that are not from the API", () => {
    expect(fieldErrorsOf(new Error("x"))).toEqual({});
  });

  it("lists the messages no field shows", () => {
    expect(unplacedErrors(error, ["juristicId"])).toEqual(["products.0.name: must not be empty"]);
  });
});

describe("isMissingRoute", () => {
  it("tells a route the server lacks from a record it lacks", () => {
    expect(isMissingRoute(new ApiError({ code: "not_found", status: 404, message: "No route GET /api/search." }))).toBe(true);
    expect(isMissingRoute(new ApiError({ code: "not_found", status: 404, message: "cluster 9 was not found." }))).toBe(false);
  });
});
