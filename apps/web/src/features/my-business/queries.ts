import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../../api/client";

/**
 * Under `enterprises`, so that saving the firm (its profile, its products) refreshes the home too; keyed by the
 * user, so that one member's firm is never shown from the cache to the next person who signs in on the browser.
 */
export const myBusinessKeys = {
  mine: (userId: number) => ["enterprises", "my-business", userId] as const,
};

export function useMyBusiness(userId: number) {
  return useQuery({
    queryKey: myBusinessKeys.mine(userId),
    queryFn: ({ signal }) => apiGet("/api/my-business", (c) => c.myBusinessSchema, signal),
  });
}
