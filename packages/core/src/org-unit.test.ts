import { describe, expect, it } from "vitest";
import { canonicalDisaggregation, isOrgUnitType, parseDisaggregation } from "./org-unit.ts";

describe("canonicalDisaggregation", () => {
  const enabled = ["size_class", "stage", "owner_sex"];

  it("sorts dimensions so one breakdown has one spelling", () => {
    const a = canonicalDisaggregation({ stage: "upstream", size_class: "micro" }, enabled);
    const b = canonicalDisaggregation({ size_class: "micro", stage: "upstream" }, enabled);
    expect(a).toEqual({ ok: true, value: "size_class=micro;stage=upstream" });
    expect(b).toEqual(a);
  });

  it("writes the total as the empty string", () => {
    expect(canonicalDisaggregation({}, enabled)).toEqual({ ok: true, value: "" });
  });

  it("refuses unknown dimensions, options, and dimensions the indicator does not break down by", () => {
    expect(canonicalDisaggregation({ colour: "red" }, enabled)).toEqual({
      ok: false,
      problem: { dimension: "colour", reason: "unknown_dimension" },
    });
    expect(canonicalDisaggregation({ size_class: "huge" }, enabled)).toEqual({
      ok: false,
      problem: { dimension: "size_class", reason: "unknown_option" },
    });
    expect(canonicalDisaggregation({ stage: "upstream" }, ["size_class"])).toEqual({
      ok: false,
      problem: { dimension: "stage", reason: "not_enabled" },
    });
  });

  it("reads the stored form back", () => {
    expect(parseDisaggregation("size_class=micro;stage=upstream")).toEqual({ size_class: "micro", stage: "upstream" });
    expect(parseDisaggregation("")).toEqual({});
  });
});

describe("isOrgUnitType", () => {
  it("knows the six unit types and nothing else", () => {
    expect(["nation", "region", "provincial_cluster", "province", "cluster", "programme"].every(isOrgUnitType)).toBe(
      true,
    );
    expect(isOrgUnitType("district")).toBe(false);
  });
});
