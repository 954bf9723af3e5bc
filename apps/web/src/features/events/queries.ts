import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";

export const eventKeys = {
  all: ["events"] as const,
  list: (filters: EventFilters, page: number) => ["events", "list", filters, page] as const,
  detail: (id: string) => ["events", "detail", id] as const,
  layout: (id: string) => ["events", "layout", id] as const,
  participants: (id: string) => ["events", "participants", id] as const,
};

/** The list's filters as the URL keeps them ("" for none). */
export type EventFilters = { when: string; kind: string; fiscalYear: string; organiserAgencyId: string };

export const eventPath = (id: string | number) => `/api/events/${encodeURIComponent(String(id))}`;

export function useEvents(filters: EventFilters, page: number) {
  return useQuery({
    queryKey: eventKeys.list(filters, page),
    queryFn: ({ signal }) =>
      apiGet(withQuery("/api/events", { ...filters, page, pageSize: 20 }), (c) => c.tradeEventPageSchema, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: string) {
  return useQuery({
    queryKey: eventKeys.detail(id),
    queryFn: ({ signal }) => apiGet(eventPath(id), (c) => c.tradeEventSchema, signal),
  });
}

export function useEventLayout(id: string) {
  return useQuery({
    queryKey: eventKeys.layout(id),
    queryFn: ({ signal }) => apiGet(`${eventPath(id)}/layout`, (c) => c.eventLayoutSchema, signal),
  });
}

export function useEventParticipants(id: string) {
  return useQuery({
    queryKey: eventKeys.participants(id),
    queryFn: async ({ signal }) =>
      (await apiGet(`${eventPath(id)}/participants`, (c) => c.eventParticipantListSchema, signal)).items,
  });
}
