import { readFileSync } from "node:fs";
import { isRole } from "@sainam/core";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildAccessWorld,
  recordVariants,
  roles,
  type AccessWorld,
  type RecordVariant,
  type Role,
} from "../test-support/access-fixture.ts";
import { eventVariants, type EventVariant } from "../test-support/access-fixture-market.ts";
import { buildBuyer, buildEvent } from "../test-support/market-factory-events.ts";
import { newJuristicId, ok, unique } from "../test-support/factories.ts";
import { insertServiceRequest } from "../test-support/request-factory.ts";
import { createTestApp, type Client } from "../test-support/test-app.ts";
import { notify } from "../notifications/notify.ts";
import { ANONYMOUS_WRITES } from "../http/auth-hook.ts";
import { Jimp } from "jimp";

/*
 * The access matrix: every operation of the OpenAPI document × every role × the record variants that apply
 * (see access-fixture.ts: own / another agency's / another cluster's / unpublished, plus `hiddenRef` — a write
 * whose body names a record the caller may not see — and `crossScope` — a write that reaches out of the caller's
 * scope through a body field). The expected answer is stated once per operation, with who may do it in the
 * words of docs/API.md; the test fails when an operation has no row here, when a row names an operation the
 * server no longer has, and when the documentation's `who` column says something else.
 *
 * Answers: 2xx when allowed; 404 when the record is invisible to the caller; 401 anonymous; 403 signed in but
 * refused; "missing" = 400 `validation_failed` with a `not_found` detail (R1: a referenced record the caller
 * may not see is answered as if it did not exist). Where either of two answers leaks nothing (a caller refused
 * anyway who also names an invisible record), the row lists both.
 */

type Variant = RecordVariant | "none" | "other" | "hiddenRef" | "crossScope";
type Answer = number | "missing";
type Want = Answer | readonly Answer[];
type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type Call = {
  url: string;
  body?: unknown;
  as?: Client;
  raw?: Buffer;
  /** A batch the call is about, for `check`. */ batchId?: number;
};
type Rule = {
  /** Who may do it, exactly as docs/API.md says. */
  who: string;
  variants?: readonly Variant[];
  call: (role: Role, variant: Variant, w: AccessWorld) => Call | Promise<Call>;
  expect: (role: Role, variant: Variant) => Want;
  /** A further check of an answer (masking, listing); returns what is wrong, if anything. */
  check?: (
    role: Role,
    variant: Variant,
    response: LightMyRequestResponse,
    w: AccessWorld,
    call: Call,
  ) => string | undefined | Promise<string | undefined>;
};

type Roles = readonly Role[];
const everyone: Roles = roles;
const r = (v: Variant) => v as RecordVariant;
/** Keepers of a record of each variant: admin, officers of its agency, coordinators of its cluster. */
const KEEPERS: Record<RecordVariant, Roles> = {
  own: ["admin", "mocOfficer", "coordinator"],
  otherAgency: ["admin", "dipOfficer"],
  otherCluster: ["admin", "mocOfficer"],
  unpublished: ["admin", "dipOfficer"],
};
/** Admin and the officers of the record's agency (no coordinator). */
const AGENCY: Record<RecordVariant, Roles> = {
  own: ["admin", "mocOfficer"],
  otherAgency: ["admin", "dipOfficer"],
  otherCluster: ["admin", "mocOfficer"],
  unpublished: ["admin", "dipOfficer"],
};
/** Those who work with a firm: admin, every officer, its (approved) coordinators, the member firm itself. */
const FIRM_KEEPERS: Record<RecordVariant, Roles> = {
  own: ["admin", "mocOfficer", "dipOfficer", "coordinator", "member"],
  otherAgency: ["admin", "mocOfficer", "dipOfficer"],
  otherCluster: ["admin", "mocOfficer", "dipOfficer"],
  unpublished: ["admin", "mocOfficer", "dipOfficer"],
};
const OFFICERS: Roles = ["admin", "mocOfficer", "dipOfficer"];
/** A member's approval state as the list answers it (`approved`), or undefined when the answer lacks it. */
const approvalOf = (m: { approved?: boolean } | undefined): "approved" | "pending" | undefined =>
  m?.approved === undefined ? undefined : m.approved ? "approved" : "pending";
const UPLOADERS: Roles = ["admin", "mocOfficer", "dipOfficer", "coordinator"];
/** Published records are seen by everyone, unpublished ones by `insiders`. */
const seen =
  (insiders: Record<RecordVariant, Roles> | Roles) =>
  (v: Variant): Roles =>
    v === "unpublished"
      ? Array.isArray(insiders)
        ? insiders
        : (insiders as Record<RecordVariant, Roles>)[v]
      : everyone;
const seenByKeepers = seen(KEEPERS);
const seenByAgency = seen(AGENCY);
const seenByOfficers = seen(OFFICERS);

function decide(role: Role, sees: Roles, may: Roles, status: number): Answer {
  if (!sees.includes(role)) return 404;
  if (may.includes(role)) return status;
  return role === "public" ? 401 : 403;
}
const RECORDS: readonly Variant[] = recordVariants;
const NONE: readonly Variant[] = ["none"];

const anyone = (url: string): Rule => ({ who: "anyone", variants: NONE, call: () => ({ url }), expect: () => 200 });
/** A record of each variant: seen by `sees`, the operation allowed to `may`. */
function onRecord(
  who: string,
  sees: (v: Variant) => Roles,
  may: (v: Variant) => Roles,
  call: Rule["call"],
  status = 200,
  extra: Partial<Rule> = {},
): Rule {
  return { who, variants: RECORDS, call, expect: (role, v) => decide(role, sees(v), may(v), status), ...extra };
}
const signedIn = (who: string, call: Rule["call"], status = 200): Rule => ({
  who,
  variants: NONE,
  call,
  expect: (role) => (role === "public" ? 401 : status),
});
const only = (who: string, allowed: Roles, call: Rule["call"], status = 200): Rule => ({
  who,
  variants: NONE,
  call,
  expect: (role) => (allowed.includes(role) ? status : role === "public" ? 401 : 403),
});
/** Creating for the MOC (`own`) or the DIP (`otherAgency`). */
function perAgency(who: string, call: Rule["call"], status = 201): Rule {
  return {
    who,
    variants: ["own", "otherAgency"],
    call,
    expect: (role, v) => decide(role, everyone, AGENCY[r(v)], status),
  };
}
/** Lists whose unpublished entry only `insiders` see. */
function listing(path: string, field: string, id: (w: AccessWorld) => number, insiders: Roles): Rule["check"] {
  return (role, _v, response, w) => {
    const listed = (response.json()[field] as Array<{ id: number }>).some((item) => item.id === id(w));
    return listed === insiders.includes(role)
      ? undefined
      : `${path}: the unpublished record is ${listed ? "" : "not "}listed`;
  };
}

const READERS = "readers";
/** The firm whose membership "GET /api/memberships/pending" made pending just before its call. */
let pendingFirm = 0;
const KEEPERS_WHO = "keepers";

/** A service provider of the MOC (`own`) or the DIP (`otherAgency`), made once per variant by the admin. */
const providerOf = new Map<string, number>();
async function providerFor(v: Variant, w: AccessWorld): Promise<number> {
  const key = v === "own" ? "own" : "otherAgency";
  const known = providerOf.get(key);
  if (known !== undefined) return known;
  const agencyId = w.agencyOf[key];
  const created = await ok(
    w.as.admin.request("POST", "/api/service-providers", {
      code: `AM${unique()}`,
      kind: "other",
      nameTh: "ศูนย์",
      agencyId,
    }),
    201,
  );
  providerOf.set(key, created.id);
  return created.id;
}
/** An expert of that provider, made once per variant. */
const expertOf = new Map<string, number>();
async function expertFor(v: Variant, w: AccessWorld): Promise<number> {
  const key = v === "own" ? "own" : "otherAgency";
  const known = expertOf.get(key);
  if (known !== undefined) return known;
  const providerId = await providerFor(v, w);
  const created = await ok(w.as.admin.request("POST", "/api/experts", { providerId, displayName: "ผู้เชี่ยวชาญ" }), 201);
  expertOf.set(key, created.id);
  return created.id;
}
/** A new agency officer, to be made a provider's manager. */
async function newManagerCandidate(w: AccessWorld): Promise<number> {
  const user = await w.t.addUser({
    email: `matrix-manager-${unique()}@example.org`,
    displayName: "ผู้จัดการศูนย์",
    role: "agency_officer",
    agencyId: w.agency.moc.id,
  });
  return user.id;
}
/** The world's expert user, linked to an expert of the MOC provider (`own`), made once. */
let linkedExpert: number | undefined;
async function linkedExpertFor(w: AccessWorld): Promise<number> {
  if (linkedExpert !== undefined) return linkedExpert;
  const providerId = await providerFor("own", w);
  // The expert user came with a record of their own (one user, one record): this one takes them over.
  await w.t.ctx.database.db
    .updateTable("experts")
    .set({ user_id: null })
    .where("user_id", "=", w.userId.expert)
    .execute();
  const created = await ok(
    w.as.admin.request("POST", "/api/experts", { providerId, displayName: "ผู้เชี่ยวชาญ", userId: w.userId.expert }),
    201,
  );
  linkedExpert = created.id as number;
  return linkedExpert;
}
/**
 * A request for help, stored as routed: `own` is the member's firm (the coordinator's cluster) at the MOC provider
 * with the world's expert; `otherAgency` another firm at the DIP provider with another expert.
 */
async function requestFor(v: Variant, w: AccessWorld, status = "assigned"): Promise<number> {
  const own = v === "own";
  return insertServiceRequest(w.t.ctx.database.db, {
    enterpriseId: own ? w.firm.own : w.firm.otherAgency,
    providerId: await providerFor(v, w),
    expertId: own ? await linkedExpertFor(w) : await expertFor(v, w),
    status,
  });
}
/** Those who work a request (policy `update`): the accepted expert, the provider's agency officers, admin. */
const REQUEST_WORKERS: Record<"own" | "otherAgency", Roles> = {
  own: ["admin", "mocOfficer", "expert"],
  otherAgency: ["admin", "dipOfficer"],
};
const requestWorkers = (v: Variant): Roles => REQUEST_WORKERS[v === "own" ? "own" : "otherAgency"];
/** A case-work operation on an accepted request (or one set up by `prepare`), for readers / workers. */
function onCaseWork(
  who: string,
  may: (v: Variant) => Roles,
  call: (requestId: number, v: Variant, w: AccessWorld) => Call | Promise<Call>,
  status = 200,
  prepare: { status?: string; claimable?: boolean } = {},
): Rule {
  return {
    who,
    variants: ["own", "otherAgency"],
    call: async (_role, v, w) => {
      const id = await requestFor(v, w, prepare.status ?? "accepted");
      if (prepare.claimable)
        await w.t.ctx.database.db
          .updateTable("service_requests")
          .set({
            outcome_kind: "sales",
            outcome_amount: 150000,
            closed_at: new Date().toISOString(),
            programme_id: w.programme[v === "own" ? "own" : "otherAgency"],
          })
          .where("id", "=", id)
          .execute();
      return call(id, v, w);
    },
    expect: (role, v) => (role === "public" ? 401 : decide(role, requestReaders(v), may(v), status)),
  };
}
const CONSULTATION = { heldOn: "2026-11-20", mode: "visit", hours: 1, advice: "คำแนะนำ" };
/**
 * Another expert of the request's provider who could take it (the provider offers logistics in Chiang Rai, where
 * `insertServiceRequest` files): the target of a reassignment. Made once per variant.
 */
const spareOf = new Map<string, number>();
async function spareExpertFor(v: Variant, w: AccessWorld): Promise<number> {
  const key = v === "own" ? "own" : "otherAgency";
  const known = spareOf.get(key);
  if (known !== undefined) return known;
  const providerId = await providerFor(v, w);
  const db = w.t.ctx.database.db;
  await db.insertInto("provider_services").values({ provider_id: providerId, field: "logistics" }).execute();
  await db.insertInto("provider_provinces").values({ provider_id: providerId, province_code: "57" }).execute();
  const created = await ok(
    w.as.admin.request("POST", "/api/experts", { providerId, displayName: "ผู้เชี่ยวชาญสำรอง", fields: ["logistics"] }),
    201,
  );
  spareOf.set(key, created.id);
  return created.id as number;
}
/** A request with a photo attached by an admin: answers the attachment's address. */
async function attachmentFor(v: Variant, w: AccessWorld): Promise<string> {
  const id = await requestFor(v, w);
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
  const response = await w.t.app.inject({
    method: "POST",
    url: `/api/service-requests/${id}/attachments?fileName=photo.png`,
    payload: png,
    headers: {
      "content-type": "application/octet-stream",
      cookie: w.as.admin.cookie ?? "",
      "x-csrf-token": w.as.admin.csrfToken ?? "",
    },
  });
  return `/api/service-requests/${id}/attachments/${response.json().id}`;
}
/** Who may act on a request of each variant with an action only some readers have; readers without it get 403. */
function onRequest(who: string, may: Record<"own" | "otherAgency", Roles>, call: Rule["call"], status = 200): Rule {
  return {
    who,
    variants: ["own", "otherAgency"],
    call,
    expect: (role, v) => {
      const key = v === "own" ? "own" : "otherAgency";
      return role === "public" ? 401 : decide(role, REQUEST_READERS[key], may[key], status);
    },
  };
}
/** Readers of a request of each variant (the provider's agency officers, the firm, its coordinators, the expert). */
const REQUEST_READERS: Record<"own" | "otherAgency", Roles> = {
  own: ["admin", "mocOfficer", "coordinator", "member", "expert"],
  otherAgency: ["admin", "dipOfficer"],
};
const requestReaders = (v: Variant): Roles => REQUEST_READERS[v === "own" ? "own" : "otherAgency"];
/** A date no other holiday has: one a day from 2040 on. */
let holidayDay = 0;
const holidayDate = () => new Date(Date.UTC(2040, 0, 1 + holidayDay++)).toISOString().slice(0, 10);
const newHoliday = async (w: AccessWorld): Promise<number> =>
  (
    await ok<{ id: number }>(
      w.admin.request("POST", "/api/holidays", { date: holidayDate(), nameTh: "วันหยุด", kind: "special" }),
      201,
    )
  ).id;

