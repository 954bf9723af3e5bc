import type { Actor } from "@sainam/core";
import { audit } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { authorize } from "../policies/policy.ts";

/** One page of the audit log, newest first, for an admin; before/after come back as the JSON they were. */
export async function listAuditEntries(ctx: AppContext, actor: Actor, query: audit.AuditQuery) {
  authorize(actor, "list", { type: "audit" });
  const { items, total } = await audit.listAudit(ctx.database.db, query);
  return {
    items: items.map((e) => ({
      id: e.id,
      at: e.at,
      actorId: e.actor_user_id,
      actorEmail: e.actor_email,
      action: e.action,
      entityType: e.entity_type,
      entityId: e.entity_id,
      before: e.before_json ? JSON.parse(e.before_json) : null,
      after: e.after_json ? JSON.parse(e.after_json) : null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
