import { planTreeSchema } from "@sainam/contract";
import { describe, expect, it, vi } from "vitest";
import { parseAnswer } from "../../api/client";
import {
  baselinePeriodKeys,
  planFiscalSpan,
  targetPeriodKeys,
  branchIds,
  findNode,
  flattenNodes,
  mayLinkUp,
  pathTo,
  planLevelRank,
  siblingsOf,
  visibleNodes,
  type PlanNode,
} from "./model";

const node = (id: number, children: PlanNode[] = []): PlanNode => ({
  id,
  planId: 1,
  kind: "strategy",
  code: `C${id}`,
  titleEn: String(id),
  titleTh: null,
  bodyEn: null,
  bodyTh: null,
  parentId: null,
  position: 0,
  servesNodeId: null,
  indicators: [],
  children,
});

const tree = [node(1, [node(11, [node(111)]), node(12)]), node(2)];

describe("visibleNodes", () => {
  it("shows only roots when nothing is expanded", () => {
    expect(visibleNodes(tree, new Set()).map((v) => v.node.id)).toEqual([1, 2]);
  });

  it("shows children of expanded nodes with level and position", () => {
    const rows = visibleNodes(tree, new Set([1]));
    expect(rows.map((v) => v.node.id)).toEqual([1, 11, 12, 2]);
    expect(rows[1]).toMatchObject({ level: 2, posInSet: 1, setSize: 2, parentId: 1 });
  });
});

describe("tree helpers", () => {
  it("lists every branch for expand-all", () => {
    expect(branchIds(tree)).toEqual([1, 11]);
  });

  it("finds the path to a node, and a node by the id or code an address gives", () => {
    expect(pathTo(tree, 111).map((n) => n.id)).toEqual([1, 11, 111]);
    expect(findNode(tree, "C12")?.id).toBe(12);
    expect(findNode(tree, "111")?.id).toBe(111);
    expect(findNode(tree, "nope")).toBeNull();
  });
});

describe("a plan's tree, checked by the contract", () => {
  const target = {
    id: 7,
    indicatorId: 5,
    periodKey: null,
    period: null,
    orgUnitType: null,
    orgUnitCode: null,
    textEn: "increase 1-2%",
    textTh: null,
    target: { kind: "range" },
    kind: "range",
    labels: null,
    needsThreshold: false,
  };
  const indicator = {
    id: 5,
    nodeId: 10,
    planId: 1,
    position: 0,
    code: "1.2",
    nameEn: "Registrations",
    nameTh: null,
    unit: "%",
    direction: "increase",
    aggregation: "sum",
    ratioScale: null,
    baselineValue: null,
    baselinePeriod: null,
    disaggregations: [],
    decimals: null,
    descriptionEn: null,
    descriptionTh: null,
    computedFrom: null,
    targets: [target],
  };
  const fields = { planId: 1, position: 0, titleTh: null, bodyEn: null, bodyTh: null, servesNodeId: null };
  const plan = {
    id: 1,
    code: "MOC-PC-2017",
    titleEn: "Plan",
    titleTh: null,
    descriptionEn: null,
    descriptionTh: null,
    level: "national_strategy",
    ownerAgencyId: 3,
    clusterId: null,
    provincialClusterId: null,
    programmeId: null,
    periodStart: "2017-01-01",
    periodEnd: "2021-12-31",
    status: "active",
    version: 1,
    previousVersionId: null,
    published: true,
    approvalLevels: 1,
    canEdit: false,
    nodes: [
      {
        ...fields,
        id: 10,
        parentId: null,
        kind: "strategy",
        code: "S1",
        titleEn: "Strategy 1",
        indicators: [indicator],
        children: [
          {
            ...fields,
            id: 11,
            parentId: 10,
            kind: "objective",
            code: "S1.O",
            titleEn: "Objective",
            indicators: [],
            children: [],
          },
        ],
      },
    ],
  };

  it("reads a nested plan with its indicators and targets", () => {
    const read = parseAnswer(planTreeSchema, plan);
    expect(read.id).toBe(1);
    expect(read.nodes[0]?.children[0]?.id).toBe(11);
    expect(read.nodes[0]?.indicators[0]?.targets[0]?.target).toEqual({ kind: "range" });
  });

  it("fails loudly, naming the path, when a nested node lacks a field instead of defaulting it", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const broken = {
      ...plan,
      nodes: [
        {
          ...plan.nodes[0],
          children: [{ id: 11, kind: "objective", code: "S1.O", titleEn: "Objective", children: [] }],
        },
      ],
    };
    expect(() => parseAnswer(planTreeSchema, broken)).toThrow(
      expect.objectContaining({ code: "bad_response", message: expect.stringContaining("nodes.0.children.0") }),
    );
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
    const child = { ...node(2), parentId: 1 };
    const other = { ...node(3), parentId: 1 };
    const root = node(1, [child, other]);
    const tree = [root, node(4)];
    expect(siblingsOf(tree, child).map((n) => n.id)).toEqual([2, 3]);
    expect(siblingsOf(tree, root).map((n) => n.id)).toEqual([1, 4]);
    expect(flattenNodes(tree).map((n) => n.id)).toEqual([1, 2, 3, 4]);
  });
});

describe("planFiscalSpan and the period pickers", () => {
  it("runs a plan of 1 Oct 2016 – 30 Sep 2021 over FY2017–FY2021", () => {
    expect(planFiscalSpan("2016-10-01", "2021-09-30")).toEqual({ first: 2017, last: 2021 });
  });

  it("falls back to the current fiscal year for a plan without dates", () => {
    expect(planFiscalSpan(null, null, new Date("2026-12-07T00:00:00Z"))).toEqual({ first: 2027, last: 2027 });
  });

  it("offers baselines from five years before the plan, and keeps a chosen calendar year", () => {
    const keys = baselinePeriodKeys({ first: 2021, last: 2022 }, "CY2019");
    expect(keys).toEqual(["CY2019", "FY2016", "FY2017", "FY2018", "FY2019", "FY2020", "FY2021", "FY2022"]);
  });

  it("offers targets for the plan's years and their quarters", () => {
    expect(targetPeriodKeys({ first: 2021, last: 2021 }, null)).toEqual([
      "FY2021",
      "FY2021-Q1",
      "FY2021-Q2",
      "FY2021-Q3",
      "FY2021-Q4",
    ]);
  });
});
