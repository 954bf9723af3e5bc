import { finished } from "node:stream/promises";
import { CompiledQuery, type Kysely, type Transaction } from "kysely";
import { from as copyFrom } from "pg-copy-streams";
import type { DB } from "./schema.ts";

// Bulk rows on PostgreSQL: COPY … FROM STDIN on the connection of the caller's transaction. The server reads text
// lines instead of parsing a statement's array parameters, and the client writes lines instead of array literals.

type Executor = Kysely<DB> | Transaction<DB>;
export type CopyValue = string | number | null;

/** A value in COPY's text format: \N for null, backslash, tab and line breaks escaped. */
export function copyText(value: CopyValue): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"))
    : value;
}

/**
 * Writes rows (values in `columns` order) into `table` with one COPY in `db`'s connection (a transaction's, so the
 * rows commit or roll back with it). Table and column names are the caller's constants, never input.
 */
export async function copyRows(
  db: Executor,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<CopyValue>>,
): Promise<void> {
  if (rows.length === 0) return;
  let text = "";
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) text += (c === 0 ? "" : "\t") + copyText(row[c] ?? null);
    text += "\n";
  }
  await db.getExecutor().provideConnection(async (connection) => {
    const stream = copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`);
    // Kysely's PostgreSQL connection hands a query's text to pg's client.query, which runs a submittable (the COPY
    // stream) as it is given, queued behind the transaction's earlier statements; the stream then takes the lines.
    const started = connection.executeQuery(CompiledQuery.raw(stream as unknown as string));
    stream.end(text);
    await Promise.all([started, finished(stream)]);
  });
}

/** `count` new ids from the identity sequence of `table`.id, ascending, for rows about to be copied in. */
export async function allocateIds(db: Executor, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const { rows } = await db.executeQuery<{ id: number }>(
    CompiledQuery.raw(
      `SELECT nextval(pg_get_serial_sequence('${table}', 'id'))::int4 AS id FROM generate_series(1, ${Math.floor(count)})`,
    ),
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}
