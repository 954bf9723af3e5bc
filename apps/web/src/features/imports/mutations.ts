import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend, toApiId } from "../../api/client";
import { batchDecoder, runAnswerDecoder, type ColumnMapping } from "./model";
import { importKeys } from "./queries";

export function useRunImportMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ batchId, mapping, clusterId, strict }: { batchId: string; mapping: ColumnMapping; clusterId: string | null; strict: boolean }) =>
      apiSend(
        "POST",
        `/api/imports/${encodeURIComponent(batchId)}/run`,
        { mapping, strict, ...(clusterId ? { clusterId: toApiId(clusterId) } : {}) },
        runAnswerDecoder,
      ),
    onSuccess: (_, { batchId }) => queryClient.invalidateQueries({ queryKey: importKeys.batch(batchId) }),
  });
}

/** An admin takes over another user's batch (audited on the server); it is then the admin's to see and run. */
export function useTakeOverImportMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batchId: string) => apiSend("POST", `/api/imports/${encodeURIComponent(batchId)}/takeover`, {}, batchDecoder),
    onSuccess: (batch) => {
      queryClient.setQueryData(importKeys.batch(batch.batchId), batch);
      return queryClient.invalidateQueries({ queryKey: [...importKeys.all, "history"] });
    },
  });
}
