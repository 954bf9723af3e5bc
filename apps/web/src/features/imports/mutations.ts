import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend, toApiId } from "../../api/client";
import { runAnswerDecoder, type ColumnMapping } from "./model";
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
