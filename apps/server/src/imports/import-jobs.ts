import type { ImportProgress } from "./import-batches.ts";

/** A server-side log line about an import: never file paths, row values or other personal data. */
export type ImportLog = (record: Record<string, unknown>, message: string) => void;

const stderrLog: ImportLog = (record, message) =>
  process.stderr.write(`${JSON.stringify({ ...record, msg: message })}\n`);

/**
 * The imports this process is running, with their live progress (the database holds it too, written about once
 * a second). Kept on the AppContext: one per server, so a second context on the same database (a test's
 * "restart") starts with none running.
 */
export class ImportJobs {
  readonly running = new Map<number, { progress: ImportProgress }>();
  log: ImportLog = stderrLog;
}
