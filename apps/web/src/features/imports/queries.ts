import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";
import type { RecordId } from "../clusters/queries";
import { HISTORY_PAGE_SIZE, type HistoryOwner } from "./model";

export const importKeys = {
  all: ["imports"] as const,
  batch: (batchId: RecordId) => ["imports", String(batchId)] as const,
  preview: (batchId: RecordId) => ["imports", String(batchId), "preview"] as const,
  history: (owner: HistoryOwner, page: number) => ["imports", "history", owner, page] as const,
};

/** A batch's state, polled every second while it runs (not while it waits to be run, nor once it ended). */
export function useImportBatch(batchId: string | null) {
  return useQuery({
    queryKey: importKeys.batch(batchId ?? ""),
    queryFn: ({ signal }) =>
      apiGet(`/api/imports/${encodeURIComponent(batchId ?? "")}`, (c) => c.importBatchSchema, signal),
    enabled: batchId !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "done" || status === "failed" || status === "uploaded" || query.state.status === "error"
        ? false
        : 1000;
    },
    refetchIntervalInBackground: true,
  });
}

/** The upload's preview again, for a batch of the caller's that can run: the wizard resumes from it. */
export function useImportPreview(batchId: string, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.preview(batchId),
    queryFn: ({ signal }) =>
      apiGet(`/api/imports/${encodeURIComponent(batchId)}/preview`, (c) => c.importPreviewSchema, signal),
    enabled,
    // The mapping saved for the source may change between two visits: read it again each time.
    gcTime: 0,
  });
}

/** The caller's batches, newest first; an admin may ask for every user's. */
export function useImportHistory(owner: HistoryOwner, page: number) {
  return useQuery({
    queryKey: importKeys.history(owner, page),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery("/api/imports", { page, pageSize: HISTORY_PAGE_SIZE, owner: owner === "all" ? "all" : null }),
        (c) => c.importBatchPageSchema,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
