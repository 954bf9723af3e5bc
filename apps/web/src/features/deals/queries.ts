import type { MeetingOutcomeBody, RecordFollowUpBody, RecordOrderBody } from "@sainam/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend, withQuery } from "../../api/client";

export const dealKeys = {
  all: ["deals"] as const,
  list: (filters: Record<string, string>) => ["deals", "list", filters] as const,
  detail: (id: number) => ["deals", "detail", id] as const,
  outcomes: (eventId: number) => ["deals", "outcomes", eventId] as const,
  figures: (filters: MarketFigureFilters) => ["market-figures", filters] as const,
};

export function useDeals(filters: Record<string, string>) {
  return useQuery({
    queryKey: dealKeys.list(filters),
    queryFn: ({ signal }) => apiGet(withQuery("/api/deals", filters), (c) => c.dealPageSchema, signal),
  });
}

export function useDeal(id: number) {
  return useQuery({
    queryKey: dealKeys.detail(id),
    queryFn: ({ signal }) => apiGet(`/api/deals/${id}`, (c) => c.dealSchema, signal),
  });
}

export function useEventOutcomes(eventId: number) {
  return useQuery({
    queryKey: dealKeys.outcomes(eventId),
    queryFn: ({ signal }) => apiGet(`/api/events/${eventId}/outcomes`, (c) => c.eventOutcomesSchema, signal),
  });
}

/** Any deal step changes deals, outcomes and figures: all are fetched afresh. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: dealKeys.all }),
      queryClient.invalidateQueries({ queryKey: ["market-figures"] }),
    ]);
}

export function useRecordOutcomeMutation() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { meetingId: number; body: MeetingOutcomeBody }) =>
      apiSend("POST", `/api/meetings/${input.meetingId}/outcome`, input.body, (c) => c.dealSchema),
    onSuccess: refresh,
  });
}

export function useRecordFollowUpMutation(dealId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { months: number; body: RecordFollowUpBody }) =>
      apiSend("POST", `/api/deals/${dealId}/follow-ups/${input.months}`, input.body, (c) => c.dealSchema),
    onSuccess: refresh,
  });
}

export function useRecordOrderMutation(dealId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: RecordOrderBody) => apiSend("POST", `/api/deals/${dealId}/orders`, body, (c) => c.dealSchema),
    onSuccess: refresh,
  });
}

export function useClaimOrderMutation() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (orderId: number) =>
      apiSend("POST", `/api/deal-orders/${orderId}/claim`, undefined, (c) => c.claimOrderResponse),
    onSuccess: refresh,
  });
}

/** The filters of the market figures as the address carries them (empty: not narrowed). */
export type MarketFigureFilters = { fy: string; event: string; programme: string; province: string; market: string };

export function marketFiguresQuery(filters: MarketFigureFilters): Record<string, string | undefined> {
  return {
    fiscalYear: filters.fy || undefined,
    eventId: filters.event || undefined,
    programmeId: filters.programme || undefined,
    provinceCode: filters.province || undefined,
    market: filters.market || undefined,
  };
}

export function useMarketFigures(filters: MarketFigureFilters) {
  return useQuery({
    queryKey: dealKeys.figures(filters),
    queryFn: ({ signal }) =>
      apiGet(withQuery("/api/market/figures", marketFiguresQuery(filters)), (c) => c.marketFiguresSchema, signal),
  });
}

/** The XLSX export of the same figures, in the interface's language. */
export function marketFiguresXlsxHref(filters: MarketFigureFilters, locale: string): string {
  return withQuery("/api/market/figures.xlsx", { ...marketFiguresQuery(filters), locale });
}
