import { z } from "zod";
import { importKinds } from "@sainam/core";
import { importBatchStatuses } from "./choices.ts";

/** `code` (with `params`) says why, for the report to be worded in Thai or English; reports stored before codes have none. */
export const importIssueSchema = z.object({
  field: z.string(),
  message: z.string(),
  value: z.string().optional(),
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export const importReportSchema = z.object({
  counts: z.object({
    imported: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    errors: z.number().int(),
  }),
  rows: z.array(
    z.object({
      rowNumber: z.number().int(),
      status: z.string(),
      key: z.string().nullable(),
      issues: z.array(importIssueSchema),
    }),
  ),
  truncated: z.boolean(),
  /** Records a failed batch's revert kept because someone changed (or referred to) them after the import wrote them. */
  keptAfterRevert: z
    .array(
      z.object({
        entity: z.enum(["enterprise", "membership", "linkage"]),
        id: z.number().int(),
        reason: z.enum(["edited", "referenced"]),
      }),
    )
    .optional(),
});

/** The batch as stored: `errorCode` says why it failed (rows_unusable | import_failed | interrupted | abandoned), `error` in English words. */
export const importBatchSchema = z.object({
  batchId: z.number().int(),
  kind: z.enum(importKinds),
  fileName: z.string(),
  status: z.enum(importBatchStatuses),
  progress: z.object({ rowsRead: z.number().int(), bytesRead: z.number(), totalBytes: z.number().nullable() }),
  report: importReportSchema.nullable(),
  error: z.string().nullable(),
  errorCode: z.string().nullable(),
  /** An upload not yet run, or a batch interrupted by a restart whose file is still kept. */
  canRunAgain: z.boolean(),
});

/** What an upload answers (and a runnable batch's preview, again). */
export const importPreviewSchema = z.object({
  batchId: z.number().int(),
  format: z.string(),
  encoding: z.string(),
  headers: z.array(z.string()),
  headerRowNumber: z.number().int(),
  suggestedMapping: z.record(z.string(), z.string()),
  savedMapping: z.record(z.string(), z.string()).nullable(),
  sampleRows: z.array(z.array(z.string())),
  suggestedLayout: z.enum(["long", "wide"]).optional(),
  periodColumns: z.array(z.string()).optional(),
});

export const listImportsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  status: z.enum(importBatchStatuses).optional(),
  kind: z.enum(importKinds).optional(),
  /** `all`: every user's batches (admins only). */
  owner: z.enum(["mine", "all"]).default("mine"),
});
/** A batch in a list: what a history shows, never the upload's path. */
export const importBatchListItemSchema = z.object({
  batchId: z.number().int(),
  kind: z.enum(importKinds),
  fileName: z.string(),
  status: z.enum(importBatchStatuses),
  errorCode: z.string().nullable(),
  counts: importReportSchema.shape.counts.nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The caller's own batch; otherwise `owner` names whose it is (an admin listing every user's). */
  mine: z.boolean(),
  owner: z.object({ userId: z.number().int().nullable(), displayName: z.string().nullable() }).nullable(),
  canRunAgain: z.boolean(),
  /** Another user's batch the caller (an admin) may take over. */
  canTakeOver: z.boolean(),
});

export type ImportIssue = z.infer<typeof importIssueSchema>;
export type ImportReport = z.infer<typeof importReportSchema>;
export type ImportBatch = z.infer<typeof importBatchSchema>;
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type ImportBatchListItem = z.infer<typeof importBatchListItemSchema>;

export const importBatchPageSchema = z.object({
  items: z.array(importBatchListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ImportBatchPage = z.infer<typeof importBatchPageSchema>;

export const uploadImportQuery = z.object({ kind: z.enum(importKinds), fileName: z.string().trim().min(1).max(255) });
export const batchIdParams = z.object({ batchId: z.coerce.number().int().positive() });

export const runImportBody = z
  .object({
    mapping: z.record(z.string(), z.string()),
    clusterId: z.number().int().positive().optional(),
    strict: z.boolean().optional(),
    planId: z.number().int().positive().optional(),
    layout: z.enum(["long", "wide"]).optional(),
  })
  .strict();
export type RunImportBody = z.infer<typeof runImportBody>;
export const importStartedSchema = z.object({ batchId: z.number().int(), status: z.string() });
