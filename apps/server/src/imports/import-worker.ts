// The import's reading thread (node:worker_threads): reads the uploaded file, normalises every row and,
// for enterprises, works out the size class and search terms, then posts the rows to the main thread
// in chunks. The main thread only writes, so reading chunk N+1 overlaps writing chunk N. It touches no
// database. Loaded as .ts by Node's type stripping, like the server (see import-reader.ts).
import { parentPort, workerData } from "node:worker_threads";
import { classifySize, sectorOfTsic } from "@sainam/core";
import type { Gazetteer } from "@sainam/core";
import { normaliseEnterpriseRow, normaliseLinkageRow, normaliseMembershipRow, readTable, ReadTableError } from "@sainam/importer";
import { enterpriseTerms } from "../search/search.indexer.ts";
import type { PreparedRow, ReaderInput, ReaderMessage } from "./import-reader.ts";

const port = parentPort;
if (!port) throw new Error("import-worker.ts runs as a worker thread");
const input: ReaderInput = workerData;

// The main thread grants chunks; the worker posts only as many as granted, so a slow writer holds
// at most a couple of chunks in memory while the file waits on disk.
let credits = 0;
let wake: (() => void) | null = null;
port.on("message", (message: { type: "more"; chunks: number }) => {
  credits += message.chunks;
  wake?.();
  wake = null;
});
async function granted(): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
}
function post(message: ReaderMessage): void {
  // A JSON string crosses threads as one copy; JSON.parse rebuilds the rows faster than structured clone.
  port?.postMessage(JSON.stringify(message));
}

function enterpriseRow(rowNumber: number, cells: ReadonlyArray<string>, headers: ReadonlyArray<string>, gazetteer: Gazetteer): PreparedRow {
  const outcome = normaliseEnterpriseRow(cells, headers, input.mapping, gazetteer);
  if (!outcome.ok) return { rowNumber, outcome };
  const record = outcome.value;
  const size = classifySize({ sector: (record.tsicCode ? sectorOfTsic(record.tsicCode) : null) ?? "service", annualRevenue: record.revenue, employees: record.employees });
  const terms = enterpriseTerms({ name_th: record.nameTh, name_en: record.nameEn, juristic_id: record.juristicId, business_type: record.businessType, products: record.products.map((name) => ({ name })) });
  return { rowNumber, outcome, sizeClass: size.ok ? size.value.sizeClass : null, terms };
}

function preparedRow(rowNumber: number, cells: ReadonlyArray<string>, headers: ReadonlyArray<string>): PreparedRow {
  if (input.kind === "enterprises") return enterpriseRow(rowNumber, cells, headers, input.gazetteer ?? { provinces: [], districts: [] });
  if (input.kind === "memberships") return { rowNumber, outcome: normaliseMembershipRow(cells, headers, input.mapping) };
  return { rowNumber, outcome: normaliseLinkageRow(cells, headers, input.mapping) };
}

async function run(): Promise<void> {
  let headers: ReadonlyArray<string> = [];
  let rows: PreparedRow[] = [];
  let rowsRead = 0;
  let bytesRead = 0;
  let totalBytes: number | null = null;
  const flush = async () => {
    await granted();
    post({ type: "chunk", rows, rowsRead, bytesRead, totalBytes });
    rows = [];
  };
  const onProgress = (read: number, total: number | null) => {
    bytesRead = read;
    totalBytes = total;
  };
  let sinceFlush = 0;
  for await (const event of readTable({ path: input.path }, { onProgress })) {
    if (event.type === "header") {
      headers = event.headers;
      continue;
    }
    const row = preparedRow(event.rowNumber, event.cells, headers);
    rowsRead++;
    sinceFlush++;
    // A strict pre-check only needs the rows that cannot be imported.
    if (!input.errorsOnly || !row.outcome.ok) rows.push(row);
    if (sinceFlush >= input.chunkSize) {
      await flush();
      sinceFlush = 0;
    }
  }
  if (rows.length > 0 || sinceFlush > 0) await flush();
  post({ type: "end", rowsRead, bytesRead, totalBytes });
}

// Once the last message is posted the worker stops listening, so it exits when they are delivered.
run().then(
  () => port.removeAllListeners("message"),
  (error: unknown) => {
    post({ type: "error", readTableCode: error instanceof ReadTableError ? error.code : null, message: error instanceof Error ? error.message : String(error) });
    port.removeAllListeners("message");
  },
);
