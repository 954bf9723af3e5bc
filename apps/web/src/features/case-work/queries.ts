import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../../api/client";

export const caseWorkKeys = {
  detail: (requestId: number) => ["case-work", requestId] as const,
};

/** A request's consultations, tasks, closure, rating and claim, with what the caller may do. */
export function useCaseWork(requestId: number) {
  return useQuery({
    queryKey: caseWorkKeys.detail(requestId),
    queryFn: ({ signal }) => apiGet(`/api/service-requests/${requestId}/case-work`, (c) => c.caseWorkSchema, signal),
  });
}
