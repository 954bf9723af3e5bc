import { describe, expect, it } from "vitest";
import {
  clusterDetailDecoder,
  clusterFiltersFrom,
  clusterPageDecoder,
  clusterQuery,
  memberDecoder,
  parsePolicyTag,
  POLICY_TAG_OPTIONS,
} from "./model";

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
};

describe("cluster decoders", () => {
  it("reads a directory page and leaves provinces and member count unknown when the list lacks them", () => {
    const page = clusterPageDecoder({ items: [listItem], total: 1, page: 1, pageSize: 20 });
    expect(page.items[0]?.id).toBe("2");
    expect(page.items[0]?.parentId).toBe("1");
    expect(page.items[0]?.provinceCodes).toBeNull();
    expect(page.items[0]?.memberCount).toBeNull();
  });

  it("keeps provinces and member count when the list has them", () => {
    const page = clusterPageDecoder({ items: [{ ...listItem, provinceCodes: ["57"], memberCount: 3 }], total: 1 });
    expect(page.items[0]?.provinceCodes).toEqual(["57"]);
    expect(page.items[0]?.memberCount).toBe(3);
  });

  it("reads a cluster's detail with participations and counts per stage", () => {
    const detail = clusterDetailDecoder({
      ...listItem,
      provinceCodes: ["50", "57"],
      participations: [{ agencyId: 4, fiscalYear: 2021, programme: null }],
      stageCounts: { upstream: 2, midstream: 1 },
      memberCount: 3,
      childIds: [5],
    });
    expect(detail.participations[0]).toEqual({ agencyId: "4", fiscalYear: 2021, programme: null });
    expect(detail.stageCounts).toEqual({ upstream: 2, midstream: 1 });
    expect(detail.childIds).toEqual(["5"]);
  });

  it("fails clearly when a member has no stage", () => {
    expect(() => memberDecoder({ enterpriseId: 1, nameTh: null, nameEn: null })).toThrow(/stage/);
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
