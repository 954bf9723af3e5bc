import type { CreateTradeEventBody, ListTradeEventsQuery, TradeEvent, UpdateTradeEventBody } from "@sainam/contract";
import { bangkokDateOf, fiscalYearOf, toIsoDate, type Actor, type EventKind, type EventStatus } from "@sainam/core";
import { audit, nowIso, reference, type DB } from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { authorize, can } from "../policies/policy.ts";
import { loadEventFor, type TradeEventRow } from "./event-access.ts";

export type Executor = Kysely<DB> | Transaction<DB>;

export const actorId = (actor: Actor) => (actor.kind === "user" ? actor.id : null);

/** Bangkok's date today: "upcoming" and "past" are told against it. */
export const todayIso = () => toIsoDate(bangkokDateOf(new Date()));

/**
 * The venue's time zone when the organiser gives none: Thailand's, or the capital's of countries Thai trade
 * missions go to most. Other countries must name one (`timeZone`).
 */
const CAPITAL_TIME_ZONES: Readonly<Record<string, string>> = {
  TH: "Asia/Bangkok",
  JP: "Asia/Tokyo",
  CN: "Asia/Shanghai",
  HK: "Asia/Hong_Kong",
  TW: "Asia/Taipei",
  KR: "Asia/Seoul",
  SG: "Asia/Singapore",
  MY: "Asia/Kuala_Lumpur",
  ID: "Asia/Jakarta",
  VN: "Asia/Ho_Chi_Minh",
  LA: "Asia/Vientiane",
  KH: "Asia/Phnom_Penh",
  MM: "Asia/Yangon",
  PH: "Asia/Manila",
  IN: "Asia/Kolkata",
  AE: "Asia/Dubai",
  SA: "Asia/Riyadh",
  GB: "Europe/London",
  DE: "Europe/Berlin",
  FR: "Europe/Paris",
  IT: "Europe/Rome",
  NL: "Europe/Amsterdam",
  ES: "Europe/Madrid",
  AU: "Australia/Sydney",
  NZ: "Pacific/Auckland",
  US: "America/New_York",
  CA: "America/Toronto",
};

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

type EventCounts = { participants: number; slots: number; tables: number };
type ProgrammeName = TradeEvent["programme"];

export function presentEvent(
  row: TradeEventRow,
  counts: EventCounts,
  programme: ProgrammeName,
  keeper: boolean,
): TradeEvent {
  return {
    id: row.id,
    kind: row.kind as EventKind,
    titleTh: row.title_th,
    titleEn: row.title_en,
    descriptionTh: row.description_th,
    descriptionEn: row.description_en,
    agendaTh: row.agenda_th,
    agendaEn: row.agenda_en,
    organiserAgencyId: row.organiser_agency_id,
    programmeId: row.programme_id,
    programme,
    countryCode: row.country_code,
    city: row.city,
    provinceCode: row.province_code,
    venue: row.venue,
    onlineUrl: row.online_url,
    timeZone: row.time_zone,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    fiscalYear: row.fiscal_year,
    budget: row.budget === null ? null : Number(row.budget),
    status: row.status as EventStatus,
    published: Number(row.published) === 1,
    createdBy: row.created_by,
    participantCount: counts.participants,
    slotCount: counts.slots,
    tableCount: counts.tables,
    keeper,
  };
}

async function countsOf(db: Executor, ids: number[]) {
  const result = new Map<number, EventCounts>();
  for (const id of ids) result.set(id, { participants: 0, slots: 0, tables: 0 });
  if (ids.length === 0) return result;
  const tally = async (
    table: "event_participants" | "event_slots" | "event_tables",
    key: "participants" | "slots" | "tables",
  ) => {
    const rows = await db
      .selectFrom(table)
      .select((eb) => ["event_id", eb.fn.countAll<number>().as("n")])
      .where("event_id", "in", ids)
      .groupBy("event_id")
      .execute();
    for (const row of rows) {
      const entry = result.get(row.event_id);
      if (entry) entry[key] = Number(row.n);
    }
  };
  await tally("event_participants", "participants");
  await tally("event_slots", "slots");
  await tally("event_tables", "tables");
  return result;
}

/**
 * The funding programmes of events by id, named for the caller: only those the programme policy lets them read
 * (published ones, or their own agency's), so an event does not reveal an unpublished programme's name.
 */
