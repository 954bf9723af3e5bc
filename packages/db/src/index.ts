export * from "./database.ts";
export * from "./schema.ts";
export * from "./clock.ts";
export * from "./reference.seed.ts";
export * as users from "./user.repository.ts";
export * as sessions from "./session.repository.ts";
export * as audit from "./audit.repository.ts";
export * as reference from "./reference.repository.ts";
export { tsicCodes } from "./reference/index.ts";
export * as plans from "./plan.repository.ts";
export * as indicators from "./indicator.repository.ts";
export { NodeSqliteDatabase } from "./node-sqlite-adapter.ts";
export type { UserWithScopes } from "./user.repository.ts";
export * as clusters from "./cluster.repository.ts";
export * as enterprises from "./enterprise.repository.ts";
export * as memberships from "./membership.repository.ts";
export * as linkages from "./linkage.repository.ts";
export type { ClusterDetail } from "./cluster.repository.ts";
export type { EnterpriseDetail, ProductRow, ContactRow } from "./enterprise.repository.ts";
export type { MemberView, PendingMembershipView, PendingScope } from "./membership.repository.ts";
export * as search from "./search.repository.ts";
export type { SearchEntityType, SearchIndexType } from "./search.repository.ts";
export * as enterpriseImport from "./enterprise-import.repository.ts";
export * as importBatches from "./import-batch.repository.ts";
export * as relationImport from "./relation-import.repository.ts";
export type { SliceUndo, KeptRow, ImportBatchRow } from "./import-batch.repository.ts";
export * from "./examples/index.ts";
export * as dashboards from "./dashboard.repository.ts";
export type { FigureRow, GeographyRows, PlanScope } from "./dashboard.repository.ts";
export * as programmes from "./programme.repository.ts";
export * as myBusiness from "./my-business.repository.ts";
export type {
  RecordedFigures,
  SupportedCluster,
  SupportedEnterprise,
  BudgetView,
  ClaimView,
  OutcomeView,
  Participant,
} from "./programme.repository.ts";
export * as indicatorValues from "./indicator-value.repository.ts";
export * as valueApprovals from "./value-approval.repository.ts";
export type { AgencyNode } from "./value-approval.repository.ts";
export type { IndicatorInPlan, ValueKey, StatusPatch } from "./indicator-value.repository.ts";
export * as periodLocks from "./period-lock.repository.ts";
export type { PeriodLockRow } from "./period-lock.repository.ts";
export * as serviceProviders from "./service-provider.repository.ts";
export type { ProviderDetail, ExpertDetail } from "./service-provider.repository.ts";
export * as holidays from "./holiday.repository.ts";
export * as notifications from "./notification.repository.ts";
export * as mailOutbox from "./mail-outbox.repository.ts";
export * as scheduledJobs from "./scheduled-job.repository.ts";
export * as caseWork from "./case-work.repository.ts";
export type { ConsultationRow, RequestTaskRow } from "./case-work.repository.ts";
export { compiledOnce } from "./compiled-once.ts";
export * as serviceRequests from "./service-request.repository.ts";
export type { PoolExpert, PoolProvider } from "./service-request.repository.ts";
export * as serviceLevels from "./service-level.repository.ts";
export type { ServiceLevelFlagKind, StampedRequest } from "./service-level.repository.ts";
export * as serviceFigures from "./service-figures.repository.ts";
export type { ServiceFigureFilter } from "./service-figures.repository.ts";
export * as serviceFigureRollup from "./service-figures-rollup.repository.ts";
export * as products from "./product.repository.ts";
export type {
  ProductWithFirm,
  CertificationRow,
  PhotoRow,
  InquiryView,
  CatalogueFilters,
} from "./product.repository.ts";