// ——— Market linkage (issue 14): trade events and meetings, on the events of access-fixture-market.ts ———
const EVENT_VARIANTS: readonly Variant[] = eventVariants;
const ev = (v: Variant) => v as EventVariant;
/** The event's keepers: admin and the officers of the organiser agency (the admin created every event). */
const EVENT_KEEPERS: Record<EventVariant, Roles> = {
  own: AGENCY.own,
  otherAgency: AGENCY.otherAgency,
  unpublished: AGENCY.unpublished,
};
const eventKeepers = (v: Variant): Roles => EVENT_KEEPERS[ev(v)];
/** Keepers, and the member of firm 1, whose firm takes part in the `own` event only. */
const eventKeepersAndFirm = (v: Variant): Roles => (v === "own" ? [...eventKeepers(v), "member"] : eventKeepers(v));
/** Readers of an event: everyone when published; officers (and its keepers and participating firms) otherwise. */
const eventReaders = seenByOfficers;
function onEvent(
  who: string,
  sees: (v: Variant) => Roles,
  may: (v: Variant) => Roles,
  call: Rule["call"],
  status = 200,
  extra: Partial<Rule> = {},
): Rule {
  return { who, variants: EVENT_VARIANTS, call, expect: (role, v) => decide(role, sees(v), may(v), status), ...extra };
}
const EVENT_READERS_WHO =
  "readers of the event: anyone when published; else officers, its keepers and participating firms";
const EVENT_KEEPERS_WHO = "the event's keepers: admin, officers of the organiser agency, whoever created it";
const OWN_PARTICIPATION_WHO = "the event's keepers; a member firm, its own participation";
const EVENT_SIDES_WHO = "the event's keepers (all); a participating member firm (its own)";
const ANSWER_WHO = "the event's keepers; the member firm asked";
const MEETING_SIDES_WHO = "the event's keepers; either side's member firm";

/** Answering a fresh meeting: its target (the firm asked) or the event's keepers; the requester firm is refused. */
function answering(step: "accept" | "decline", body?: unknown): Rule {
  return {
    who: ANSWER_WHO,
    variants: [...EVENT_VARIANTS, "other"],
    call: async (_role, v, w) => {
      const id = await w.market.newMeeting(v === "other" ? "own" : ev(v), "requested", { firmAsks: v === "other" });
      return { url: `/api/meetings/${id}/${step}`, ...(body === undefined ? {} : { body }) };
    },
    expect: (role, v) =>
      v === "other"
        ? decide(role, eventKeepersAndFirm("own"), eventKeepers("own"), 200)
        : decide(role, eventKeepersAndFirm(v), eventKeepersAndFirm(v), 200),
  };
}

// ——— The product catalogue (issue 14) ———

/**
 * A JPEG small enough to resize in a moment, for the photo rows; each a colour of its own, as photos are files named
 * by their content (a draft's photo with the bytes of a published one is that published file).
 */
