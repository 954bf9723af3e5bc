import { dealOutcomes, dealStages, funnelSteps } from "@sainam/core";
import { z } from "zod";
import { ceFiscalYearQuery, ceIsoDate, countryCodeSchema } from "./common.schema.ts";
import { claimSchema } from "./programme.schema.ts";

// Deals followed to value (issue 14, points 4 and 5): a meeting's outcome, its follow-ups at 3, 6 and 12 months,
// realised orders, the value claim an order becomes, and the market figures.

const baht = z.number().min(0, "must be zero or more").max(1e13);
const note = z.string().trim().min(1, "must not be empty").max(2000);
const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

/** After a held meeting: its outcome and what the firm expects it to be worth (baht). */
export const meetingOutcomeBody = z.object({
  stage: z.enum(dealOutcomes),
  expectedValue: baht.nullable().optional(),
  note: note.nullable().optional(),
  /** When both sides are member firms: which one sells (default: the caller's firm, else the requester). */
  sellerEnterpriseId: z.number().int().positive().optional(),
});
export type MeetingOutcomeBody = z.infer<typeof meetingOutcomeBody>;

export const updateDealBody = z
  .object({
    stage: z.enum(dealOutcomes).optional(),
    expectedValue: baht.nullable().optional(),
    note: note.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "change at least one field" });
export type UpdateDealBody = z.infer<typeof updateDealBody>;

export const followUpParams = z.object({
  id: z.coerce.number().int().positive(),
  months: z.coerce.number().pipe(z.union([z.literal(3), z.literal(6), z.literal(12)])),
});

/** A follow-up as recorded: where the deal stands then and what is expected now. */
export const recordFollowUpBody = z.object({
  stage: z.enum(dealOutcomes),
  expectedValue: baht.nullable().optional(),
  note: note.nullable().optional(),
});
export type RecordFollowUpBody = z.infer<typeof recordFollowUpBody>;

/** A realised order: amount (baht, > 0), date (C.E., not in the future, not before the meeting), evidence. */
export const recordOrderBody = z.object({
  amount: z.number().positive("must be more than zero").max(1e13),
  orderedOn: ceIsoDate,
  evidenceNote: note.nullable().optional(),
  evidenceUrl: z.string().trim().url("must be a URL").max(2000).nullable().optional(),
  /** The follow-up the order was found at, when there was one. */
  followUpMonths: z.union([z.literal(3), z.literal(6), z.literal(12)]).optional(),
});
export type RecordOrderBody = z.infer<typeof recordOrderBody>;

export const dealFollowUpSchema = z.object({
  id: z.number().int(),
  months: z.union([z.literal(3), z.literal(6), z.literal(12)]),
  dueOn: z.string(),
  remindedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  stage: z.enum(dealStages).nullable(),
  expectedValue: z.number().nullable(),
  note: z.string().nullable(),
  /** Not done and due on or before today. */
  due: z.boolean(),
});

export const dealOrderSchema = z.object({
  id: z.number().int(),
  followUpId: z.number().int().nullable(),
  amount: z.number(),
  orderedOn: z.string(),
  evidenceNote: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  createdAt: z.string(),
  /** The value claim the order became, if it did. */
  claimId: z.number().int().nullable(),
  claimVerification: z.string().nullable(),
});

export const dealSchema = z.object({
  id: z.number().int(),
  eventId: z.number().int().nullable(),
  eventTitleTh: z.string().nullable(),
  eventTitleEn: z.string().nullable(),
  meetingId: z.number().int().nullable(),
  enterpriseId: z.number().int(),
  firmNameTh: z.string().nullable(),
  firmNameEn: z.string().nullable(),
  /** The buyer: a buyer record (company name and country, never its contacts) or a Thai firm. */
  buyerId: z.number().int().nullable(),
  buyerEnterpriseId: z.number().int().nullable(),
  buyerName: z.string().nullable(),
  programmeId: z.number().int().nullable(),
  stage: z.enum(dealStages),
  expectedValue: z.number().nullable(),
  marketCountry: z.string().nullable(),
  note: z.string().nullable(),
  openedOn: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  followUps: z.array(dealFollowUpSchema),
  orders: z.array(dealOrderSchema),
  /** Value realised within 3, 6 and 12 months of the meeting, and in all. */
  realised: z.object({ m3: z.number(), m6: z.number(), m12: z.number(), total: z.number() }),
  canUpdate: z.boolean(),
});
export type DealView = z.infer<typeof dealSchema>;

export const listDealsQuery = z.object({
  ...page,
  eventId: z.coerce.number().int().positive().optional(),
  programmeId: z.coerce.number().int().positive().optional(),
  stage: z.enum(dealStages).optional(),
  /** Only deals with a follow-up due (not done, due on or before today). */
  due: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
});
export type ListDealsQuery = z.infer<typeof listDealsQuery>;

export const dealPageSchema = z.object({
  items: z.array(dealSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const claimOrderResponse = z.object({ claim: claimSchema, deal: dealSchema });

// ——— Figures ———

export const marketFiguresQuery = z.object({
  eventId: z.coerce.number().int().positive().optional(),
  programmeId: z.coerce.number().int().positive().optional(),
  clusterId: z.coerce.number().int().positive().optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, "must be a 2-digit province code")
    .optional(),
  /** The buyers' market: an ISO 3166 alpha-2 country code. */
  market: countryCodeSchema.optional(),
  fiscalYear: ceFiscalYearQuery.optional(),
});
export type MarketFiguresQuery = z.infer<typeof marketFiguresQuery>;

const count = z.number().int();

/**
 * Market figures. `detail` "public": published events only (aggregates: no firm is named anywhere here); "full":
 * every event the caller's role oversees. Participants count each firm once across the events (and each buyer
 * once); value is realised orders, each order once.
 */
export const marketFiguresSchema = z.object({
  detail: z.enum(["public", "full"]),
  fiscalYear: z.number().int().nullable(),
  events: count,
  budget: z.number(),
  participants: z.object({ firms: count, buyers: count }),
  meetings: z.object({ requested: count, accepted: count, scheduled: count, held: count }),
  dealsByStage: z.object(
    Object.fromEntries(dealStages.map((stage) => [stage, count])) as Record<(typeof dealStages)[number], typeof count>,
  ),
  horizons: z.array(
    z.object({
      months: z.union([z.literal(3), z.literal(6), z.literal(12)]),
      expected: z.number(),
      realised: z.number(),
      dealsClosed: count,
      perBaht: z.number().nullable(),
    }),
  ),
  realisedTotal: z.number(),
  funnel: z.array(z.object({ step: z.enum(funnelSteps), count, firms: count })),
});
export type MarketFigures = z.infer<typeof marketFiguresSchema>;

/** The held meetings of an event whose outcome the caller may record (keepers: all; a firm: its own), with deals. */
export const eventOutcomesSchema = z.object({
  eventId: z.number().int(),
  titleTh: z.string(),
  titleEn: z.string().nullable(),
  keeper: z.boolean(),
  items: z.array(
    z.object({
      meetingId: z.number().int(),
      day: z.string(),
      /** The two sides' names: a firm's (Thai, English) or a buyer company's with its country; never contacts. */
      sides: z.array(
        z.object({
          enterpriseId: z.number().int().nullable(),
          nameTh: z.string().nullable(),
          nameEn: z.string().nullable(),
          countryCode: z.string().nullable(),
        }),
      ),
      dealId: z.number().int().nullable(),
      stage: z.enum(dealStages).nullable(),
      expectedValue: z.number().nullable(),
    }),
  ),
});
export type EventOutcomes = z.infer<typeof eventOutcomesSchema>;
