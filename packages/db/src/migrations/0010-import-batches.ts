import type { ColumnDefinitionBuilder, Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * Import batches kept in the database, so a restart neither forgets them nor leaves half an import behind.
 *
 * import_batches gains what the server kept in memory: progress and the row report (JSON), a coded reason when
 * a batch failed (error_code: import_failed | interrupted | abandoned | rows_unusable, with a user-facing
 * message that never names a path), the uploaded file's path (server-side only, never answered), and when the
 * batch was last started. actor_user_id stays the batch's owner (an admin's takeover moves it).
 *
 * import_journal: an import writes in short transactions, one slice of rows each, so that other requests run in
 * between; each slice leaves one journal row saying how to revert it (ids inserted per table, before-images of
 * rows updated). A failed or interrupted batch is reverted slice by slice, newest first; a finished batch's
 * journal is deleted.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();

  for (const column of ["progress_json", "report_json", "error_code", "error_message", "upload_path", "started_at"]) {
    await db.schema.alterTable("import_batches").addColumn(column, "text").execute();
  }
  await db.schema.createIndex("import_batches_status_idx").on("import_batches").column("status").execute();

  await db.schema
    .createTable("import_journal")
    .addColumn("id", "integer", id)
    .addColumn("batch_id", "integer", (c) => c.notNull().references("import_batches.id").onDelete("cascade"))
    .addColumn("slice", "integer", (c) => c.notNull())
    .addColumn("undo_json", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("import_journal_batch_idx").on("import_journal").columns(["batch_id", "slice"]).execute();
}
