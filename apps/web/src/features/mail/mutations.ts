import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import { mailKeys } from "./queries";

/** Queues a failed mail again (the server audits it); the list then no longer shows it. */
export function useRetryMailMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiSend("POST", `/api/mail/${id}/retry`, undefined, (c) => c.retriedMailSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.all }),
  });
}
