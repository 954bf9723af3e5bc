import { describe, expect, it } from "vitest";
import { buildAgencyTree, type Agency } from "./model";

const agency = (id: number, parentId: number | null, nameEn = `agency ${id}`): Agency => ({
  id,
  code: `a${id}`,
  nameEn,
  nameTh: null,
  abbreviation: null,
  kind: "office",
  parentId,
  descriptionEn: null,
  provinceCodes: [],
});

const byName = (a: Agency, b: Agency) => (a.nameEn ?? "").localeCompare(b.nameEn ?? "");

describe("buildAgencyTree", () => {
  it("puts agencies under their parents, sorted", () => {
    const tree = buildAgencyTree([agency(2, 3, "b"), agency(3, null, "m"), agency(1, 3, "a")], byName);
    expect(tree.map((n) => n.agency.id)).toEqual([3]);
    expect(tree[0]?.children.map((n) => n.agency.id)).toEqual([1, 2]);
  });

  it("keeps an agency whose parent is unknown as a root", () => {
    const tree = buildAgencyTree([agency(7, 99)], byName);
    expect(tree.map((n) => n.agency.id)).toEqual([7]);
  });

  it("does not loop on a parent cycle", () => {
    const tree = buildAgencyTree([agency(1, 2), agency(2, 1)], byName);
    expect(tree.length).toBeGreaterThan(0);
  });
});