async function jpegBytes(): Promise<Buffer> {
  const colour = ((unique() * 2654435761) & 0xffffff00) | 0xff;
  return new Jimp({ width: 64, height: 48, color: colour >>> 0 }).getBuffer("image/jpeg");
}
/** A product of the variant's firm, made by an admin: published, but a draft for `unpublished`. */
async function newProduct(w: AccessWorld, v: RecordVariant): Promise<number> {
  const made = await ok(
    w.as.admin.request("POST", `/api/enterprises/${w.firm[v]}/products`, { nameTh: `ข้าวหอมมะลิ ${unique()}` }),
    201,
  );
  if (v !== "unpublished") await ok(w.as.admin.request("POST", `/api/products/${made.id}/publish`));
  return made.id as number;
}
const productOf = new Map<RecordVariant, number>();
async function productFor(w: AccessWorld, v: RecordVariant): Promise<number> {
  const known = productOf.get(v);
  if (known !== undefined) return known;
  const id = await newProduct(w, v);
  productOf.set(v, id);
  return id;
}
async function newCertification(w: AccessWorld, productId: number): Promise<number> {
  const made = await ok(
    w.as.admin.request("POST", `/api/products/${productId}/certifications`, {
      kind: "fda",
      number: `10-1-${unique()}`,
    }),
    201,
  );
  return made.id as number;
}
async function newPhoto(w: AccessWorld, productId: number): Promise<{ id: number; thumbnailUrl: string }> {
  const response = await w.t.app.inject({
    method: "POST",
    url: `/api/products/${productId}/photos`,
    payload: await jpegBytes(),
    headers: {
      "content-type": "application/octet-stream",
      cookie: w.as.admin.cookie ?? "",
      "x-csrf-token": w.as.admin.csrfToken ?? "",
    },
  });
  if (response.statusCode !== 201) throw new Error(`photo fixture failed: ${response.statusCode} ${response.body}`);
  return response.json();
}
const photoOf = new Map<RecordVariant, string>();
async function photoUrlFor(w: AccessWorld, v: RecordVariant): Promise<string> {
  const known = photoOf.get(v);
  if (known !== undefined) return known;
  const { thumbnailUrl } = await newPhoto(w, await productFor(w, v));
  photoOf.set(v, thumbnailUrl);
  return thumbnailUrl;
}
/** An inquiry about the variant's product, stored as the catalogue stores one (a draft's too, for the status rows). */
const inquiryOf = new Map<RecordVariant, number>();
async function inquiryFor(w: AccessWorld, v: RecordVariant): Promise<number> {
  const known = inquiryOf.get(v);
  if (known !== undefined) return known;
  const at = new Date().toISOString();
  const made = await w.t.ctx.database.db
    .insertInto("product_inquiries")
    .values({
      product_id: await productFor(w, v),
      enterprise_id: w.firm[v],
      buyer_organisation: "Matrix Buyer GmbH",
      buyer_country: "DE",
      contact_name: "Anna Muster",
      contact_email: "anna@matrix.example",
      contact_phone: null,
      quantity: null,
      message: "price list",
      consent: 1,
      status: "new",
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  inquiryOf.set(v, made.id);
  return made.id;
}
const quoteRequest = {
  buyerOrganisation: "Matrix Buyer GmbH",
  buyerCountry: "DE",
  contactName: "Anna Muster",
  contactEmail: "anna@matrix.example",
  message: "price list",
  consent: true,
};
/** Those who edit a firm's products: the firm keepers (admin, officers, its approved coordinators, the firm). */
const seenProducts = seen(FIRM_KEEPERS);
/** Those who see buyers' contacts: admin, the firm and its approved coordinators (never officers). */
const INQUIRY_READERS: Record<RecordVariant, Roles> = {
  own: ["admin", "coordinator", "member"],
  otherAgency: ["admin"],
  otherCluster: ["admin"],
  unpublished: ["admin"],
};
const PRODUCT_EDITORS = "admin, officers, the firm's coordinators (approved membership), the member firm itself";

const catalogueRules: Record<string, Rule> = {
  "GET /api/enterprises/{enterpriseId}/products": onRecord(
    "anyone (drafts: those who edit them)",
    () => everyone,
    () => everyone,
    (_role, v, w) => ({ url: `/api/enterprises/${w.firm[r(v)]}/products` }),
  ),
  "POST /api/enterprises/{enterpriseId}/products": onRecord(
    PRODUCT_EDITORS,
    () => everyone,
    (v) => FIRM_KEEPERS[r(v)],
    (_role, v, w) => ({ url: `/api/enterprises/${w.firm[r(v)]}/products`, body: { nameTh: `ผ้าไหม ${unique()}` } }),
    201,
  ),
  "GET /api/products/{id}": onRecord(
    "anyone (published); drafts: those who edit them",
    seenProducts,
    () => everyone,
    async (_role, v, w) => ({ url: `/api/products/${await productFor(w, r(v))}` }),
  ),
  "PATCH /api/products/{id}": onRecord(
    PRODUCT_EDITORS,
    seenProducts,
    (v) => FIRM_KEEPERS[r(v)],
    async (_role, v, w) => ({ url: `/api/products/${await productFor(w, r(v))}`, body: { priceMax: unique() } }),
  ),
  "POST /api/products/{id}/publish": onRecord(
    PRODUCT_EDITORS,
    seenProducts,
    (v) => FIRM_KEEPERS[r(v)],
    async (_role, v, w) => ({ url: `/api/products/${await newProduct(w, r(v))}/publish` }),
  ),
  "POST /api/products/{id}/unpublish": onRecord(
    PRODUCT_EDITORS,
    seenProducts,
    (v) => FIRM_KEEPERS[r(v)],
    async (_role, v, w) => ({ url: `/api/products/${await newProduct(w, r(v))}/unpublish` }),
  ),
  "POST /api/products/{id}/certifications": onRecord(
    PRODUCT_EDITORS,
    seenProducts,
    (v) => FIRM_KEEPERS[r(v)],
    async (_role, v, w) => ({
      url: `/api/products/${await productFor(w, r(v))}/certifications`,
      body: { kind: "halal", number: `H-${unique()}` },
    }),
    201,
  ),
  "PATCH /api/products/{id}/certifications/{certificationId}": onRecord(
    PRODUCT_EDITORS,
    seenProducts,
    (v) => FIRM_KEEPERS[r(v)],
    async (_role, v, w) => {
      const productId = await productFor(w, r(v));
      return {
        url: `/api/products/${productId}/certifications/${await newCertification(w, productId)}`,
        body: { expiresOn: "2030-12-31" },
      };
    },
  ),
  "DELETE /api/products/{id}/certifications/{certificationId}": onRecord(
    PRODUCT_EDITORS,
    seenProducts,
    (v) => FIRM_KEEPERS[r(v)],
    async (_role, v, w) => {
      const productId = await productFor(w, r(v));
      return { url: `/api/products/${productId}/certifications/${await newCertification(w, productId)}` };
    },
  ),
  "POST /api/products/{id}/photos": onRecord(
    PRODUCT_EDITORS,
    seenProducts,
    (v) => FIRM_KEEPERS[r(v)],
    async (_role, v, w) => ({ url: `/api/products/${await newProduct(w, r(v))}/photos`, raw: await jpegBytes() }),
    201,
  ),
  "DELETE /api/products/{id}/photos/{photoId}": onRecord(
    PRODUCT_EDITORS,
    seenProducts,
    (v) => FIRM_KEEPERS[r(v)],
    async (_role, v, w) => {
      const productId = await newProduct(w, r(v));
      return { url: `/api/products/${productId}/photos/${(await newPhoto(w, productId)).id}` };
    },
  ),
  "GET /api/catalogue": anyone(`/api/catalogue?q=${encodeURIComponent("ข้าวหอมมะลิ")}`),
  "GET /api/catalogue/photos/{key}": onRecord(
    "anyone (photos of published products); drafts: those who edit them",
    seenProducts,
    () => everyone,
    async (_role, v, w) => ({ url: await photoUrlFor(w, r(v)) }),
  ),
  "POST /api/catalogue/products/{id}/inquiries": onRecord(
    "anyone (published products; a few per client address)",
    (v) => (v === "unpublished" ? [] : everyone),
    () => everyone,
    async (_role, v, w) => ({
      url: `/api/catalogue/products/${await productFor(w, r(v))}/inquiries`,
      body: quoteRequest,
    }),
    201,
  ),
  "GET /api/enterprises/{enterpriseId}/inquiries": onRecord(
    "admin, the member firm itself, its coordinators (approved membership)",
    () => everyone,
    (v) => INQUIRY_READERS[r(v)],
    (_role, v, w) => ({ url: `/api/enterprises/${w.firm[r(v)]}/inquiries` }),
  ),
  "PATCH /api/enterprises/{enterpriseId}/inquiries/{inquiryId}": onRecord(
    "admin, the member firm itself, its coordinators (approved membership)",
    () => everyone,
    (v) => INQUIRY_READERS[r(v)],
    async (_role, v, w) => ({
      url: `/api/enterprises/${w.firm[r(v)]}/inquiries/${await inquiryFor(w, r(v))}`,
      body: { status: "answered" },
    }),
  ),
};

/**
 * Keepers of a deal of each variant's event (policy `deal`): admin, the selling firm, the coordinators of its
 * clusters, the event's keepers and the officers of the funding programme's agency. At `own` the firm is the
 * member's, in the coordinator's cluster, and MOC both organises and funds; elsewhere DIP does both.
 */
const DEAL_KEEPERS: Record<EventVariant, Roles> = {
  own: ["admin", "mocOfficer", "coordinator", "member"],
  otherAgency: ["admin", "dipOfficer"],
  unpublished: ["admin", "dipOfficer"],
};
const DEAL_KEEPERS_WHO =
  "the deal's keepers: admin, the selling firm, coordinators of its clusters, the event's keepers, officers of the funding programme's agency";
/** A deal operation: nothing of deals is public (401); those who do not keep the deal get 404. */
function onDeal(call: Rule["call"], status = 200): Rule {
  return {
    who: DEAL_KEEPERS_WHO,
    variants: EVENT_VARIANTS,
    call,
    expect: (role, v) => (role === "public" ? 401 : decide(role, DEAL_KEEPERS[ev(v)], DEAL_KEEPERS[ev(v)], status)),
  };
}

const matrix: Record<string, Rule> = {
  ...catalogueRules,
  // ——— Reference data ———
  "GET /api/health": anyone("/api/health"),
  "GET /api/regions": anyone("/api/regions"),
  "GET /api/provinces": anyone("/api/provinces"),
  "GET /api/provinces/boundaries": anyone("/api/provinces/boundaries"),
  "GET /api/provinces/{code}": anyone("/api/provinces/50"),
  "GET /api/provincial-clusters": anyone("/api/provincial-clusters"),
  "GET /api/provincial-clusters/{id}": anyone("/api/provincial-clusters/1"),
  "GET /api/stats": anyone("/api/stats"),
  "GET /api/agencies": anyone("/api/agencies"),
  "GET /api/agencies/{id}": {
    ...anyone(""),
    variants: ["own", "otherAgency"],
    call: (_role, v, w) => ({ url: `/api/agencies/${w.agencyOf[r(v)]}` }),
  },
  "PATCH /api/agencies/{id}": perAgency(
    "admin, or agency officer of that agency",
    (_role, v, w) => {
      const agency = v === "own" ? w.agency.moc : w.agency.dip;
      return { url: `/api/agencies/${agency.id}`, body: { abbreviation: agency.abbreviation ?? agency.code } };
    },
    200,
  ),
  "GET /api/holidays": anyone("/api/holidays?year=2026"),
  "GET /api/working-days": anyone("/api/working-days?from=2026-12-04&days=1"),
  "POST /api/holidays": only(
    "admin",
    ["admin"],
    () => ({
      url: "/api/holidays",
      body: { date: holidayDate(), nameTh: "วันหยุดพิเศษ", kind: "special" },
    }),
    201,
  ),
  "PATCH /api/holidays/{id}": only("admin", ["admin"], async (_role, _v, w) => ({
    url: `/api/holidays/${await newHoliday(w)}`,
    body: { nameTh: "วันหยุดพิเศษ (แก้)" },
  })),
  "DELETE /api/holidays/{id}": only("admin", ["admin"], async (_role, _v, w) => ({
    url: `/api/holidays/${await newHoliday(w)}`,
  })),

  // ——— Inbox: each user's own notifications; another's answers 404 ———
  "GET /api/inbox": signedIn("signed in", () => ({ url: "/api/inbox" })),
  "GET /api/inbox/count": signedIn("signed in", () => ({ url: "/api/inbox/count" })),
  "POST /api/inbox/read-all": signedIn("signed in", () => ({ url: "/api/inbox/read-all" })),
  "POST /api/inbox/{id}/read": {
    who: "signed in",
    variants: ["own", "other"],
    call: async (role, v, w) => {
      const owner = v === "own" ? (w.userId[role] ?? w.bystanderId) : w.bystanderId;
      const { notificationIds } = await notify(w.t.ctx, { userIds: [owner], kind: "request_new" });
      return { url: `/api/inbox/${notificationIds[0] ?? 0}/read` };
    },
    expect: (role, v) => (role === "public" ? 401 : v === "other" ? 404 : 200),
  },

  // ——— Services: providers and experts ———
  "GET /api/service-providers": anyone("/api/service-providers"),
  // Aggregates for anyone; the experts' caseload only for those who keep the providers (service-figures.test.ts).
  "GET /api/service-figures": anyone("/api/service-figures"),
  "GET /api/service-figures.xlsx": anyone("/api/service-figures.xlsx"),
  "GET /api/service-providers/{id}": {
    ...anyone(""),
    variants: ["own", "otherAgency"],
    call: async (_role, v, w) => ({ url: `/api/service-providers/${await providerFor(v, w)}` }),
  },
  "POST /api/service-providers": perAgency("admin, or agency officer for their agency", (_role, v, w) => ({
    url: "/api/service-providers",
    body: { code: `AM${unique()}`, kind: "university", nameTh: "มหาวิทยาลัย", agencyId: w.agencyOf[r(v)] },
  })),
  "PATCH /api/service-providers/{id}": perAgency(
    "admin, or agency officer of its agency",
    async (_role, v, w) => ({ url: `/api/service-providers/${await providerFor(v, w)}`, body: { nameEn: "Centre" } }),
    200,
  ),
  // ——— Services: requests for help ———
  "GET /api/service-requests": signedIn("signed in (each their own scope)", () => ({ url: "/api/service-requests" })),
  // Filing for the member's firm (`own`, in the coordinator's cluster) or another firm (`otherAgency`).
  "POST /api/service-requests": {
    who: "the firm's member, officers, its cluster coordinators, admin, a provider's manager (walk-in)",
    variants: ["own", "otherAgency"],
    call: (_role, v, w) => ({
      url: "/api/service-requests",
      body: {
        enterpriseId: v === "own" ? w.firm.own : w.firm.otherAgency,
        field: "logistics",
        needText: "ต้องการคำปรึกษา",
        mode: "phone",
        consent: false,
      },
    }),
    expect: (role, v) =>
      role === "public"
        ? 401
        : (v === "own" ? FIRM_KEEPERS.own : ["admin", "mocOfficer", "dipOfficer"]).includes(role)
          ? 201
          : 403,
  },
  "POST /api/service-requests/{id}/accept": onRequest(
    "the assigned expert",
    { own: ["expert"], otherAgency: [] },
    async (_role, v, w) => ({ url: `/api/service-requests/${await requestFor(v, w)}/accept` }),
  ),
  "POST /api/service-requests/{id}/decline": onRequest(
    "the assigned expert",
    { own: ["expert"], otherAgency: [] },
    async (_role, v, w) => ({
      url: `/api/service-requests/${await requestFor(v, w)}/decline`,
      body: { reason: "ติดภารกิจ" },
    }),
  ),
  "GET /api/service-requests/{id}/candidates": onRequest(
    "the provider's managers and agency officers, admin",
    { own: ["admin", "mocOfficer"], otherAgency: ["admin", "dipOfficer"] },
    async (_role, v, w) => ({ url: `/api/service-requests/${await requestFor(v, w)}/candidates` }),
  ),
  "POST /api/service-requests/{id}/reassign": onRequest(
    "the provider's managers and agency officers, admin",
    { own: ["admin", "mocOfficer"], otherAgency: ["admin", "dipOfficer"] },
    async (_role, v, w) => ({
      url: `/api/service-requests/${await requestFor(v, w)}/reassign`,
      body: { expertId: await spareExpertFor(v, w) },
    }),
  ),
  "POST /api/service-requests/{id}/withdraw": onRequest(
    "the firm, whoever filed it, admin",
    { own: ["admin", "member"], otherAgency: ["admin"] },
    async (_role, v, w) => ({ url: `/api/service-requests/${await requestFor(v, w)}/withdraw`, body: {} }),
  ),
  "POST /api/service-requests/{id}/attachments": onRequest(
    "the firm, whoever filed it, the provider's managers and agency officers, admin",
    { own: ["admin", "member", "mocOfficer"], otherAgency: ["admin", "dipOfficer"] },
    async (_role, v, w) => ({
      url: `/api/service-requests/${await requestFor(v, w)}/attachments?fileName=quote.pdf`,
      raw: Buffer.from("%PDF-1.4\n%%EOF\n"),
    }),
    201,
  ),
  "GET /api/service-requests/{id}/attachments/{attachmentId}": onRequest(
    "those who may read the request",
    REQUEST_READERS,
    async (_role, v, w) => ({ url: await attachmentFor(v, w) }),
  ),
  "GET /api/service-requests/{id}": {
    who: "the firm, its cluster coordinators, the assigned expert, the provider's managers and agency officers, admin",
    variants: ["own", "otherAgency"],
    call: async (_role, v, w) => ({ url: `/api/service-requests/${await requestFor(v, w)}` }),
    expect: (role, v) => (role === "public" ? 401 : decide(role, requestReaders(v), requestReaders(v), 200)),
  },
  // ——— Services: case work (issue 13, point 5) ———
  "GET /api/service-requests/{id}/case-work": onCaseWork("readers of the request", requestReaders, (id) => ({
    url: `/api/service-requests/${id}/case-work`,
  })),
  "POST /api/service-requests/{id}/consultations": onCaseWork(
    "the accepted expert, the provider's managers and agency officers, admin",
    requestWorkers,
    (id) => ({ url: `/api/service-requests/${id}/consultations`, body: CONSULTATION }),
    201,
  ),
  "PATCH /api/service-requests/{id}/consultations/{itemId}": onCaseWork(
    "the accepted expert, the provider's managers and agency officers, admin",
    requestWorkers,
    async (id, _v, w) => {
      const c = await ok(w.as.admin.request("POST", `/api/service-requests/${id}/consultations`, CONSULTATION), 201);
      return { url: `/api/service-requests/${id}/consultations/${c.id}`, body: { hours: 2 } };
    },
  ),
  "POST /api/service-requests/{id}/tasks": onCaseWork(
    "the accepted expert, the provider's managers and agency officers, admin",
    requestWorkers,
    (id) => ({ url: `/api/service-requests/${id}/tasks`, body: { title: "ติดตามผล" } }),
    201,
  ),
  "PATCH /api/service-requests/{id}/tasks/{itemId}": onCaseWork(
    "the accepted expert, the provider's managers and agency officers, admin",
    requestWorkers,
    async (id, _v, w) => {
      const task = await ok(w.as.admin.request("POST", `/api/service-requests/${id}/tasks`, { title: "ติดตาม" }), 201);
      return { url: `/api/service-requests/${id}/tasks/${task.id}`, body: { done: true } };
    },
  ),
  "POST /api/service-requests/{id}/close": onCaseWork(
    "the accepted expert, the provider's managers and agency officers, admin",
    requestWorkers,
    (id) => ({ url: `/api/service-requests/${id}/close`, body: { outcomeKind: "sales", resultText: "ผลลัพธ์" } }),
  ),
  "POST /api/service-requests/{id}/rating": onCaseWork(
    "the firm's members, once closed",
    (v) => (v === "own" ? ["member"] : []),
    (id) => ({ url: `/api/service-requests/${id}/rating`, body: { rating: 5 } }),
    200,
    { status: "closed" },
  ),
  "POST /api/service-requests/{id}/claim": onCaseWork(
    "the accepted expert, the provider's managers and agency officers, admin",
    requestWorkers,
    (id) => ({ url: `/api/service-requests/${id}/claim`, body: {} }),
    201,
    { status: "closed", claimable: true },
  ),
  "PUT /api/indicators/{id}/computed-source": onRecord(
    KEEPERS_WHO,
    seenByKeepers,
    (v) => KEEPERS[r(v)],
    async (_role, v, w) => ({
      url: `/api/indicators/${await w.newIndicator(w.node[r(v)])}/computed-source`,
      body: { source: "service_ratings" },
    }),
  ),
  "POST /api/indicators/{id}/computed-values": onRecord(
    "those who enter the plan's values",
    () => everyone,
    (v) => KEEPERS[r(v)],
    async (_role, v, w) => {
      const id = await w.newIndicator(w.node[r(v)]);
      await w.t.ctx.database.db
        .updateTable("indicators")
        .set({ computed_from: "service_ratings" })
        .where("id", "=", id)
        .execute();
      return { url: `/api/indicators/${id}/computed-values`, body: { periodKey: "FY2044" } };
    },
  ),
  "GET /api/experts": signedIn("signed in", () => ({ url: "/api/experts" })),
  "GET /api/experts/{id}": {
    ...signedIn("signed in", () => ({ url: "" })),
    variants: ["own", "otherAgency"],
    call: async (_role, v, w) => ({ url: `/api/experts/${await expertFor(v, w)}` }),
  },
  "POST /api/experts": perAgency("admin, or agency officer of the provider's agency", async (_role, v, w) => ({
    url: "/api/experts",
    body: { providerId: await providerFor(v, w), displayName: "ที่ปรึกษา" },
  })),
  "PATCH /api/experts/{id}": perAgency(
    "admin, or agency officer of the provider's agency",
    async (_role, v, w) => ({ url: `/api/experts/${await expertFor(v, w)}`, body: { capacity: 2 } }),
    200,
  ),
  "GET /api/service-providers/{id}/managers": signedIn("signed in", async (_role, _v, w) => ({
    url: `/api/service-providers/${await providerFor("own", w)}/managers`,
  })),
  "POST /api/service-providers/{id}/managers": perAgency(
    "admin, or agency officer of its agency",
    async (_role, v, w) => ({
      url: `/api/service-providers/${await providerFor(v, w)}/managers`,
      body: { userId: await newManagerCandidate(w) },
    }),
  ),
  "DELETE /api/service-providers/{id}/managers/{userId}": perAgency(
    "admin, or agency officer of its agency",
    async (_role, v, w) => {
      const providerId = await providerFor(v, w);
      const userId = await newManagerCandidate(w);
      await ok(w.as.admin.request("POST", `/api/service-providers/${providerId}/managers`, { userId }), 201);
      return { url: `/api/service-providers/${providerId}/managers/${userId}` };
    },
    200,
  ),
  "GET /api/service-providers/{id}/user-candidates": perAgency(
    "admin, or agency officer of its agency",
    async (_role, v, w) => ({
      url: `/api/service-providers/${await providerFor(v, w)}/user-candidates?q=a&for=manager`,
    }),
    200,
  ),

  // ——— Auth and users ———
  "POST /api/auth/login": {
    who: "anyone",
    variants: NONE,
    call: (_role, _v, w) => ({
      url: "/api/auth/login",
      body: { email: w.users.expert.email, password: w.users.expert.password },
    }),
    expect: () => 200,
  },
  "POST /api/auth/logout": signedIn("signed in", async (role, _v, w) => {
    // A session of its own, so that the role's client stays signed in.
    const user = role === "public" || role === "admin" ? null : w.users[role];
    return {
      url: "/api/auth/logout",
      body: {},
      as:
        role === "public"
          ? w.as.public
          : role === "admin"
            ? await w.t.signIn("admin@example.org", "admin-password-123")
            : await w.t.signIn(user?.email ?? "", user?.password ?? ""),
    };
  }),
  "GET /api/auth/me": anyone("/api/auth/me"),
  "PATCH /api/auth/me": signedIn("signed in", () => ({ url: "/api/auth/me", body: { locale: "th" } })),
  // Changing a password ends the user's other sessions: each role changes that of a throwaway user like it, so the
  // role's own client stays signed in.
  "POST /api/auth/password": signedIn("signed in", async (role, _v, w) => {
    const url = "/api/auth/password";
    const newPassword = `changed-${unique()}-password`;
    if (role === "public") return { url, body: { currentPassword: "whatever-it-was", newPassword } };
    const id = role === "admin" ? w.userId.admin : w.users[role].id;
    const like = await w.t.ctx.database.db
      .selectFrom("users")
      .selectAll()
      .where("id", "=", id ?? 0)
      .executeTakeFirstOrThrow();
    const clusterIds = (
      await w.t.ctx.database.db
        .selectFrom("user_clusters")
        .select("cluster_id")
        .where("user_id", "=", like.id)
        .execute()
    ).map((c) => c.cluster_id);
    const password = `throwaway-${unique()}-password`;
    if (!isRole(like.role)) throw new Error(`unknown role ${like.role}`);
    const copy = await w.t.addUser({
      email: `matrix-pw-${unique()}@example.org`,
      displayName: "Throwaway",
      role: like.role,
      agencyId: like.agency_id,
      clusterIds,
      enterpriseId: like.enterprise_id,
      password,
    });
    return { url, body: { currentPassword: password, newPassword }, as: await w.t.signIn(copy.email, password) };
  }),
  "GET /api/users": only("admin", ["admin"], () => ({ url: "/api/users" })),
  "POST /api/users": only(
    "admin",
    ["admin"],
    (_role, _v, w) => ({
      url: "/api/users",
      body: {
        email: `matrix-new-${unique()}@example.org`,
        displayName: "New",
        role: "expert",
        agencyId: w.agency.moc.id,
        expertFields: ["marketing"],
        password: "long-enough-password",
      },
    }),
    201,
  ),
  "POST /api/users/{id}/reset-password": only("admin", ["admin"], (_role, _v, w) => ({
    url: `/api/users/${w.bystanderId}/reset-password`,
    body: { temporaryPassword: `temporary-${unique()}` },
  })),
  "GET /api/users/{id}": {
    who: "admin, or the user",
    variants: ["own", "other"],
    call: (role, v, w) => ({ url: `/api/users/${v === "own" ? (w.userId[role] ?? w.bystanderId) : w.bystanderId}` }),
    expect: (role, v) => (role === "public" ? 401 : role === "admin" || v === "own" ? 200 : 403),
  },
  "PATCH /api/users/{id}": {
    who: "admin",
    variants: ["own", "other"],
    call: (role, v, w) => ({
      url: `/api/users/${v === "own" ? (w.userId[role] ?? w.bystanderId) : w.bystanderId}`,
      body: { displayName: `Renamed ${unique()}` },
    }),
    expect: (role) => (role === "public" ? 401 : role === "admin" ? 200 : 403),
  },
  "GET /api/audit": only("admin", ["admin"], () => ({ url: "/api/audit" })),
  "GET /api/mail/failed": only("admin", ["admin"], () => ({ url: "/api/mail/failed" })),
  // A mail that gave up, made for each call: the retry of one role does not leave the next nothing to retry.
  "POST /api/mail/{id}/retry": only("admin", ["admin"], async (_role, _v, w) => {
    const at = new Date().toISOString();
    const mail = await w.t.ctx.database.db
      .insertInto("mail_outbox")
      .values({
        to_address: "matrix@example.org",
        subject: "[Sainam] matrix",
        body_text: "matrix",
        status: "failed",
        attempts: 8,
        next_attempt_at: at,
        last_error: "ECONNREFUSED",
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { url: `/api/mail/${mail.id}/retry` };
  }),

  // ——— Plans ———
  "GET /api/plans": {
    ...anyone("/api/plans?pageSize=200"),
    who: "anyone (published; keepers also their unpublished)",
    check: listing("plans", "items", (w) => w.plan.unpublished, ["admin", "dipOfficer"]),
  },
  // R3: a cluster plan is owned by the cluster's coordinating agency; `otherAgency`: an MOC cluster plan for
  // DIP's cluster 2 (only an admin); `unpublished`: DIP's plan for the unpublished cluster 4.
  "POST /api/plans": {
    who: "keepers of the plan to be",
    variants: RECORDS,
    call: (_role, v, w) => {
      const owner = v === "otherAgency" ? w.agency.moc.id : w.agencyOf[r(v)];
      return {
        url: "/api/plans",
        body: {
          code: `MX-NEW-${unique()}`,
          level: "cluster_plan",
          ownerAgencyId: owner,
          clusterId: w.cluster[r(v)],
          periodStart: "2020-10-01",
          periodEnd: "2025-09-30",
          titleEn: "New plan",
        },
      };
    },
    expect: (role, v) => {
      if (v === "otherAgency") return decide(role, everyone, ["admin"], 201);
      if (v === "unpublished" && ["coordinator", "member", "expert"].includes(role)) return [403, "missing"];
      return decide(role, everyone, KEEPERS[r(v)], 201);
    },
  },
  "GET /api/plans/{id}": onRecord(
    READERS,
    seenByKeepers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/plans/${w.plan[r(v)]}` }),
  ),
  "PATCH /api/plans/{id}": onRecord(
    KEEPERS_WHO,
    seenByKeepers,
    (v) => KEEPERS[r(v)],
    (_role, v, w) => ({ url: `/api/plans/${w.plan[r(v)]}`, body: { titleTh: `แผน ${unique()}` } }),
  ),
  "GET /api/plans/{id}/versions": onRecord(
    READERS,
    seenByKeepers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/plans/${w.plan[r(v)]}/versions` }),
  ),
  "POST /api/plans/{id}/versions": onRecord(
    KEEPERS_WHO,
    seenByKeepers,
    (v) => KEEPERS[r(v)],
    async (_role, v, w) => ({
      url: `/api/plans/${await w.newPlan(r(v))}/versions`,
      body: { periodStart: "2025-10-01", periodEnd: "2030-09-30" },
    }),
    201,
  ),
  "POST /api/plans/{id}/nodes": onRecord(
    KEEPERS_WHO,
    seenByKeepers,
    (v) => KEEPERS[r(v)],
    (_role, v, w) => ({
      url: `/api/plans/${w.plan[r(v)]}/nodes`,
      body: { kind: "strategy", code: `N${unique()}`, titleEn: "Node" },
    }),
    201,
  ),
  "PATCH /api/plans/{id}/nodes/{nodeId}": onRecord(
    KEEPERS_WHO,
    seenByKeepers,
    (v) => KEEPERS[r(v)],
    (_role, v, w) => ({
      url: `/api/plans/${w.plan[r(v)]}/nodes/${w.node[r(v)]}`,
      body: { titleTh: `ยุทธศาสตร์ ${unique()}` },
    }),
  ),
  "DELETE /api/plans/{id}/nodes/{nodeId}": onRecord(
    KEEPERS_WHO,
    seenByKeepers,
    (v) => KEEPERS[r(v)],
    async (_role, v, w) => ({ url: `/api/plans/${w.plan[r(v)]}/nodes/${await w.newNode(w.plan[r(v)])}` }),
  ),
  "POST /api/plans/{id}/nodes/{nodeId}/move": onRecord(
    KEEPERS_WHO,
    seenByKeepers,
    (v) => KEEPERS[r(v)],
    (_role, v, w) => ({
      url: `/api/plans/${w.plan[r(v)]}/nodes/${w.node[r(v)]}/move`,
      body: { parentId: null, position: 0 },
    }),
  ),
  "GET /api/plan-nodes/{id}/trace": onRecord(
    READERS,
    seenByKeepers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/plan-nodes/${w.node[r(v)]}/trace` }),
  ),
  "POST /api/plan-nodes/{id}/indicators": onRecord(
    KEEPERS_WHO,
    seenByKeepers,
    (v) => KEEPERS[r(v)],
    (_role, v, w) => ({
      url: `/api/plan-nodes/${w.node[r(v)]}/indicators`,
      body: { code: `I${unique()}`, nameEn: "Firms" },
    }),
    201,
  ),
  "GET /api/indicators/{id}": onRecord(
    READERS,
    seenByKeepers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/indicators/${w.indicator[r(v)]}` }),
  ),
  "PATCH /api/indicators/{id}": onRecord(
    KEEPERS_WHO,
    seenByKeepers,
    (v) => KEEPERS[r(v)],
    (_role, v, w) => ({ url: `/api/indicators/${w.indicator[r(v)]}`, body: { nameTh: `ยอดขาย ${unique()}` } }),
  ),
  "DELETE /api/indicators/{id}": onRecord(
    KEEPERS_WHO,
    seenByKeepers,
    (v) => KEEPERS[r(v)],
    async (_role, v, w) => ({ url: `/api/indicators/${await w.newIndicator(w.node[r(v)])}` }),
  ),
  "POST /api/indicators/{id}/move": onRecord(
    KEEPERS_WHO,
    seenByKeepers,
    (v) => KEEPERS[r(v)],
    (_role, v, w) => ({ url: `/api/indicators/${w.indicator[r(v)]}/move`, body: { position: 0 } }),
  ),
  "GET /api/indicators/{id}/targets": onRecord(
    READERS,
    seenByKeepers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/indicators/${w.indicator[r(v)]}/targets` }),
  ),
  "POST /api/indicators/{id}/targets": onRecord(
    KEEPERS_WHO,
    seenByKeepers,
    (v) => KEEPERS[r(v)],
    async (_role, v, w) => ({
      url: `/api/indicators/${await w.newIndicator(w.node[r(v)])}/targets`,
      body: { textEn: "80%", periodKey: "FY2022" },
    }),
    201,
  ),
  "PATCH /api/indicator-targets/{id}": onRecord(
    KEEPERS_WHO,
    seenByKeepers,
    (v) => KEEPERS[r(v)],
    (_role, v, w) => ({ url: `/api/indicator-targets/${w.target[r(v)]}`, body: { textEn: "80%" } }),
  ),
  "DELETE /api/indicator-targets/{id}": onRecord(
    KEEPERS_WHO,
    seenByKeepers,
    (v) => KEEPERS[r(v)],
    async (_role, v, w) => ({ url: `/api/indicator-targets/${await w.newTarget(w.node[r(v)])}` }),
  ),
  "GET /api/targets/parse": anyone("/api/targets/parse?text=80%25"),
  "GET /api/plans/{id}/report.{format}": onRecord(
    "readers of the plan's dashboard",
    seenByKeepers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/plans/${w.plan[r(v)]}/report.xlsx?period=FY2021` }),
  ),

  // ——— Dashboards ———
  "GET /api/dashboards/plans": anyone("/api/dashboards/plans"),
  "GET /api/dashboards/plans/{id}": onRecord(
    READERS,
    seenByKeepers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/dashboards/plans/${w.plan[r(v)]}?period=FY2021` }),
  ),
  "GET /api/dashboards/plans/{id}/provincial-clusters": onRecord(
    READERS,
    seenByKeepers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/dashboards/plans/${w.plan[r(v)]}/provincial-clusters?period=FY2021` }),
  ),
  "GET /api/indicators/{id}/map": onRecord(
    READERS,
    seenByKeepers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/indicators/${w.indicator[r(v)]}/map?period=FY2021` }),
  ),
  "GET /api/indicators/{id}/trend": onRecord(
    READERS,
    seenByKeepers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/indicators/${w.indicator[r(v)]}/trend` }),
  ),
  "GET /api/indicators/{id}/drilldown": onRecord(
    READERS,
    seenByKeepers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/indicators/${w.indicator[r(v)]}/drilldown?period=FY2021` }),
  ),

  // ——— Indicator values ———
  "GET /api/indicators/{id}/values": onRecord(
    "readers of the plan (every status: those who enter)",
    () => everyone,
    seenByKeepers,
    (_role, v, w) => ({ url: `/api/indicators/${w.indicator[r(v)]}/values` }),
  ),
  "PUT /api/indicators/{id}/values": onRecord(
    "those who enter the plan's values",
    () => everyone,
    (v) => KEEPERS[r(v)],
    (_role, v, w) => ({
      url: `/api/indicators/${w.indicator[r(v)]}/values`,
      body: {
        rows: [{ orgUnitType: "nation", orgUnitCode: "TH", periodKey: "FY2044", breakdown: {}, value: unique() }],
      },
    }),
  ),
  "GET /api/plans/{id}/values": onRecord(
    "readers of the plan (every status: those who enter)",
    () => everyone,
    seenByKeepers,
    (_role, v, w) => ({ url: `/api/plans/${w.plan[r(v)]}/values` }),
  ),
  "POST /api/values/submit": onRecord(
    "those who enter the plan's values",
    (v) => KEEPERS[r(v)],
    (v) => KEEPERS[r(v)],
    async (_role, v, w) => ({ url: "/api/values/submit", body: { ids: [await w.newValue(r(v), "draft")] } }),
  ),
  "POST /api/values/approve": onRecord(
    "admin or officers of the owner agency, not on values they entered",
    (v) => KEEPERS[r(v)],
    (v) => AGENCY[r(v)],
    async (_role, v, w) => ({ url: "/api/values/approve", body: { ids: [await w.newValue(r(v), "submitted")] } }),
  ),
  "POST /api/values/reject": onRecord(
    "admin or officers of the owner agency, not on values they entered",
    (v) => KEEPERS[r(v)],
    (v) => AGENCY[r(v)],
    async (_role, v, w) => ({
      url: "/api/values/reject",
      body: { ids: [await w.newValue(r(v), "submitted")], note: "check the source" },
    }),
  ),
  "POST /api/values/reopen": onRecord(
    "admin or officers of the owner agency, not on values they entered",
    (v) => KEEPERS[r(v)],
    (v) => AGENCY[r(v)],
    async (_role, v, w) => ({ url: "/api/values/reopen", body: { ids: [await w.newValue(r(v), "approved")] } }),
  ),
  "GET /api/values/queue": signedIn("signed in", () => ({ url: "/api/values/queue" })),
  "GET /api/plans/{id}/locks": onRecord(
    "readers of the plan",
    () => everyone,
    seenByKeepers,
    (_role, v, w) => ({ url: `/api/plans/${w.plan[r(v)]}/locks` }),
  ),
  "POST /api/plans/{id}/locks": onRecord(
    "admin or officers of the owner agency",
    () => everyone,
    (v) => AGENCY[r(v)],
    async (_role, v, w) => ({ url: `/api/plans/${await w.newPlan(r(v))}/locks`, body: { periodKey: "FY2020" } }),
    201,
  ),
  "DELETE /api/plans/{id}/locks/{periodKey}": onRecord(
    "admin or officers of the owner agency",
    () => everyone,
    (v) => AGENCY[r(v)],
    async (_role, v, w) => {
      const planId = await w.newPlan(r(v));
      await ok(w.admin.request("POST", `/api/plans/${planId}/locks`, { periodKey: "FY2020" }), 201);
      return { url: `/api/plans/${planId}/locks/FY2020` };
    },
  ),

  // ——— Cluster registry and value chain ———
  "GET /api/clusters": {
    ...anyone("/api/clusters?pageSize=200"),
    who: "anyone (published); officers all; coordinators also their own",
    check: listing("clusters", "items", (w) => w.cluster.unpublished, OFFICERS),
  },
  "POST /api/clusters": perAgency("admin; agency officer for own agency", (_role, v, w) => ({
    url: "/api/clusters",
    body: {
      code: `matrix-new-${unique()}`,
      kind: "industry_cluster",
      nameEn: "New cluster",
      coordinatingAgencyId: w.agencyOf[r(v)],
      provinceCodes: ["50"],
    },
  })),
  "GET /api/clusters/{id}": onRecord(
    "anyone (published); officers all; coordinators also their own",
    seenByOfficers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/clusters/${w.cluster[r(v)]}` }),
  ),
  "PATCH /api/clusters/{id}": onRecord(
    "admin; officers of its coordinating agency; its coordinators",
    seenByOfficers,
    (v) => KEEPERS[r(v)],
    (_role, v, w) => ({ url: `/api/clusters/${w.cluster[r(v)]}`, body: { descriptionEn: `Edited ${unique()}` } }),
  ),
  "GET /api/enterprises": {
    ...anyone("/api/enterprises?pageSize=200"),
    who: "anyone (published); officers all; coordinators their members; the member its firm",
    check: listing("enterprises", "items", (w) => w.firm.unpublished, OFFICERS),
  },
  // R2: a firm new to the registry that a coordinator created joins their cluster approved, contacts unmasked.
  "POST /api/enterprises": {
    ...only(
      "admin, officers, coordinators",
      UPLOADERS,
      () => ({
        url: "/api/enterprises",
        body: {
          juristicId: newJuristicId(),
          nameTh: `บริษัท ใหม่ ${unique()} จำกัด`,
          provinceCode: "50",
          contacts: [{ name: "Malee", phone: "0898765432" }],
        },
      }),
      201,
    ),
    check: async (role, _v, response, w) => {
      if (role !== "coordinator") return undefined;
      const firmId = response.json().id as number;
      await ok(
        w.as.coordinator.request("POST", `/api/clusters/${w.cluster.own}/members`, {
          enterpriseId: firmId,
          stage: "downstream",
        }),
        201,
      );
      const members = (await w.as.coordinator.request("GET", `/api/clusters/${w.cluster.own}/members`)).json()
        .items as Array<{ enterpriseId: number; approved?: boolean }>;
      const approval = approvalOf(members.find((m) => m.enterpriseId === firmId));
      if (approval !== "approved") return `the coordinator's own new firm joins ${String(approval)}, not approved`;
      return (await w.as.coordinator.request("GET", `/api/enterprises/${firmId}`)).json().contactsMasked === false
        ? undefined
        : "the coordinator's own new firm has its contacts masked";
    },
  },
  "GET /api/my-business": {
    ...only("a member (their own firm only)", ["member"], () => ({ url: "/api/my-business" })),
    check: (role, _v, response, w) =>
      role !== "member" || response.json().enterprise?.id === w.firm.own ? undefined : "not the member's own firm",
  },
  "GET /api/exports/enterprises.{format}": { ...anyone("/api/exports/enterprises.csv"), who: "as the list" },
  "GET /api/enterprises/{id}": onRecord(
    "anyone (published); the firm, officers, its coordinators",
    seenByOfficers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/enterprises/${w.firm[r(v)]}` }),
    200,
    {
      check: (role, v, response) => {
        const masked = response.json().contactsMasked as boolean;
        return masked === !FIRM_KEEPERS[r(v)].includes(role) ? undefined : `contacts ${masked ? "masked" : "unmasked"}`;
      },
    },
  ),
  "PATCH /api/enterprises/{id}": onRecord(
    "admin, officers, its coordinators (approved membership), the member firm itself",
    seenByOfficers,
    (v) => FIRM_KEEPERS[r(v)],
    (_role, v, w) => ({ url: `/api/enterprises/${w.firm[r(v)]}`, body: { nameEn: `Firm ${unique()} Co., Ltd.` } }),
  ),
  "GET /api/clusters/{id}/members": onRecord(
    "readers of the cluster",
    seenByOfficers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/clusters/${w.cluster[r(v)]}/members` }),
    200,
    {
      check: (_role, _v, response) => {
        const items = response.json().items as Array<{ approved?: boolean }>;
        return items.length > 0 && items.every((m) => approvalOf(m) !== undefined)
          ? undefined
          : "members carry no approval state";
      },
    },
  ),
  // A fresh firm each time; `hiddenRef`: a firm of nobody's cluster, unpublished (R1). R2: a coordinator who adds
  // an existing firm gets a pending membership and still sees its contacts masked.
  "POST /api/clusters/{id}/members": {
    who: "editors of the cluster",
    variants: [...RECORDS, "hiddenRef"],
    call: async (_role, v, w) => ({
      url: `/api/clusters/${w.cluster[v === "hiddenRef" ? "own" : r(v)]}/members`,
      body: { enterpriseId: await w.newFirm(v !== "hiddenRef"), stage: "midstream" },
    }),
    expect: (role, v) =>
      v === "hiddenRef"
        ? hiddenRefAnswer(role, KEEPERS.own, OFFICERS, 201)
        : decide(role, seenByOfficers(v), KEEPERS[r(v)], 201),
    check: async (role, v, _response, w, call) => {
      if (role !== "coordinator" || v !== "own") return undefined;
      const firmId = (call.body as { enterpriseId: number }).enterpriseId;
      const members = (await w.as.coordinator.request("GET", `/api/clusters/${w.cluster.own}/members`)).json()
        .items as Array<{ enterpriseId: number; approved?: boolean }>;
      const approval = approvalOf(members.find((m) => m.enterpriseId === firmId));
      const firm = await w.as.coordinator.request("GET", `/api/enterprises/${firmId}`);
      const edit = await w.as.coordinator.request("PATCH", `/api/enterprises/${firmId}`, {
        nameEn: "Pending Co., Ltd.",
      });
      if (approval !== "pending")
        return `a coordinator's membership of an existing firm is ${String(approval)}, not pending`;
      if (firm.json().contactsMasked !== true) return "a pending membership unmasks the firm's contacts";
      return edit.statusCode === 403
        ? undefined
        : `a pending membership lets the coordinator edit the firm (${edit.statusCode})`;
    },
  },
  "PATCH /api/clusters/{id}/members/{enterpriseId}": onRecord(
    "editors of the cluster",
    seenByOfficers,
    (v) => KEEPERS[r(v)],
    (_role, v, w) => ({ url: `/api/clusters/${w.cluster[r(v)]}/members/${w.firm[r(v)]}`, body: { stage: "upstream" } }),
  ),
  "DELETE /api/clusters/{id}/members/{enterpriseId}": onRecord(
    "editors of the cluster",
    seenByOfficers,
    (v) => KEEPERS[r(v)],
    async (_role, v, w) => {
      const firm = await w.newFirm(true);
      await w.join(w.cluster[r(v)], firm);
      return { url: `/api/clusters/${w.cluster[r(v)]}/members/${firm}` };
    },
  ),
  // R2: a coordinator's membership of an existing firm waits for an officer of the cluster's coordinating agency,
  // an admin or the firm itself (the firm's own approval is covered in references.test.ts).
  "POST /api/clusters/{id}/members/{enterpriseId}/approval": {
    who: "admin, officers of the cluster's coordinating agency, the member firm itself",
    variants: ["own"],
    call: async (_role, _v, w) => {
      const firm = await w.newFirm(true);
      await w.join(w.cluster.own, firm, w.as.coordinator);
      return { url: `/api/clusters/${w.cluster.own}/members/${firm}/approval`, body: {} };
    },
    expect: (role) => decide(role, everyone, ["admin", "mocOfficer"], 200),
  },
  // A fresh pending membership of the MOC's cluster 1 (its coordinator adds an existing firm) before each call: the
  // MOC officer and admins see it to approve, the cluster's coordinator to follow, no one else.
  "GET /api/memberships/pending": {
    ...signedIn(
      "signed in: admins all; officers their agency's clusters; the member its firm's; coordinators their clusters' (read-only)",
      async (_role, _v, w) => {
        pendingFirm = await w.newFirm(true);
        await w.join(w.cluster.own, pendingFirm, w.as.coordinator);
        return { url: "/api/memberships/pending" };
      },
    ),
    check: (role, _v, response, w) => {
      const items = response.json().items as Array<{
        cluster: { id: number };
        enterprise: { id: number };
        canApprove: boolean;
      }>;
      const found = items.find((m) => m.cluster.id === w.cluster.own && m.enterprise.id === pendingFirm);
      const want =
        role === "admin" || role === "mocOfficer" ? "approvable" : role === "coordinator" ? "read-only" : "absent";
      const got = found === undefined ? "absent" : found.canApprove ? "approvable" : "read-only";
      return got === want ? undefined : `the coordinator's pending membership is ${got}, not ${want}`;
    },
  },
  "GET /api/clusters/{id}/linkages": onRecord(
    "readers of the cluster",
    seenByOfficers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/clusters/${w.cluster[r(v)]}/linkages` }),
  ),
  // `hiddenRef`: the other end is DIP's unpublished institution (R1, R3).
  "POST /api/clusters/{id}/linkages": {
    who: "editors of the cluster",
    variants: [...RECORDS, "hiddenRef"],
    call: (_role, v, w) => {
      const c = v === "hiddenRef" ? "own" : r(v);
      return {
        url: `/api/clusters/${w.cluster[c]}/linkages`,
        body: {
          from: { type: "enterprise", id: w.firm[c] },
          to: { type: "institution", id: w.institution[v === "hiddenRef" ? "unpublished" : c] },
          kind: "finances",
        },
      };
    },
    expect: (role, v) =>
      v === "hiddenRef"
        ? hiddenRefAnswer(role, KEEPERS.own, ["admin", "dipOfficer"], 201)
        : decide(role, seenByOfficers(v), KEEPERS[r(v)], 201),
  },
  "DELETE /api/clusters/{id}/linkages/{linkageId}": onRecord(
    "editors of the cluster",
    seenByOfficers,
    (v) => KEEPERS[r(v)],
    async (_role, v, w) => ({ url: `/api/clusters/${w.cluster[r(v)]}/linkages/${await w.newLinkage(r(v))}` }),
  ),
  "GET /api/clusters/{id}/analysis": onRecord(
    "readers of the cluster",
    seenByOfficers,
    () => everyone,
    (_role, v, w) => ({ url: `/api/clusters/${w.cluster[r(v)]}/analysis` }),
  ),
  "GET /api/institutions/{id}": onRecord(
    "anyone (published); unpublished: admins, officers of its agency, its creator",
    seen(["admin", "dipOfficer"]),
    () => everyone,
    (_role, v, w) => ({ url: `/api/institutions/${w.institution[r(v)]}` }),
  ),
  "GET /api/institutions": {
    ...anyone("/api/institutions"),
    who: "anyone (published); unpublished: admins, officers of its agency, its creator",
    check: listing("institutions", "items", (w) => w.institution.unpublished, ["admin", "dipOfficer"]),
  },
  "POST /api/institutions": only(
    "admin, officers, coordinators",
    UPLOADERS,
    (_role, _v, w) => ({
      url: "/api/institutions",
      body: { kind: "education", nameEn: `College ${unique()}`, agencyId: w.agency.moc.id },
    }),
    201,
  ),
  "POST /api/clusters/{id}/institutions": {
    who: "editors of the cluster",
    variants: [...RECORDS, "hiddenRef"],
    call: (_role, v, w) => ({
      url: `/api/clusters/${w.cluster[v === "hiddenRef" ? "own" : r(v)]}/institutions`,
      body: { institutionId: w.institution[v === "hiddenRef" ? "unpublished" : "own"], role: "finance" },
    }),
    expect: (role, v) =>
      v === "hiddenRef"
        ? hiddenRefAnswer(role, KEEPERS.own, ["admin", "dipOfficer"], 200)
        : decide(role, seenByOfficers(v), KEEPERS[r(v)], 200),
  },
  "DELETE /api/clusters/{id}/institutions/{institutionId}": onRecord(
    "editors of the cluster",
    seenByOfficers,
    (v) => KEEPERS[r(v)],
    async (_role, v, w) => {
      const institution = await w.newInstitution("own");
      await ok(
        w.admin.request("POST", `/api/clusters/${w.cluster[r(v)]}/institutions`, { institutionId: institution }),
      );
      return { url: `/api/clusters/${w.cluster[r(v)]}/institutions/${institution}` };
    },
  ),
  "GET /api/search": { ...anyone("/api/search?q=test"), who: "anyone (published records)" },

  // ——— Imports (R3: a batch is its uploader's; an admin takes another's over explicitly) ———
  "POST /api/imports": only(
    "admin, officers, coordinators",
    UPLOADERS,
    () => ({
      url: "/api/imports?kind=enterprises&fileName=firms.csv",
      raw: Buffer.from("ชื่อนิติบุคคล\nบริษัท ก จำกัด\n", "utf8"),
    }),
    201,
  ),
  // `own`: the caller's own batches; `other`: every user's (owner=all), an admin's only. Another user's batch is
  // listed to an admin asking for all, with `canTakeOver`, and never in anyone's own list.
  "GET /api/imports": {
    who: "admin, officers, coordinators (their own; admin: all users' with owner=all)",
    variants: ["own", "other"],
    call: async (_role, v, w) => {
      const batch = await w.upload(w.as.dipOfficer);
      return { url: `/api/imports?pageSize=200${v === "other" ? "&owner=all" : ""}`, batchId: batch.batchId };
    },
    expect: (role, v) =>
      role === "public" ? 401 : !UPLOADERS.includes(role) ? 403 : v === "own" || role === "admin" ? 200 : 403,
    check: (role, v, response, _w, call) => {
      const items = response.json().items as Array<{ batchId: number; canTakeOver: boolean; mine: boolean }>;
      const listed = items.find((item) => item.batchId === call.batchId);
      const want = role === "dipOfficer" || (role === "admin" && v === "other");
      if (Boolean(listed) !== want) return `the DIP officer's batch is ${listed ? "" : "not "}listed`;
      if (listed && role === "admin" && !listed.canTakeOver) return "an admin cannot take over another user's batch";
      if (listed && role === "dipOfficer" && (listed.canTakeOver || !listed.mine))
        return "the uploader's own batch is not theirs";
      return undefined;
    },
  },
  "GET /api/imports/{batchId}/preview": {
    who: "the uploader",
    variants: ["own", "other"],
    call: async (role, v, w) => {
      const uploader =
        v === "other"
          ? role === "mocOfficer"
            ? w.as.dipOfficer
            : w.as.mocOfficer
          : UPLOADERS.includes(role)
            ? w.as[role]
            : w.admin;
      return { url: `/api/imports/${(await w.upload(uploader)).batchId}/preview` };
    },
    expect: (role, v) => (role === "public" ? 401 : !UPLOADERS.includes(role) ? [403, 404] : v === "own" ? 200 : 404),
  },
  "POST /api/imports/{batchId}/run": {
    who: "the uploader",
    variants: ["own", "other"],
    call: async (role, v, w) => {
      const uploader =
        v === "other"
          ? role === "mocOfficer"
            ? w.as.dipOfficer
            : w.as.mocOfficer
          : UPLOADERS.includes(role)
            ? w.as[role]
            : w.admin;
      const batch = await w.upload(uploader);
      return { url: `/api/imports/${batch.batchId}/run`, body: { mapping: batch.mapping } };
    },
    expect: (role, v) => (role === "public" ? 401 : !UPLOADERS.includes(role) ? [403, 404] : v === "own" ? 202 : 404),
  },
  "GET /api/imports/{batchId}": {
    who: "the uploader",
    variants: ["own", "other"],
    call: async (role, v, w) => {
      const uploader =
        v === "other"
          ? role === "mocOfficer"
            ? w.as.dipOfficer
            : w.as.mocOfficer
          : UPLOADERS.includes(role)
            ? w.as[role]
            : w.admin;
      return { url: `/api/imports/${(await w.upload(uploader)).batchId}` };
    },
    expect: (role, v) => (v === "own" && UPLOADERS.includes(role) ? 200 : role === "public" ? [401, 404] : 404),
  },
  "POST /api/imports/{batchId}/takeover": {
    who: "admin",
    variants: ["other"],
    call: async (_role, _v, w) => ({
      url: `/api/imports/${(await w.upload(w.as.mocOfficer)).batchId}/takeover`,
      body: {},
    }),
    expect: (role) => (role === "admin" ? 200 : role === "public" ? 401 : [403, 404]),
  },

  // ——— Programmes, budgets, activities, value ———
  "GET /api/programmes": {
    ...anyone("/api/programmes?pageSize=200"),
    who: "anyone (published); officers also their agency's",
    check: listing("programmes", "items", (w) => w.programme.unpublished, ["admin", "dipOfficer"]),
  },
  "POST /api/programmes": perAgency("admin; officers of the programme's agency", (_role, v, w) => ({
    url: "/api/programmes",
    body: { code: `mx-new-${unique()}`, agencyId: w.agencyOf[r(v)], nameEn: "New programme", firstFiscalYear: 2021 },
  })),
  "GET /api/programmes/{id}": onRecord(
    "anyone (published); officers also their agency's",
    seenByAgency,
    () => everyone,
    (_role, v, w) => ({ url: `/api/programmes/${w.programme[r(v)]}` }),
  ),
  "PATCH /api/programmes/{id}": onRecord(
    "admin; officers of the programme's agency (moving it to another agency: admin)",
    seenByAgency,
    (v) => AGENCY[r(v)],
    (_role, v, w) => ({ url: `/api/programmes/${w.programme[r(v)]}`, body: { nameTh: `โครงการ ${unique()}` } }),
  ),
  "GET /api/programmes/{id}/figures": onRecord(
    "readers of the programme (aggregates only)",
    seenByAgency,
    () => everyone,
    (_role, v, w) => ({ url: `/api/programmes/${w.programme[r(v)]}/figures` }),
  ),
  "GET /api/figures": { ...anyone("/api/figures"), who: "anyone (published programmes; officers also their agency's)" },
  "GET /api/programmes/{id}/clusters": onRecord(
    "readers of the programme",
    seenByAgency,
    () => everyone,
    (_role, v, w) => ({ url: `/api/programmes/${w.programme[r(v)]}/clusters` }),
  ),
  "POST /api/programmes/{id}/clusters": onRecord(
    "editors of the programme",
    seenByAgency,
    (v) => AGENCY[r(v)],
    (_role, v, w) => ({
      url: `/api/programmes/${w.programme[r(v)]}/clusters`,
      body: { clusterId: w.cluster[r(v)], fiscalYear: 2030 + (unique() % 60) },
    }),
    201,
  ),
  "DELETE /api/programmes/{id}/clusters/{clusterId}": onRecord(
    "editors of the programme",
    seenByAgency,
    (v) => AGENCY[r(v)],
    async (_role, v, w) => {
      const fy = 2030 + (unique() % 60);
      await ok(
        w.admin.request("POST", `/api/programmes/${w.programme[r(v)]}/clusters`, {
          clusterId: w.cluster[r(v)],
          fiscalYear: fy,
        }),
        201,
      );
      return { url: `/api/programmes/${w.programme[r(v)]}/clusters/${w.cluster[r(v)]}?fiscalYear=${fy}` };
    },
  ),
  "GET /api/programmes/{id}/enterprises": onRecord(
    "the agency's officers, coordinators of its clusters, admins",
    seenByAgency,
    (v) => KEEPERS[r(v)],
    (_role, v, w) => ({ url: `/api/programmes/${w.programme[r(v)]}/enterprises` }),
  ),
  "POST /api/programmes/{id}/enterprises": onRecord(
    "editors of the programme",
    seenByAgency,
    (v) => AGENCY[r(v)],
    (_role, v, w) => ({
      url: `/api/programmes/${w.programme[r(v)]}/enterprises`,
      // 2030–2069 here, 2070–2099 for the removal's own set-up: a year this case left supported never clashes there.
      body: { enterpriseId: w.firm[r(v)], fiscalYear: 2030 + (unique() % 40) },
    }),
    201,
  ),
  "POST /api/programmes/{id}/enterprises/cluster-members": onRecord(
    "editors of the programme, as for adding one firm",
    seenByAgency,
    (v) => AGENCY[r(v)],
    (_role, v, w) => ({
      url: `/api/programmes/${w.programme[r(v)]}/enterprises/cluster-members`,
      // Years apart from those the one-firm cases use: adding the cluster's members there would make them clash.
      body: { clusterId: w.cluster[r(v)], fiscalYear: 2000 + (unique() % 30) },
    }),
  ),
  "DELETE /api/programmes/{id}/enterprises/{enterpriseId}": onRecord(
    "editors of the programme",
    seenByAgency,
    (v) => AGENCY[r(v)],
    async (_role, v, w) => {
      const fy = 2070 + (unique() % 30);
      await ok(
        w.admin.request("POST", `/api/programmes/${w.programme[r(v)]}/enterprises`, {
          enterpriseId: w.firm[r(v)],
          fiscalYear: fy,
        }),
        201,
      );
      return { url: `/api/programmes/${w.programme[r(v)]}/enterprises/${w.firm[r(v)]}?fiscalYear=${fy}` };
    },
  ),
  "GET /api/programmes/{id}/budgets": onRecord(
    "readers of the programme",
    seenByAgency,
    () => everyone,
    (_role, v, w) => ({ url: `/api/programmes/${w.programme[r(v)]}/budgets` }),
  ),
  "POST /api/programmes/{id}/budgets": onRecord(
    "editors of the programme",
    seenByAgency,
    (v) => AGENCY[r(v)],
    (_role, v, w) => ({
      url: `/api/programmes/${w.programme[r(v)]}/budgets`,
      body: { fiscalYear: 2022, allocated: 10 },
    }),
    201,
  ),
  "PATCH /api/programmes/{id}/budgets/{budgetId}": onRecord(
    "editors of the programme",
    seenByAgency,
    (v) => AGENCY[r(v)],
    (_role, v, w) => ({ url: `/api/programmes/${w.programme[r(v)]}/budgets/${w.budget[r(v)]}`, body: { spent: 100 } }),
  ),
  "DELETE /api/programmes/{id}/budgets/{budgetId}": onRecord(
    "editors of the programme",
    seenByAgency,
    (v) => AGENCY[r(v)],
    async (_role, v, w) => ({ url: `/api/programmes/${w.programme[r(v)]}/budgets/${await w.newBudget(r(v))}` }),
  ),
  "GET /api/programmes/{id}/reported-figures": onRecord(
    "readers of the programme",
    seenByAgency,
    () => everyone,
    (_role, v, w) => ({ url: `/api/programmes/${w.programme[r(v)]}/reported-figures` }),
  ),
  "PUT /api/programmes/{id}/reported-figures/{fiscalYear}": onRecord(
    "editors of the programme",
    seenByAgency,
    (v) => AGENCY[r(v)],
    (_role, v, w) => ({
      url: `/api/programmes/${w.programme[r(v)]}/reported-figures/2021`,
      body: {
        clusters: 1,
        firms: 1,
        budget: 1000,
        budgetKind: "allocated",
        value: 5000,
        valueKind: "expected",
        source: "annual report",
      },
    }),
  ),
  "GET /api/activities": onRecord(
    "readers of the programme / cluster",
    seenByAgency,
    () => everyone,
    (_role, v, w) => ({ url: `/api/activities?programmeId=${w.programme[r(v)]}` }),
  ),
  // R3: `otherCluster`: MOC's programme in cluster 3; `crossScope`: DIP's programme (which does not support
  // cluster 1) for cluster 1 — not for the coordinator of cluster 1 nor the MOC officer.
  "POST /api/activities": {
    who: "admin; officers of the programme's agency (else the cluster's agency); coordinators of the activity's cluster, for programmes of its agency or supporting it",
    variants: [...RECORDS, "crossScope"],
    call: (_role, v, w) => {
      const [p, c] =
        v === "crossScope"
          ? (["otherAgency", "own"] as const)
          : v === "otherCluster"
            ? (["own", "otherCluster"] as const)
            : ([r(v), r(v)] as const);
      return {
        url: "/api/activities",
        body: {
          programmeId: w.programme[p],
          clusterId: w.cluster[c],
          kind: "consulting",
          titleEn: `Visit ${unique()}`,
          startsOn: "2021-05-01",
        },
      };
    },
    expect: (role, v) => {
      if (v === "crossScope") return decide(role, everyone, ["admin", "dipOfficer"], 201);
      if (v === "unpublished")
        return role === "public"
          ? 401
          : AGENCY.unpublished.includes(role)
            ? 201
            : ["mocOfficer", "coordinator"].includes(role)
              ? "missing"
              : [403, "missing"];
      return decide(role, everyone, KEEPERS[r(v)], 201);
    },
  },
  "GET /api/activities/{id}": onRecord(
    READERS,
    seenByAgency,
    () => everyone,
    (_role, v, w) => ({ url: `/api/activities/${w.activity[r(v)]}` }),
  ),
  // `crossScope`: moving an activity of cluster 1 to DIP's programme.
  "PATCH /api/activities/{id}": {
    who: "admin; officers of the programme's agency (else the cluster's agency); coordinators of the activity's cluster, for programmes of its agency or supporting it",
    variants: [...RECORDS, "crossScope"],
    call: async (_role, v, w) =>
      v === "crossScope"
        ? { url: `/api/activities/${await w.newActivity("own")}`, body: { programmeId: w.programme.otherAgency } }
        : { url: `/api/activities/${w.activity[r(v)]}`, body: { titleTh: `อบรม ${unique()}` } },
    expect: (role, v) =>
      v === "crossScope" ? decide(role, everyone, ["admin"], 200) : decide(role, seenByAgency(v), KEEPERS[r(v)], 200),
  },
  "PUT /api/activities/{id}/participants": {
    who: "editors of the activity",
    variants: [...RECORDS, "hiddenRef"],
    call: (_role, v, w) => ({
      url: `/api/activities/${w.activity[v === "hiddenRef" ? "own" : r(v)]}/participants`,
      body: { enterpriseIds: [w.firm[v === "hiddenRef" ? "unpublished" : r(v)]] },
    }),
    expect: (role, v) =>
      v === "hiddenRef"
        ? hiddenRefAnswer(role, KEEPERS.own, OFFICERS, 200)
        : decide(role, seenByAgency(v), KEEPERS[r(v)], 200),
  },
  "POST /api/activities/{id}/outcomes": onRecord(
    "editors of the activity",
    seenByAgency,
    (v) => KEEPERS[r(v)],
    (_role, v, w) => ({ url: `/api/activities/${w.activity[r(v)]}/outcomes`, body: { kind: "jobs", count: 2 } }),
    201,
  ),
  "DELETE /api/activities/{id}/outcomes/{outcomeId}": onRecord(
    "editors of the activity",
    seenByAgency,
    (v) => KEEPERS[r(v)],
    async (_role, v, w) => ({ url: `/api/activities/${w.activity[r(v)]}/outcomes/${await w.newOutcome(r(v))}` }),
  ),
  "GET /api/value-claims": onRecord(
    "the programme's agency officers, coordinators of its clusters, admins",
    seenByAgency,
    (v) => KEEPERS[r(v)],
    (_role, v, w) => ({ url: `/api/value-claims?programmeId=${w.programme[r(v)]}` }),
  ),
  "POST /api/value-claims": {
    who: "editors of every programme named",
    variants: RECORDS,
    call: (_role, v, w) => ({
      url: "/api/value-claims",
      body: {
        programmeIds: [w.programme[r(v)]],
        enterpriseId: w.firm[r(v)],
        fiscalYear: 2021,
        amount: 50_000 + unique(),
        method: "sales_increase",
        evidenceNote: "invoice",
      },
    }),
    expect: (role, v) =>
      v === "unpublished" && !AGENCY.unpublished.includes(role)
        ? role === "public"
          ? [401, 404]
          : [403, 404, "missing"]
        : decide(role, everyone, AGENCY[r(v)], 201),
  },
  "POST /api/value-claims/{id}/verification": onRecord(
    "an officer of an attributed programme's agency, or an admin, who did not record the claim",
    () => everyone,
    (v) => AGENCY[r(v)],
    async (_role, v, w) => ({
      url: `/api/value-claims/${await w.newClaim(r(v))}/verification`,
      body: { decision: "verified" },
    }),
  ), // ——— Market linkage: trade events (issue 14 point 2) ———
  "GET /api/events": {
    who: "anyone (unpublished events: officers, their keepers and participating firms)",
    variants: NONE,
    call: (_role, _v, w) => ({ url: `/api/events?organiserAgencyId=${w.agencyOf.unpublished}&pageSize=100` }),
    expect: () => 200,
    check: listing("/api/events", "items", (w) => w.market.event.unpublished, OFFICERS),
  },
  "POST /api/events": only(
    "admin, agency officers, cluster coordinators",
    ["admin", "mocOfficer", "dipOfficer", "coordinator"],
    () => ({ url: "/api/events", body: buildEvent() }),
    201,
  ),
  "GET /api/events/{id}": onEvent(
    EVENT_READERS_WHO,
    eventReaders,
    () => everyone,
    (_role, v, w) => ({ url: `/api/events/${w.market.event[ev(v)]}` }),
  ),
  "PATCH /api/events/{id}": onEvent(EVENT_KEEPERS_WHO, eventReaders, eventKeepers, (_role, v, w) => ({
    url: `/api/events/${w.market.event[ev(v)]}`,
    body: { titleEn: `Matching ${unique()}` },
  })),
  // A fresh event each call: published ones go back to draft, the unpublished draft is opened.
  "POST /api/events/{id}/status": onEvent(EVENT_KEEPERS_WHO, eventReaders, eventKeepers, async (_role, v, w) => ({
    url: `/api/events/${await w.market.newEvent(ev(v))}/status`,
    body: { status: v === "unpublished" ? "open" : "draft" },
  })),
  "POST /api/events/{id}/published": onEvent(EVENT_KEEPERS_WHO, eventReaders, eventKeepers, async (_role, v, w) => ({
    url: `/api/events/${await w.market.newEvent(ev(v))}/published`,
    body: { published: false },
  })),
  "GET /api/events/{id}/layout": onEvent(
    EVENT_READERS_WHO,
    eventReaders,
    () => everyone,
    (_role, v, w) => ({ url: `/api/events/${w.market.event[ev(v)]}/layout` }),
  ),
  // The same slots and tables again: nothing in use is removed.
  "PUT /api/events/{id}/slots": onEvent(EVENT_KEEPERS_WHO, eventReaders, eventKeepers, (_role, v, w) => ({
    url: `/api/events/${w.market.event[ev(v)]}/slots`,
    body: {
      days: [w.market.day],
      sessions: [
        { start: "09:00", end: "12:00" },
        { start: "13:00", end: "16:00" },
      ],
      minutes: 30,
    },
  })),
  "PUT /api/events/{id}/tables": onEvent(EVENT_KEEPERS_WHO, eventReaders, eventKeepers, (_role, v, w) => ({
    url: `/api/events/${w.market.event[ev(v)]}/tables`,
    body: { count: 3 },
  })),
  "GET /api/events/{id}/participants": onEvent(
    "readers of the event (keepers: every participant, with contacts; a member firm: its own; others: none)",
    eventReaders,
    () => everyone,
    (_role, v, w) => ({ url: `/api/events/${w.market.event[ev(v)]}/participants` }),
    200,
    {
      check: (role, v, response, w) => {
        const ids = (response.json().items as Array<{ id: number }>).map((p) => p.id).sort();
        const m = w.market;
        const want = eventKeepers(v).includes(role)
          ? [m.firmParticipant[ev(v)], m.buyerParticipant[ev(v)]]
          : role === "member" && v === "own"
            ? [m.firmParticipant.own]
            : [];
        // Keepers may see more (participants added by other rows): the world's two must be among them.
        const missing = want.filter((id) => !ids.includes(id));
        const extra = eventKeepers(v).includes(role) ? [] : ids.filter((id) => !want.includes(id));
        return missing.length + extra.length === 0
          ? undefined
          : `participants listed ${JSON.stringify(ids)}, expected ${JSON.stringify(want)}`;
      },
    },
  ),
  "POST /api/events/{id}/participants": onEvent(
    EVENT_KEEPERS_WHO,
    eventReaders,
    eventKeepers,
    (_role, v, w) => ({ url: `/api/events/${w.market.event[ev(v)]}/participants`, body: { buyer: buildBuyer() } }),
    201,
  ),
  "POST /api/events/{id}/participants/import": onEvent(
    EVENT_KEEPERS_WHO,
    eventReaders,
    eventKeepers,
    (_role, v, w) => ({
      url: `/api/events/${w.market.event[ev(v)]}/participants/import?fileName=participants.csv`,
      raw: w.market.participantFile(),
    }),
  ),
  "GET /api/events/{id}/participants/{participantId}": onEvent(
    OWN_PARTICIPATION_WHO,
    eventKeepersAndFirm,
    eventKeepersAndFirm,
    (_role, v, w) => ({ url: `/api/events/${w.market.event[ev(v)]}/participants/${w.market.firmParticipant[ev(v)]}` }),
  ),
  "PATCH /api/events/{id}/participants/{participantId}": onEvent(
    OWN_PARTICIPATION_WHO,
    eventKeepersAndFirm,
    eventKeepersAndFirm,
    (_role, v, w) => ({
      url: `/api/events/${w.market.event[ev(v)]}/participants/${w.market.firmParticipant[ev(v)]}`,
      body: { language: "th" },
    }),
  ),
  // A fresh buyer each call.
  "DELETE /api/events/{id}/participants/{participantId}": onEvent(
    EVENT_KEEPERS_WHO,
    eventReaders,
    eventKeepers,
    async (_role, v, w) => {
      const eventId = w.market.event[ev(v)];
      return { url: `/api/events/${eventId}/participants/${await w.market.newBuyer(eventId)}` };
    },
  ),
  "PUT /api/events/{id}/participants/{participantId}/unavailable": onEvent(
    OWN_PARTICIPATION_WHO,
    eventKeepersAndFirm,
    eventKeepersAndFirm,
    (_role, v, w) => ({
      url: `/api/events/${w.market.event[ev(v)]}/participants/${w.market.firmParticipant[ev(v)]}/unavailable`,
      body: { slotIds: [] },
    }),
  ),
  "PUT /api/events/{id}/participants/{participantId}/interests": onEvent(
    OWN_PARTICIPATION_WHO,
    eventKeepersAndFirm,
    eventKeepersAndFirm,
    (_role, v, w) => ({
      url: `/api/events/${w.market.event[ev(v)]}/participants/${w.market.firmParticipant[ev(v)]}/interests`,
      body: { items: [{ direction: "offer", text: "ข้าวหอมมะลิ" }] },
    }),
  ),
  // ——— Market linkage: matchmaking (issue 14 point 3) ———
  "GET /api/events/{id}/suggestions": onEvent(EVENT_SIDES_WHO, eventReaders, eventKeepersAndFirm, (_role, v, w) => ({
    url: `/api/events/${w.market.event[ev(v)]}/suggestions`,
  })),
  // The variant's firm asks a fresh buyer (the unpublished variant: at the open unpublished event).
  "POST /api/events/{id}/meetings": onEvent(
    "the event's keepers (for any participant); the requesting member firm",
    eventReaders,
    eventKeepersAndFirm,
    async (_role, v, w) => {
      const eventId = w.market.openEventOf(ev(v));
      return {
        url: `/api/events/${eventId}/meetings`,
        body: { requesterId: w.market.openFirmOf(ev(v)), targetId: await w.market.newBuyer(eventId) },
      };
    },
    201,
  ),
  "POST /api/events/{id}/meetings/bulk": onEvent(EVENT_KEEPERS_WHO, eventReaders, eventKeepers, (_role, v, w) => ({
    url: `/api/events/${w.market.openEventOf(ev(v))}/meetings/bulk`,
    body: { perParticipant: 1 },
  })),
  "GET /api/events/{id}/meetings": onEvent(EVENT_SIDES_WHO, eventReaders, eventKeepersAndFirm, (_role, v, w) => ({
    url: `/api/events/${w.market.event[ev(v)]}/meetings`,
  })),
  "GET /api/events/{id}/no-shows": onEvent(EVENT_KEEPERS_WHO, eventReaders, eventKeepers, (_role, v, w) => ({
    url: `/api/events/${w.market.event[ev(v)]}/no-shows`,
  })),
  "POST /api/events/{id}/participants/{participantId}/check-in": onEvent(
    EVENT_KEEPERS_WHO,
    eventReaders,
    eventKeepers,
    (_role, v, w) => ({
      url: `/api/events/${w.market.event[ev(v)]}/participants/${w.market.firmParticipant[ev(v)]}/check-in`,
      body: { checkedIn: true },
    }),
  ),
  "GET /api/my/meetings": only("member users", ["member"], () => ({ url: "/api/my/meetings" })),
  // Fresh meetings each call, which a fresh buyer requested of the variant's firm; `other`: at the `own` event, one
  // the member's firm requested itself (it may not answer it).
  "POST /api/meetings/{id}/accept": answering("accept"),
  "POST /api/meetings/{id}/decline": answering("decline", { reason: "ไม่ว่าง" }),
  "POST /api/meetings/{id}/cancel": onEvent(
    MEETING_SIDES_WHO,
    eventKeepersAndFirm,
    eventKeepersAndFirm,
    async (_role, v, w) => ({ url: `/api/meetings/${await w.market.newMeeting(ev(v))}/cancel`, body: {} }),
  ),
  "POST /api/meetings/{id}/attendance": onEvent(
    "the event's keepers",
    eventKeepersAndFirm,
    eventKeepers,
    async (_role, v, w) => ({
      url: `/api/meetings/${await w.market.newMeeting(ev(v), "accepted")}/attendance`,
      body: { attendance: "held" },
    }),
  ),
  // ——— Market linkage: the schedule (issue 14 point 3) ———
  "POST /api/events/{id}/schedule": onEvent(EVENT_KEEPERS_WHO, eventReaders, eventKeepers, (_role, v, w) => ({
    url: `/api/events/${w.market.event[ev(v)]}/schedule`,
  })),
  "GET /api/events/{id}/schedule": onEvent(
    "the event's keepers (its records)",
    eventReaders,
    eventKeepers,
    (_role, v, w) => ({ url: `/api/events/${w.market.event[ev(v)]}/schedule` }),
  ),
  "GET /api/events/{id}/participants/{participantId}/agenda.{format}": onEvent(
    OWN_PARTICIPATION_WHO,
    eventKeepersAndFirm,
    eventKeepersAndFirm,
    (_role, v, w) => ({
      url: `/api/events/${w.market.event[ev(v)]}/participants/${w.market.firmParticipant[ev(v)]}/agenda.ics`,
    }),
  ),
  // ——— Market linkage: outcomes, deals and figures (issue 14 point 4) ———
  // A fresh held meeting each call.
  "POST /api/meetings/{id}/outcome": onEvent(
    MEETING_SIDES_WHO,
    eventKeepersAndFirm,
    eventKeepersAndFirm,
    async (_role, v, w) => ({
      url: `/api/meetings/${await w.market.newHeldMeeting(ev(v))}/outcome`,
      body: { stage: "quotation", expectedValue: 50_000 },
    }),
    201,
  ),
  "GET /api/events/{id}/outcomes": onEvent(
    "readers of the event (keepers: every held meeting; a member firm: its own; others: none)",
    eventReaders,
    () => everyone,
    (_role, v, w) => ({ url: `/api/events/${w.market.event[ev(v)]}/outcomes` }),
  ),
  "GET /api/deals": {
    who: "signed in (the deals they keep; a member firm: its own)",
    variants: EVENT_VARIANTS,
    call: (_role, v, w) => ({ url: `/api/deals?eventId=${w.market.event[ev(v)]}&pageSize=100` }),
    expect: (role) => (role === "public" ? 401 : 200),
    check: (role, v, response, w) => {
      const listed = (response.json().items as Array<{ id: number }>).some((d) => d.id === w.market.deal[ev(v)]);
      return listed === DEAL_KEEPERS[ev(v)].includes(role) ? undefined : `the deal is ${listed ? "" : "not "}listed`;
    },
  },
  "GET /api/deals/{id}": onDeal((_role, v, w) => ({ url: `/api/deals/${w.market.deal[ev(v)]}` })),
  "PATCH /api/deals/{id}": onDeal((_role, v, w) => ({
    url: `/api/deals/${w.market.deal[ev(v)]}`,
    body: { expectedValue: 120_000 },
  })),
  "POST /api/deals/{id}/follow-ups/{months}": onDeal((_role, v, w) => ({
    url: `/api/deals/${w.market.deal[ev(v)]}/follow-ups/3`,
    body: { stage: "quotation", expectedValue: 150_000 },
  })),
  "POST /api/deals/{id}/orders": onDeal(
    async (_role, v, w) => ({
      url: `/api/deals/${await w.market.newDeal(ev(v))}/orders`,
      body: { amount: 20_000 + unique(), orderedOn: w.market.day, evidenceNote: "ใบสั่งซื้อ" },
    }),
    201,
  ),
  "POST /api/deal-orders/{id}/claim": onDeal(
    async (_role, v, w) => ({ url: `/api/deal-orders/${await w.market.newOrder(ev(v))}/claim` }),
    201,
  ),
  "GET /api/market/figures": {
    who: "anyone (admin and agency officers: unpublished events too)",
    variants: NONE,
    call: () => ({ url: "/api/market/figures" }),
    expect: () => 200,
  },
  "GET /api/market/figures.xlsx": {
    who: "anyone (admin and agency officers: unpublished events too)",
    variants: NONE,
    call: () => ({ url: "/api/market/figures.xlsx" }),
    expect: () => 200,
  },
};

