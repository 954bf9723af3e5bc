import { locales } from "@sainam/core";
import { z } from "zod";

const count = z.number().int();
const id = z.number().int();

/** Why an accepted meeting got no slot and table (core `UnscheduledReason`). */
export const unscheduledReasons = [
  "self_meeting",
  "unknown_participant",
  "duplicate_pair",
  "fixed_conflict",
  "participant_unavailable",
  "no_common_slot",
  "participant_full",
  "tables_full",
] as const;

/** What one run of the scheduler did (issue 14, point 3). */
export const scheduleRunSchema = z.object({
  eventId: id,
  /** Accepted meetings considered. */
  meetings: count,
  scheduled: count,
  unscheduled: count,
  /** Meetings kept at their slot and table: already held, or a side has checked in. */
  kept: count,
  /** No schedule could hold more than this many of the meetings. */
  bound: count,
  boundParts: z.object({
    meetings: count,
    tables: count,
    participants: count,
    capped: count,
    slots: count,
  }),
  unscheduledMeetings: z.array(
    z.object({
      meetingId: id,
      reason: z.enum(unscheduledReasons),
      /** The side that is full or unavailable, when the reason names one. */
      participantId: id.nullable(),
    }),
  ),
});
export type ScheduleRun = z.infer<typeof scheduleRunSchema>;

const participantKinds = ["firm", "buyer"] as const;

/** An event's slots, tables, participants and accepted meetings with their slot and table: the schedule grid. */
export const eventScheduleSchema = z.object({
  event: z.object({
    id,
    titleTh: z.string(),
    titleEn: z.string().nullable(),
    timeZone: z.string(),
    status: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
  }),
  /** In time order; day is the local date, times local HH:MM in the event's zone. */
  slots: z.array(z.object({ id, day: z.string(), startsAt: z.string(), endsAt: z.string() })),
  tables: z.array(z.object({ id, number: count, label: z.string().nullable() })),
  participants: z.array(
    z.object({
      id,
      kind: z.enum(participantKinds),
      nameTh: z.string().nullable(),
      nameEn: z.string().nullable(),
      countryCode: z.string().nullable(),
      /** Slots the participant cannot meet in. */
      unavailableSlotIds: z.array(id),
    }),
  ),
  meetings: z.array(
    z.object({
      id,
      requesterId: id,
      targetId: id,
      slotId: id.nullable(),
      tableId: id.nullable(),
      attendance: z.string().nullable(),
    }),
  ),
});
export type EventSchedule = z.infer<typeof eventScheduleSchema>;

export const agendaParams = z.object({
  id: z.coerce.number().int().positive(),
  participantId: z.coerce.number().int().positive(),
  format: z.enum(["pdf", "ics"]),
});
export const agendaQuery = z.object({ lang: z.enum(locales).default("th") });
