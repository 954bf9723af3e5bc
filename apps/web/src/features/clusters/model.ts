import {
  arrayOf,
  bool,
  id,
  lenient,
  nullable,
  num,
  numberRecord,
  object,
  str,
  withDefault,
  type Decoded,
} from "../../api/decode";

export const CLUSTER_KINDS = ["industry_cluster", "sme_network_cluster", "provincial_trade_cluster"] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

export function isClusterKind(value: unknown): value is ClusterKind {
  return CLUSTER_KINDS.some((kind) => kind === value);
}

export const CLUSTER_STATUSES = ["active", "archived"] as const;
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];

export function isClusterStatus(value: unknown): value is ClusterStatus {
  return CLUSTER_STATUSES.some((status) => status === value);
}

export const MATURITIES = ["emerging", "developing", "mature", "declining"] as const;
export type Maturity = (typeof MATURITIES)[number];

export function isMaturity(value: unknown): value is Maturity {
  return MATURITIES.some((maturity) => maturity === value);
}

/** A cluster as the directory lists it. Provinces and member count come only with newer servers, hence optional. */
export const clusterDecoder = object({
  id,
  code: withDefault(str, ""),
  kind: withDefault(str, ""),
  nameTh: nullable(str),
  nameEn: nullable(str),
  descriptionTh: nullable(str),
  descriptionEn: nullable(str),
  tsicCode: nullable(str),
  isicCode: nullable(str),
  parentId: nullable(id),
  coordinatorUserId: nullable(id),
  coordinatingAgencyId: nullable(id),
  cooperatingAgencyId: nullable(id),
  policyTags: withDefault(arrayOf(str), []),
  maturity: nullable(str),
  status: withDefault(str, "active"),
  published: withDefault(bool, true),
  isExample: withDefault(bool, false),
  provinceCodes: lenient(arrayOf(str), null),
  memberCount: lenient(num, null),
});
export type Cluster = Decoded<typeof clusterDecoder>;

export const participationDecoder = object({
  agencyId: id,
  fiscalYear: num,
  programme: nullable(str),
});
export type Participation = Decoded<typeof participationDecoder>;

export const clusterDetailDecoder = object({
  id,
  code: withDefault(str, ""),
  kind: withDefault(str, ""),
  nameTh: nullable(str),
  nameEn: nullable(str),
  descriptionTh: nullable(str),
  descriptionEn: nullable(str),
  tsicCode: nullable(str),
  isicCode: nullable(str),
  parentId: nullable(id),
  coordinatorUserId: nullable(id),
  coordinatingAgencyId: nullable(id),
  cooperatingAgencyId: nullable(id),
  policyTags: withDefault(arrayOf(str), []),
  maturity: nullable(str),
  status: withDefault(str, "active"),
  published: withDefault(bool, true),
  isExample: withDefault(bool, false),
  provinceCodes: withDefault(arrayOf(str), []),
  participations: withDefault(arrayOf(participationDecoder), []),
  stageCounts: withDefault(numberRecord, {}),
  memberCount: withDefault(num, 0),
  childIds: withDefault(arrayOf(id), []),
});
export type ClusterDetail = Decoded<typeof clusterDetailDecoder>;

export const clusterPageDecoder = object({
  items: arrayOf(clusterDecoder),
  total: withDefault(num, 0),
  page: withDefault(num, 1),
  pageSize: withDefault(num, 20),
});
export type ClusterPage = Decoded<typeof clusterPageDecoder>;

export const memberDecoder = object({
  membershipId: withDefault(id, ""),
  enterpriseId: id,
  juristicId: nullable(str),
  nameTh: nullable(str),
  nameEn: nullable(str),
  sizeClass: nullable(str),
  tsicCode: nullable(str),
  provinceCode: nullable(str),
  stage: str,
  joinedOn: nullable(str),
  leftOn: nullable(str),
  /** False while the membership awaits approval (older servers send nothing: every membership was approved). */
  approved: withDefault(bool, true),
  approvedAt: withDefault(nullable(str), null),
  /** Whether the signed-in user may approve this pending membership (an officer of the cluster's agency, an admin, the firm). */
  canApprove: withDefault(bool, false),
});
export type Member = Decoded<typeof memberDecoder>;

/** The answer to adding a member: pending (approved false) unless the caller may vouch for the firm. */
export const memberAddedDecoder = object({
  membershipId: withDefault(id, ""),
  approved: withDefault(bool, true),
});

/** A membership awaiting approval, as `GET /api/memberships/pending` lists it for the signed-in user. */
export const pendingMembershipDecoder = object({
  membershipId: id,
  cluster: object({ id, code: withDefault(str, ""), nameTh: nullable(str), nameEn: nullable(str) }),
  enterprise: object({ id, juristicId: nullable(str), nameTh: nullable(str), nameEn: nullable(str) }),
  stage: str,
  addedAt: str,
  addedBy: nullable(object({ id, displayName: nullable(str) })),
  /** False for a coordinator following their own clusters' requests. */
  canApprove: withDefault(bool, false),
});
export type PendingMembership = Decoded<typeof pendingMembershipDecoder>;

export const INSTITUTION_KINDS = [
  "finance",
  "education",
  "research",
  "government",
  "association",
  "service_centre",
  "expert_pool",
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export function isInstitutionKind(value: unknown): value is InstitutionKind {
  return INSTITUTION_KINDS.some((kind) => kind === value);
}

export const institutionDecoder = object({
  id,
  kind: withDefault(str, ""),
  nameTh: nullable(str),
  nameEn: nullable(str),
  description: nullable(str),
  agencyId: nullable(id),
  provinceCode: nullable(str),
  published: withDefault(bool, true),
  isExample: withDefault(bool, false),
});
export type Institution = Decoded<typeof institutionDecoder>;

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
