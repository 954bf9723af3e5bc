import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * Table types of Sainam's database. Conventions that keep one code path on SQLite and PostgreSQL:
 * timestamps are ISO-8601 UTC text (they sort as text), calendar dates are `YYYY-MM-DD` text (C.E.),
 * booleans are integers 0/1, structured values are JSON text.
 */
export interface RegionTable {
  code: string;
  name_th: string;
  name_en: string;
  position: number;
}

export interface ProvinceTable {
  code: string;
  iso: string;
  name_th: string;
  name_en: string;
  region_code: string;
}

export interface DistrictTable {
  code: string;
  province_code: string;
  name_th: string;
  name_en: string;
}

export interface ProvinceBoundaryTable {
  province_code: string;
  geometry_json: string;
}

export interface ProvincialClusterTable {
  id: Generated<number>;
  number: number;
  name_en: string;
  name_th: string | null;
  position_en: string;
  position_th: string | null;
  issues_json: string;
}

export interface ProvincialClusterProvinceTable {
  provincial_cluster_id: number;
  province_code: string;
}

export interface AgencyTable {
  id: Generated<number>;
  code: string;
  name_en: string | null;
  name_th: string | null;
  abbreviation: string | null;
  kind: string;
  parent_id: number | null;
  description_en: string | null;
  created_at: string;
  updated_at: string;
}

/** A province an agency serves (a Provincial Commerce Office its province). */
export interface AgencyProvinceTable {
  agency_id: number;
  province_code: string;
}

