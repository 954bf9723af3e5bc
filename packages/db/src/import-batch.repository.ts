import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from "kysely";
import type { DB, ImportBatchTable } from "./schema.ts";
import { enterpriseSearchTextsOf, removeSearchTexts, writeSearchTexts } from "./search.repository.ts";

type Executor = Kysely<DB> | Transaction<DB>;
export type ImportBatchRow = Selectable<ImportBatchTable>;

/** The columns of an enterprise an import writes (and a revert puts back). */
export const ENTERPRISE_IMPORT_COLUMNS = [
  "juristic_id",
  "ce_registration_no",
  "name_th",
  "name_en",
  "legal_form",
  "size_class",
  "revenue",
  "employees",
  "capital",
  "tsic_code",
  "business_type",
  "address",
  "province_code",
  "district_code",
  "postcode",
  "registered_on",
  "updated_at",
] as const;
type EnterpriseColumn = (typeof ENTERPRISE_IMPORT_COLUMNS)[number];
export type EnterpriseBefore = {
  row: { id: number } & { [K in EnterpriseColumn]: DB["enterprises"][K] };
  /** Its output products, when the import replaced them. */
  products: Array<{ name: string; tsic_code: string | null }> | null;
  /** Its contacts, when the import replaced them. */
  contacts: Array<{ name: string | null; position: string | null; phone: string | null; email: string | null }> | null;
  /** Journals written before 0011 held its search document here; a revert now re-indexes from the restored row. */
  terms?: unknown;
};
export type MembershipBefore = {
  id: number;
  stage: string;
  joined_on: string | null;
  left_on: string | null;
  updated_at: string;
};
export type LinkageBefore = { id: number; annual_value: number | null; cluster_id: number | null; updated_at: string };

/**
 * How to revert one slice of an import: rows it inserted (ids) and before-images of rows it updated. `stamp` is
 * the updated_at the import wrote: a row whose updated_at differs was edited by someone since, and is kept.
 */
export type SliceUndo = {
  stamp: string;
  enterprises: { inserted: number[]; updated: EnterpriseBefore[] };
  memberships: { inserted: number[]; updated: MembershipBefore[] };
  linkages: { inserted: number[]; updated: LinkageBefore[] };
};

export function emptyUndo(stamp: string): SliceUndo {
  return {
    stamp,
    enterprises: { inserted: [], updated: [] },
    memberships: { inserted: [], updated: [] },
    linkages: { inserted: [], updated: [] },
  };
}

export function isEmptyUndo(undo: SliceUndo): boolean {
  return [undo.enterprises, undo.memberships, undo.linkages].every(
    (t) => t.inserted.length === 0 && t.updated.length === 0,
  );
}

/** A row a revert left in place, and why (someone edited it after the import wrote it, or a record now refers to it). */
export type KeptRow = { entity: "enterprise" | "membership" | "linkage"; id: number; reason: "edited" | "referenced" };

// Inserted ids are ascending in a slice: stored as the first id and then differences ("12001,1,1,1,…").
function packIds(ids: readonly number[]): string {
  const sorted = [...ids].sort((a, b) => a - b);
  return sorted.map((id, i) => (i === 0 ? id : id - (sorted[i - 1] ?? 0))).join(",");
}
function unpackIds(packed: string): number[] {
  if (packed === "") return [];
  let last = 0;
  return packed.split(",").map((d, i) => (last = i === 0 ? Number(d) : last + Number(d)));
}

type StoredUndo = {
  stamp: string;
  e: [string, EnterpriseBefore[]];
  m: [string, MembershipBefore[]];
  l: [string, LinkageBefore[]];
};

/** Records how to revert a slice, in the slice's own transaction. */
export async function appendJournal(
  trx: Transaction<DB>,
  batchId: number,
  slice: number,
  undo: SliceUndo,
): Promise<void> {
  const stored: StoredUndo = {
    stamp: undo.stamp,
    e: [packIds(undo.enterprises.inserted), undo.enterprises.updated],
    m: [packIds(undo.memberships.inserted), undo.memberships.updated],
    l: [packIds(undo.linkages.inserted), undo.linkages.updated],
  };
  await trx
    .insertInto("import_journal")
    .values({ batch_id: batchId, slice, undo_json: JSON.stringify(stored) })
    .execute();
}

