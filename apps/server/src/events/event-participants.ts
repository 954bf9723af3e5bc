import type { AddParticipantBody, InterestInput, EventParticipant } from "@sainam/contract";
import { buyerNameKey, tsicSectionOf, type Actor, type BuyerKind, type ParticipantRole } from "@sainam/core";
import { audit, nowIso } from "@sainam/db";
import type { z } from "zod";
import type { buyerInput } from "@sainam/contract";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { can } from "../policies/policy.ts";
import { loadEventFor, type TradeEventRow } from "./event-access.ts";
import { actorId, type Executor } from "./event.service.ts";

// An event's participants (issue 14, point 2): member firms of the registry and buyers (foreign companies and
// organisations without a Thai juristic ID, de-duplicated by core `buyerNameKey` and country), what they offer and
// need, and the slots they cannot meet in. Keepers of the event see every participant with the buyers' contacts
// (personal data, policy `read_personal`); a member user sees their own firm's participation only. Contacts never
// reach the audit log: it records that they were given.

export type BuyerInput = z.infer<typeof buyerInput>;

const firmOf = (actor: Actor) => (actor.kind === "user" && actor.role === "member" ? actor.enterpriseId : null);

async function participantRows(db: Executor, eventId: number, only?: { ids?: number[]; enterpriseId?: number }) {
  let query = db
    .selectFrom("event_participants as p")
    .leftJoin("enterprises as e", "e.id", "p.enterprise_id")
    .leftJoin("buyers as b", "b.id", "p.buyer_id")
    .select([
      "p.id",
      "p.event_id",
      "p.enterprise_id",
      "p.buyer_id",
      "p.role",
      "p.language",
      "p.checked_in_at",
      "e.name_th as firm_name_th",
      "e.name_en as firm_name_en",
      "e.juristic_id",
      "b.name as buyer_name",
      "b.country_code as buyer_country",
      "b.city as buyer_city",
      "b.kind as buyer_kind",
      "b.website",
      "b.contact_name",
      "b.contact_email",
      "b.contact_phone",
    ])
    .where("p.event_id", "=", eventId);
  if (only?.ids) query = query.where("p.id", "in", only.ids.length > 0 ? only.ids : [-1]);
  if (only?.enterpriseId !== undefined) query = query.where("p.enterprise_id", "=", only.enterpriseId);
  return query.orderBy("p.id").execute();
}

async function presentParticipants(
  db: Executor,
  rows: Awaited<ReturnType<typeof participantRows>>,
  showContacts: boolean,
): Promise<EventParticipant[]> {
  const ids = rows.map((r) => r.id);
  const unavailable =
    ids.length === 0
      ? []
      : await db
          .selectFrom("participant_unavailable_slots")
          .select(["participant_id", "slot_id"])
          .where("participant_id", "in", ids)
          .orderBy("slot_id")
          .execute();
  const interests =
    ids.length === 0
      ? []
      : await db
          .selectFrom("participant_interests")
          .selectAll()
          .where("participant_id", "in", ids)
          .orderBy("id")
          .execute();
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    party: r.enterprise_id !== null ? "firm" : "buyer",
    enterpriseId: r.enterprise_id,
    buyerId: r.buyer_id,
    name: (r.enterprise_id !== null ? (r.firm_name_th ?? r.firm_name_en) : r.buyer_name) ?? "",
    nameEn: r.enterprise_id !== null ? r.firm_name_en : null,
    juristicId: r.juristic_id,
    countryCode: r.enterprise_id !== null ? "TH" : (r.buyer_country ?? ""),
    city: r.buyer_city,
    buyerKind: (r.buyer_kind as BuyerKind | null) ?? null,
    website: r.website,
    role: r.role as ParticipantRole,
    language: r.language === "en" ? "en" : "th",
    contactName: showContacts ? r.contact_name : null,
    contactEmail: showContacts ? r.contact_email : null,
    contactPhone: showContacts ? r.contact_phone : null,
    unavailableSlotIds: unavailable.filter((u) => u.participant_id === r.id).map((u) => u.slot_id),
    interests: interests
      .filter((i) => i.participant_id === r.id)
      .map((i) => ({
        id: i.id,
        direction: i.direction === "need" ? "need" : "offer",
        productId: i.product_id,
        tsicCode: i.tsic_code,
        hsCode: i.hs_code,
        text: i.text,
      })),
    checkedInAt: r.checked_in_at,
  }));
}

