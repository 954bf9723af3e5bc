import { Readable } from "node:stream";
import type { ReadTableOptions, TableHeader, TableRow } from "../read-table.ts";
import { readTable } from "../read-table.ts";

/** Everything readTable yields for some bytes, split into the header and the rows. */
export async function readAll(
  bytes: Uint8Array | string,
  fileName = "upload.csv",
  options: ReadTableOptions = {},
): Promise<{ header: TableHeader; rows: TableRow[] }> {
  const chunk = typeof bytes === "string" ? Buffer.from(bytes) : bytes;
  let header: TableHeader | null = null;
  const rows: TableRow[] = [];
  for await (const event of readTable({ stream: Readable.from([chunk]), fileName }, options)) {
    if (event.type === "header") header = event;
    else rows.push(event);
  }
  if (!header) throw new Error("no header event");
  return { header, rows };
}
