import { useQuery } from "@tanstack/react-query";
import { apiGet, itemsOf } from "../../api/client";
import { agencyDecoder } from "./model";

export const agencyKeys = {
  all: ["agencies"] as const,
  list: ["agencies", "list"] as const,
};

export function useAgencies() {
  return useQuery({
    queryKey: agencyKeys.list,
    queryFn: ({ signal }) => apiGet("/api/agencies", itemsOf(agencyDecoder), signal),
    staleTime: 5 * 60_000,
  });
}
