import { clusterDetailSchema, clusterPageSchema, memberSchema } from "@sainam/contract";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { parseAnswer } from "../../api/client";
import { clusterFiltersFrom, clusterQuery, parsePolicyTag, POLICY_TAG_OPTIONS } from "./model";

const listItem = {
  id: 2,
  code: "coffee-chiangrai",
  kind: "industry_cluster",
  nameTh: "กาแฟเชียงราย",
  nameEn: "Chiang Rai Coffee",
  descriptionTh: null,
  descriptionEn: null,
  tsicCode: null,
  isicCode: null,
  parentId: 1,
  coordinatorUserId: null,
  coordinatingAgencyId: 4,
  cooperatingAgencyId: null,
  policyTags: ["BCG"],
  maturity: null,
  status: "active",
  published: true,
  isExample: false,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
};

// A mismatch is logged as well as thrown; keep the expected ones out of the test output.
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

describe("cluster answers, checked by the contract", () => {
  it("read a directory page with each cluster's provinces and member count", () => {
    const page = parseAnswer(clusterPageSchema, {
      items: [{ ...listItem, provinceCodes: ["57"], memberCount: 3 }],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    expect(page.items[0]?.id).toBe(2);
    expect(page.items[0]?.parentId).toBe(1);
    expect(page.items[0]?.provinceCodes).toEqual(["57"]);
    expect(page.items[0]?.memberCount).toBe(3);
  });

  it("fail loudly when a directory item lacks its provinces (no silent unknown)", () => {
    expect(() => parseAnswer(clusterPageSchema, { items: [listItem], total: 1, page: 1, pageSize: 20 })).toThrow(
      expect.objectContaining({ code: "bad_response", message: expect.stringContaining("items.0.provinceCodes") }),
    );
  });

  it("read a cluster's detail with participations and counts per stage", () => {
    const detail = parseAnswer(clusterDetailSchema, {
      ...listItem,
      provinceCodes: ["50", "57"],
      participations: [{ agencyId: 4, fiscalYear: 2021, programme: null }],
      stageCounts: { upstream: 2, midstream: 1 },
      memberCount: 3,
      childIds: [5],
    });
    expect(detail.participations[0]).toEqual({ agencyId: 4, fiscalYear: 2021, programme: null });
    expect(detail.stageCounts).toEqual({ upstream: 2, midstream: 1 });
    expect(detail.childIds).toEqual([5]);
  });

  it("fail clearly when a member has no stage", () => {
    expect(() => parseAnswer(memberSchema, { enterpriseId: 1, nameTh: null, nameEn: null })).toThrow(
      expect.objectContaining({ code: "bad_response" }),
    );
  });
});

describe("directory filters", () => {
  it("round-trip through the address and become API parameters", () => {
    const filters = clusterFiltersFrom(new URLSearchParams("kind=industry_cluster&province=57&top=1"));
    expect(clusterQuery(filters)).toEqual({ kind: "industry_cluster", province: "57", parent: "none" });
  });
});

describe("parsePolicyTag", () => {
  it("reads BCG, its parts, SDG goals, Thailand 4.0 and SEP", () => {
    expect(parsePolicyTag("BCG")).toEqual({ kind: "bcg", part: null });
    expect(parsePolicyTag("BCG:green")).toEqual({ kind: "bcg", part: "green" });
    expect(parsePolicyTag("SDG:12")).toEqual({ kind: "sdg", goal: 12 });
    expect(parsePolicyTag("TH4.0")).toEqual({ kind: "th40" });
    expect(parsePolicyTag("SEP")).toEqual({ kind: "sep" });
  });

  it("rejects unknown tags and SDG numbers outside 1-17", () => {
    expect(parsePolicyTag("SDG:18")).toBeNull();
    expect(parsePolicyTag("ESG")).toBeNull();
  });

  it("offers every tag the server accepts", () => {
    expect(POLICY_TAG_OPTIONS).toHaveLength(23);
    expect(POLICY_TAG_OPTIONS.every((tag) => parsePolicyTag(tag) !== null)).toBe(true);
  });
});
