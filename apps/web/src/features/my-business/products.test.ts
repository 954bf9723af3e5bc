import { describe, expect, it } from "vitest";
import { productProblems, productsAfter } from "./products";

const products = [
  { direction: "output", name: "กาแฟคั่ว", tsicCode: null },
  { direction: "input", name: "เมล็ดกาแฟ", tsicCode: "01271" },
];

describe("productProblems", () => {
  it("asks for a name and a TSIC code of 1-5 digits, as the server does", () => {
    expect(productProblems({ direction: "output", name: "  ", tsicCode: "" })).toEqual({ name: "nameRequired" });
    expect(productProblems({ direction: "output", name: "ก".repeat(301), tsicCode: "12a" })).toEqual({
      name: "nameTooLong",
      tsicCode: "tsicInvalid",
    });
    expect(productProblems({ direction: "input", name: "น้ำตาล", tsicCode: " 10721 " })).toEqual({});
  });
});

describe("productsAfter", () => {
  it("adds at the end, changes one in place and removes one, trimming what was typed", () => {
    const added = productsAfter(products, { index: null, draft: { direction: "output", name: " ดริป ", tsicCode: "" } });
    expect(added.map((p) => p.name)).toEqual(["กาแฟคั่ว", "เมล็ดกาแฟ", "ดริป"]);
    expect(added[2]).toEqual({ direction: "output", name: "ดริป", tsicCode: null });
    const changed = productsAfter(products, {
      index: 0,
      draft: { direction: "output", name: "กาแฟบด", tsicCode: "10791" },
    });
    expect(changed).toEqual([
      { direction: "output", name: "กาแฟบด", tsicCode: "10791" },
      { direction: "input", name: "เมล็ดกาแฟ", tsicCode: "01271" },
    ]);
    expect(productsAfter(products, { remove: 0 })).toEqual([
      { direction: "input", name: "เมล็ดกาแฟ", tsicCode: "01271" },
    ]);
  });
});