export interface PlanTable {
  id: Generated<number>;
  code: string;
  title_en: string | null;
  title_th: string | null;
  level: string;
  owner_agency_id: number;
  period_start: string;
  period_end: string;
  /** draft | active | archived (defaults to active). */
  status: Generated<string>;
  version: Generated<number>;
  previous_version_id: number | null;
  cluster_id: number | null;
  provincial_cluster_id: number | null;
  programme_id: number | null;
  published: Generated<number>;
  description_en: string | null;
  description_th: string | null;
  /** How many approvals a value needs, level by level up the agency tree (default 1). */
  approval_levels: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PlanNodeTable {
  id: Generated<number>;
  plan_id: number;
  parent_id: number | null;
  kind: string;
  code: string;
  position: number;
  title_en: string | null;
  title_th: string | null;
  body_en: string | null;
  body_th: string | null;
  /** The node of a higher plan this node serves (cross-plan link), if any. */
  serves_node_id: number | null;
  updated_at: string;
}

export interface IndicatorTable {
  id: Generated<number>;
  plan_node_id: number;
  code: string;
  name_en: string | null;
  name_th: string | null;
  unit: string | null;
  position: number;
  /** increase | decrease | none. */
  direction: Generated<string>;
  /** sum | mean | weighted_mean | ratio | none. */
  aggregation: Generated<string>;
  ratio_scale: number | null;
  baseline_value: number | null;
  baseline_period: string | null;
  /** JSON array of dimension codes, e.g. ["size_class", "owner_sex", "stage"]. */
  disaggregations_json: Generated<string>;
  decimals: number | null;
  description_en: string | null;
  description_th: string | null;
  /** Values computed by the system (migration 0020): null (entered by people) | service_ratings. */
  computed_from: Generated<string | null>;
  /** For service_ratings: only requests of this agency's providers (null: every provider). */
  computed_agency_id: Generated<number | null>;
}

export interface IndicatorTargetTable {
  id: Generated<number>;
  indicator_id: number;
  period_label: string | null;
  text_en: string | null;
  text_th: string | null;
  target_json: string | null;
  period_key: string | null;
  org_unit_type: string | null;
  org_unit_code: string | null;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  display_name: string;
  role: string;
  agency_id: number | null;
  enterprise_id: number | null;
  locale: string;
  active: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  /** 1 after an admin reset the password: the user must choose a new one before any other write (0012). */
  must_change_password: Generated<number>;
}

export interface UserClusterTable {
  user_id: number;
  cluster_id: number;
}

/** A service provider (ITC, its branches, TIDC, the SME Rescue Center, …), migration 0015; kind: core `providerKinds`. */
export interface ServiceProviderTable {
  id: Generated<number>;
  code: string;
  name_th: string | null;
  name_en: string | null;
  kind: string;
  parent_id: number | null;
  agency_id: number | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  website: string | null;
  is_example: Generated<number>;
  /** Service-level targets in working days (migration 0017); null: core `defaultServiceLevels`. */
  response_days: number | null;
  closure_days: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProviderProvinceTable {
  provider_id: number;
  province_code: string;
}

/** A field a provider offers (core `expertFields`). */
export interface ProviderServiceTable {
  provider_id: number;
  field: string;
}

/** An expert of a provider; user_id once they sign in as an `expert` user. capacity: open cases at once. */
export interface ExpertTable {
  id: Generated<number>;
  provider_id: number;
  user_id: number | null;
  display_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  capacity: number;
  available: number;
  is_example: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ExpertFieldTable {
  expert_id: number;
  field: string;
}

/** A province or region an expert serves: area_type province | region. */
export interface ExpertAreaTable {
  expert_id: number;
  area_type: string;
  area_code: string;
}

/** A user who manages a service provider: reassigns its requests, sees its cases, receives escalations (0017). */
export interface ProviderManagerTable {
  provider_id: number;
  user_id: number;
}

/** A firm's request for help (migration 0017); status: core `requestStatuses`. See the migration for each column. */
export interface ServiceRequestTable {
  id: Generated<number>;
  code: string;
  enterprise_id: number;
  field: string;
  need_text: string;
  province_code: string;
  mode: string;
  consent_contacts: Generated<number>;
  consent_at: string | null;
  filed_via: string;
  filed_by: number | null;
  filed_at: string;
  status: string;
  provider_id: number | null;
  expert_id: number | null;
  programme_id: number | null;
  routed_at: string | null;
  response_due_on: string | null;
  closure_due_on: string | null;
  first_response_at: string | null;
  accepted_at: string | null;
  response_warned_at: string | null;
  response_breached_at: string | null;
  closure_warned_at: string | null;
  closure_breached_at: string | null;
  closed_at: string | null;
  closed_by: number | null;
  outcome_kind: string | null;
  outcome_amount: number | null;
  result_text: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: string | null;
  is_example: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** One offer of a request to a provider (and expert); response: core `assignmentResponses`. */
export interface RequestAssignmentTable {
  id: Generated<number>;
  request_id: number;
  provider_id: number;
  expert_id: number | null;
  assigned_at: string;
  /** null when routing assigned it. */
  assigned_by: number | null;
  reason_json: string;
  response: string;
  responded_at: string | null;
  decline_reason: string | null;
}

export interface RequestAttachmentTable {
  id: Generated<number>;
  request_id: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  uploaded_at: string;
}

/** A step in a request's timeline; kind: core `requestEventKinds`. */
export interface RequestEventTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  actor_user_id: number | null;
  at: string;
  data_json: string | null;
}

/** The last request sequence given per fiscal year (B.E.), migration 0019. */
export interface RequestCodeCounterTable {
  fiscal_year: number;
  last_sequence: number;
}

export interface ConsultationTable {
  id: Generated<number>;
  request_id: number;
  expert_id: number | null;
  held_on: string;
  mode: string;
  hours: number;
  advice: string;
  next_steps: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface RequestTaskTable {
  id: Generated<number>;
  request_id: number;
  title: string;
  due_on: string | null;
  done_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface ClusterTable {
  id: Generated<number>;
  code: string;
  kind: string;
  name_th: string | null;
  name_en: string | null;
  description_th: string | null;
  description_en: string | null;
  tsic_code: string | null;
  isic_code: string | null;
  parent_id: number | null;
  coordinator_user_id: number | null;
  coordinating_agency_id: number | null;
  cooperating_agency_id: number | null;
  policy_tags_json: string;
  maturity: string | null;
  status: string;
  published: number;
  is_example: number;
  created_at: string;
  updated_at: string;
}

export interface ClusterProvinceTable {
  cluster_id: number;
  province_code: string;
}

export interface ClusterParticipationTable {
  cluster_id: number;
  agency_id: number;
  fiscal_year: number;
  programme: string | null;
}

export interface EnterpriseTable {
  id: Generated<number>;
  juristic_id: string | null;
  ce_registration_no: string | null;
  name_th: string | null;
  name_en: string | null;
  legal_form: string;
  size_class: string | null;
  revenue: number | null;
  employees: number | null;
  capital: number | null;
  tsic_code: string | null;
  business_type: string | null;
  address: string | null;
  province_code: string | null;
  district_code: string | null;
  postcode: string | null;
  registered_on: string | null;
  published: number;
  is_example: number;
  created_at: string;
  updated_at: string;
  /** The user who registered the firm (null: the system, or before migration 0009). */
  created_by: number | null;
}

export interface EnterpriseProductTable {
  id: Generated<number>;
  enterprise_id: number;
  direction: string;
  name: string;
  tsic_code: string | null;
}

export interface EnterpriseContactTable {
  id: Generated<number>;
  enterprise_id: number;
  name: string | null;
  position: string | null;
  phone: string | null;
  email: string | null;
}

export interface MembershipTable {
  id: Generated<number>;
  cluster_id: number;
  enterprise_id: number;
  stage: string;
  joined_on: string | null;
  left_on: string | null;
  created_at: string;
  updated_at: string;
  /** Who recorded the membership (null: the system, or before migration 0009). */
  created_by: number | null;
  /** Set when approved (by an officer, an admin or the firm); a pending membership gives its coordinators no personal data and no edit right. */
  approved_at: string | null;
  approved_by: number | null;
}

export interface InstitutionTable {
  id: Generated<number>;
  kind: string;
  name_th: string | null;
  name_en: string | null;
  description: string | null;
  agency_id: number | null;
  province_code: string | null;
  published: number;
  is_example: number;
  created_at: string;
  updated_at: string;
  /** The user who registered the institution (null: the system, or before migration 0009); keeps it while unpublished. */
  created_by: number | null;
}

export interface ClusterInstitutionTable {
  cluster_id: number;
  institution_id: number;
  role: string | null;
}

export interface LinkageTable {
  id: Generated<number>;
  cluster_id: number | null;
  from_type: string;
  from_id: number;
  to_type: string;
  to_id: number;
  kind: string;
  product: string | null;
  annual_value: number | null;
  is_example: number;
  created_at: string;
  updated_at: string;
}

export interface ImportMappingTable {
  id: Generated<number>;
  kind: string;
  source_key: string;
  mapping_json: string;
  updated_at: string;
}

export interface ImportBatchTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  status: string;
  counts_json: string | null;
  actor_user_id: number | null;
  created_at: string;
  finished_at: string | null;
  progress_json: string | null;
  report_json: string | null;
  error_code: string | null;
  error_message: string | null;
  /** The uploaded file on the server's disk: never answered to a client. */
  upload_path: string | null;
  started_at: string | null;
}

/** How to revert one written slice of an import batch (see migration 0010). */
export interface ImportJournalTable {
  id: Generated<number>;
  batch_id: number;
  slice: number;
  undo_json: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface ProgrammeTable {
  id: Generated<number>;
  code: string;
  agency_id: number;
  name_en: string | null;
  name_th: string | null;
  description_en: string | null;
  description_th: string | null;
  first_fiscal_year: number;
  last_fiscal_year: number | null;
  published: number;
  is_example: number;
  created_at: string;
  updated_at: string;
}

export interface IndicatorValueTable {
  id: Generated<number>;
  indicator_id: number;
  /** nation | region | provincial_cluster | province | cluster | programme. */
  org_unit_type: string;
  org_unit_code: string;
  /** "FY2021", "CY2021", "FY2021-Q1". */
  period_key: string;
  /** "" for the total, else canonical "dimension=option;dimension=option" (dimensions sorted). */
  disaggregation: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  weight: number | null;
  source: string | null;
  note: string | null;
  evidence_url: string | null;
  /** draft | submitted | approved | rejected. */
  status: string;
  review_note: string | null;
  entered_by: number | null;
  submitted_at: string | null;
  approved_by: number | null;
  approved_at: string | null;
  /** Levels of the current submission approved so far (0 until the first approval). */
  approval_level: Generated<number>;
  is_example: number;
  created_at: string;
  updated_at: string;
}

/** One approval step of a value: its level, who approved and for which agency (null: an admin or the system). */
export interface IndicatorValueApprovalTable {
  id: Generated<number>;
  value_id: number;
  level: number;
  agency_id: number | null;
  approved_by: number | null;
  approved_at: string;
}

export interface PeriodLockTable {
  id: Generated<number>;
  plan_id: number;
  period_key: string;
  locked_by: number | null;
  locked_at: string;
}

export interface ProgrammeClusterTable {
  programme_id: number;
  cluster_id: number;
  fiscal_year: number;
}

export interface ProgrammeEnterpriseTable {
  programme_id: number;
  enterprise_id: number;
  fiscal_year: number;
  cluster_id: number | null;
}

export interface BudgetAllocationTable {
  id: Generated<number>;
  programme_id: number;
  cluster_id: number | null;
  fiscal_year: number;
  allocated: number;
  spent: number | null;
  note: string | null;
  is_example: number;
  created_at: string;
  updated_at: string;
}

export interface ActivityTable {
  id: Generated<number>;
  programme_id: number | null;
  cluster_id: number | null;
  plan_node_id: number | null;
  /** training | consulting | study_visit | product_development | trade_fair | business_matching | marketing. */
  kind: string;
  title_en: string | null;
  title_th: string | null;
  description_en: string | null;
  description_th: string | null;
  starts_on: string;
  ends_on: string | null;
  fiscal_year: number;
  province_code: string | null;
  budget: number | null;
  spent: number | null;
  participant_count: number | null;
  is_example: number;
  created_at: string;
  updated_at: string;
}

export interface ActivityParticipantTable {
  activity_id: number;
  enterprise_id: number;
}

export interface ActivityOutcomeTable {
  id: Generated<number>;
  activity_id: number;
  enterprise_id: number | null;
  /** sales | deals | new_products | certifications | investment | cost_reduction | jobs. */
  kind: string;
  amount: number | null;
  count: number | null;
  note: string | null;
  created_at: string;
}

export interface ValueClaimTable {
  id: Generated<number>;
  enterprise_id: number | null;
  cluster_id: number | null;
  activity_id: number | null;
  fiscal_year: number;
  amount: number;
  /** sales_increase | cost_reduction | new_investment | productivity | jobs | other. */
  method: string;
  method_note: string | null;
  evidence_url: string | null;
  evidence_note: string | null;
  /** claimed | verified | rejected. */
  verification: string;
  verified_by: number | null;
  verified_at: string | null;
  /** The user who recorded the claim (migration 0008); null for the system. */
  created_by: number | null;
  /** The request for help whose outcome this claim is (migration 0017); at most one claim per request. */
  service_request_id: Generated<number | null>;
  /** The realised order this claim is (migration 0024); at most one claim per order. */
  deal_order_id: Generated<number | null>;
  is_example: number;
  created_at: string;
  updated_at: string;
}

/** A programme's figures as its agency reported them (aggregates, no firm list), per fiscal year. */
export interface ProgrammeReportedFigureTable {
  id: Generated<number>;
  programme_id: number;
  fiscal_year: number;
  clusters: number | null;
  firms: number | null;
  budget: number | null;
  /** allocated | planned. */
  budget_kind: string | null;
  value: number | null;
  /** expected | actual. */
  value_kind: string | null;
  source: string;
  note: string | null;
  is_example: number;
  created_at: string;
  updated_at: string;
}

export interface ValueClaimProgrammeTable {
  claim_id: number;
  programme_id: number;
}

/** Derived from public_holidays (migration 0023): each date with its working-day ordinal. */
/**
 * The service figures kept per cell (migration 0029): fiscal year of filing (Bangkok), provider (0: none; −1: the
 * year's total), province and field (`*` in the total), with `sums` as core `ServiceFigureSums` JSON. Derived data,
 * changed in the transaction of every write to a request and rebuilt with the holidays
 * (service-figures-rollup.repository).
 */
export interface ServiceFigureRollupTable {
  fiscal_year: number;
  provider_key: number;
  province_code: string;
  field: string;
  sums: string;
}

export interface WorkingDayCalendarTable {
  /** ISO yyyy-mm-dd. */
  day: string;
  /** Working days from the calendar's first date up to and including this one. */
  ordinal: number;
}

export interface PublicHolidayTable {
  id: Generated<number>;
  /** ISO yyyy-mm-dd (C.E.), unique. */
  date: string;
  name_th: string;
  name_en: string | null;
  /** public | substitution | special. */
  kind: string;
  created_at: string;
  updated_at: string;
}

/** A user's inbox entry (migration 0018); kind is core `notificationKinds`, read_at null while unread. */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  entity_type: string | null;
  entity_id: number | null;
  /** What the message needs to be worded (core `NotificationParams`), JSON. */
  params_json: Generated<string>;
  created_at: string;
  read_at: string | null;
}

/** One e-mail to send (0018): queued | sending | sent | failed; a `sending` row past locked_until is retried. */
export interface MailOutboxTable {
  id: Generated<number>;
  notification_id: number | null;
  to_address: string;
  subject: string;
  body_text: string;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: string;
  locked_until: string | null;
  /** Why the last attempt failed, without personal data (an SMTP code and class of error). */
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** When the last attempt began (0033); null until the first. */
  last_attempt_at: string | null;
}

/** Durable work (0018): a one-off job (done_at set once run) or a recurring one (interval_seconds set). */
export interface ScheduledJobTable {
  id: Generated<number>;
  name: string;
  /** Unique: the same job is never queued twice. */
  key: string;
  payload_json: Generated<string>;
  run_at: string;
  interval_seconds: number | null;
  locked_until: string | null;
  locked_by: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

/** A trade fair, business-matching session or online matching day (issue 14); kind: core `eventKinds`. */
export interface TradeEventTable {
  id: Generated<number>;
  kind: string;
  title_th: string;
  title_en: string | null;
  description_th: string | null;
  description_en: string | null;
  agenda_th: string | null;
  agenda_en: string | null;
  organiser_agency_id: number | null;
  /** The programme that funded the event: its deals' realised value becomes this programme's claims. */
  programme_id: number | null;
  activity_id: number | null;
  cluster_id: number | null;
  /** ISO 3166 alpha-2; TH with province_code for events in Thailand. */
  country_code: string;
  city: string | null;
  province_code: string | null;
  venue: string | null;
  online_url: string | null;
  /** IANA zone of the venue; slots are local times there. */
  time_zone: string;
  starts_on: string;
  ends_on: string;
  fiscal_year: number;
  budget: number | null;
  /** core `eventStatuses`. */
  status: string;
  published: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A meeting time slot of an event: local date and HH:MM times. */
export interface EventSlotTable {
  id: Generated<number>;
  event_id: number;
  day: string;
  starts_at: string;
  ends_at: string;
}

export interface EventTableTable {
  id: Generated<number>;
  event_id: number;
  number: number;
  label: string | null;
}

/** A buyer without a Thai juristic ID, de-duplicated by name_key (core `buyerNameKey`) and country. */
export interface BuyerTable {
  id: Generated<number>;
  name: string;
  name_key: string;
  country_code: string;
  city: string | null;
  /** core `buyerKinds`. */
  kind: string;
  website: string | null;
  description: string | null;
  /** Personal data. */
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A firm (enterprise_id) or a buyer (buyer_id) taking part in an event; role: core `participantRoles`. */
export interface EventParticipantTable {
  id: Generated<number>;
  event_id: number;
  enterprise_id: number | null;
  buyer_id: number | null;
  role: string;
  /** th | en: the language of the participant's agenda. */
  language: Generated<string>;
  checked_in_at: string | null;
  created_by: number | null;
  created_at: string;
}

export interface ParticipantUnavailableSlotTable {
  participant_id: number;
  slot_id: number;
}

/** What a participant offers or needs (direction: core `interestDirections`). */
export interface ParticipantInterestTable {
  id: Generated<number>;
  participant_id: number;
  direction: string;
  product_id: number | null;
  tsic_code: string | null;
  hs_code: string | null;
  text: string | null;
  created_at: string;
}

/** A meeting between two participants; (pair_low, pair_high) = the two ids in order, so a pair meets once. */
export interface MeetingTable {
  id: Generated<number>;
  event_id: number;
  requester_id: number;
  target_id: number;
  pair_low: number;
  pair_high: number;
  /** core `meetingOrigins`. */
  origin: string;
  reason_json: string | null;
  message: string | null;
  /** core `meetingStatuses`. */
  status: string;
  requested_by: number | null;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decline_reason: string | null;
  slot_id: number | null;
  table_id: number | null;
  /** core `meetingAttendance`. */
  attendance: string | null;
  attendance_at: string | null;
  created_at: string;
  updated_at: string;
}

/** What followed a meeting or an inquiry, for one selling firm; stage: core `dealStages`. */
export interface DealTable {
  id: Generated<number>;
  event_id: number | null;
  meeting_id: number | null;
  enterprise_id: number;
  buyer_id: number | null;
  buyer_enterprise_id: number | null;
  programme_id: number | null;
  stage: string;
  expected_value: number | null;
  market_country: string | null;
  note: string | null;
  /** The buyer's request for a quote the deal was opened from (migration 0025). */
  inquiry_id: number | null;
  opened_on: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** The 3-, 6- or 12-month follow-up of a deal (one each). */
export interface DealFollowUpTable {
  id: Generated<number>;
  deal_id: number;
  months: number;
  due_on: string;
  reminded_at: string | null;
  done_at: string | null;
  done_by: number | null;
  stage: string | null;
  expected_value: number | null;
  note: string | null;
}

/** A realised order of a deal. */
export interface DealOrderTable {
  id: Generated<number>;
  deal_id: number;
  follow_up_id: number | null;
  amount: number;
  ordered_on: string;
  evidence_note: string | null;
  evidence_url: string | null;
  created_by: number | null;
  created_at: string;
}

/** A member firm's product in the catalogue (migration 0025); JSON text: bcg_tags, export_markets. */
export interface ProductTable {
  id: Generated<number>;
  enterprise_id: number;
  name_th: string | null;
  name_en: string | null;
  tsic_code: string | null;
  /** The TSIC code's section letter, kept for the catalogue's category filter. */
  tsic_section: string | null;
  hs_code: string | null;
  description_th: string | null;
  description_en: string | null;
  price_min: number | null;
  price_max: number | null;
  price_unit: string | null;
  min_order: number | null;
  min_order_unit: string | null;
  capacity_per_month: number | null;
  capacity_unit: string | null;
  bcg_tags: string;
  export_markets: string;
  /** draft | published */
  status: string;
  published_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A product's certification; kind: core `certificationKinds`. */
export interface ProductCertificationTable {
  id: Generated<number>;
  product_id: number;
  kind: string;
  number: string | null;
  otop_stars: number | null;
  expires_on: string | null;
  created_at: string;
  updated_at: string;
}

/** A product photo: content-addressed files of the original, the display size and the thumbnail. */
export interface ProductPhotoTable {
  id: Generated<number>;
  product_id: number;
  original_key: string;
  display_key: string;
  thumbnail_key: string;
  content_type: string;
  width: number;
  height: number;
  bytes: number;
  position: number;
  uploaded_by: number | null;
  created_at: string;
}

/** A buyer's request for a quote; contact_* are personal data. status: new | answered | closed. */
export interface ProductInquiryTable {
  id: Generated<number>;
  product_id: number;
  enterprise_id: number;
  buyer_organisation: string;
  buyer_country: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  quantity: string | null;
  message: string;
  consent: number;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface DB {
  regions: RegionTable;
  provinces: ProvinceTable;
  districts: DistrictTable;
  province_boundaries: ProvinceBoundaryTable;
  provincial_clusters: ProvincialClusterTable;
  provincial_cluster_provinces: ProvincialClusterProvinceTable;
  agencies: AgencyTable;
  agency_provinces: AgencyProvinceTable;
  plans: PlanTable;
  plan_nodes: PlanNodeTable;
  indicators: IndicatorTable;
  indicator_targets: IndicatorTargetTable;
  users: UserTable;
  user_clusters: UserClusterTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  meta: MetaTable;
  clusters: ClusterTable;
  cluster_provinces: ClusterProvinceTable;
  cluster_participations: ClusterParticipationTable;
  enterprises: EnterpriseTable;
  enterprise_products: EnterpriseProductTable;
  enterprise_contacts: EnterpriseContactTable;
  memberships: MembershipTable;
  institutions: InstitutionTable;
  cluster_institutions: ClusterInstitutionTable;
  linkages: LinkageTable;
  import_mappings: ImportMappingTable;
  import_batches: ImportBatchTable;
  import_journal: ImportJournalTable;
  programmes: ProgrammeTable;
  indicator_values: IndicatorValueTable;
  indicator_value_approvals: IndicatorValueApprovalTable;
  period_locks: PeriodLockTable;
  programme_clusters: ProgrammeClusterTable;
  programme_enterprises: ProgrammeEnterpriseTable;
  budget_allocations: BudgetAllocationTable;
  activities: ActivityTable;
  activity_participants: ActivityParticipantTable;
  activity_outcomes: ActivityOutcomeTable;
  value_claims: ValueClaimTable;
  value_claim_programmes: ValueClaimProgrammeTable;
  programme_reported_figures: ProgrammeReportedFigureTable;
  service_providers: ServiceProviderTable;
  provider_provinces: ProviderProvinceTable;
  provider_services: ProviderServiceTable;
  experts: ExpertTable;
  expert_fields: ExpertFieldTable;
  expert_areas: ExpertAreaTable;
  provider_managers: ProviderManagerTable;
  service_requests: ServiceRequestTable;
  request_assignments: RequestAssignmentTable;
  request_attachments: RequestAttachmentTable;
  products: ProductTable;
  product_certifications: ProductCertificationTable;
  product_photos: ProductPhotoTable;
  product_inquiries: ProductInquiryTable;
  request_events: RequestEventTable;
  request_code_counters: RequestCodeCounterTable;
  consultations: ConsultationTable;
  request_tasks: RequestTaskTable;
  public_holidays: PublicHolidayTable;
  working_day_calendar: WorkingDayCalendarTable;
  service_figure_rollup: ServiceFigureRollupTable;
  notifications: NotificationTable;
  mail_outbox: MailOutboxTable;
  scheduled_jobs: ScheduledJobTable;
  trade_events: TradeEventTable;
  event_slots: EventSlotTable;
  event_tables: EventTableTable;
  buyers: BuyerTable;
  event_participants: EventParticipantTable;
  participant_unavailable_slots: ParticipantUnavailableSlotTable;
  participant_interests: ParticipantInterestTable;
  meetings: MeetingTable;
  deals: DealTable;
  deal_follow_ups: DealFollowUpTable;
  deal_orders: DealOrderTable;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type AgencyRow = Selectable<AgencyTable>;
export type PublicHolidayRow = Selectable<PublicHolidayTable>;
export type NotificationRow = Selectable<NotificationTable>;
export type MailOutboxRow = Selectable<MailOutboxTable>;
export type ScheduledJobRow = Selectable<ScheduledJobTable>;
export type PlanRow = Selectable<PlanTable>;
export type PlanNodeRow = Selectable<PlanNodeTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type ClusterRow = Selectable<ClusterTable>;
export type EnterpriseRow = Selectable<EnterpriseTable>;
export type MembershipRow = Selectable<MembershipTable>;
export type InstitutionRow = Selectable<InstitutionTable>;
export type LinkageRow = Selectable<LinkageTable>;
export type IndicatorRow = Selectable<IndicatorTable>;
export type IndicatorTargetRow = Selectable<IndicatorTargetTable>;
export type IndicatorValueRow = Selectable<IndicatorValueTable>;
export type IndicatorValueApprovalRow = Selectable<IndicatorValueApprovalTable>;
export type ProgrammeRow = Selectable<ProgrammeTable>;
export type BudgetAllocationRow = Selectable<BudgetAllocationTable>;
export type ActivityRow = Selectable<ActivityTable>;
export type ValueClaimRow = Selectable<ValueClaimTable>;
export type ProgrammeReportedFigureRow = Selectable<ProgrammeReportedFigureTable>;
export type ServiceProviderRow = Selectable<ServiceProviderTable>;
export type ExpertRow = Selectable<ExpertTable>;
export type ServiceRequestRow = Selectable<ServiceRequestTable>;
export type RequestAssignmentRow = Selectable<RequestAssignmentTable>;
export type RequestAttachmentRow = Selectable<RequestAttachmentTable>;
