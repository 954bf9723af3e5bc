import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";
import { PAGE_SIZE } from "./model";

export const auditKeys = {
  all: ["audit"] as const,
  list: (page: number, entityType: string) => ["audit", "list", page, entityType] as const,
};

export function useAuditLog(page: number, entityType: string) {
  return useQuery({
    queryKey: auditKeys.list(page, entityType),
    queryFn: ({ signal }) =>
      apiGet(withQuery("/api/audit", { page, pageSize: PAGE_SIZE, entityType }), (c) => c.auditPageSchema, signal),
    placeholderData: keepPreviousData,
  });
}
