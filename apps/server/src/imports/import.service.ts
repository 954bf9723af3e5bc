// The import use cases, one module per job: batches (storage, listing, status, take-over, clean-up),
// preview (upload and the file's look), run (a batch's run by kind), writers (a slice of rows in its
// transaction), report (the row report). Routes, the CLI and start-up call them through here.
export {
  importStatus,
  listImports,
  MAX_UPLOAD_BYTES,
  recoverImports,
  sweepImports,
  takeOverImport,
  type ImportFailure,
  type ImportListQuery,
  type ImportProgress,
} from "./import-batches.ts";
export { importPreview, uploadImport } from "./import-preview.ts";
export { runImport } from "./import-run.ts";
export type { ImportReportView } from "./import-report.ts";
