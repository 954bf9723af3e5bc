/** Every role a signed-in user can hold (DESIGN.md §6); "public" is the absence of a user, not a role. */
export const roles = ["admin", "agency_officer", "cluster_coordinator", "member", "expert"] as const;
export type Role = (typeof roles)[number];

/**
 * Who is acting, as the server's policy module sees it: an anonymous visitor; the system itself (the
 * CLI and maintenance jobs on the server's machine, audited with no user); or a user with one role
 * and the scopes that role is limited to (an agency officer's agency, a coordinator's clusters, a
 * member's enterprise).
 */
export type Actor =
  | { readonly kind: "public" }
  | { readonly kind: "system" }
  | {
      readonly kind: "user";
      readonly id: number;
      readonly role: Role;
      readonly agencyId: number | null;
      readonly clusterIds: readonly number[];
      readonly enterpriseId: number | null;
    };

/** True when a string (from the database, a token, a request) names one of the roles. */
export function isRole(value: string): value is Role {
  return roles.some((role) => role === value);
}

/** The actor for a request without a session: it may read only published, aggregated data. */
export const publicActor = { kind: "public" } as const satisfies Actor;

/** The actor for the CLI and maintenance jobs: the machine itself, not a signed-in user. */
export const systemActor = { kind: "system" } as const satisfies Actor;
