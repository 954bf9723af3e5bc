import {
  matchBases,
  matchLevels,
  meetingAttendance,
  meetingOrigins,
  meetingStatuses,
  participantRoles,
} from "@sainam/core";
import { z } from "zod";

/** Matchmaking (issue 14 point 3): suggested meetings, requests and answers, check-in and attendance. */

export const meetingStatusSchema = z.enum(meetingStatuses);
export const meetingOriginSchema = z.enum(meetingOrigins);
export const meetingAttendanceSchema = z.enum(meetingAttendance);

/** Why a pair is suggested: one offer matching one need, in Thai and English words (core `MeetingReason`). */
export const meetingReasonSchema = z.object({
  basis: z.enum(matchBases),
  level: z.enum(matchLevels),
  sellerId: z.number().int(),
  needId: z.number().int(),
  offer: z.string(),
  need: z.string(),
  shared: z.string(),
  score: z.number(),
  th: z.string(),
  en: z.string(),
});
export type MeetingReasonDto = z.infer<typeof meetingReasonSchema>;

/**
 * A contact of the other side (a firm's contacts, a buyer's contact person): personal data, shown only where the
 * meeting policy's read_personal allows (the event's keepers; the two sides once the meeting is accepted).
 */
export const meetingContactSchema = z.object({
  name: z.string().nullable(),
  position: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

/** One participant as matchmaking shows it: a member firm or a buyer, never its contacts. */
export const meetingPartySchema = z.object({
  participantId: z.number().int(),
  kind: z.enum(["firm", "buyer"]),
  enterpriseId: z.number().int().nullable(),
  buyerId: z.number().int().nullable(),
  name: z.string(),
  countryCode: z.string().nullable(),
  role: z.enum(participantRoles),
  checkedInAt: z.string().nullable(),
});
export type MeetingParty = z.infer<typeof meetingPartySchema>;

export const meetingSuggestionSchema = z.object({
  a: meetingPartySchema,
  b: meetingPartySchema,
  score: z.number(),
  reasons: z.array(meetingReasonSchema),
});
export type MeetingSuggestionDto = z.infer<typeof meetingSuggestionSchema>;

export const meetingSuggestionListSchema = z.object({
  items: z.array(meetingSuggestionSchema),
  perParticipant: z.number().int(),
});

export const suggestionQuery = z.object({
  participantId: z.coerce.number().int().positive().optional(),
  perParticipant: z.coerce.number().int().min(1).max(50).default(10),
});

const message = z.string().trim().max(1000, "must be at most 1000 characters");

/**
 * A meeting request: the requester is a participant of the caller's firm (keepers may name any participant, on
 * behalf of a buyer or firm). `fromSuggestion`: the pair was suggested, and the suggestion's reasons are kept.
 */
export const createMeetingBody = z
  .object({
    requesterId: z.number().int().positive(),
    targetId: z.number().int().positive(),
    fromSuggestion: z.boolean().default(false),
    message: message.optional(),
  })
  .strict();
export type CreateMeetingBody = z.infer<typeof createMeetingBody>;

export const declineMeetingBody = z
  .object({ reason: z.string().trim().min(1, "must not be empty").max(1000) })
  .strict();
export const cancelMeetingBody = z.object({ reason: z.string().trim().max(1000).optional() }).strict();
export const attendanceBody = z.object({ attendance: meetingAttendanceSchema }).strict();
export const checkInBody = z.object({ checkedIn: z.boolean().default(true) }).strict();

export const bulkMeetingBody = z
  .object({
    /** The participants to request for (each as the requester); left out: every participant of the event. */
    participantIds: z.array(z.number().int().positive()).max(2000).optional(),
    perParticipant: z.number().int().min(1).max(20).default(3),
    message: message.optional(),
  })
  .strict();
export const bulkMeetingResultSchema = z.object({
  participants: z.number().int(),
  created: z.number().int(),
  skipped: z.number().int(),
});

export const meetingSchema = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  eventTitleTh: z.string(),
  eventTitleEn: z.string().nullable(),
  eventStartsOn: z.string(),
  requester: meetingPartySchema,
  target: meetingPartySchema,
  origin: meetingOriginSchema,
  reasons: z.array(meetingReasonSchema),
  message: z.string().nullable(),
  status: meetingStatusSchema,
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  slot: z.object({ day: z.string(), startsAt: z.string(), endsAt: z.string() }).nullable(),
  tableNumber: z.number().int().nullable(),
  attendance: meetingAttendanceSchema.nullable(),
  /** The caller's side: their firm asked (requester) or was asked (target); null for keepers. */
  mySide: z.enum(["requester", "target"]).nullable(),
  canRespond: z.boolean(),
  canCancel: z.boolean(),
  /** The sides' contacts where the caller may read them (keepers: both; a side, the other one once accepted). */
  requesterContacts: z.array(meetingContactSchema).nullable(),
  targetContacts: z.array(meetingContactSchema).nullable(),
});
export type MeetingDto = z.infer<typeof meetingSchema>;

export const meetingListQuery = z.object({
  status: meetingStatusSchema.optional(),
  participantId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const meetingPageSchema = z.object({
  items: z.array(meetingSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** A member's events (where its firm takes part) and meetings across them. */
export const myMeetingsSchema = z.object({
  events: z.array(
    z.object({
      id: z.number().int(),
      titleTh: z.string(),
      titleEn: z.string().nullable(),
      startsOn: z.string(),
      endsOn: z.string(),
      status: z.string(),
      participantId: z.number().int(),
    }),
  ),
  meetings: z.array(meetingSchema),
});

/** No-shows of an event: meetings someone missed, and participants with meetings due who have not checked in. */
export const noShowListSchema = z.object({
  meetings: z.array(meetingSchema),
  notCheckedIn: z.array(meetingPartySchema.extend({ meetingsDue: z.number().int() })),
});

// The check-in route reads its params with the events contract's `participantParams` ({ id, participantId }).
