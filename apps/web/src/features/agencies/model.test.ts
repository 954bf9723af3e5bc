import { describe, expect, it } from "vitest";
import { buildAgencyTree, type Agency } from "./model";

const agency = (id: string, parentId: string | null, nameEn = id): Agency => ({
  id,
  code: id,
  nameEn,
  nameTh: null,
  abbreviation: null,
  kind: "office",
  parentId,
});

const byName = (a: Agency, b: Agency) => a.nameEn.localeCompare(b.nameEn);

describe("buildAgencyTree", () => {
  it("puts agencies under their parents, sorted", () => {
    const tree = buildAgencyTree([agency("b", "m"), agency("m", null), agency("a", "m")], byName);
    expect(tree.map((n) => n.agency.id)).toEqual(["m"]);
    expect(tree[0]?.children.map((n) => n.agency.id)).toEqual(["a", "b"]);
  });

  it("keeps an agency whose parent is unknown as a root", () => {
    const tree = buildAgencyTree([agency("x", "missing")], byName);
    expect(tree.map((n) => n.agency.id)).toEqual(["x"]);
  });

  it("does not loop on a parent cycle", () => {
    const tree = buildAgencyTree([agency("a", "b"), agency("b", "a")], byName);
    expect(tree.length).toBeGreaterThan(0);
  });
});
