// Shapes of the reference and seed data shipped with Sainam; the seeder (../reference.seed.ts) is written
// against them. Text is bilingual: English as written in the source, Thai where known (else null).

export type Bilingual = { en: string; th: string | null };

export type RegionSeed = { code: string; nameEn: string; nameTh: string };

export type ProvincialClusterSeed = {
  number: number; // 1..18 as in the plan
  name: Bilingual; // e.g. en "Upper Central Provincial Cluster 1", th "กลุ่มจังหวัดภาคกลางตอนบน 1"
  provinceCodes: string[]; // DOPA 2-digit codes, e.g. "12" — NEVER names
  position: Bilingual; // trade strategic position
  commonTradeIssues: Bilingual[]; // one per issue, as written in the plan
};

export type AgencyKind = "ministry" | "department" | "office" | "institute" | "service_centre" | "branch" | "network";

export type AgencySeed = {
  code: string;
  name: Bilingual;
  abbreviation: string | null;
  kind: AgencyKind;
  parentCode: string | null;
  descriptionEn?: string;
};

export type PlanNodeKind =
  | "vision"
  | "mission"
  | "purpose"
  | "strategic_issue"
  | "strategy"
  | "objective"
  | "sub_strategy"
  | "work_plan"
  | "project"
  | "activity";

export type IndicatorSeed = { code: string; name: Bilingual; unit: string | null; targetText: Bilingual };

export type PlanNodeSeed = {
  kind: PlanNodeKind;
  code: string;
  title: Bilingual;
  body?: Bilingual;
  indicators?: IndicatorSeed[];
  children?: PlanNodeSeed[];
};

export type PlanSeed = {
  code: string;
  title: Bilingual;
  level: "national_strategy" | "agency_programme" | "provincial_cluster_plan" | "cluster_plan";
  ownerAgencyCode: string;
  periodStart: string;
  periodEnd: string;
  nodes: PlanNodeSeed[];
};
