import { useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";

/** The filters of the services dashboard as the address carries them (empty: not narrowed). */
export type ServiceFigureFilters = { fy: string; provider: string; province: string; field: string };

export function serviceFiguresQuery(filters: ServiceFigureFilters): Record<string, string | undefined> {
  return {
    fiscalYear: filters.fy || undefined,
    providerId: filters.provider || undefined,
    provinceCode: filters.province || undefined,
    field: filters.field || undefined,
  };
}

export function useServiceFigures(filters: ServiceFigureFilters) {
  return useQuery({
    queryKey: ["service-figures", filters] as const,
    queryFn: ({ signal }) =>
      apiGet(withQuery("/api/service-figures", serviceFiguresQuery(filters)), (c) => c.serviceFiguresSchema, signal),
  });
}

/** The XLSX export of the same figures, in the interface's language. */
export function serviceFiguresXlsxHref(filters: ServiceFigureFilters, locale: string): string {
  return withQuery("/api/service-figures.xlsx", { ...serviceFiguresQuery(filters), locale });
}
