import { buyerKinds, eventKinds, eventStatuses, interestDirections, participantRoles } from "@sainam/core";
import { z } from "zod";
import { ceFiscalYearQuery, ceIsoDate, countryCodeSchema } from "./common.schema.ts";

// Trade events (issue 14, point 2): trade fairs and business-matching sessions, their slots and tables, and their
// participants (member firms and buyers) with what they offer and need. Field errors carry codes; the web words
// them in Thai and English like every other form.

export const eventKindSchema = z.enum(eventKinds);
export const eventStatusSchema = z.enum(eventStatuses);
export const participantRoleSchema = z.enum(participantRoles);
export const buyerKindSchema = z.enum(buyerKinds);
export const interestDirectionSchema = z.enum(interestDirections);
export const agendaLanguageSchema = z.enum(["th", "en"]);

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
const provinceCode = z.string().regex(/^\d{2}$/, "must be a 2-digit province code");
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time HH:MM");
const timeZone = z
  .string()
  .trim()
  .regex(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/, "must be an IANA time zone, e.g. Asia/Tokyo")
  .max(64);
const phone = z
  .string()
  .trim()
  .regex(/^[+0-9][0-9 ()-]{5,20}$/, "must be a phone number");

export const tradeEventSchema = z.object({
  id: z.number().int(),
  kind: eventKindSchema,
  titleTh: z.string(),
  titleEn: z.string().nullable(),
  descriptionTh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  agendaTh: z.string().nullable(),
  agendaEn: z.string().nullable(),
  organiserAgencyId: z.number().int().nullable(),
  programmeId: z.number().int().nullable(),
  /** The funding programme, named when the caller may read it (published, or their own agency's); else null. */
  programme: z
    .object({ id: z.number().int(), nameTh: z.string().nullable(), nameEn: z.string().nullable() })
    .nullable(),
  /** "TH" for events in Thailand (then `provinceCode`), otherwise the host country (then `city`). */
  countryCode: z.string(),
  city: z.string().nullable(),
  provinceCode: z.string().nullable(),
  venue: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  /** IANA zone of the venue: slots are local times there. */
  timeZone: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** Thai fiscal year (C.E.) of `startsOn`. */
  fiscalYear: z.number().int(),
  budget: z.number().nullable(),
  status: eventStatusSchema,
  published: z.boolean(),
  createdBy: z.number().int().nullable(),
  participantCount: z.number().int(),
  slotCount: z.number().int(),
  tableCount: z.number().int(),
  /** The caller keeps the event (edits it, adds participants, sees contacts). */
  keeper: z.boolean(),
});
export type TradeEvent = z.infer<typeof tradeEventSchema>;

