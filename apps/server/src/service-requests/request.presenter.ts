import type {
  RequestAssignment,
  RequestAttachment,
  RequestEvent,
  RoutingReason,
  ServiceRequestDetail,
  ServiceRequestListItem,
} from "@sainam/contract";
import type { Actor } from "@sainam/core";
import { isFinalStatus, type RequestStatus } from "@sainam/core";
import type { DB, ServiceRequestRow } from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import { can, type ServiceRequestResource } from "../policies/policy.ts";

type Executor = Kysely<DB> | Transaction<DB>;
type Named = { id: number; nameTh: string | null; nameEn: string | null };

/** The names a list of requests shows: firms, providers, experts, and whether the current offer awaits an answer. */
export async function namesFor(db: Executor, rows: readonly ServiceRequestRow[]) {
  const ids = (pick: (r: ServiceRequestRow) => number | null) => [
    ...new Set(rows.map(pick).filter((v): v is number => v !== null)),
  ];
  const firmIds = ids((r) => r.enterprise_id);
  const providerIds = ids((r) => r.provider_id);
  const expertIds = ids((r) => r.expert_id);
  const firms =
    firmIds.length === 0
      ? []
      : await db.selectFrom("enterprises").select(["id", "name_th", "name_en"]).where("id", "in", firmIds).execute();
  const providers =
    providerIds.length === 0
      ? []
      : await db
          .selectFrom("service_providers")
          .select(["id", "name_th", "name_en"])
          .where("id", "in", providerIds)
          .execute();
  const experts =
    expertIds.length === 0
      ? []
      : await db.selectFrom("experts").select(["id", "display_name"]).where("id", "in", expertIds).execute();
  const named = (r: { id: number; name_th: string | null; name_en: string | null }): Named => ({
    id: r.id,
    nameTh: r.name_th,
    nameEn: r.name_en,
  });
  return {
    firm: new Map(firms.map((f) => [f.id, named(f)])),
    provider: new Map(providers.map((p) => [p.id, named(p)])),
    expert: new Map(experts.map((e) => [e.id, { id: e.id, displayName: e.display_name }])),
  };
}

export type Names = Awaited<ReturnType<typeof namesFor>>;

export function presentListItem(r: ServiceRequestRow, names: Names): ServiceRequestListItem {
  return {
    id: r.id,
    code: r.code,
    enterprise: names.firm.get(r.enterprise_id) ?? { id: r.enterprise_id, nameTh: null, nameEn: null },
    field: r.field as ServiceRequestListItem["field"],
    provinceCode: r.province_code,
    mode: r.mode as ServiceRequestListItem["mode"],
    status: r.status as RequestStatus,
    filedAt: r.filed_at,
    filedVia: r.filed_via as ServiceRequestListItem["filedVia"],
    provider: r.provider_id === null ? null : (names.provider.get(r.provider_id) ?? null),
    expert: r.expert_id === null ? null : (names.expert.get(r.expert_id) ?? null),
    responseDueOn: r.response_due_on,
    closureDueOn: r.closure_due_on,
    awaitingAnswer: r.status === "assigned",
  };
}

export function parseReason(json: string): RoutingReason | null {
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === "object" ? (value as RoutingReason) : null;
  } catch {
    return null;
  }
}

/**
 * The whole request as the caller may see it: the firm's contacts only with `read_personal` (PDPA), the timeline,
 * the offers with their reasons, the attachments, and what the caller may do now.
 */
