import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";
import { PAGE_SIZE } from "./model";

export const userKeys = {
  all: ["users"] as const,
  list: (page: number, q: string) => ["users", "list", page, q] as const,
};

export function useUsers(page: number, q: string) {
  return useQuery({
    queryKey: userKeys.list(page, q),
    queryFn: ({ signal }) =>
      apiGet(withQuery("/api/users", { page, pageSize: PAGE_SIZE, q: q.trim() }), (c) => c.userListSchema, signal),
    placeholderData: keepPreviousData,
  });
}
