import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../../api/client";

export const agencyKeys = {
  all: ["agencies"] as const,
  list: ["agencies", "list"] as const,
};

export function useAgencies() {
  return useQuery({
    queryKey: agencyKeys.list,
    queryFn: async ({ signal }) => (await apiGet("/api/agencies", (c) => c.agencyListSchema, signal)).items,
    staleTime: 5 * 60_000,
  });
}