export async function presentDetail(
  db: Executor,
  actor: Actor,
  r: ServiceRequestRow,
  resource: ServiceRequestResource,
): Promise<ServiceRequestDetail> {
  const assignmentRows = await db
    .selectFrom("request_assignments")
    .selectAll()
    .where("request_id", "=", r.id)
    .orderBy("id")
    .execute();
  const names = await namesFor(db, [
    r,
    ...assignmentRows.map((a) => ({ ...r, provider_id: a.provider_id, expert_id: a.expert_id })),
  ]);
  const assignments: RequestAssignment[] = assignmentRows.map((a) => ({
    id: a.id,
    provider: names.provider.get(a.provider_id) ?? { id: a.provider_id, nameTh: null, nameEn: null },
    expert: a.expert_id === null ? null : (names.expert.get(a.expert_id) ?? null),
    assignedAt: a.assigned_at,
    assignedBy: a.assigned_by,
    reason: parseReason(a.reason_json),
    response: a.response as RequestAssignment["response"],
    respondedAt: a.responded_at,
    declineReason: a.decline_reason,
  }));
  const attachments: RequestAttachment[] = (
    await db
      .selectFrom("request_attachments")
      .select(["id", "file_name", "media_type", "size_bytes", "uploaded_at"])
      .where("request_id", "=", r.id)
      .orderBy("id")
      .execute()
  ).map((a) => ({
    id: a.id,
    fileName: a.file_name,
    mediaType: a.media_type,
    sizeBytes: a.size_bytes,
    uploadedAt: a.uploaded_at,
  }));
  const eventRows = await db
    .selectFrom("request_events")
    .leftJoin("users", "users.id", "request_events.actor_user_id")
    .select([
      "request_events.id",
      "request_events.kind",
      "request_events.at",
      "request_events.actor_user_id",
      "request_events.data_json",
      "users.display_name",
    ])
    .where("request_events.request_id", "=", r.id)
    .orderBy("request_events.id")
    .execute();
  const events: RequestEvent[] = eventRows.map((e) => ({
    id: e.id,
    kind: e.kind as RequestEvent["kind"],
    at: e.at,
    actorUserId: e.actor_user_id,
    actorName: e.display_name ?? null,
    data: e.data_json === null ? null : (JSON.parse(e.data_json) as Record<string, unknown>),
  }));
  const readPersonal = can(actor, "read_personal", resource);
  const contactRows = await db
    .selectFrom("enterprise_contacts")
    .select(["name", "position", "phone", "email"])
    .where("enterprise_id", "=", r.enterprise_id)
    .orderBy("id")
    .execute();
  // Masked, the firm's people are still counted (the expert knows there is someone to call once they accept).
  const contacts = contactRows.map((c) =>
    readPersonal
      ? { name: c.name, position: c.position, phone: c.phone, email: c.email }
      : { name: null, position: c.position, phone: null, email: null },
  );
  const status = r.status as RequestStatus;
  const keeper = can(actor, "assign", resource);
  return {
    ...presentListItem(r, names),
    needText: r.need_text,
    consent: r.consent_contacts === 1,
    consentAt: r.consent_at,
    filedBy: r.filed_by,
    programmeId: r.programme_id,
    routedAt: r.routed_at,
    firstResponseAt: r.first_response_at,
    acceptedAt: r.accepted_at,
    closedAt: r.closed_at,
    outcomeKind: r.outcome_kind as ServiceRequestDetail["outcomeKind"],
    outcomeAmount: r.outcome_amount,
    resultText: r.result_text,
    rating: r.rating,
    ratingComment: r.rating_comment,
    ratedAt: r.rated_at,
    contacts,
    contactsMasked: !readPersonal,
    assignments,
    attachments,
    events,
    can: {
      respond: status === "assigned" && can(actor, "respond", resource),
      assign: !isFinalStatus(status) && keeper,
      withdraw: !isFinalStatus(status) && mayWithdraw(actor, r),
      update: status === "accepted" && can(actor, "update", resource),
      readPersonal,
      attach: !isFinalStatus(status) && (mayWithdraw(actor, r) || keeper),
    },
  };
}

/** The firm withdraws its own request: its members, whoever filed it on its behalf, and admins. */
export function mayWithdraw(actor: Actor, r: Pick<ServiceRequestRow, "enterprise_id" | "filed_by">): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind !== "user") return false;
  if (actor.role === "admin") return true;
  if (actor.role === "member") return actor.enterpriseId === r.enterprise_id;
  return r.filed_by !== null && actor.id === r.filed_by;
}
