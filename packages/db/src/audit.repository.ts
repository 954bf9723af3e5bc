import type { Kysely, Transaction } from "kysely";
import type { AuditLogRow, DB } from "./schema.ts";
import { nowIso } from "./clock.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export type AuditEntry = {
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
};

export type AuditQuery = {
  page: number;
  pageSize: number;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: number | undefined;
};

/** Appends one entry; callers pass the same transaction as the change it records. */
export async function appendAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: nowIso(),
      actor_user_id: entry.actorUserId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export type AuditListRow = AuditLogRow & { actor_email: string | null };

export async function listAudit(db: Executor, query: AuditQuery): Promise<{ items: AuditListRow[]; total: number }> {
  let base = db.selectFrom("audit_log").leftJoin("users", "users.id", "audit_log.actor_user_id");
  if (query.entityType) base = base.where("audit_log.entity_type", "=", query.entityType);
  if (query.entityId) base = base.where("audit_log.entity_id", "=", query.entityId);
  if (query.actorId !== undefined) base = base.where("audit_log.actor_user_id", "=", query.actorId);
  const [items, count] = await Promise.all([
    base
      .selectAll("audit_log")
      .select("users.email as actor_email")
      .orderBy("audit_log.id", "desc")
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
