import { clusterKinds, clusterStatuses, institutionKinds, maturities } from "@sainam/contract/choices";
import type { ClusterDetail } from "@sainam/contract";

export const CLUSTER_KINDS = clusterKinds;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

export function isClusterKind(value: unknown): value is ClusterKind {
  return CLUSTER_KINDS.some((kind) => kind === value);
}

export const CLUSTER_STATUSES = clusterStatuses;
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];

export function isClusterStatus(value: unknown): value is ClusterStatus {
  return CLUSTER_STATUSES.some((status) => status === value);
}

export const MATURITIES = maturities;
export type Maturity = (typeof MATURITIES)[number];

export function isMaturity(value: unknown): value is Maturity {
  return MATURITIES.some((maturity) => maturity === value);
}

/**
 * What the server answers about clusters, members and pending memberships: the contract's types, checked by its
 * schemas in the queries. A cluster as the directory lists it comes with its provinces and member count.
 */
export type {
  ClusterDetail,
  ClusterListItem as Cluster,
  ClusterPage,
  Member,
  MemberAdded,
  PendingMembership,
  Institution,
} from "@sainam/contract";
export type Participation = ClusterDetail["participations"][number];

export const INSTITUTION_KINDS = institutionKinds;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export function isInstitutionKind(value: unknown): value is InstitutionKind {
  return INSTITUTION_KINDS.some((kind) => kind === value);
}

/** Filters of the cluster directory, as kept in the address. */
export interface ClusterFilters {
  kind: string;
  region: string;
  province: string;
  provincialCluster: string;
  status: string;
  topLevel: boolean;
}

export const EMPTY_CLUSTER_FILTERS: ClusterFilters = {
  kind: "",
  region: "",
  province: "",
  provincialCluster: "",
  status: "",
  topLevel: false,
};

/** The directory's filters as the API's query parameters (`parent=none` for top-level clusters only). */
export function clusterQuery(filters: ClusterFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.kind) out.kind = filters.kind;
  if (filters.region) out.region = filters.region;
  if (filters.province) out.province = filters.province;
  if (filters.provincialCluster) out.provincialCluster = filters.provincialCluster;
  if (filters.status) out.status = filters.status;
  if (filters.topLevel) out.parent = "none";
  return out;
}

/** Reads the directory's filters from the address (`?kind=&region=&province=&pc=&status=&top=1`). */
export function clusterFiltersFrom(params: URLSearchParams): ClusterFilters {
  return {
    kind: params.get("kind") ?? "",
    region: params.get("region") ?? "",
    province: params.get("province") ?? "",
    provincialCluster: params.get("provincialCluster") ?? "",
    status: params.get("status") ?? "",
    topLevel: params.get("top") === "1",
  };
}

/** Policy tags the server accepts: BCG (and its three parts), SDG 1-17, Thailand 4.0, Sufficiency Economy. */
export type PolicyTag =
  | { kind: "bcg"; part: "bio" | "circular" | "green" | null }
  | { kind: "sdg"; goal: number }
  | { kind: "th40" }
  | { kind: "sep" };

export function parsePolicyTag(tag: string): PolicyTag | null {
  if (tag === "BCG") return { kind: "bcg", part: null };
  if (tag === "BCG:bio" || tag === "BCG:circular" || tag === "BCG:green") {
    return { kind: "bcg", part: tag === "BCG:bio" ? "bio" : tag === "BCG:circular" ? "circular" : "green" };
  }
  const sdg = /^SDG:(\d{1,2})$/.exec(tag);
  if (sdg) {
    const goal = Number(sdg[1]);
    return goal >= 1 && goal <= 17 ? { kind: "sdg", goal } : null;
  }
  if (tag === "TH4.0") return { kind: "th40" };
  if (tag === "SEP") return { kind: "sep" };
  return null;
}

/** Every tag an editor can choose, in the order the form lists them. */
export const POLICY_TAG_OPTIONS: readonly string[] = [
  "BCG",
  "BCG:bio",
  "BCG:circular",
  "BCG:green",
  ...Array.from({ length: 17 }, (_, i) => `SDG:${i + 1}`),
  "TH4.0",
  "SEP",
];
