import type { userSchema } from "@sainam/contract";
import type { Role } from "@sainam/core";
import type { z } from "zod";

export { roles as ROLES, isRole, type Role } from "@sainam/core";

/** A user as the contract describes it (`GET /auth/me`, `/users`); ids are the server's numbers. */
export type User = z.infer<typeof userSchema>;

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the user elsewhere. */
export function safeRedirect(target: unknown): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return "/";
  }
  if (target.startsWith("/login")) return "/";
  return target;
}

/**
 * Where sign-in leads when nothing asked for another page: a member to their business, an expert to their work,
 * everyone else to the page they came for (the home page by default).
 */
export function landingAfterSignIn(user: Pick<User, "role">, redirectTo: string): string {
  if (redirectTo !== "/") return redirectTo;
  if (user.role === "member") return "/my-business";
  if (user.role === "expert") return "/my-work";
  return redirectTo;
}

/** Roles that keep the registry (clusters, members, links, imports). The server still decides per record. */
export const STAFF_ROLES = ["admin", "agency_officer", "cluster_coordinator"] as const satisfies readonly Role[];

export function isStaff(user: Pick<User, "role"> | null): boolean {
  return user !== null && STAFF_ROLES.some((role) => role === user.role);
}