async function programmeNames(db: Executor, actor: Actor, rows: readonly TradeEventRow[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.programme_id === null ? [] : [r.programme_id])))];
  const result = new Map<number, NonNullable<ProgrammeName>>();
  if (ids.length === 0) return result;
  const programmes = await db
    .selectFrom("programmes")
    .select(["id", "agency_id", "published", "name_th", "name_en"])
    .where("id", "in", ids)
    .execute();
  for (const p of programmes) {
    const published = Number(p.published) === 1;
    if (can(actor, "read", { type: "programme", agencyId: p.agency_id, published, clusterIds: [] }))
      result.set(p.id, { id: p.id, nameTh: p.name_th, nameEn: p.name_en });
  }
  return result;
}

/** Events as the caller sees them: counts, the funding programme's name where they may read it, keeper or not. */
async function presentEvents(
  db: Executor,
  actor: Actor,
  rows: readonly TradeEventRow[],
  keeperOf: (row: TradeEventRow) => boolean,
): Promise<TradeEvent[]> {
  const counts = await countsOf(
    db,
    rows.map((r) => r.id),
  );
  const programmes = await programmeNames(db, actor, rows);
  return rows.map((row) =>
    presentEvent(
      row,
      counts.get(row.id) ?? { participants: 0, slots: 0, tables: 0 },
      row.programme_id === null ? null : (programmes.get(row.programme_id) ?? null),
      keeperOf(row),
    ),
  );
}

export async function presentStoredEvent(db: Executor, actor: Actor, row: TradeEventRow, keeper: boolean) {
  const [event] = await presentEvents(db, actor, [row], () => keeper);
  if (!event) throw new Error(`event ${row.id} was not presented`);
  return event;
}

/** The event as the audit log keeps it (events hold no personal data; counts are left out). */
function auditEvent(row: TradeEventRow) {
  const { created_at: _created, updated_at: _updated, ...rest } = row;
  return rest;
}

export async function auditEventWrite(
  trx: Executor,
  actor: Actor,
  action: string,
  eventId: number,
  entry: { before?: unknown; after?: unknown },
) {
  await audit.appendAudit(trx, {
    actorUserId: actorId(actor),
    action: `trade_event.${action}`,
    entityType: "trade_event",
    entityId: eventId,
    ...entry,
  });
}

/**
 * Events the actor may read, newest first (upcoming: soonest first). Admins and agency officers see every event;
 * coordinators also the ones they created; member users also those their firm takes part in; everyone published ones.
 */
