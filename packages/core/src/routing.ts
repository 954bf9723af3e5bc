import type { ExpertAreaType } from "./service-providers.ts";
import { hasRoomForCase, servesProvince } from "./service-providers.ts";

/**
 * Routing a request for help (issue 13, point 3): which experts could take it, in what order, and why. Pure; the
 * server loads the providers, experts and their open cases, and stores the chosen expert's reason with the offer.
 *
 * A candidate is an expert who has the request's field, of a provider that offers the field and serves the
 * province, who serves the province themselves (their province, its region, or no areas: wherever their provider
 * serves). Of those, routing offers the request only to one who is available, has room (open cases below capacity)
 * and has not already declined it or let it expire. They are ranked by load ratio (open cases / capacity), then
 * open cases, then who was offered a request least recently (never first), then id: the least busy first, ties
 * shared out in turn, and the same order every time for the same data.
 */

export type RoutingProvider = {
  id: number;
  /** Fields it offers (provider_services). */
  services: readonly string[];
  /** Provinces it serves (provider_provinces; an ITC centre lists all 77). */
  provinceCodes: readonly string[];
};

export type RoutingExpert = {
  id: number;
  providerId: number;
  fields: readonly string[];
  areas: readonly { type: ExpertAreaType; code: string }[];
  capacity: number;
  available: boolean;
  /** Requests assigned to or accepted by them now. */
  openCases: number;
  /** When they were last offered a request (ISO instant), null when never. */
  lastAssignedAt: string | null;
};

export type RoutingRequest = {
  field: string;
  province: { code: string; regionCode: string };
  /** Experts who declined this request or let it expire: never offered it again by routing. */
  excludedExpertIds: readonly number[];
};

/** How an expert's areas met the province: they name it, they name its region, or they name none (the provider's). */
export type AreaMatch = "province" | "region" | "provider";

/** What routing weighed, stored with the offer and shown in words ("logistics expert serving Chiang Rai, 2 of 5"). */
export type RoutingReasonFacts = {
  field: string;
  provinceCode: string;
  areaMatch: AreaMatch;
  areaType: ExpertAreaType | null;
  openCases: number;
  capacity: number;
  manual: boolean;
};

export type RoutingCandidate = {
  expert: RoutingExpert;
  reason: RoutingReasonFacts;
  /** Available and below capacity. */
  hasRoom: boolean;
  /** Declined this request or let it expire before. */
  excluded: boolean;
};

/** How the expert's areas match the province, or null when they do not serve it. */
export function areaMatchOf(
  areas: RoutingExpert["areas"],
  province: RoutingRequest["province"],
): { match: AreaMatch; type: ExpertAreaType | null } | null {
  if (!servesProvince(areas, province)) return null;
  if (areas.length === 0) return { match: "provider", type: null };
  if (areas.some((a) => a.type === "province" && a.code === province.code))
    return { match: "province", type: "province" };
  return { match: "region", type: "region" };
}

/** True when the provider offers the field in the province. */
export function providerServes(provider: RoutingProvider, field: string, provinceCode: string): boolean {
  return provider.services.includes(field) && provider.provinceCodes.includes(provinceCode);
}

/** Load ratio, then open cases, then least recently offered (never first), then id. */
export function compareCandidates(a: RoutingExpert, b: RoutingExpert): number {
  const ratio = a.openCases / a.capacity - b.openCases / b.capacity;
  if (ratio !== 0) return ratio < 0 ? -1 : 1;
  if (a.openCases !== b.openCases) return a.openCases - b.openCases;
  if (a.lastAssignedAt !== b.lastAssignedAt) {
    if (a.lastAssignedAt === null) return -1;
    if (b.lastAssignedAt === null) return 1;
    return a.lastAssignedAt < b.lastAssignedAt ? -1 : 1;
  }
  return a.id - b.id;
}

/**
 * Every expert who could serve the request by field and place, ranked, each with its reason and whether routing
 * may offer it now (room, not excluded). A manager choosing by hand sees them all; routing takes the first offerable.
 */
export function rankCandidates(
  request: RoutingRequest,
  providers: readonly RoutingProvider[],
  experts: readonly RoutingExpert[],
): RoutingCandidate[] {
  const serving = new Set(
    providers.filter((p) => providerServes(p, request.field, request.province.code)).map((p) => p.id),
  );
  const out: RoutingCandidate[] = [];
  for (const expert of experts) {
    if (!serving.has(expert.providerId) || !expert.fields.includes(request.field)) continue;
    const area = areaMatchOf(expert.areas, request.province);
    if (area === null) continue;
    out.push({
      expert,
      reason: {
        field: request.field,
        provinceCode: request.province.code,
        areaMatch: area.match,
        areaType: area.type,
        openCases: expert.openCases,
        capacity: expert.capacity,
        manual: false,
      },
      hasRoom: hasRoomForCase(expert, expert.openCases),
      excluded: request.excludedExpertIds.includes(expert.id),
    });
  }
  return out.sort((a, b) => compareCandidates(a.expert, b.expert));
}

/** The expert routing offers the request to, or null when nobody offerable serves it. */
export function chooseExpert(
  request: RoutingRequest,
  providers: readonly RoutingProvider[],
  experts: readonly RoutingExpert[],
): RoutingCandidate | null {
  return rankCandidates(request, providers, experts).find((c) => c.hasRoom && !c.excluded) ?? null;
}
