import { describe, expect, it } from "vitest";
import { changedKeys, prettyJson } from "./model";

describe("changedKeys", () => {
  it("lists the fields that changed", () => {
    expect(changedKeys({ id: 2, active: true, role: "member" }, { id: 2, active: false, role: "member" })).toEqual([
      "active",
    ]);
  });

  it("reads snapshots stored as JSON text", () => {
    expect(changedKeys('{"nameEn":"A"}', '{"nameEn":"B"}')).toEqual(["nameEn"]);
  });
});

describe("prettyJson", () => {
  it("indents objects and leaves null out", () => {
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(prettyJson(null)).toBeNull();
  });
});
