import { useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";

export const holidayKeys = {
  all: ["holidays"] as const,
  year: (year: number) => ["holidays", year] as const,
};

/** The holidays of a C.E. year, by date. */
export function useHolidays(year: number) {
  return useQuery({
    queryKey: holidayKeys.year(year),
    queryFn: async ({ signal }) =>
      (await apiGet(withQuery("/api/holidays", { year }), (c) => c.holidayListSchema, signal)).items,
  });
}
