import { describe, expect, it } from "vitest";
import { branchIds, findNode, flattenNodes, mayLinkUp, pathTo, planDetailDecoder, planLevelRank, siblingsOf, visibleNodes, type PlanNode } from "./model";

const node = (id: string, children: PlanNode[] = []): PlanNode => ({
  id,
  kind: "strategy",
  code: `C${id}`,
  titleEn: id,
  titleTh: null,
  bodyEn: null,
  bodyTh: null,
  parentId: null,
  position: 0,
  servesNodeId: null,
  indicators: [],
  children,
});

const tree = [node("1", [node("1.1", [node("1.1.1")]), node("1.2")]), node("2")];

describe("visibleNodes", () => {
  it("shows only roots when nothing is expanded", () => {
    expect(visibleNodes(tree, new Set()).map((v) => v.node.id)).toEqual(["1", "2"]);
  });

  it("shows children of expanded nodes with level and position", () => {
    const rows = visibleNodes(tree, new Set(["1"]));
    expect(rows.map((v) => v.node.id)).toEqual(["1", "1.1", "1.2", "2"]);
    expect(rows[1]).toMatchObject({ level: 2, posInSet: 1, setSize: 2, parentId: "1" });
  });
});

describe("tree helpers", () => {
  it("lists every branch for expand-all", () => {
    expect(branchIds(tree)).toEqual(["1", "1.1"]);
  });

  it("finds the path to a node and a node by code", () => {
    expect(pathTo(tree, "1.1.1").map((n) => n.id)).toEqual(["1", "1.1", "1.1.1"]);
    expect(findNode(tree, "C1.2")?.id).toBe("1.2");
    expect(findNode(tree, "nope")).toBeNull();
  });
});

describe("planDetailDecoder", () => {
  it("decodes a nested plan with numeric ids and missing Thai text", () => {
    const plan = planDetailDecoder({
      id: 1,
      code: "MOC-PC-2017",
      titleEn: "Plan",
      titleTh: null,
      level: "national",
      ownerAgencyId: 3,
      periodStart: "2017-01-01",
      periodEnd: "2021-12-31",
      nodes: [
        {
          id: 10,
          kind: "strategy",
          code: "S1",
          titleEn: "Strategy 1",
          titleTh: null,
          bodyEn: null,
          bodyTh: null,
          indicators: [
            {
              id: 5,
              code: "1.2",
              nameEn: "Registrations",
              nameTh: null,
              unit: "%",
              targets: [{ id: 7, period: null, textEn: "increase 1-2%", textTh: null, target: { kind: "range" } }],
            },
          ],
          children: [{ id: 11, kind: "objective", code: "S1.O", titleEn: "Objective", children: [] }],
        },
      ],
    });
    expect(plan.id).toBe("1");
    expect(plan.nodes[0]?.children[0]?.id).toBe("11");
    expect(plan.nodes[0]?.indicators[0]?.targets[0]?.target).toEqual({ kind: "range" });
  });
});

describe("plan levels and siblings for the editor", () => {
  it("ranks the national strategy highest and the cluster plan lowest, unknown levels below all", () => {
    expect(planLevelRank("national_strategy")).toBeGreaterThan(planLevelRank("agency_programme"));
    expect(planLevelRank("provincial_cluster_plan")).toBeGreaterThan(planLevelRank("cluster_plan"));
    expect(planLevelRank("master")).toBe(0);
  });

  it("offers a link to a higher plan to every level but the national strategy (and unknown levels)", () => {
    expect(mayLinkUp("national_strategy")).toBe(false);
    expect(mayLinkUp("agency_programme")).toBe(true);
    expect(mayLinkUp("provincial_cluster_plan")).toBe(true);
    expect(mayLinkUp("cluster_plan")).toBe(true);
    expect(mayLinkUp("master")).toBe(false);
  });

  it("finds a node's siblings under its parent, and the roots for a root", () => {
    const child = { ...node("b"), parentId: "a" };
    const other = { ...node("c"), parentId: "a" };
    const root = node("a", [child, other]);
    const tree = [root, node("d")];
    expect(siblingsOf(tree, child).map((n) => n.id)).toEqual(["b", "c"]);
    expect(siblingsOf(tree, root).map((n) => n.id)).toEqual(["a", "d"]);
    expect(flattenNodes(tree).map((n) => n.id)).toEqual(["a", "b", "c", "d"]);
  });
});
