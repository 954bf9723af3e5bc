import { useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";
import type { RecordId } from "../clusters/queries";

export const valueKeys = {
  all: ["indicator-values"] as const,
  indicator: (indicatorId: RecordId, periodKey: string) =>
    ["indicator-values", "indicator", String(indicatorId), periodKey] as const,
  queue: ["indicator-values", "queue"] as const,
};

/** One indicator's values for one period (every org unit and breakdown), with the caller's rights. */
export function useIndicatorValues(indicatorId: RecordId | null, periodKey: string) {
  return useQuery({
    queryKey: valueKeys.indicator(indicatorId ?? "", periodKey),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery(`/api/indicators/${encodeURIComponent(indicatorId ?? "")}/values`, { periodKey, pageSize: 1000 }),
        (c) => c.indicatorValuesSchema,
        signal,
      ),
    enabled: indicatorId !== null,
  });
}

/** Submitted values awaiting the caller's approval. */
export function useApprovalQueue() {
  return useQuery({
    queryKey: valueKeys.queue,
    queryFn: ({ signal }) =>
      apiGet(withQuery("/api/values/queue", { pageSize: 500 }), (c) => c.approvalQueueSchema, signal),
  });
}
