import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";

export const inboxKeys = {
  all: ["inbox"] as const,
  count: ["inbox", "count"] as const,
  page: (page: number, unreadOnly: boolean) => ["inbox", "page", page, unreadOnly] as const,
};

/** The bell's number: asked again every minute and when the window regains focus, only for a signed-in user. */
export function useInboxCount(signedIn: boolean) {
  return useQuery({
    queryKey: inboxKeys.count,
    queryFn: async ({ signal }) => (await apiGet("/api/inbox/count", (c) => c.inboxCountSchema, signal)).unread,
    enabled: signedIn,
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

export const INBOX_PAGE_SIZE = 20;

/** A page of the caller's notifications, newest first. */
export function useInbox(page: number, unreadOnly: boolean) {
  return useQuery({
    queryKey: inboxKeys.page(page, unreadOnly),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery("/api/inbox", { page, pageSize: INBOX_PAGE_SIZE, unread: unreadOnly ? "1" : undefined }),
        (c) => c.inboxPageSchema,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
