import { describe, expect, it } from "vitest";
import {
  areaMatchOf,
  chooseExpert,
  compareCandidates,
  rankCandidates,
  type RoutingExpert,
  type RoutingProvider,
  type RoutingRequest,
} from "./routing.ts";

// Chiang Rai (57) is in the north (region "N"); Bangkok (10) in the centre.
const chiangRai = { code: "57", regionCode: "N" };
const centre: RoutingProvider = { id: 1, services: ["logistics", "marketing"], provinceCodes: ["57", "50"] };
const bangkokOnly: RoutingProvider = { id: 2, services: ["logistics"], provinceCodes: ["10"] };
const noLogistics: RoutingProvider = { id: 3, services: ["finance"], provinceCodes: ["57"] };

let nextId = 100;
function expert(overrides: Partial<RoutingExpert> = {}): RoutingExpert {
  return {
    id: nextId++,
    providerId: centre.id,
    fields: ["logistics"],
    areas: [],
    capacity: 5,
    available: true,
    openCases: 0,
    lastAssignedAt: null,
    ...overrides,
  };
}
const request = (overrides: Partial<RoutingRequest> = {}): RoutingRequest => ({
  field: "logistics",
  province: chiangRai,
  excludedExpertIds: [],
  ...overrides,
});
const ids = (r: RoutingRequest, experts: RoutingExpert[], providers = [centre, bangkokOnly, noLogistics]) =>
  rankCandidates(r, providers, experts).map((c) => c.expert.id);

describe("routing: who may serve a request", () => {
  it("takes only experts with the field", () => {
    const a = expert({ fields: ["marketing"] });
    const b = expert({ fields: ["marketing", "logistics"] });
    expect(ids(request(), [a, b])).toEqual([b.id]);
    expect(ids(request({ field: "marketing" }), [a, b])).toEqual([a.id, b.id]);
  });

  it("takes only experts whose provider offers the field", () => {
    const a = expert({ providerId: noLogistics.id, fields: ["logistics", "finance"] });
    expect(ids(request(), [a])).toEqual([]);
    expect(ids(request({ field: "finance" }), [a])).toEqual([a.id]);
  });

  it("takes only experts whose provider serves the province", () => {
    const a = expert({ providerId: bangkokOnly.id });
    expect(ids(request(), [a])).toEqual([]);
    expect(ids(request({ province: { code: "10", regionCode: "C" } }), [a])).toEqual([a.id]);
  });

  it("an expert serves their province, its region, or (no areas) wherever the provider does", () => {
    const byProvince = expert({ areas: [{ type: "province", code: "57" }] });
    const byRegion = expert({ areas: [{ type: "region", code: "N" }] });
    const anywhere = expert({ areas: [] });
    const elsewhere = expert({
      areas: [
        { type: "province", code: "50" },
        { type: "region", code: "S" },
      ],
    });
    const ranked = rankCandidates(request(), [centre], [byProvince, byRegion, anywhere, elsewhere]);
    expect(ranked.map((c) => [c.expert.id, c.reason.areaMatch, c.reason.areaType])).toEqual([
      [byProvince.id, "province", "province"],
      [byRegion.id, "region", "region"],
      [anywhere.id, "provider", null],
    ]);
  });

  it("names the province over the region when an expert names both", () => {
    expect(
      areaMatchOf(
        [
          { type: "region", code: "N" },
          { type: "province", code: "57" },
        ],
        chiangRai,
      ),
    ).toEqual({ match: "province", type: "province" });
    expect(areaMatchOf([{ type: "region", code: "C" }], chiangRai)).toBeNull();
  });

  it("keeps the facts of the reason: field, province, open cases and capacity", () => {
    const a = expert({ openCases: 2, capacity: 5, areas: [{ type: "province", code: "57" }] });
    expect(chooseExpert(request(), [centre], [a])?.reason).toEqual({
      field: "logistics",
      provinceCode: "57",
      areaMatch: "province",
      areaType: "province",
      openCases: 2,
      capacity: 5,
      manual: false,
    });
  });
});

describe("routing: whom it is offered to", () => {
  it("skips an expert whose capacity is full, and lists them as without room", () => {
    const full = expert({ openCases: 3, capacity: 3 });
    const free = expert({ openCases: 4, capacity: 5 });
    expect(chooseExpert(request(), [centre], [full, free])?.expert.id).toBe(free.id);
    const ranked = rankCandidates(request(), [centre], [full, free]);
    expect(ranked.find((c) => c.expert.id === full.id)?.hasRoom).toBe(false);
  });

  it("skips an unavailable expert", () => {
    const away = expert({ available: false });
    const here = expert({ openCases: 4 });
    expect(chooseExpert(request(), [centre], [away, here])?.expert.id).toBe(here.id);
    expect(chooseExpert(request(), [centre], [away])).toBeNull();
  });

  it("never offers it again to an expert who declined it or let it expire", () => {
    const declined = expert();
    const other = expert({ openCases: 3 });
    const r = request({ excludedExpertIds: [declined.id] });
    expect(chooseExpert(r, [centre], [declined, other])?.expert.id).toBe(other.id);
    expect(
      chooseExpert(request({ excludedExpertIds: [declined.id, other.id] }), [centre], [declined, other]),
    ).toBeNull();
    expect(rankCandidates(r, [centre], [declined, other]).find((c) => c.expert.id === declined.id)?.excluded).toBe(
      true,
    );
  });

  it("finds nobody when no provider serves the province", () => {
    expect(chooseExpert(request({ province: { code: "90", regionCode: "S" } }), [centre], [expert()])).toBeNull();
  });

  it("prefers the lower load ratio over fewer open cases", () => {
    const small = expert({ openCases: 1, capacity: 2 }); // 50 %
    const big = expert({ openCases: 3, capacity: 10 }); // 30 %
    expect(chooseExpert(request(), [centre], [small, big])?.expert.id).toBe(big.id);
  });

  it("on equal ratios prefers fewer open cases", () => {
    const a = expert({ openCases: 2, capacity: 4 });
    const b = expert({ openCases: 1, capacity: 2 });
    expect(ids(request(), [a, b], [centre])).toEqual([b.id, a.id]);
  });

  it("on equal load prefers the one offered a request least recently, never-offered first", () => {
    const recent = expert({ lastAssignedAt: "2026-12-07T09:00:00.000Z" });
    const earlier = expert({ lastAssignedAt: "2026-12-01T09:00:00.000Z" });
    const never = expert({ lastAssignedAt: null });
    expect(ids(request(), [recent, earlier, never], [centre])).toEqual([never.id, earlier.id, recent.id]);
  });

  it("breaks full ties by id, so the same data always routes the same way", () => {
    const a = expert({ id: 7 });
    const b = expert({ id: 3 });
    expect(ids(request(), [a, b], [centre])).toEqual([3, 7]);
    expect(compareCandidates(a, a)).toBe(0);
  });

  it("routes across providers: any provider serving the field and province", () => {
    const second: RoutingProvider = { id: 4, services: ["logistics"], provinceCodes: ["57"] };
    const busy = expert({ openCases: 4 });
    const other = expert({ providerId: second.id, openCases: 1 });
    expect(chooseExpert(request(), [centre, second], [busy, other])?.expert.id).toBe(other.id);
  });
});
