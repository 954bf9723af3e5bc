import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";

export const meetingKeys = {
  all: ["meetings"] as const,
  suggestions: (eventId: string, participantId?: number) =>
    ["meetings", "suggestions", eventId, participantId ?? null] as const,
  event: (eventId: string, status: string, page: number) => ["meetings", "event", eventId, status, page] as const,
  noShows: (eventId: string) => ["meetings", "no-shows", eventId] as const,
  mine: ["meetings", "mine"] as const,
};

/** Suggested meetings at an event with their reasons (keepers: the event's; a firm: its own). */
export function useSuggestions(eventId: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.suggestions(eventId),
    queryFn: ({ signal }) =>
      apiGet(`/api/events/${encodeURIComponent(eventId)}/suggestions`, (c) => c.meetingSuggestionListSchema, signal),
    enabled,
  });
}

export const MEETING_PAGE_SIZE = 50;

export function useEventMeetings(eventId: string, status: string, page: number) {
  return useQuery({
    queryKey: meetingKeys.event(eventId, status, page),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery(`/api/events/${encodeURIComponent(eventId)}/meetings`, {
          status: status || undefined,
          page,
          pageSize: MEETING_PAGE_SIZE,
        }),
        (c) => c.meetingPageSchema,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useNoShows(eventId: string) {
  return useQuery({
    queryKey: meetingKeys.noShows(eventId),
    queryFn: ({ signal }) =>
      apiGet(`/api/events/${encodeURIComponent(eventId)}/no-shows`, (c) => c.noShowListSchema, signal),
  });
}

/** The member firm's events and meetings across them. */
export function useMyMeetings() {
  return useQuery({
    queryKey: meetingKeys.mine,
    queryFn: ({ signal }) => apiGet("/api/my/meetings", (c) => c.myMeetingsSchema, signal),
  });
}