/** The participants the actor may see: every one for keepers, their own firm's for a member user, none else. */
export async function listParticipants(ctx: AppContext, actor: Actor, eventId: number) {
  const { db } = ctx.database;
  const { keeper, resource } = await loadEventFor(db, actor, eventId, "read");
  if (keeper) return presentParticipants(db, await participantRows(db, eventId), can(actor, "read_personal", resource));
  const firm = firmOf(actor);
  if (firm === null) return [];
  return presentParticipants(db, await participantRows(db, eventId, { enterpriseId: firm }), false);
}

async function presentOne(db: Executor, eventId: number, participantId: number, showContacts: boolean) {
  const [one] = await presentParticipants(
    db,
    await participantRows(db, eventId, { ids: [participantId] }),
    showContacts,
  );
  if (!one) throw errors.notFound("participant", participantId);
  return one;
}

/** A participant as the audit log keeps it: the buyer's contacts as given-or-not, never their values. */
function auditParticipant(p: EventParticipant) {
  const { contactName, contactEmail, contactPhone, ...rest } = p;
  return {
    ...rest,
    contactsGiven: { name: contactName !== null, email: contactEmail !== null, phone: contactPhone !== null },
  };
}

async function auditParticipantWrite(
  trx: Executor,
  actor: Actor,
  action: string,
  participantId: number,
  entry: { before?: unknown; after?: unknown },
) {
  await audit.appendAudit(trx, {
    actorUserId: actorId(actor),
    action: `event_participant.${action}`,
    entityType: "event_participant",
    entityId: participantId,
    ...entry,
  });
}

function checkOpenForParticipants(event: TradeEventRow) {
  if (event.status === "closed")
    throw errors.conflict("A closed event takes no more participants.", "status", "wrong_status", {
      status: event.status,
    });
}

/** Checks interests against the references (a TSIC code must fall in a TSIC section); `path` prefixes the fields. */
export function checkInterests(items: readonly InterestInput[], path: string) {
  for (const [index, item] of items.entries()) {
    const at = `${path}.${index}`;
    if (item.tsicCode && tsicSectionOf(item.tsicCode) === null)
      throw errors.validation(`${at}.tsicCode`, "is not a TSIC code", "not_found", { id: item.tsicCode });
    if (!item.tsicCode && !item.hsCode && !item.text && !item.productId)
      throw errors.required(`${at}.text`, "give a product, a TSIC or HS code, or words");
  }
}

async function insertInterests(trx: Executor, participantId: number, items: readonly InterestInput[]) {
  if (items.length === 0) return;
  const now = nowIso();
  await trx
    .insertInto("participant_interests")
    .values(
      items.map((item) => ({
        participant_id: participantId,
        direction: item.direction,
        product_id: item.productId ?? null,
        tsic_code: item.tsicCode ?? null,
        hs_code: item.hsCode ?? null,
        text: item.text ?? null,
        created_at: now,
      })),
    )
    .execute();
}

/**
 * The buyer record for the input: an existing one with the same name key and country (its blank fields filled
 * from the input), or a new one. Answers its id and whether it was new.
 */
