import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import { object, bool, withDefault } from "../../api/decode";
import type { Locale } from "../../lib/format";
import { loginDecoder, userEnvelopeDecoder } from "./model";
import { authKeys } from "./queries";

/** Data that only a signed-in user may see; dropped whenever the session changes. */
const PRIVATE_KEYS = [["users"], ["audit"]] as const;

export function useLoginMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      apiSend("POST", "/api/auth/login", input, loginDecoder),
    onSuccess: async (data) => {
      queryClient.setQueryData(authKeys.me, { user: data.user });
      for (const key of PRIVATE_KEYS) queryClient.removeQueries({ queryKey: key });
    },
  });
}

export function useLogoutMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend("POST", "/api/auth/logout", {}, object({ ok: withDefault(bool, true) })),
    onSettled: () => {
      queryClient.setQueryData(authKeys.me, { user: null });
      for (const key of PRIVATE_KEYS) queryClient.removeQueries({ queryKey: key });
    },
  });
}

export function useUpdateMeMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { locale?: Locale; displayName?: string }) =>
      apiSend("PATCH", "/api/auth/me", input, userEnvelopeDecoder),
    onSuccess: (data) => {
      queryClient.setQueryData(authKeys.me, { user: data.user });
    },
  });
}
