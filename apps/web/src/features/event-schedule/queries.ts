import { useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";

export const eventScheduleKeys = {
  grid: (eventId: string) => ["event-schedule", eventId] as const,
};

/** The event's slots, tables, participants and accepted meetings with their places. */
export function useEventSchedule(eventId: string) {
  return useQuery({
    queryKey: eventScheduleKeys.grid(eventId),
    queryFn: ({ signal }) => apiGet(`/api/events/${eventId}/schedule`, (c) => c.eventScheduleSchema, signal),
  });
}

/** A participant's agenda file in the given language. */
export function agendaHref(eventId: number, participantId: number, format: "pdf" | "ics", lang: string): string {
  return withQuery(`/api/events/${eventId}/participants/${participantId}/agenda.${format}`, { lang });
}