export const tradeEventPageSchema = z.object({
  items: z.array(tradeEventSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const listTradeEventsQuery = z.object({
  when: z.enum(["upcoming", "past"]).optional(),
  kind: eventKindSchema.optional(),
  fiscalYear: ceFiscalYearQuery.optional(),
  organiserAgencyId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListTradeEventsQuery = z.infer<typeof listTradeEventsQuery>;

const eventFields = {
  titleEn: text(300).nullable().optional(),
  descriptionTh: text(5000).nullable().optional(),
  descriptionEn: text(5000).nullable().optional(),
  agendaTh: text(5000).nullable().optional(),
  agendaEn: text(5000).nullable().optional(),
  organiserAgencyId: z.number().int().positive().nullable().optional(),
  programmeId: z.number().int().positive().nullable().optional(),
  city: text(200).nullable().optional(),
  provinceCode: provinceCode.nullable().optional(),
  venue: text(300).nullable().optional(),
  onlineUrl: z.url("must be a web address").max(500).nullable().optional(),
  timeZone: timeZone.optional(),
  budget: z.number().min(0, "must not be negative").max(1e12).nullable().optional(),
};

export const createTradeEventBody = z
  .object({
    kind: eventKindSchema,
    titleTh: text(300),
    countryCode: countryCodeSchema.default("TH"),
    startsOn: ceIsoDate,
    endsOn: ceIsoDate,
    ...eventFields,
  })
  .strict();
export type CreateTradeEventBody = z.infer<typeof createTradeEventBody>;

export const updateTradeEventBody = z
  .object({
    kind: eventKindSchema.optional(),
    titleTh: text(300).optional(),
    countryCode: countryCodeSchema.optional(),
    startsOn: ceIsoDate.optional(),
    endsOn: ceIsoDate.optional(),
    ...eventFields,
  })
  .strict();
export type UpdateTradeEventBody = z.infer<typeof updateTradeEventBody>;

export const eventStatusBody = z.object({ status: eventStatusSchema }).strict();
export const eventPublishBody = z.object({ published: z.boolean() }).strict();

// ——— Slots and tables ———

export const eventSlotSchema = z.object({
  id: z.number().int(),
  day: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export const eventTableSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  label: z.string().nullable(),
});
export const eventLayoutSchema = z.object({
  slots: z.array(eventSlotSchema),
  tables: z.array(eventTableSchema),
  /** Slots and tables scheduled meetings use (they cannot be removed). */
  usedSlotIds: z.array(z.number().int()),
  usedTableNumbers: z.array(z.number().int()),
});
export type EventLayout = z.infer<typeof eventLayoutSchema>;

/**
 * Slots from days, sessions (e.g. 09:00-12:00 and 13:00-16:30: the gap between is the break) and minutes per
 * meeting, with an optional pause between meetings. Replaces the event's slots; slots that stay keep their ids.
 */
export const generateSlotsBody = z
  .object({
    days: z.array(ceIsoDate).min(1).max(14),
    sessions: z
      .array(z.object({ start: clockTime, end: clockTime }).strict())
      .min(1)
      .max(6),
    minutes: z.number().int().min(5, "must be at least 5 minutes").max(240),
    pauseMinutes: z.number().int().min(0).max(120).default(0),
  })
  .strict();
export type GenerateSlotsBody = z.infer<typeof generateSlotsBody>;

export const setTablesBody = z
  .object({
    count: z.number().int().min(0).max(500),
    /** Labels by position (table 1 first); missing or null: no label. */
    labels: z.array(text(60).nullable()).max(500).optional(),
  })
  .strict();
export type SetTablesBody = z.infer<typeof setTablesBody>;

// ——— Participants ———

export const participantInterestSchema = z.object({
  id: z.number().int(),
  direction: interestDirectionSchema,
  productId: z.number().int().nullable(),
  tsicCode: z.string().nullable(),
  hsCode: z.string().nullable(),
  text: z.string().nullable(),
});

export const eventParticipantSchema = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  party: z.enum(["firm", "buyer"]),
  enterpriseId: z.number().int().nullable(),
  buyerId: z.number().int().nullable(),
  name: z.string(),
  nameEn: z.string().nullable(),
  juristicId: z.string().nullable(),
  countryCode: z.string(),
  city: z.string().nullable(),
  buyerKind: buyerKindSchema.nullable(),
  website: z.string().nullable(),
  role: participantRoleSchema,
  language: agendaLanguageSchema,
  /** Personal data: only for the event's keepers (null otherwise). */
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  unavailableSlotIds: z.array(z.number().int()),
  interests: z.array(participantInterestSchema),
  checkedInAt: z.string().nullable(),
});
export type EventParticipant = z.infer<typeof eventParticipantSchema>;
export const eventParticipantListSchema = z.object({ items: z.array(eventParticipantSchema) });

export const buyerInput = z
  .object({
    name: text(300),
    countryCode: countryCodeSchema,
    kind: buyerKindSchema.default("company"),
    city: text(200).nullable().optional(),
    website: z.url("must be a web address").max(500).nullable().optional(),
    description: text(2000).nullable().optional(),
    contactName: text(200).nullable().optional(),
    contactEmail: z.email("must be an e-mail address").max(254).nullable().optional(),
    contactPhone: phone.nullable().optional(),
  })
  .strict();

export const interestInput = z
  .object({
    direction: interestDirectionSchema,
    productId: z.number().int().positive().nullable().optional(),
    tsicCode: z
      .string()
      .regex(/^\d{2,5}$/, "must be a TSIC code of 2-5 digits")
      .nullable()
      .optional(),
    hsCode: z
      .string()
      .regex(/^\d{4,10}$/, "must be an HS code of 4-10 digits")
      .nullable()
      .optional(),
    text: text(300).nullable().optional(),
  })
  .strict();
export type InterestInput = z.infer<typeof interestInput>;

/** A member firm (`enterpriseId`) or a buyer (`buyer`): exactly one. */
export const addParticipantBody = z
  .object({
    enterpriseId: z.number().int().positive().optional(),
    buyer: buyerInput.optional(),
    role: participantRoleSchema.optional(),
    language: agendaLanguageSchema.default("th"),
    interests: z.array(interestInput).max(50).optional(),
  })
  .strict();
export type AddParticipantBody = z.infer<typeof addParticipantBody>;

export const updateParticipantBody = z
  .object({ role: participantRoleSchema.optional(), language: agendaLanguageSchema.optional() })
  .strict();

export const participantParams = z.object({
  id: z.coerce.number().int().positive(),
  participantId: z.coerce.number().int().positive(),
});
export const unavailableSlotsBody = z.object({ slotIds: z.array(z.number().int().positive()).max(500) }).strict();
export const interestsBody = z.object({ items: z.array(interestInput).max(50) }).strict();

// ——— Bulk add from a file ———

export const participantImportQuery = z.object({ fileName: z.string().min(1).max(255) });
export const participantImportReportSchema = z.object({
  /** True when every row was written; false: nothing was written (see the rows). */
  ok: z.boolean(),
  counts: z.object({ added: z.number().int(), errors: z.number().int() }),
  rows: z.array(
    z.object({
      rowNumber: z.number().int(),
      status: z.enum(["added", "error"]),
      key: z.string().nullable(),
      issues: z.array(
        z.object({ field: z.string(), message: z.string(), code: z.string(), value: z.string().optional() }),
      ),
    }),
  ),
});
export type ParticipantImportReport = z.infer<typeof participantImportReportSchema>;
