import type { Expert, Provider } from "@sainam/contract";
import type { User } from "../auth/model";

export { providerKinds as PROVIDER_KINDS, type ProviderKind } from "@sainam/core";
export type { Expert, Provider };

/**
 * Whether the signed-in user may add or change a provider of this agency (and its experts): admins, and officers of
 * that agency. The server still decides; this only hides forms that would be refused.
 */
export function mayManage(user: Pick<User, "role" | "agencyId"> | null, agencyId: number | null): boolean {
  if (user === null) return false;
  if (user.role === "admin") return true;
  return user.role === "agency_officer" && agencyId !== null && user.agencyId === agencyId;
}

/** Whether the user may add providers at all (an officer adds them for their own agency). */
export function mayAddProviders(user: Pick<User, "role" | "agencyId"> | null): boolean {
  return user?.role === "admin" || (user?.role === "agency_officer" && user.agencyId !== null);
}
