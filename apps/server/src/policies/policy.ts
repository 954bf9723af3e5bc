import type { Actor } from "@sainam/core";
import { errors } from "../errors.ts";

/**
 * The one place that decides who may do what, per record. Routes call `authorize` before a use case
 * touches data; use cases that filter lists call `can`. Anything not granted here is refused.
 */
export type Resource =
  | { type: "reference" }
  | { type: "agency"; agencyId: number }
  | { type: "plan"; ownerAgencyId: number }
  | { type: "user"; userId: number }
  | { type: "users" }
  | { type: "audit" }
  | { type: "self" };

export type Action = "read" | "list" | "create" | "update";

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  // The system (CLI on the server's own machine) holds admin rights; its audit entries carry no user.
  const isAdmin = actor.kind === "system" || (actor.kind === "user" && actor.role === "admin");
  switch (resource.type) {
    case "reference":
      return action === "read" || action === "list" ? true : isAdmin;
    case "agency":
    case "plan": {
      if (action === "read" || action === "list") return true;
      if (isAdmin) return true;
      // An agency officer keeps the records of their own agency, not of a sibling or parent agency.
      const agencyId = resource.type === "agency" ? resource.agencyId : resource.ownerAgencyId;
      return action === "update" && actor.kind === "user" && actor.role === "agency_officer" && actor.agencyId === agencyId;
    }
    case "user":
      if (isAdmin) return true;
      return action === "read" && actor.kind === "user" && actor.id === resource.userId;
    case "users":
    case "audit":
      return isAdmin;
    case "self":
      return actor.kind === "user";
  }
}

/** Throws `unauthenticated` for an anonymous caller and `forbidden` for a signed-in one when `can` says no. */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  if (can(actor, action, resource)) return;
  if (actor.kind === "public") throw errors.unauthenticated();
  throw errors.forbidden(`${action} on this ${resource.type}`);
}
