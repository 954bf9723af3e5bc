// Reads an import file on a worker thread (import-worker.ts) and hands the main thread its rows in
// chunks, normalised and, for enterprises, with their size class and search terms: a million-row
// registry spends most of its CPU reading, normalising and cutting Thai into words, and this way that
// work overlaps the writing. Memory stays bounded: the worker runs at most `prefetch` chunks ahead.
import { Worker } from "node:worker_threads";
import type { Gazetteer } from "@sainam/core";
import type { IndexedTerm } from "@sainam/db";
import { ReadTableError, type ColumnMapping, type EnterpriseRecord, type LinkageRecord, type MembershipRecord, type ReadTableErrorCode, type RowOutcome } from "@sainam/importer";

export type ReaderInput = {
  readonly path: string;
  readonly kind: "enterprises" | "memberships" | "linkages";
  readonly mapping: ColumnMapping;
  /** Enterprises only: provinces and districts to place addresses in. */
  readonly gazetteer: Gazetteer | null;
  readonly chunkSize: number;
  /** Post only the rows that cannot be imported (the strict pre-check). */
  readonly errorsOnly: boolean;
};

/** A row as the worker prepared it: where it came from, its outcome, and for an enterprise what the writer needs. */
export type PreparedRow = {
  readonly rowNumber: number;
  readonly outcome: RowOutcome<EnterpriseRecord | MembershipRecord | LinkageRecord>;
  readonly sizeClass?: string | null;
  readonly terms?: IndexedTerm[];
};

/** A chunk of rows and how far the file has been read (rows and bytes, cumulative). */
export type PreparedChunk = { readonly type: "chunk"; readonly rows: PreparedRow[]; readonly rowsRead: number; readonly bytesRead: number; readonly totalBytes: number | null };

export type ReaderMessage =
  | PreparedChunk
  | { readonly type: "end"; readonly rowsRead: number; readonly bytesRead: number; readonly totalBytes: number | null }
  | { readonly type: "error"; readonly readTableCode: ReadTableErrorCode | null; readonly message: string };

const WORKER_URL = new URL("./import-worker.ts", import.meta.url);

/**
 * The file's rows in chunks of `chunkSize` rows read (fewer at the end; with `errorsOnly`, only the
 * bad ones). Errors reading the file are thrown as they would be by readTable (ReadTableError keeps
 * its code). Stopping early, or an error while the caller writes a chunk, stops the worker.
 */
export async function* readPreparedChunks(input: ReaderInput, prefetch = 2): AsyncGenerator<PreparedChunk, { rowsRead: number; bytesRead: number; totalBytes: number | null }> {
  // The worker's data lives a chunk or two; a small young generation keeps its garbage from piling
  // up (its heap stayed near 170 MB with the default, ~65 MB with this, at the same speed). The old
  // generation keeps its default: an XLSX file's shared strings can be large.
  const worker = new Worker(WORKER_URL, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  const inbox: ReaderMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let notify: (() => void) | null = null;
  const wake = () => {
    notify?.();
    notify = null;
  };
  worker.on("message", (text: string) => {
    const message: ReaderMessage = JSON.parse(text);
    inbox.push(message);
    wake();
  });
  worker.on("error", (error) => {
    failure = error;
    wake();
  });
  worker.on("exit", () => {
    exited = true;
    wake();
  });
  worker.postMessage({ type: "more", chunks: prefetch });
  try {
    for (;;) {
      while (inbox.length === 0 && failure === null && !exited) await new Promise<void>((resolve) => (notify = resolve));
      const message = inbox.shift();
      if (!message) throw failure ?? new Error("the import reader stopped before the end of the file");
      if (message.type === "error") throw message.readTableCode ? new ReadTableError(message.readTableCode, message.message) : new Error(message.message);
      if (message.type === "end") return { rowsRead: message.rowsRead, bytesRead: message.bytesRead, totalBytes: message.totalBytes };
      yield message;
      worker.postMessage({ type: "more", chunks: 1 });
      // Chunks may queue up faster than they are written: let timers and requests (progress polls) run.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    await worker.terminate();
  }
}