export async function listEvents(ctx: AppContext, actor: Actor, query: ListTradeEventsQuery) {
  authorize(actor, "list", { type: "trade_event", organiserAgencyId: null, createdBy: null, published: true });
  const { db } = ctx.database;
  const user = actor.kind === "user" ? actor : null;
  // Matches the policy's read: admins (and the system) and agency officers read every event.
  const seesAll = actor.kind === "system" || user?.role === "admin" || user?.role === "agency_officer";
  let base = db.selectFrom("trade_events");
  if (!seesAll) {
    base = base.where((eb) => {
      const ors = [eb("published", "=", 1)];
      if (user) ors.push(eb("created_by", "=", user.id));
      if (user?.role === "member" && user.enterpriseId !== null)
        ors.push(
          eb(
            "id",
            "in",
            eb.selectFrom("event_participants").select("event_id").where("enterprise_id", "=", user.enterpriseId),
          ),
        );
      return eb.or(ors);
    });
  }
  const today = todayIso();
  if (query.when === "upcoming") base = base.where("ends_on", ">=", today);
  if (query.when === "past") base = base.where("ends_on", "<", today);
  if (query.kind) base = base.where("kind", "=", query.kind);
  if (query.fiscalYear !== undefined) base = base.where("fiscal_year", "=", query.fiscalYear);
  if (query.organiserAgencyId !== undefined) base = base.where("organiser_agency_id", "=", query.organiserAgencyId);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy("starts_on", query.when === "upcoming" ? "asc" : "desc")
    .orderBy("id", "desc")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: await presentEvents(db, actor, rows, (row) =>
      can(actor, "update", {
        type: "trade_event",
        organiserAgencyId: row.organiser_agency_id,
        createdBy: row.created_by,
        published: Number(row.published) === 1,
      }),
    ),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getEvent(ctx: AppContext, actor: Actor, id: number) {
  const { event, keeper } = await loadEventFor(ctx.database.db, actor, id, "read");
  return presentStoredEvent(ctx.database.db, actor, event, keeper);
}

type Place = {
  countryCode: string;
  provinceCode: string | null;
  city: string | null;
  timeZone: string | null;
  startsOn: string;
  endsOn: string;
  organiserAgencyId: number | null;
  programmeId: number | null;
};

/**
 * The rules across fields: dates in order; in Thailand a province, abroad a known country and a city; a time zone
 * (the country's default when none is given); the organiser and programme exist, and the programme is one the
 * actor may read. Answers the time zone to store.
 */
async function checkPlace(
  db: Executor,
  actor: Actor,
  place: Place,
  given: { timeZone: boolean; programme: boolean },
): Promise<string> {
  if (place.endsOn < place.startsOn) throw errors.notBefore("endsOn", "startsOn");
  const wrongCountry = errors.countryCode("countryCode", place.countryCode);
  if (wrongCountry) throw wrongCountry;
  if (place.countryCode === "TH") {
    if (place.provinceCode === null) throw errors.required("provinceCode", "is required for an event in Thailand");
    if (!(await reference.findProvince(db, place.provinceCode)))
      throw errors.missing("provinceCode", "province", place.provinceCode);
  } else {
    if (place.provinceCode !== null)
      throw errors.validation("provinceCode", "only events in Thailand have a province", "not_applicable");
    if (place.city === null) throw errors.required("city", "is required for an event abroad");
  }
  const zone = place.timeZone ?? CAPITAL_TIME_ZONES[place.countryCode] ?? null;
  if (zone === null) throw errors.required("timeZone", "is required: no default time zone for this country");
  if (given.timeZone && !isTimeZone(zone))
    throw errors.validation("timeZone", "is not an IANA time zone", "invalid_choice");
  if (place.organiserAgencyId !== null && !(await reference.findAgency(db, place.organiserAgencyId)))
    throw errors.missing("organiserAgencyId", "agency", place.organiserAgencyId);
  // A programme kept from before stays even if the editor may no longer read it (its agency unpublished it).
  if (place.programmeId !== null && given.programme) {
    const programme = await db
      .selectFrom("programmes")
      .select(["id", "agency_id", "published"])
      .where("id", "=", place.programmeId)
      .executeTakeFirst();
    const readable =
      programme !== undefined &&
      can(actor, "read", {
        type: "programme",
        agencyId: programme.agency_id,
        published: Number(programme.published) === 1,
        clusterIds: [],
      });
    // An unreadable programme is reported as missing, so ids cannot be probed.
    if (!readable) throw errors.missing("programmeId", "programme", place.programmeId);
  }
  return zone;
}

export async function createEvent(ctx: AppContext, actor: Actor, input: CreateTradeEventBody) {
  const { db } = ctx.database;
  const user = actor.kind === "user" ? actor : null;
  // An officer's event is their agency's unless they say otherwise.
  const organiserAgencyId =
    input.organiserAgencyId !== undefined
      ? input.organiserAgencyId
      : user?.role === "agency_officer"
        ? user.agencyId
        : null;
  authorize(actor, "create", { type: "trade_event", organiserAgencyId, createdBy: null, published: false });
  const place: Place = {
    countryCode: input.countryCode,
    provinceCode: input.provinceCode ?? null,
    city: input.city ?? null,
    timeZone: input.timeZone ?? null,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    organiserAgencyId,
    programmeId: input.programmeId ?? null,
  };
  const timeZone = await checkPlace(db, actor, place, { timeZone: input.timeZone !== undefined, programme: true });
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("trade_events")
      .values({
        kind: input.kind,
        title_th: input.titleTh,
        title_en: input.titleEn ?? null,
        description_th: input.descriptionTh ?? null,
        description_en: input.descriptionEn ?? null,
        agenda_th: input.agendaTh ?? null,
        agenda_en: input.agendaEn ?? null,
        organiser_agency_id: organiserAgencyId,
        programme_id: place.programmeId,
        country_code: place.countryCode,
        city: place.city,
        province_code: place.provinceCode,
        venue: input.venue ?? null,
        online_url: input.onlineUrl ?? null,
        time_zone: timeZone,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        fiscal_year: fiscalYearOf(input.startsOn),
        budget: input.budget ?? null,
        status: "draft",
        published: 0,
        created_by: actorId(actor),
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const row = await trx.selectFrom("trade_events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    await auditEventWrite(trx, actor, "create", id, { after: auditEvent(row) });
    return presentStoredEvent(trx, actor, row, true);
  });
}

export async function updateEvent(ctx: AppContext, actor: Actor, id: number, input: UpdateTradeEventBody) {
  const { db } = ctx.database;
  const { event } = await loadEventFor(db, actor, id, "update");
  const pick = <K extends keyof UpdateTradeEventBody, V>(key: K, stored: V) =>
    (input[key] === undefined ? stored : input[key]) as V;
  const countryCode = pick("countryCode", event.country_code);
  const movedCountry = countryCode !== event.country_code;
  const place: Place = {
    countryCode,
    provinceCode: pick("provinceCode", event.province_code),
    city: pick("city", event.city),
    // A move to another country takes that country's zone unless one is given.
    timeZone: input.timeZone ?? (movedCountry ? null : event.time_zone),
    startsOn: pick("startsOn", event.starts_on),
    endsOn: pick("endsOn", event.ends_on),
    organiserAgencyId: pick("organiserAgencyId", event.organiser_agency_id),
    programmeId: pick("programmeId", event.programme_id),
  };
  if (place.organiserAgencyId !== event.organiser_agency_id)
    authorize(actor, "create", {
      type: "trade_event",
      organiserAgencyId: place.organiserAgencyId,
      createdBy: null,
      published: false,
    });
  const timeZone = await checkPlace(db, actor, place, {
    timeZone: input.timeZone !== undefined,
    programme: place.programmeId !== event.programme_id,
  });
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable("trade_events")
      .set({
        kind: pick("kind", event.kind),
        title_th: pick("titleTh", event.title_th),
        title_en: pick("titleEn", event.title_en),
        description_th: pick("descriptionTh", event.description_th),
        description_en: pick("descriptionEn", event.description_en),
        agenda_th: pick("agendaTh", event.agenda_th),
        agenda_en: pick("agendaEn", event.agenda_en),
        organiser_agency_id: place.organiserAgencyId,
        programme_id: place.programmeId,
        country_code: place.countryCode,
        city: place.city,
        province_code: place.provinceCode,
        venue: pick("venue", event.venue),
        online_url: pick("onlineUrl", event.online_url),
        time_zone: timeZone,
        starts_on: place.startsOn,
        ends_on: place.endsOn,
        fiscal_year: fiscalYearOf(place.startsOn),
        budget: pick("budget", event.budget),
        updated_at: nowIso(),
      })
      .where("id", "=", id)
      .execute();
    const row = await trx.selectFrom("trade_events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    await auditEventWrite(trx, actor, "update", id, { before: auditEvent(event), after: auditEvent(row) });
    return presentStoredEvent(
      trx,
      actor,
      row,
      can(actor, "update", {
        type: "trade_event",
        organiserAgencyId: row.organiser_agency_id,
        createdBy: row.created_by,
        published: Number(row.published) === 1,
      }),
    );
  });
}

/** The steps an event's status may take: forward one step, or back one while nothing has closed. */
const NEXT_STATUSES: Readonly<Record<EventStatus, readonly EventStatus[]>> = {
  draft: ["open"],
  open: ["draft", "scheduled"],
  scheduled: ["open", "closed"],
  closed: [],
};

export async function setEventStatus(ctx: AppContext, actor: Actor, id: number, status: EventStatus) {
  const { db } = ctx.database;
  const { event, keeper } = await loadEventFor(db, actor, id, "update");
  const from = event.status as EventStatus;
  if (from === status) return presentStoredEvent(db, actor, event, keeper);
  if (!NEXT_STATUSES[from].includes(status))
    throw errors.conflict(`An event cannot go from ${from} to ${status}.`, "status", "wrong_status", {
      from,
      to: status,
    });
  const counts = (await countsOf(db, [id])).get(id);
  if (from === "open" && status === "draft" && (counts?.participants ?? 0) > 0)
    throw errors.conflict("An event with participants cannot go back to draft.", "status", "wrong_status", {
      from,
      to: status,
    });
  if (status === "scheduled" && ((counts?.slots ?? 0) === 0 || (counts?.tables ?? 0) === 0))
    throw errors.conflict("Set the event's slots and tables before scheduling it.", "status", "wrong_status", {
      from,
      to: status,
    });
  return db.transaction().execute(async (trx) => {
    await trx.updateTable("trade_events").set({ status, updated_at: nowIso() }).where("id", "=", id).execute();
    await auditEventWrite(trx, actor, "status", id, { before: { status: from }, after: { status } });
    const row = await trx.selectFrom("trade_events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    return presentStoredEvent(trx, actor, row, keeper);
  });
}

export async function setEventPublished(ctx: AppContext, actor: Actor, id: number, published: boolean) {
  const { db } = ctx.database;
  const { event, keeper } = await loadEventFor(db, actor, id, "update");
  if (published && event.status === "draft")
    throw errors.conflict("Open the event before publishing it.", "published", "wrong_status", { status: "draft" });
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable("trade_events")
      .set({ published: published ? 1 : 0, updated_at: nowIso() })
      .where("id", "=", id)
      .execute();
    await auditEventWrite(trx, actor, published ? "publish" : "unpublish", id, {
      before: { published: Number(event.published) === 1 },
      after: { published },
    });
    const row = await trx.selectFrom("trade_events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    return presentStoredEvent(trx, actor, row, keeper);
  });
}
