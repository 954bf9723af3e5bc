import { arrayOf, id, nullable, object, str, withDefault, type Decoded, type Decoder } from "../../api/decode";

export const ROLES = ["admin", "agency_officer", "cluster_coordinator", "member", "expert"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return ROLES.some((role) => role === value);
}

/** SQLite stores booleans as 0/1; accept both so a presenter slip does not break the page. */
const boolish: Decoder<boolean> = (input, path = "") => {
  if (typeof input === "boolean") return input;
  if (input === 0 || input === 1) return input === 1;
  return str(input, path) === "true";
};

export const userDecoder = object({
  id,
  email: str,
  displayName: withDefault(str, ""),
  role: str,
  agencyId: nullable(id),
  clusterIds: withDefault(arrayOf(id), []),
  enterpriseId: nullable(id),
  locale: withDefault(str, "th"),
  active: withDefault(boolish, true),
  createdAt: withDefault(str, ""),
});

export type User = Decoded<typeof userDecoder>;

export const meDecoder = object({ user: nullable(userDecoder) });
export const loginDecoder = object({ user: userDecoder, csrfToken: withDefault(str, "") });
export const userEnvelopeDecoder = object({ user: userDecoder });

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the user elsewhere. */
export function safeRedirect(target: unknown): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return "/";
  }
  if (target.startsWith("/login")) return "/";
  return target;
}

/** Roles that keep the registry (clusters, members, links, imports). The server still decides per record. */
export const STAFF_ROLES = ["admin", "agency_officer", "cluster_coordinator"] as const satisfies readonly Role[];

export function isStaff(user: Pick<User, "role"> | null): boolean {
  return user !== null && STAFF_ROLES.some((role) => role === user.role);
}
