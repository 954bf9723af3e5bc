import {
  assignmentResponses,
  expertAreaTypes,
  MAX_NEED_TEXT,
  requestChannels,
  requestEventKinds,
  requestStatuses,
  serviceModes,
} from "@sainam/core";
import { z } from "zod";
import { outcomeKinds } from "./choices.ts";
import { expertFieldSchema } from "./user.schema.ts";

/** Requests for help (issue 13, points 2, 3 and 8): filing, routing, answers, lists and the request page. */

const provinceCode = z.string().regex(/^\d{2}$/, "must be a 2-digit province code");

export const requestStatusSchema = z.enum(requestStatuses);
export const serviceModeSchema = z.enum(serviceModes);
export const requestChannelSchema = z.enum(requestChannels);
export const assignmentResponseSchema = z.enum(assignmentResponses);
export const requestEventKindSchema = z.enum(requestEventKinds);

/** How an expert's areas matched the request's province: named it, named its region, or named none (provider's). */
export const areaMatches = ["province", "region", "provider"] as const;
export const areaMatchSchema = z.enum(areaMatches);

/**
 * Why routing (or a manager) chose an expert, for people to read: "logistics expert serving Chiang Rai, 2 of 5 open
 * cases". `openCases`: the expert's open cases before this one. `manual`: a manager chose them.
 */
export const routingReasonSchema = z.object({
  field: expertFieldSchema,
  provinceCode: z.string(),
  areaMatch: areaMatchSchema,
  areaType: z.enum(expertAreaTypes).nullable(),
  openCases: z.number().int(),
  capacity: z.number().int(),
  manual: z.boolean(),
});
export type RoutingReason = z.infer<typeof routingReasonSchema>;

/** A request to file: the firm's own words (trimmed, Thai welcome), its province (default: the firm's), consent. */
export const createServiceRequestBody = z
  .object({
    enterpriseId: z.number().int().positive(),
    field: expertFieldSchema,
    needText: z.string().trim().min(1, "must not be empty").max(MAX_NEED_TEXT),
    provinceCode: provinceCode.optional(),
    mode: serviceModeSchema,
    consent: z.boolean(),
    programmeId: z.number().int().positive().nullable().optional(),
    /** A centre records a walk-in at one of the providers its user manages. */
    walkInProviderId: z.number().int().positive().optional(),
  })
  .strict();
export type CreateServiceRequestBody = z.infer<typeof createServiceRequestBody>;

export const declineBody = z.object({ reason: z.string().trim().min(1, "must not be empty").max(1000) }).strict();
export const reassignBody = z.object({ expertId: z.number().int().positive() }).strict();
export const withdrawBody = z.object({ reason: z.string().trim().max(1000).optional() }).strict();

const namedRef = z.object({ id: z.number().int(), nameTh: z.string().nullable(), nameEn: z.string().nullable() });

export const serviceRequestListItemSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  enterprise: namedRef,
  field: expertFieldSchema,
  provinceCode: z.string(),
  mode: serviceModeSchema,
  status: requestStatusSchema,
  filedAt: z.string(),
  /** Who filed it: the firm, an officer, a coordinator, or a centre recording a walk-in. */
  filedVia: requestChannelSchema,
  provider: namedRef.nullable(),
  expert: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  responseDueOn: z.string().nullable(),
  closureDueOn: z.string().nullable(),
  /** The expert's current offer awaits their answer. */
  awaitingAnswer: z.boolean(),
});
export type ServiceRequestListItem = z.infer<typeof serviceRequestListItemSchema>;

export const serviceRequestListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: requestStatusSchema.optional(),
  field: expertFieldSchema.optional(),
  province: provinceCode.optional(),
  provider: z.coerce.number().int().positive().optional(),
});
export type ServiceRequestListQuery = z.infer<typeof serviceRequestListQuery>;

export const serviceRequestPageSchema = z.object({
  items: z.array(serviceRequestListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ServiceRequestPage = z.infer<typeof serviceRequestPageSchema>;

export const requestAssignmentSchema = z.object({
  id: z.number().int(),
  provider: namedRef,
  expert: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  assignedAt: z.string(),
  /** null: routing chose; else the manager who did. */
  assignedBy: z.number().int().nullable(),
  reason: routingReasonSchema.nullable(),
  response: assignmentResponseSchema,
  respondedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
});
export type RequestAssignment = z.infer<typeof requestAssignmentSchema>;

export const requestAttachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});
export type RequestAttachment = z.infer<typeof requestAttachmentSchema>;

export const requestEventSchema = z.object({
  id: z.number().int(),
  kind: requestEventKindSchema,
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type RequestEvent = z.infer<typeof requestEventSchema>;

/** A firm's contact, as the request shows it: null fields when masked (no consent or no acceptance yet). */
export const requestContactSchema = z.object({
  name: z.string().nullable(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

/** What the caller may do on the request now (the server decides again on each call). */
export const requestAbilitiesSchema = z.object({
  respond: z.boolean(),
  assign: z.boolean(),
  withdraw: z.boolean(),
  update: z.boolean(),
  readPersonal: z.boolean(),
  attach: z.boolean(),
});

export const serviceRequestDetailSchema = serviceRequestListItemSchema.extend({
  needText: z.string(),
  consent: z.boolean(),
  consentAt: z.string().nullable(),
  filedBy: z.number().int().nullable(),
  programmeId: z.number().int().nullable(),
  routedAt: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcomeKind: z.enum(outcomeKinds).nullable(),
  outcomeAmount: z.number().nullable(),
  resultText: z.string().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  ratedAt: z.string().nullable(),
  /** The firm's contacts; `contactsMasked` true when they are withheld (PDPA: consent and acceptance first). */
  contacts: z.array(requestContactSchema),
  contactsMasked: z.boolean(),
  assignments: z.array(requestAssignmentSchema),
  attachments: z.array(requestAttachmentSchema),
  events: z.array(requestEventSchema),
  can: requestAbilitiesSchema,
});
export type ServiceRequestDetail = z.infer<typeof serviceRequestDetailSchema>;

/** An expert a manager may hand the request to, with why (or why not yet: no room, unavailable). */
export const requestCandidateSchema = z.object({
  expertId: z.number().int(),
  displayName: z.string(),
  provider: namedRef,
  reason: routingReasonSchema,
  hasRoom: z.boolean(),
  available: z.boolean(),
});
export const requestCandidateListSchema = z.object({ items: z.array(requestCandidateSchema) });
export type RequestCandidate = z.infer<typeof requestCandidateSchema>;

export const attachmentParams = z.object({
  id: z.coerce.number().int().positive(),
  attachmentId: z.coerce.number().int().positive(),
});

/** A decline answers where the request went: the expert who declined may no longer read it. */
export const declineResultSchema = z.object({ id: z.number().int(), status: requestStatusSchema });

/** An attachment's raw bytes come as the body (application/octet-stream); the name as the sender called it. */
export const attachmentUploadQuery = z.object({ fileName: z.string().max(255).optional() });