/**
 * On PostgreSQL, lets a slice's transaction commit without waiting for its WAL to reach the disk, as every commit
 * on SQLite does under synchronous=NORMAL (WAL mode). A crash can then lose the last few slices, each whole and
 * with its journal row (the WAL is written in order); the batch is still marked running, so it is reverted from
 * its journal when the server starts again (recoverImports), as after any stop. The batch's last commit (marking
 * it done and deleting the journal) waits for the disk as usual, and with it every slice before it.
 */
export async function commitSliceWithoutWaitingForDisk(trx: Transaction<DB>): Promise<void> {
  await sql`SET LOCAL synchronous_commit = off`.execute(trx);
}

/** The newest journal entry of a batch (the next to revert), or null when there is none left. */
export async function lastJournalEntry(db: Executor, batchId: number): Promise<{ id: number; undo: SliceUndo } | null> {
  const row = await db
    .selectFrom("import_journal")
    .select(["id", "undo_json"])
    .where("batch_id", "=", batchId)
    .orderBy("slice", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const stored = JSON.parse(row.undo_json) as StoredUndo;
  return {
    id: row.id,
    undo: {
      stamp: stored.stamp,
      enterprises: { inserted: unpackIds(stored.e[0]), updated: stored.e[1] },
      memberships: { inserted: unpackIds(stored.m[0]), updated: stored.m[1] },
      linkages: { inserted: unpackIds(stored.l[0]), updated: stored.l[1] },
    },
  };
}

export async function deleteJournalEntry(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("import_journal").where("id", "=", id).execute();
}

export async function deleteJournal(db: Executor, batchId: number): Promise<void> {
  await db.deleteFrom("import_journal").where("batch_id", "=", batchId).execute();
}

/** Before-images of enterprises an import is about to update, read in the import's slice transaction. */
export async function enterprisesBefore(
  trx: Transaction<DB>,
  ids: readonly number[],
  replaces: { products: ReadonlySet<number>; contacts: ReadonlySet<number> },
): Promise<EnterpriseBefore[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom("enterprises")
    .select(["id", ...ENTERPRISE_IMPORT_COLUMNS])
    .where("id", "in", ids)
    .execute();
  const productIds = ids.filter((id) => replaces.products.has(id));
  const contactIds = ids.filter((id) => replaces.contacts.has(id));
  const products =
    productIds.length === 0
      ? []
      : await trx
          .selectFrom("enterprise_products")
          .select(["enterprise_id", "name", "tsic_code"])
          .where("enterprise_id", "in", productIds)
          .where("direction", "=", "output")
          .orderBy("id")
          .execute();
  const contacts =
    contactIds.length === 0
      ? []
      : await trx
          .selectFrom("enterprise_contacts")
          .select(["enterprise_id", "name", "position", "phone", "email"])
          .where("enterprise_id", "in", contactIds)
          .orderBy("id")
          .execute();
  return rows.map((row) => ({
    row,
    products: replaces.products.has(row.id)
      ? products.filter((p) => p.enterprise_id === row.id).map((p) => ({ name: p.name, tsic_code: p.tsic_code }))
      : null,
    contacts: replaces.contacts.has(row.id)
      ? contacts
          .filter((c) => c.enterprise_id === row.id)
          .map((c) => ({ name: c.name, position: c.position, phone: c.phone, email: c.email }))
      : null,
  }));
}

/** Ids among `ids` whose updated_at is still `stamp` (nobody edited them since the import wrote them). */
async function untouched(
  trx: Transaction<DB>,
  table: "enterprises" | "memberships" | "linkages",
  ids: readonly number[],
  stamp: string,
): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx
      .selectFrom(table)
      .select("id")
      .where("id", "in", ids.slice(i, i + 500))
      .where("updated_at", "=", stamp)
      .execute();
    for (const row of rows) out.add(row.id);
  }
  return out;
}