/** R1: a write naming a record the caller may not see. Allowed callers who see it succeed; keepers who do not get "missing". */
function hiddenRefAnswer(role: Role, keepers: Roles, seers: Roles, status: number): Want {
  if (role === "public") return 401;
  if (!keepers.includes(role)) return 403;
  return seers.includes(role) ? status : "missing";
}

function matches(want: Want, response: LightMyRequestResponse): boolean {
  const answers: readonly Answer[] = Array.isArray(want) ? want : [want as Answer];
  return answers.some((a) => {
    if (a !== "missing") return response.statusCode === a;
    if (response.statusCode !== 400) return false;
    const details = (response.json().error?.details ?? []) as Array<{ code?: string }>;
    return response.json().error?.code === "validation_failed" && details.some((d) => d.code === "not_found");
  });
}

/** The `who` column of every operation in docs/API.md, from the tables that have one. */
function documentedWho(): Map<string, string> {
  const text = readFileSync(new URL("../../../../docs/API.md", import.meta.url), "utf8");
  const found = new Map<string, string>();
  let whoColumn = -1;
  for (const line of text.split("\n")) {
    if (!line.startsWith("|")) {
      whoColumn = -1;
      continue;
    }
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells[0] === "route") {
      whoColumn = cells.indexOf("who");
      continue;
    }
    const route = /^`(GET|POST|PATCH|PUT|DELETE) (\/api\/[^`?\s]*)[^`]*`$/.exec(cells[0] ?? "");
    if (!route || whoColumn < 0) continue;
    found.set(`${route[1]} ${route[2]}`, (cells[whoColumn] ?? "").replace(/\\\|/g, "|"));
  }
  return found;
}

