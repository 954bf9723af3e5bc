import { describe, expect, it } from "vitest";
import { inPlanOrder } from "./plan.repository.ts";

const node = (id: number, parent_id: number | null, position: number) => ({ id, parent_id, position });
const indicator = (id: number, plan_node_id: number, position: number) => ({ id, plan_node_id, position });

describe("inPlanOrder", () => {
  it("walks the tree depth-first by node position, each node's indicators by position before its children's", () => {
    // Roots 1 (position 1) and 2 (position 0); node 3 under 1 at position 0; node 4 under 3.
    const nodes = [node(1, null, 1), node(2, null, 0), node(3, 1, 0), node(4, 3, 0)];
    const indicators = [
      indicator(10, 1, 1),
      indicator(11, 1, 0),
      indicator(12, 3, 0),
      indicator(13, 2, 0),
      indicator(14, 4, 0),
    ];
    expect(inPlanOrder(nodes, indicators).map((i) => i.id)).toEqual([13, 11, 10, 12, 14]);
  });

  it("breaks position ties by id, and puts indicators of nodes it was not given last, by id", () => {
    const nodes = [node(5, null, 0), node(2, null, 0)];
    const indicators = [
      indicator(21, 99, 0),
      indicator(20, 5, 0),
      indicator(19, 2, 3),
      indicator(18, 2, 3),
      indicator(17, 98, 0),
    ];
    expect(inPlanOrder(nodes, indicators).map((i) => i.id)).toEqual([18, 19, 20, 17, 21]);
  });

  it("treats a node whose parent is missing as a root and does not loop on a cycle", () => {
    const nodes = [node(1, 2, 0), node(2, 1, 0), node(3, 42, 0)];
    const indicators = [indicator(30, 3, 0), indicator(31, 1, 0)];
    // 1 and 2 only reach each other: neither is a root, so their indicators go last.
    expect(inPlanOrder(nodes, indicators).map((i) => i.id)).toEqual([30, 31]);
  });

  it("keeps the fields of the rows it is given", () => {
    const rows = [{ ...indicator(1, 1, 0), code: "1.1" }];
    expect(inPlanOrder([node(1, null, 0)], rows)[0]?.code).toBe("1.1");
  });
});
