import { sql, type ColumnDefinitionBuilder, type Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * Requests for help and the case work that follows them (issue 13, points 2-5).
 *
 * service_requests: one firm's request (enterprise_id) in one field (core `expertFields`), in the firm's own words
 * (need_text), for a province, with a preferred mode (core `serviceModes`) and the firm's consent to share its
 * contacts with the expert (PDPA; consent_at when given). filed_via says who filed it (core `requestChannels`).
 * status follows core `requestStatuses`; provider_id / expert_id are the current assignment (the history is in
 * request_assignments). The service-level clocks are stamped when the request reaches a provider:
 * response_due_on / closure_due_on are working days (ISO dates) from that provider's targets;
 * first_response_at is the expert's first answer; warned/breached stamps make the flags fire once.
 * Closure: outcome_kind (core `outcomeKinds`, the activities' kinds), outcome_amount, result_text; the firm's
 * rating (1-5) and comment after closure. programme_id: the programme that funded the service (for claims).
 *
 * request_assignments: each time a request is offered to a provider (and usually an expert): by routing
 * (assigned_by null) or by a provider's manager; reason_json is what routing weighed, shown to people;
 * response: pending | accepted | declined | expired | reassigned, with decline_reason.
 * request_attachments: files the firm sent (stored under the data folder: storage_key), type checked by content.
 * request_events: the request's timeline (filed, routed, accepted, declined, consultation, closed, rated, …);
 * notifications are made from these.
 * consultations: the expert's sessions with the firm; request_tasks: follow-up tasks with due dates.
 * provider_managers: users who manage a provider (reassign its requests, see its cases, receive escalations).
 * service_providers.response_days / closure_days: the provider's targets in working days (null: core defaults).
 * value_claims.service_request_id: the claim a request's outcome became (at most one per request).
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
  const amount = dialect === "postgres" ? "double precision" : "real";

  await db.schema
    .createTable("provider_managers")
    .addColumn("provider_id", "integer", (c) => c.notNull().references("service_providers.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addPrimaryKeyConstraint("provider_managers_pk", ["provider_id", "user_id"])
    .execute();
  await db.schema.createIndex("provider_managers_user_idx").on("provider_managers").column("user_id").execute();

  await db.schema
    .alterTable("service_providers")
    .addColumn("response_days", "integer", (c) => c.check(sql`response_days >= 1`))
    .execute();
  await db.schema
    .alterTable("service_providers")
    .addColumn("closure_days", "integer", (c) => c.check(sql`closure_days >= 1`))
    .execute();

  await db.schema
    .createTable("service_requests")
    .addColumn("id", "integer", id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("need_text", "text", (c) => c.notNull())
    .addColumn("province_code", "text", (c) => c.notNull().references("provinces.code"))
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("consent_contacts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("consent_at", "text")
    .addColumn("filed_via", "text", (c) => c.notNull())
    .addColumn("filed_by", "integer", (c) => c.references("users.id"))
    .addColumn("filed_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("provider_id", "integer", (c) => c.references("service_providers.id"))
    .addColumn("expert_id", "integer", (c) => c.references("experts.id"))
    .addColumn("programme_id", "integer", (c) => c.references("programmes.id"))
    .addColumn("routed_at", "text")
    .addColumn("response_due_on", "text")
    .addColumn("closure_due_on", "text")
    .addColumn("first_response_at", "text")
    .addColumn("accepted_at", "text")
    .addColumn("response_warned_at", "text")
    .addColumn("response_breached_at", "text")
    .addColumn("closure_warned_at", "text")
    .addColumn("closure_breached_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("closed_by", "integer", (c) => c.references("users.id"))
    .addColumn("outcome_kind", "text")
    .addColumn("outcome_amount", amount, (c) => c.check(sql`outcome_amount >= 0`))
    .addColumn("result_text", "text")
    .addColumn("rating", "integer", (c) => c.check(sql`rating between 1 and 5`))
    .addColumn("rating_comment", "text")
    .addColumn("rated_at", "text")
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("service_requests_enterprise_idx")
    .on("service_requests")
    .column("enterprise_id")
    .execute();
  await db.schema
    .createIndex("service_requests_expert_idx")
    .on("service_requests")
    .columns(["expert_id", "status"])
    .execute();
  await db.schema
    .createIndex("service_requests_provider_idx")
    .on("service_requests")
    .columns(["provider_id", "status"])
    .execute();
  await db.schema.createIndex("service_requests_filed_idx").on("service_requests").column("filed_at").execute();
  await db.schema.createIndex("service_requests_status_idx").on("service_requests").column("status").execute();

  await db.schema
    .createTable("request_assignments")
    .addColumn("id", "integer", id)
    .addColumn("request_id", "integer", (c) => c.notNull().references("service_requests.id").onDelete("cascade"))
    .addColumn("provider_id", "integer", (c) => c.notNull().references("service_providers.id"))
    .addColumn("expert_id", "integer", (c) => c.references("experts.id"))
    .addColumn("assigned_at", "text", (c) => c.notNull())
    .addColumn("assigned_by", "integer", (c) => c.references("users.id"))
    .addColumn("reason_json", "text", (c) => c.notNull())
    .addColumn("response", "text", (c) => c.notNull())
    .addColumn("responded_at", "text")
    .addColumn("decline_reason", "text")
    .execute();
  await db.schema
    .createIndex("request_assignments_request_idx")
    .on("request_assignments")
    .column("request_id")
    .execute();
  await db.schema
    .createIndex("request_assignments_expert_idx")
    .on("request_assignments")
    .columns(["expert_id", "response"])
    .execute();

  await db.schema
    .createTable("request_attachments")
    .addColumn("id", "integer", id)
    .addColumn("request_id", "integer", (c) => c.notNull().references("service_requests.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull().unique())
    .addColumn("uploaded_by", "integer", (c) => c.references("users.id"))
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("request_attachments_request_idx")
    .on("request_attachments")
    .column("request_id")
    .execute();

  await db.schema
    .createTable("request_events")
    .addColumn("id", "integer", id)
    .addColumn("request_id", "integer", (c) => c.notNull().references("service_requests.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("data_json", "text")
    .execute();
  await db.schema
    .createIndex("request_events_request_idx")
    .on("request_events")
    .columns(["request_id", "id"])
    .execute();

  await db.schema
    .createTable("consultations")
    .addColumn("id", "integer", id)
    .addColumn("request_id", "integer", (c) => c.notNull().references("service_requests.id").onDelete("cascade"))
    .addColumn("expert_id", "integer", (c) => c.references("experts.id"))
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("hours", amount, (c) => c.notNull().check(sql`hours > 0`))
    .addColumn("advice", "text", (c) => c.notNull())
    .addColumn("next_steps", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("consultations_request_idx").on("consultations").column("request_id").execute();

  await db.schema
    .createTable("request_tasks")
    .addColumn("id", "integer", id)
    .addColumn("request_id", "integer", (c) => c.notNull().references("service_requests.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("due_on", "text")
    .addColumn("done_at", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("request_tasks_request_idx").on("request_tasks").column("request_id").execute();

  await db.schema
    .alterTable("value_claims")
    .addColumn("service_request_id", "integer", (c) => c.references("service_requests.id"))
    .execute();
  await db.schema
    .createIndex("value_claims_service_request_idx")
    .on("value_claims")
    .column("service_request_id")
    .unique()
    .execute();
}