let w: AccessWorld;
let operations: string[];
let security: Map<string, unknown>;
/** Every status the public got from an operation, to hold the OpenAPI document's security to the matrix. */
const publicAnswers = new Map<string, Set<number>>();

beforeAll(async () => {
  // Every role asks for a quote from one address here: the throttle is not what this matrix checks.
  const t = await createTestApp({ SAINAM_QUOTE_REQUESTS_PER_10_MIN: "1000" });
  w = await buildAccessWorld(t);
  const doc = t.app.swagger() as { paths: Record<string, Record<string, { security?: unknown }>> };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
  );
  security = new Map(
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([m, op]) => [`${m.toUpperCase()} ${path}`, op.security]),
    ),
  );
}, 120_000);
afterAll(async () => {
  await w?.t.close();
});

describe("#access-matrix", () => {
  it("has an expectation for every operation of the OpenAPI document, and none for an operation it lacks", () => {
    expect(
      operations.filter((op) => !(op in matrix)),
      "operations without an expectation",
    ).toEqual([]);
    expect(
      Object.keys(matrix).filter((op) => !operations.includes(op)),
      "expectations of operations the server does not have",
    ).toEqual([]);
  });

  it("documents every operation in docs/API.md with the matrix's `who`", () => {
    const docs = documentedWho();
    const differences = Object.entries(matrix).flatMap(([op, rule]) =>
      docs.get(op) === rule.who
        ? []
        : [`${op}: docs say ${JSON.stringify(docs.get(op) ?? null)}, matrix says ${JSON.stringify(rule.who)}`],
    );
    const undocumented = [...docs.keys()]
      .filter((op) => !(op in matrix))
      .map((op) => `${op}: documented, not in the matrix`);
    expect([...differences, ...undocumented]).toEqual([]);
  });

  for (const [op, rule] of Object.entries(matrix)) {
    it(`${op}: ${rule.who}`, async () => {
      const [method, path] = op.split(" ") as [Method, string];
      const wrong: string[] = [];
      for (const variant of rule.variants ?? NONE) {
        for (const role of roles) {
          const call = await rule.call(role, variant, w);
          const client = call.as ?? w.as[role];
          const response = call.raw
            ? await w.t.app.inject({
                method,
                url: call.url,
                payload: call.raw,
                headers: {
                  "content-type": "application/octet-stream",
                  ...(client.cookie ? { cookie: client.cookie, "x-csrf-token": client.csrfToken ?? "" } : {}),
                },
              })
            : await client.request(method, call.url, call.body);
          // A caller without a session may write nothing but a sign-in: every other write is 401 before its body
          // or the records it names are looked at (so nothing is learnt of what exists).
          const want =
            role === "public" && method !== "GET" && !ANONYMOUS_WRITES.has(path.replace(/\{(\w+)\}/g, ":$1"))
              ? 401
              : rule.expect(role, variant);
          if (role === "public") publicAnswers.set(op, (publicAnswers.get(op) ?? new Set()).add(response.statusCode));
          if (!matches(want, response)) {
            wrong.push(
              `${role} × ${variant}: expected ${JSON.stringify(want)}, got ${response.statusCode} ${response.body.slice(0, 160)}`,
            );
            continue;
          }
          if (rule.check && response.statusCode < 300) {
            const problem = await rule.check(role, variant, response, w, call);
            if (problem) wrong.push(`${role} × ${variant}: ${problem}`);
          }
        }
      }
      expect(wrong, `${path}`).toEqual([]);
    });
  }

  it("requires a session in the OpenAPI document exactly where the public is never answered with a success", () => {
    const wrong = [...publicAnswers].flatMap(([op, statuses]) => {
      const sessionOnly = [...statuses].every((status) => status >= 300);
      const declared = JSON.stringify(security.get(op));
      const want =
        op === "POST /api/auth/login"
          ? "[]"
          : sessionOnly
            ? JSON.stringify(op.startsWith("GET ") ? [{ session: [] }] : [{ session: [], csrf: [] }])
            : JSON.stringify(op.startsWith("GET ") ? [{}, { session: [] }] : [{}, { session: [], csrf: [] }]);
      return declared === want
        ? []
        : [`${op}: the public got ${[...statuses].join(", ")}; the document declares ${declared}, expected ${want}`];
    });
    expect(wrong).toEqual([]);
  });
});