/** Enterprises among `ids` that other records now name (a membership or linkage someone added meanwhile). */
async function referencedEnterprises(trx: Transaction<DB>, ids: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    for (const r of await trx
      .selectFrom("memberships")
      .select("enterprise_id as id")
      .where("enterprise_id", "in", slice)
      .execute())
      out.add(r.id);
    for (const r of await trx
      .selectFrom("linkages")
      .select("from_id as id")
      .where("from_type", "=", "enterprise")
      .where("from_id", "in", slice)
      .execute())
      out.add(r.id);
    for (const r of await trx
      .selectFrom("linkages")
      .select("to_id as id")
      .where("to_type", "=", "enterprise")
      .where("to_id", "in", slice)
      .execute())
      out.add(r.id);
  }
  return out;
}

/**
 * Reverts one journalled slice in the caller's transaction: deletes the rows it inserted and puts back the
 * rows it updated (with their products, contacts and search documents), except rows edited since. Answers the
 * rows kept. A foreign key that still refuses a delete throws: the caller then reverts row by row.
 */
export async function revertSlice(
  trx: Transaction<DB>,
  undo: SliceUndo,
  only: ((entity: KeptRow["entity"], id: number) => boolean) | null = null,
): Promise<KeptRow[]> {
  const kept: KeptRow[] = [];
  const pick = (entity: KeptRow["entity"], ids: readonly number[]) =>
    only ? ids.filter((id) => only(entity, id)) : [...ids];

  for (const [entity, table] of [
    ["linkage", "linkages"],
    ["membership", "memberships"],
  ] as const) {
    const inserted = pick(entity, undo[table].inserted);
    const free = await untouched(trx, table, inserted, undo.stamp);
    for (const id of inserted) if (!free.has(id)) kept.push({ entity, id, reason: "edited" });
    for (let i = 0, ids = [...free]; i < ids.length; i += 500)
      await trx
        .deleteFrom(table)
        .where("id", "in", ids.slice(i, i + 500))
        .execute();
  }
  const updatedLinkages = undo.linkages.updated.filter((b) => !only || only("linkage", b.id));
  const freeLinkages = await untouched(
    trx,
    "linkages",
    updatedLinkages.map((b) => b.id),
    undo.stamp,
  );
  for (const before of updatedLinkages) {
    if (!freeLinkages.has(before.id)) {
      kept.push({ entity: "linkage", id: before.id, reason: "edited" });
      continue;
    }
    await trx
      .updateTable("linkages")
      .set({ annual_value: before.annual_value, cluster_id: before.cluster_id, updated_at: before.updated_at })
      .where("id", "=", before.id)
      .execute();
  }
  const updatedMemberships = undo.memberships.updated.filter((b) => !only || only("membership", b.id));
  const freeMemberships = await untouched(
    trx,
    "memberships",
    updatedMemberships.map((b) => b.id),
    undo.stamp,
  );
  for (const before of updatedMemberships) {
    if (!freeMemberships.has(before.id)) {
      kept.push({ entity: "membership", id: before.id, reason: "edited" });
      continue;
    }
    await trx
      .updateTable("memberships")
      .set({ stage: before.stage, joined_on: before.joined_on, left_on: before.left_on, updated_at: before.updated_at })
      .where("id", "=", before.id)
      .execute();
  }

  // Updated firms first, newest write first within the slice is irrelevant: a slice writes a firm once.
  const updatedFirms = undo.enterprises.updated.filter((b) => !only || only("enterprise", b.row.id));
  const freeFirms = await untouched(
    trx,
    "enterprises",
    updatedFirms.map((b) => b.row.id),
    undo.stamp,
  );
  const reindex: number[] = [];
  for (const before of updatedFirms) {
    const { id, ...columns } = before.row;
    if (!freeFirms.has(id)) {
      kept.push({ entity: "enterprise", id, reason: "edited" });
      continue;
    }
    await trx.updateTable("enterprises").set(columns).where("id", "=", id).execute();
    if (before.products) {
      await trx
        .deleteFrom("enterprise_products")
        .where("enterprise_id", "=", id)
        .where("direction", "=", "output")
        .execute();
      if (before.products.length > 0)
        await trx
          .insertInto("enterprise_products")
          .values(
            before.products.map((p) => ({
              enterprise_id: id,
              direction: "output",
              name: p.name,
              tsic_code: p.tsic_code,
            })),
          )
          .execute();
    }
    if (before.contacts) {
      await trx.deleteFrom("enterprise_contacts").where("enterprise_id", "=", id).execute();
      if (before.contacts.length > 0)
        await trx
          .insertInto("enterprise_contacts")
          .values(before.contacts.map((c) => ({ enterprise_id: id, ...c })))
          .execute();
    }
    reindex.push(id);
  }
  // The restored firms are found again as they were: their search text from the restored row and products.
  await writeSearchTexts(trx, "enterprise", await enterpriseSearchTextsOf(trx, reindex));

  const insertedFirms = pick("enterprise", undo.enterprises.inserted);
  const freeNew = await untouched(trx, "enterprises", insertedFirms, undo.stamp);
  const referenced = await referencedEnterprises(trx, [...freeNew]);
  for (const id of insertedFirms) {
    if (!freeNew.has(id)) kept.push({ entity: "enterprise", id, reason: "edited" });
    else if (referenced.has(id)) kept.push({ entity: "enterprise", id, reason: "referenced" });
  }
  const doomed = [...freeNew].filter((id) => !referenced.has(id));
  await removeSearchTexts(trx, "enterprise", doomed);
  for (let i = 0; i < doomed.length; i += 500) {
    const ids = doomed.slice(i, i + 500);
    await trx.deleteFrom("enterprise_products").where("enterprise_id", "in", ids).execute();
    await trx.deleteFrom("enterprise_contacts").where("enterprise_id", "in", ids).execute();
    await trx.deleteFrom("enterprises").where("id", "in", ids).execute();
  }
  return kept;
}

