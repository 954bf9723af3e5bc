// The contract's closed lists of values (kinds, statuses, codes) and its few limits, without zod: the web app imports
// them from `@sainam/contract/choices` for its menus and labels without loading the schemas (a third of its shared
// code), which it fetches only to check answers. The schemas build their enums from these same lists.

export const maturities = ["emerging", "developing", "mature", "declining"] as const;

export const clusterStatuses = ["active", "archived"] as const;

export const clusterKinds = ["industry_cluster", "sme_network_cluster", "provincial_trade_cluster"] as const;

export const importBatchStatuses = ["uploaded", "running", "done", "failed"] as const;

/** Where a value stands in review: entered, sent for approval, approved, or sent back. */
export const valueStatuses = ["draft", "submitted", "approved", "rejected"] as const;

export const planStatuses = ["draft", "active", "archived"] as const;

export const indicatorDirections = ["increase", "decrease", "none"] as const;

export const aggregations = ["sum", "mean", "weighted_mean", "ratio", "none"] as const;

export const verifications = ["claimed", "verified", "rejected"] as const;

export const outcomeKinds = [
  "sales",
  "deals",
  "new_products",
  "certifications",
  "investment",
  "cost_reduction",
  "jobs",
] as const;

export const claimMethods = [
  "sales_increase",
  "cost_reduction",
  "new_investment",
  "productivity",
  "jobs",
  "other",
] as const;

export const activityKinds = [
  "training",
  "consulting",
  "study_visit",
  "product_development",
  "trade_fair",
  "business_matching",
  "marketing",
] as const;

export const searchResultTypes = ["enterprise", "cluster", "institution"] as const;

/** The shortest password accepted (the web form says so before sending). */
export const PASSWORD_MIN_LENGTH = 12;

export const suggestionReasonCodes = ["product_match", "tsic_upstream", "stage_adjacent", "same_division"] as const;

/** What a linkage joins: a member enterprise or a support institution. */
export const partyTypes = ["enterprise", "institution"] as const;

/** The kinds of support institution (BDS) a cluster works with. */
export const institutionKinds = [
  "finance",
  "education",
  "research",
  "government",
  "association",
  "service_centre",
  "expert_pool",
] as const;

/** What a notification is about: the same list as core's `notificationKinds` (apps/web inbox test keeps them equal). */
export const notificationKinds = [
  "request_new",
  "request_assigned",
  "request_reminder",
  "request_breach",
  "request_closed",
  "request_declined",
  "request_rated",
  "task_due",
  "meeting_requested",
  "meeting_accepted",
  "meeting_declined",
  "product_inquiry",
  "deal_follow_up_due",
] as const;
