import type { EnterpriseMatch } from "../enterprises/queries";
import type { ExpertField, Role } from "@sainam/core";
import type { User } from "../auth/model";

export { ROLES, isRole, type Role, type User } from "../auth/model";
export { expertFields as EXPERT_FIELDS, isExpertField, type ExpertField } from "@sainam/core";

export const PAGE_SIZE = 20;

/** What a role is limited to, as the user forms keep it: the server requires the part the role needs. */
export interface RoleScope {
  role: Role;
  /** An officer's agency (an expert's is their provider's, set by the server). */
  agencyId: number | null;
  /** An expert's service provider, and the expert record chosen there (null: a new record is made). */
  providerId: number | null;
  expertId: number | null;
  clusterIds: number[];
  /** A member's firm; the names are for showing the choice (null until known). */
  enterprise: EnterpriseMatch | null;
  expertFields: ExpertField[];
}

export const emptyScope = (role: Role): RoleScope => ({
  role,
  agencyId: null,
  providerId: null,
  expertId: null,
  clusterIds: [],
  enterprise: null,
  expertFields: [],
});

/** A user's stored scope, for the edit form (the firm's names are looked up when shown). */
export function scopeOfUser(user: User, role: Role, fields: readonly ExpertField[]): RoleScope {
  return {
    role,
    agencyId: user.agencyId,
    providerId: user.providerId,
    expertId: user.expertId,
    clusterIds: [...user.clusterIds],
    enterprise:
      user.enterpriseId === null
        ? null
        : { id: String(user.enterpriseId), nameTh: null, nameEn: null, juristicId: null, provinceCode: null },
    expertFields: [...fields],
  };
}

export type MissingScope =
  | "users.agencyRequired"
  | "users.clustersRequired"
  | "users.firmRequired"
  | "users.providerRequired"
  | "users.expertFieldsRequired";

/** The i18n key of what the role still lacks, or null when its scope is complete (the server checks it again). */
export function missingScope(scope: RoleScope): MissingScope | null {
  switch (scope.role) {
    case "agency_officer":
      return scope.agencyId === null ? "users.agencyRequired" : null;
    case "cluster_coordinator":
      return scope.clusterIds.length === 0 ? "users.clustersRequired" : null;
    case "member":
      return scope.enterprise === null ? "users.firmRequired" : null;
    case "expert":
      if (scope.providerId === null) return "users.providerRequired";
      return scope.expertFields.length === 0 ? "users.expertFieldsRequired" : null;
    default:
      return null;
  }
}

/** The scope fields the server stores for the role; those of other roles are cleared. */
export function scopeBody(scope: RoleScope): {
  agencyId: number | null;
  clusterIds: number[];
  enterpriseId: number | null;
  providerId: number | null;
  expertId: number | null;
  expertFields: ExpertField[];
} {
  const { role } = scope;
  return {
    // An expert's agency is not edited here: it stays as stored (the server sets a new expert's from the provider).
    agencyId: role === "agency_officer" || role === "expert" ? scope.agencyId : null,
    providerId: role === "expert" ? scope.providerId : null,
    expertId: role === "expert" ? scope.expertId : null,
    clusterIds: role === "cluster_coordinator" ? scope.clusterIds : [],
    enterpriseId: role === "member" && scope.enterprise ? Number(scope.enterprise.id) : null,
    expertFields: role === "expert" ? scope.expertFields : [],
  };
}