export async function findBatch(db: Executor, id: number): Promise<ImportBatchRow | undefined> {
  return db.selectFrom("import_batches").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A batch as a list shows it: never its upload path. `owner_name` is the owner's display name (null for the system's batches). */
export type ImportBatchListRow = Pick<
  ImportBatchRow,
  | "id"
  | "kind"
  | "file_name"
  | "status"
  | "counts_json"
  | "actor_user_id"
  | "created_at"
  | "started_at"
  | "finished_at"
  | "error_code"
> & {
  owner_name: string | null;
  /** Whether the upload is still kept (an uploaded or interrupted batch can run only then). */
  has_upload: boolean;
};

export type ImportBatchQuery = {
  /** Only this user's batches; null: every user's (the caller has checked that this is allowed). */
  ownerUserId: number | null;
  status?: string | undefined;
  kind?: string | undefined;
  page: number;
  pageSize: number;
};

/** Batches newest first, a page at a time, with their owner's display name. */
export async function listBatches(
  db: Executor,
  query: ImportBatchQuery,
): Promise<{ items: ImportBatchListRow[]; total: number }> {
  let base = db.selectFrom("import_batches").leftJoin("users", "users.id", "import_batches.actor_user_id");
  if (query.ownerUserId !== null) base = base.where("import_batches.actor_user_id", "=", query.ownerUserId);
  if (query.status) base = base.where("import_batches.status", "=", query.status);
  if (query.kind) base = base.where("import_batches.kind", "=", query.kind);
  const [rows, count] = await Promise.all([
    base
      .select([
        "import_batches.id",
        "import_batches.kind",
        "import_batches.file_name",
        "import_batches.status",
        "import_batches.counts_json",
        "import_batches.actor_user_id",
        "import_batches.created_at",
        "import_batches.started_at",
        "import_batches.finished_at",
        "import_batches.error_code",
        "users.display_name as owner_name",
      ])
      .select((eb) =>
        eb.case().when("import_batches.upload_path", "is not", null).then(1).else(0).end().as("has_upload"),
      )
      .orderBy("import_batches.id", "desc")
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((row) => ({ ...row, has_upload: Number(row.has_upload) === 1 })), total: Number(count.n) };
}

/** Records an uploaded file as a new batch; answers its id. */
export async function insertBatch(db: Executor, row: Insertable<ImportBatchTable>): Promise<number> {
  const { id } = await db.insertInto("import_batches").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function updateBatch(db: Executor, id: number, patch: Updateable<ImportBatchTable>): Promise<void> {
  await db.updateTable("import_batches").set(patch).where("id", "=", id).execute();
}

/**
 * Marks a batch running with a conditional update (only while its status is still `fromStatus`), so two requests
 * or two processes never run the same batch; answers whether this caller claimed it.
 */
export async function claimBatch(
  db: Executor,
  id: number,
  fromStatus: string,
  patch: Updateable<ImportBatchTable>,
): Promise<boolean> {
  const claimed = await db
    .updateTable("import_batches")
    .set(patch)
    .where("id", "=", id)
    .where("status", "=", fromStatus)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export async function listBatchIdsWithStatus(db: Executor, status: string): Promise<number[]> {
  return (await db.selectFrom("import_batches").select("id").where("status", "=", status).execute()).map((b) => b.id);
}

/** Deletes the journals of batches not running: leftovers of a stop between a batch's end and their deletion. */
export async function deleteJournalsOfIdleBatches(db: Executor): Promise<void> {
  await db
    .deleteFrom("import_journal")
    .where("batch_id", "not in", db.selectFrom("import_batches").select("id").where("status", "=", "running"))
    .execute();
}

/** Finished batches (done, or failed other than interrupted) whose uploaded file is still named. */
export async function listEndedBatchUploads(db: Executor): Promise<Array<{ id: number; upload_path: string | null }>> {
  return db
    .selectFrom("import_batches")
    .select(["id", "upload_path"])
    .where("upload_path", "is not", null)
    .where("status", "in", ["done", "failed"])
    .where((eb) => eb.or([eb("error_code", "is", null), eb("error_code", "!=", "interrupted")]))
    .execute();
}

/** Every uploaded file a batch still names. */
export async function listUploadPaths(db: Executor): Promise<Array<string | null>> {
  return (
    await db.selectFrom("import_batches").select("upload_path").where("upload_path", "is not", null).execute()
  ).map((b) => b.upload_path);
}

/** Uploads left unused since `before`: never run, or interrupted and not run again. */
export async function listStaleUploads(
  db: Executor,
  before: string,
): Promise<Array<{ id: number; upload_path: string | null }>> {
  return db
    .selectFrom("import_batches")
    .select(["id", "upload_path"])
    .where("upload_path", "is not", null)
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "uploaded"), eb("created_at", "<", before)]),
        eb.and([eb("status", "=", "failed"), eb("error_code", "=", "interrupted"), eb("finished_at", "<", before)]),
      ]),
    )
    .execute();
}

/** The column mapping saved for files of this kind from the same source (its JSON), if any. */
export async function findSavedMapping(db: Executor, kind: string, sourceKey: string): Promise<string | undefined> {
  return (
    await db
      .selectFrom("import_mappings")
      .select("mapping_json")
      .where("kind", "=", kind)
      .where("source_key", "=", sourceKey)
      .executeTakeFirst()
  )?.mapping_json;
}

export async function saveMapping(
  db: Executor,
  kind: string,
  sourceKey: string,
  mappingJson: string,
  at: string,
): Promise<void> {
  await db
    .insertInto("import_mappings")
    .values({ kind, source_key: sourceKey, mapping_json: mappingJson, updated_at: at })
    .onConflict((oc) => oc.columns(["kind", "source_key"]).doUpdateSet({ mapping_json: mappingJson, updated_at: at }))
    .execute();
}
