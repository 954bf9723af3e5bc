import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../../api/client";
import { batchDecoder } from "./model";

export const importKeys = {
  all: ["imports"] as const,
  batch: (batchId: string) => ["imports", batchId] as const,
};

/** A batch's state, polled every second while it runs. */
export function useImportBatch(batchId: string | null) {
  return useQuery({
    queryKey: importKeys.batch(batchId ?? ""),
    queryFn: ({ signal }) => apiGet(`/api/imports/${encodeURIComponent(batchId ?? "")}`, batchDecoder, signal),
    enabled: batchId !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "done" || status === "failed" || query.state.status === "error" ? false : 1000;
    },
    refetchIntervalInBackground: true,
  });
}
