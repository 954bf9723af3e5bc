import { buildICalendar, type Locale } from "@sainam/core";
import { agendaLabels, contactParts, venueLine, type Agenda } from "./agenda.content.ts";

/**
 * The agenda as iCalendar: one VEVENT per scheduled meeting in the event's own zone, each with a UID stable across
 * downloads (meeting id), so importing an updated agenda moves the meeting rather than adding a copy.
 */
export function renderAgendaIcs(agenda: Agenda, locale: Locale, host: string): string {
  const l = agendaLabels(locale);
  const venue = venueLine(agenda);
  return buildICalendar(
    agenda.meetings.map((meeting) => {
      const counterpart = meeting.counterpart.country
        ? `${meeting.counterpart.name} (${meeting.counterpart.country})`
        : meeting.counterpart.name;
      return {
        uid: `meeting-${meeting.meetingId}@${host}`,
        start: meeting.start,
        end: meeting.end,
        summary: `${l.meetingWith} ${counterpart}`,
        location: [venue, `${l.tableWord} ${meeting.table}`].filter((part) => part !== "").join(", "),
        description: `${agenda.event.name}\n${l.contact}: ${contactParts(meeting, locale).join(" · ")}`,
        status: "CONFIRMED" as const,
      };
    }),
    {
      stamp: new Date(agenda.generatedAt),
      timeZone: agenda.event.timeZone,
      name: `${agenda.event.name} — ${agenda.participant.name}`,
    },
  );
}
