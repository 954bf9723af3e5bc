import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend, toApiId } from "../../api/client";
import type { ColumnMapping } from "./model";
import type { RecordId } from "../clusters/queries";
import { importKeys } from "./queries";

export function useRunImportMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      batchId,
      mapping,
      clusterId,
      strict,
    }: {
      batchId: RecordId;
      mapping: ColumnMapping;
      clusterId: string | null;
      strict: boolean;
    }) =>
      apiSend(
        "POST",
        `/api/imports/${encodeURIComponent(batchId)}/run`,
        { mapping, strict, ...(clusterId ? { clusterId: toApiId(clusterId) } : {}) },
        (c) => c.importStartedSchema,
      ),
    onSuccess: (_, { batchId }) => queryClient.invalidateQueries({ queryKey: importKeys.batch(batchId) }),
  });
}

/** An admin takes over another user's batch (audited on the server); it is then the admin's to see and run. */
export function useTakeOverImportMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batchId: RecordId) =>
      apiSend("POST", `/api/imports/${encodeURIComponent(batchId)}/takeover`, {}, (c) => c.importBatchSchema),
    onSuccess: (batch) => {
      queryClient.setQueryData(importKeys.batch(batch.batchId), batch);
      return queryClient.invalidateQueries({ queryKey: [...importKeys.all, "history"] });
    },
  });
}
