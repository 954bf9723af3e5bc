import type { UserWithScopes } from "@sainam/db";

export type UserView = {
  id: number;
  email: string;
  displayName: string;
  role: string;
  agencyId: number | null;
  clusterIds: number[];
  enterpriseId: number | null;
  expertId: number | null;
  providerId: number | null;
  expertFields: string[];
  locale: "th" | "en";
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
};

/** The API's view of a user; never includes the password hash. */
export function presentUser(user: UserWithScopes): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    agencyId: user.agency_id,
    clusterIds: user.cluster_ids,
    enterpriseId: user.enterprise_id,
    expertId: user.expert_id,
    providerId: user.expert_provider_id,
    expertFields: user.expert_fields,
    locale: user.locale === "en" ? "en" : "th",
    active: user.active === 1,
    mustChangePassword: user.must_change_password === 1,
    createdAt: user.created_at,
    lastLoginAt: user.last_login_at,
  };
}

/** What the audit log keeps of a user: identifiers and roles, no e-mail or name (personal data), no password hash. */
export function auditUser(user: UserWithScopes) {
  return {
    id: user.id,
    role: user.role,
    agencyId: user.agency_id,
    clusterIds: user.cluster_ids,
    enterpriseId: user.enterprise_id,
    expertId: user.expert_id,
    providerId: user.expert_provider_id,
    expertFields: user.expert_fields,
    locale: user.locale,
    active: user.active === 1,
    mustChangePassword: user.must_change_password === 1,
  };
}
