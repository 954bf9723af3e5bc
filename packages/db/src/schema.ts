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
  name_en: string;
  name_th: string | null;
  abbreviation: string | null;
  kind: string;
  parent_id: number | null;
  description_en: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanTable {
  id: Generated<number>;
  code: string;
  title_en: string;
  title_th: string | null;
  level: string;
  owner_agency_id: number;
  period_start: string;
  period_end: string;
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
  title_en: string;
  title_th: string | null;
  body_en: string | null;
  body_th: string | null;
  updated_at: string;
}

export interface IndicatorTable {
  id: Generated<number>;
  plan_node_id: number;
  code: string;
  name_en: string;
  name_th: string | null;
  unit: string | null;
  position: number;
}

export interface IndicatorTargetTable {
  id: Generated<number>;
  indicator_id: number;
  period_label: string | null;
  text_en: string;
  text_th: string | null;
  target_json: string | null;
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
}

export interface UserClusterTable {
  user_id: number;
  cluster_id: number;
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

export interface MetaTable {
  key: string;
  value: string;
}

export interface DB {
  regions: RegionTable;
  provinces: ProvinceTable;
  districts: DistrictTable;
  province_boundaries: ProvinceBoundaryTable;
  provincial_clusters: ProvincialClusterTable;
  provincial_cluster_provinces: ProvincialClusterProvinceTable;
  agencies: AgencyTable;
  plans: PlanTable;
  plan_nodes: PlanNodeTable;
  indicators: IndicatorTable;
  indicator_targets: IndicatorTargetTable;
  users: UserTable;
  user_clusters: UserClusterTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  meta: MetaTable;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type AgencyRow = Selectable<AgencyTable>;
export type PlanRow = Selectable<PlanTable>;
export type PlanNodeRow = Selectable<PlanNodeTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