export async function upsertBuyer(trx: Executor, actor: Actor, input: BuyerInput, path: string) {
  const wrongCountry = errors.countryCode(`${path}.countryCode`, input.countryCode);
  if (wrongCountry) throw wrongCountry;
  const nameKey = buyerNameKey(input.name);
  const now = nowIso();
  const found = await trx
    .selectFrom("buyers")
    .selectAll()
    .where("name_key", "=", nameKey)
    .where("country_code", "=", input.countryCode)
    .executeTakeFirst();
  if (found) {
    const fill = {
      city: found.city ?? input.city ?? null,
      website: found.website ?? input.website ?? null,
      description: found.description ?? input.description ?? null,
      contact_name: found.contact_name ?? input.contactName ?? null,
      contact_email: found.contact_email ?? input.contactEmail ?? null,
      contact_phone: found.contact_phone ?? input.contactPhone ?? null,
    };
    const changed = (Object.keys(fill) as (keyof typeof fill)[]).filter((k) => fill[k] !== found[k]);
    if (changed.length > 0) {
      await trx
        .updateTable("buyers")
        .set({ ...fill, updated_at: now })
        .where("id", "=", found.id)
        .execute();
      await audit.appendAudit(trx, {
        actorUserId: actorId(actor),
        action: "buyer.update",
        entityType: "buyer",
        entityId: found.id,
        after: { filled: changed },
      });
    }
    return { id: found.id, created: false };
  }
  const { id } = await trx
    .insertInto("buyers")
    .values({
      name: input.name,
      name_key: nameKey,
      country_code: input.countryCode,
      city: input.city ?? null,
      kind: input.kind,
      website: input.website ?? null,
      description: input.description ?? null,
      contact_name: input.contactName ?? null,
      contact_email: input.contactEmail ?? null,
      contact_phone: input.contactPhone ?? null,
      created_by: actorId(actor),
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit.appendAudit(trx, {
    actorUserId: actorId(actor),
    action: "buyer.create",
    entityType: "buyer",
    entityId: id,
    after: {
      name: input.name,
      countryCode: input.countryCode,
      kind: input.kind,
      contactsGiven: {
        name: input.contactName != null,
        email: input.contactEmail != null,
        phone: input.contactPhone != null,
      },
    },
  });
  return { id, created: true };
}

/**
 * Adds one participant inside `trx` (the event already checked by the caller): the firm must exist, the buyer is
 * found or created, and a party takes part once. Answers the new participant's id. `path` prefixes field names.
 */
export async function insertParticipant(
  trx: Executor,
  actor: Actor,
  eventId: number,
  body: AddParticipantBody,
  path = "",
): Promise<number> {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if ((body.enterpriseId === undefined) === (body.buyer === undefined))
    throw errors.validation(at("enterpriseId"), "give either a member firm or a buyer", "required_together");
  checkInterests(body.interests ?? [], at("interests"));
  let party: { enterprise_id: number | null; buyer_id: number | null };
  if (body.enterpriseId !== undefined) {
    const firm = await trx
      .selectFrom("enterprises")
      .select("id")
      .where("id", "=", body.enterpriseId)
      .executeTakeFirst();
    if (!firm) throw errors.missing(at("enterpriseId"), "enterprise", body.enterpriseId);
    party = { enterprise_id: firm.id, buyer_id: null };
  } else {
    const buyer = await upsertBuyer(trx, actor, body.buyer as BuyerInput, at("buyer"));
    party = { enterprise_id: null, buyer_id: buyer.id };
  }
  const already = await trx
    .selectFrom("event_participants")
    .select("id")
    .where("event_id", "=", eventId)
    .where((eb) =>
      party.enterprise_id !== null
        ? eb("enterprise_id", "=", party.enterprise_id)
        : eb("buyer_id", "=", party.buyer_id as number),
    )
    .executeTakeFirst();
  if (already)
    throw errors.conflict(
      "This firm or buyer already takes part in the event.",
      body.enterpriseId !== undefined ? at("enterpriseId") : at("buyer.name"),
      "duplicate_participation",
      { participantId: already.id },
    );
  const { id } = await trx
    .insertInto("event_participants")
    .values({
      event_id: eventId,
      ...party,
      role: body.role ?? (party.enterprise_id !== null ? "seller" : "buyer"),
      language: body.language,
      created_by: actorId(actor),
      created_at: nowIso(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertInterests(trx, id, body.interests ?? []);
  await auditParticipantWrite(trx, actor, "create", id, {
    after: auditParticipant(await presentOne(trx, eventId, id, true)),
  });
  return id;
}

export async function addParticipant(ctx: AppContext, actor: Actor, eventId: number, body: AddParticipantBody) {
  const { db } = ctx.database;
  const { event, resource } = await loadEventFor(db, actor, eventId, "update");
  checkOpenForParticipants(event);
  return db.transaction().execute(async (trx) => {
    const id = await insertParticipant(trx, actor, eventId, body);
    return presentOne(trx, eventId, id, can(actor, "read_personal", resource));
  });
}

/**
 * One participant for a change: the event's keepers act for everyone; a member user for their own firm's
 * participation (its availability and interests). 404 when the participant is not the event's or not theirs.
 */
async function loadParticipantFor(ctx: AppContext, actor: Actor, eventId: number, participantId: number) {
  const { db } = ctx.database;
  const { event, keeper, resource } = await loadEventFor(db, actor, eventId, "read");
  const row = await db
    .selectFrom("event_participants")
    .selectAll()
    .where("id", "=", participantId)
    .where("event_id", "=", eventId)
    .executeTakeFirst();
  const own = row !== undefined && row.enterprise_id !== null && row.enterprise_id === firmOf(actor);
  if (!row || (!keeper && !own)) throw errors.notFound("participant", participantId);
  return { event, row, keeper, showContacts: can(actor, "read_personal", resource) };
}

export async function getParticipant(ctx: AppContext, actor: Actor, eventId: number, participantId: number) {
  const { showContacts } = await loadParticipantFor(ctx, actor, eventId, participantId);
  return presentOne(ctx.database.db, eventId, participantId, showContacts);
}

export async function updateParticipant(
  ctx: AppContext,
  actor: Actor,
  eventId: number,
  participantId: number,
  body: { role?: ParticipantRole | undefined; language?: "th" | "en" | undefined },
) {
  const { row, showContacts } = await loadParticipantFor(ctx, actor, eventId, participantId);
  return ctx.database.db.transaction().execute(async (trx) => {
    const before = auditParticipant(await presentOne(trx, eventId, participantId, true));
    await trx
      .updateTable("event_participants")
      .set({ role: body.role ?? row.role, language: body.language ?? row.language })
      .where("id", "=", participantId)
      .execute();
    const after = await presentOne(trx, eventId, participantId, true);
    await auditParticipantWrite(trx, actor, "update", participantId, { before, after: auditParticipant(after) });
    return presentOne(trx, eventId, participantId, showContacts);
  });
}

export async function removeParticipant(ctx: AppContext, actor: Actor, eventId: number, participantId: number) {
  const { db } = ctx.database;
  await loadEventFor(db, actor, eventId, "update");
  const { row } = await loadParticipantFor(ctx, actor, eventId, participantId);
  const held = await db
    .selectFrom("meetings")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("event_id", "=", eventId)
    .where((eb) => eb.or([eb("requester_id", "=", row.id), eb("target_id", "=", row.id)]))
    .where("attendance", "is not", null)
    .executeTakeFirstOrThrow();
  if (Number(held.n) > 0)
    throw errors.conflict(
      `The participant has ${Number(held.n)} meeting(s) with recorded attendance and cannot be removed.`,
      "participantId",
      "conflict",
      { meetings: Number(held.n) },
    );
  await db.transaction().execute(async (trx) => {
    const before = auditParticipant(await presentOne(trx, eventId, participantId, true));
    await trx.deleteFrom("event_participants").where("id", "=", participantId).execute();
    await auditParticipantWrite(trx, actor, "delete", participantId, { before });
  });
}

export async function setUnavailableSlots(
  ctx: AppContext,
  actor: Actor,
  eventId: number,
  participantId: number,
  slotIds: number[],
) {
  const { showContacts } = await loadParticipantFor(ctx, actor, eventId, participantId);
  const wanted = [...new Set(slotIds)];
  const { db } = ctx.database;
  const known = new Set(
    wanted.length === 0
      ? []
      : (
          await db
            .selectFrom("event_slots")
            .select("id")
            .where("event_id", "=", eventId)
            .where("id", "in", wanted)
            .execute()
        ).map((s) => s.id),
  );
  const unknown = wanted.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw errors.missing(`slotIds.${unknown}`, "slot", wanted[unknown] as number);
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("participant_unavailable_slots")
      .select("slot_id")
      .where("participant_id", "=", participantId)
      .execute();
    await trx.deleteFrom("participant_unavailable_slots").where("participant_id", "=", participantId).execute();
    if (wanted.length > 0)
      await trx
        .insertInto("participant_unavailable_slots")
        .values(wanted.map((slot_id) => ({ participant_id: participantId, slot_id })))
        .execute();
    await auditParticipantWrite(trx, actor, "unavailable", participantId, {
      before: { slotIds: before.map((b) => b.slot_id) },
      after: { slotIds: wanted },
    });
    return presentOne(trx, eventId, participantId, showContacts);
  });
}

export async function setInterests(
  ctx: AppContext,
  actor: Actor,
  eventId: number,
  participantId: number,
  items: InterestInput[],
) {
  const { showContacts } = await loadParticipantFor(ctx, actor, eventId, participantId);
  checkInterests(items, "items");
  return ctx.database.db.transaction().execute(async (trx) => {
    const before = await presentOne(trx, eventId, participantId, false);
    await trx.deleteFrom("participant_interests").where("participant_id", "=", participantId).execute();
    await insertInterests(trx, participantId, items);
    const after = await presentOne(trx, eventId, participantId, showContacts);
    await auditParticipantWrite(trx, actor, "interests", participantId, {
      before: { interests: before.interests },
      after: { interests: after.interests },
    });
    return after;
  });
}

export { checkOpenForParticipants };
