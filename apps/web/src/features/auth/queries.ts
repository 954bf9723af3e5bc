import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../../api/client";
import type { User } from "./model";

export const authKeys = {
  me: ["auth", "me"] as const,
};

export function useMe() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: ({ signal }) => apiGet("/api/auth/me", (c) => c.sessionSchema, signal),
    select: (data): User | null => data.user,
    staleTime: 60_000,
  });
}

/** The signed-in user, or null while loading and for anonymous visitors. */
export function useCurrentUser(): User | null {
  return useMe().data ?? null;
}
