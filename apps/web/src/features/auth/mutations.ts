import type { ChangePasswordBody, LoginBody, Session } from "@sainam/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import type { Locale } from "../../lib/format";
import { authKeys } from "./queries";

/** Data that only a signed-in user may see; dropped whenever the session changes. */
const PRIVATE_KEYS = [["users"], ["audit"]] as const;

export function useLoginMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginBody) => apiSend("POST", "/api/auth/login", input, (c) => c.loginResultSchema),
    onSuccess: async (data) => {
      queryClient.setQueryData<Session>(authKeys.me, { user: data.user, csrfToken: data.csrfToken });
      for (const key of PRIVATE_KEYS) queryClient.removeQueries({ queryKey: key });
    },
  });
}

export function useLogoutMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend("POST", "/api/auth/logout", {}, (c) => c.okSchema),
    onSettled: () => {
      queryClient.setQueryData<Session>(authKeys.me, { user: null, csrfToken: null });
      for (const key of PRIVATE_KEYS) queryClient.removeQueries({ queryKey: key });
    },
  });
}

export function useUpdateMeMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { locale?: Locale; displayName?: string }) =>
      apiSend("PATCH", "/api/auth/me", input, (c) => c.meSchema),
    onSuccess: (data) => {
      queryClient.setQueryData<Session>(authKeys.me, (previous) => ({
        user: data.user,
        csrfToken: previous?.csrfToken ?? null,
      }));
    },
  });
}

/** Changes the signed-in user's password; this session stays, the user's others end. */
export function useChangePasswordMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordBody) => apiSend("POST", "/api/auth/password", input, (c) => c.meSchema),
    onSuccess: (data) => {
      queryClient.setQueryData<Session>(authKeys.me, (previous) => ({
        user: data.user,
        csrfToken: previous?.csrfToken ?? null,
      }));
    },
  });
}
