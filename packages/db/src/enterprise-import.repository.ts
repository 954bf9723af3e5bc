import { CompiledQuery, sql, type Transaction } from "kysely";
import type { DB } from "./schema.ts";
import type { SearchText } from "@sainam/core";
import { enterpriseSearchTextsOf, writeSearchTexts } from "./search.repository.ts";
import type { NodeSqliteDatabase } from "./node-sqlite-adapter.ts";
import { enterprisesBefore, type SliceUndo } from "./import-batch.repository.ts";
import type { SQLInputValue, StatementSync } from "node:sqlite";
import { allocateIds, copyRows } from "./pg-copy.ts";

/** One validated enterprise row of an import file (the shape @sainam/importer produces). */
export type EnterpriseRecord = {
  readonly juristicId: string | null;
  readonly ceRegistrationNo: string | null;
  readonly nameTh: string | null;
  readonly nameEn: string | null;
  readonly legalForm: string;
  readonly registeredOn: string | null;
  readonly capital: number | null;
  readonly revenue: number | null;
  readonly employees: number | null;
  readonly tsicCode: string | null;
  readonly businessType: string | null;
  readonly address: string | null;
  readonly provinceCode: string | null;
  readonly districtCode: string | null;
  readonly postcode: string | null;
  readonly products: ReadonlyArray<string>;
  readonly contact: {
    readonly name: string | null;
    readonly phone: string | null;
    readonly email: string | null;
  } | null;
};

/** The enterprise columns an import writes, in the order of the statements below, with their PostgreSQL types. */
const COLUMNS = [
  ["juristic_id", "text"],
  ["ce_registration_no", "text"],
  ["name_th", "text"],
  ["name_en", "text"],
  ["legal_form", "text"],
  ["size_class", "text"],
  ["revenue", "float8"],
  ["employees", "int4"],
  ["capital", "float8"],
  ["tsic_code", "text"],
  ["business_type", "text"],
  ["address", "text"],
  ["province_code", "text"],
  ["district_code", "text"],
  ["postcode", "text"],
  ["registered_on", "text"],
] as const;

// Multi-row INSERTs on SQLite: one statement per 50 rows instead of one per row (50 × 19 parameters
// stays far below SQLite's limit). Statements are prepared once per connection and row count.
const SQLITE_ROWS_PER_INSERT = 50;
const ENTERPRISE_INSERT = {
  head: "INSERT INTO enterprises (juristic_id, ce_registration_no, name_th, name_en, legal_form, size_class, revenue, employees, capital, tsic_code, business_type, address, province_code, district_code, postcode, registered_on, updated_at, published, is_example, created_at, created_by) VALUES ",
  row: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?)",
  tail: " RETURNING id, juristic_id, ce_registration_no",
};
const PRODUCT_INSERT = {
  head: "INSERT INTO enterprise_products (enterprise_id, direction, name, tsic_code) VALUES ",
  row: "(?, 'output', ?, NULL)",
  tail: "",
};
// A known firm's row: a value the file leaves empty keeps what the registry holds.
const SQLITE_ENTERPRISE_UPDATE = `UPDATE enterprises SET ${COLUMNS.map(([c]) => `${c} = coalesce(?, ${c})`).join(", ")}, updated_at = ? WHERE id = ?`;
const statements = new WeakMap<NodeSqliteDatabase, Map<string, StatementSync>>();

function prepared(sqlite: NodeSqliteDatabase, text: string): StatementSync {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = sqlite.raw.prepare(text)));
  return statement;
}

function multiRowInsert(
  sqlite: NodeSqliteDatabase,
  insert: { head: string; row: string; tail: string },
  rowCount: number,
): StatementSync {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  const key = `${insert.head}${rowCount}`;
  let statement = cache.get(key);
  if (!statement) {
    statement = sqlite.raw.prepare(
      `${insert.head}${Array<string>(rowCount).fill(insert.row).join(", ")}${insert.tail}`,
    );
    cache.set(key, statement);
  }
  return statement;
}

export type EnterpriseUpsert = {
  record: EnterpriseRecord;
  sizeClass: string | null;
  /** The firm's search text as the file gives it (core's enterpriseSearchText): what a new firm is indexed by. */
  searchText: SearchText;
};

type Values = (string | number | null)[];

function valuesOf(r: EnterpriseUpsert): Values {
  const x = r.record;
  return [
    x.juristicId,
    x.ceRegistrationNo,
    x.nameTh,
    x.nameEn,
    x.legalForm,
    r.sizeClass,
    x.revenue,
    x.employees,
    x.capital,
    x.tsicCode,
    x.businessType,
    x.address,
    x.provinceCode,
    x.districtCode,
    x.postcode,
    x.registeredOn,
  ];
}

/** The columns as Kysely values (the generic path). */
function columnValues(r: EnterpriseUpsert) {
  const x = r.record;
  return {
    juristic_id: x.juristicId,
    ce_registration_no: x.ceRegistrationNo,
    name_th: x.nameTh,
    name_en: x.nameEn,
    legal_form: x.legalForm,
    size_class: r.sizeClass,
    revenue: x.revenue,
    employees: x.employees,
    capital: x.capital,
    tsic_code: x.tsicCode,
    business_type: x.businessType,
    address: x.address,
    province_code: x.provinceCode,
    district_code: x.districtCode,
    postcode: x.postcode,
    registered_on: x.registeredOn,
  };
}

/** Column arrays of rows (one array per column), the parameters of an unnest(…) statement on PostgreSQL. */
function columnsOf(rows: readonly Values[], width: number): Values[] {
  const out: Values[] = Array.from({ length: width }, () => new Array<string | number | null>(rows.length));
  rows.forEach((row, i) => {
    for (let c = 0; c < width; c++) (out[c] as Values)[i] = row[c] ?? null;
  });
  return out;
}

// On PostgreSQL a slice's new rows (firms, products, search rows) are copied in, one COPY … FROM STDIN per table
// (pg-copy.ts), with the firms' ids drawn from their sequence beforehand; known firms are updated with one
// UPDATE … FROM unnest (one array per column: a few parameters and a constant text whose plan the server reuses).
const PG_UNNEST = COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
// The columns of a copied firm, id first.
const PG_ENTERPRISE_COPY_COLUMNS = [
  "id",
  ...COLUMNS.map(([c]) => c),
  "updated_at",
  "published",
  "is_example",
  "created_at",
  "created_by",
];
const PG_ENTERPRISE_UPDATE = `UPDATE enterprises AS e SET ${COLUMNS.map(([c]) => `${c} = coalesce(u.${c}, e.${c})`).join(", ")}, updated_at = $${COLUMNS.length + 2}::text
  FROM unnest(${PG_UNNEST}, $${COLUMNS.length + 1}::int4[]) AS u(${COLUMNS.map(([c]) => c).join(", ")}, id) WHERE e.id = u.id`;

/** Whether the transaction runs on PostgreSQL (its parameters are numbered: $1). */
function onPostgres(trx: Transaction<DB>): boolean {
  return sql`${0}`.compile(trx).sql === "$1";
}

/** Runs a statement with parameters in the transaction (PostgreSQL's array parameters included). */
async function run<R>(trx: Transaction<DB>, text: string, parameters: readonly unknown[]): Promise<R[]> {
  return (await trx.executeQuery(CompiledQuery.raw(text, [...parameters]))).rows as R[];
}

/**
 * Upserts a chunk of enterprises by juristic ID (or community-enterprise number) in the caller's
 * transaction: one SELECT for the chunk, multi-row INSERTs for new firms (COPY on PostgreSQL), an UPDATE for the
 * known ones (set-based on PostgreSQL). Returns the status per key. Products are replaced for every firm written; a new firm
 * is indexed by its search text, a known one re-indexed from what it holds after the update (empty cells keep values).
 */
export async function upsertEnterpriseChunk(
  trx: Transaction<DB>,
  rows: EnterpriseUpsert[],
  now: string,
  /** On SQLite, the connection the transaction runs on: its prepared statements write the bulk rows ~10× faster. */
  sqlite: NodeSqliteDatabase | null = null,
  /** The user whose import this is: recorded as the registrant of firms new to the registry (null: the system). */
  createdBy: number | null = null,
  /** The slice's undo record: ids inserted and before-images of the firms updated are added to it. */
  undo: SliceUndo | null = null,
): Promise<Map<string, { id: number; status: "imported" | "updated" }>> {
  const postgres = !sqlite && onPostgres(trx);
  const keyOf = (r: EnterpriseRecord) => r.juristicId ?? `ce:${r.ceRegistrationNo ?? ""}`;
  const juristicIds = rows.flatMap((r) => (r.record.juristicId ? [r.record.juristicId] : []));
  const ceNumbers = rows.flatMap((r) =>
    !r.record.juristicId && r.record.ceRegistrationNo ? [r.record.ceRegistrationNo] : [],
  );
  const existing = new Map<string, number>();
  if (postgres) {
    if (juristicIds.length > 0)
      for (const row of await run<{ id: number; juristic_id: string }>(
        trx,
        "SELECT id, juristic_id FROM enterprises WHERE juristic_id = ANY($1::text[])",
        [juristicIds],
      ))
        existing.set(row.juristic_id, row.id);
    if (ceNumbers.length > 0)
      for (const row of await run<{ id: number; ce_registration_no: string }>(
        trx,
        "SELECT id, ce_registration_no FROM enterprises WHERE ce_registration_no = ANY($1::text[])",
        [ceNumbers],
      ))
        existing.set(`ce:${row.ce_registration_no}`, row.id);
  } else {
    for (let i = 0; i < juristicIds.length; i += 500) {
      for (const row of await trx
        .selectFrom("enterprises")
        .select(["id", "juristic_id"])
        .where("juristic_id", "in", juristicIds.slice(i, i + 500))
        .execute()) {
        if (row.juristic_id) existing.set(row.juristic_id, row.id);
      }
    }
    for (let i = 0; i < ceNumbers.length; i += 500) {
      for (const row of await trx
        .selectFrom("enterprises")
        .select(["id", "ce_registration_no"])
        .where("ce_registration_no", "in", ceNumbers.slice(i, i + 500))
        .execute()) {
        if (row.ce_registration_no) existing.set(`ce:${row.ce_registration_no}`, row.id);
      }
    }
  }
  const result = new Map<string, { id: number; status: "imported" | "updated" }>();
  const imported = (row: Record<string, unknown>) => {
    const { id, juristic_id: juristicId, ce_registration_no: ceNo } = row;
    if (typeof id === "number")
      result.set(typeof juristicId === "string" ? juristicId : `ce:${typeof ceNo === "string" ? ceNo : ""}`, {
        id,
        status: "imported",
      });
  };
  const fresh = rows.filter((r) => !existing.has(keyOf(r.record)));
  if (sqlite) {
    for (let i = 0; i < fresh.length; i += SQLITE_ROWS_PER_INSERT) {
      const slice = fresh.slice(i, i + SQLITE_ROWS_PER_INSERT);
      const parameters: SQLInputValue[] = [];
      for (const r of slice) parameters.push(...valuesOf(r), now, now, createdBy);
      for (const row of multiRowInsert(sqlite, ENTERPRISE_INSERT, slice.length).all(...parameters)) imported(row);
    }
  } else if (postgres) {
    // Ids drawn from the table's sequence first, then the rows copied in with them (no RETURNING to read back).
    const ids = await allocateIds(trx, "enterprises", fresh.length);
    await copyRows(
      trx,
      "enterprises",
      PG_ENTERPRISE_COPY_COLUMNS,
      fresh.map((r, i) => [ids[i] ?? null, ...valuesOf(r), now, 1, 0, now, createdBy]),
    );
    fresh.forEach((r, i) => {
      const id = ids[i];
      if (id !== undefined) result.set(keyOf(r.record), { id, status: "imported" });
    });
  } else {
    for (let i = 0; i < fresh.length; i += 200) {
      const inserted = await trx
        .insertInto("enterprises")
        .values(
          fresh.slice(i, i + 200).map((r) => ({
            ...columnValues(r),
            updated_at: now,
            published: 1,
            is_example: 0,
            created_at: now,
            created_by: createdBy,
          })),
        )
        .returning(["id", "juristic_id", "ce_registration_no"])
        .execute();
      for (const row of inserted) imported(row);
    }
  }
  const known = rows.flatMap((r) => {
    const id = existing.get(keyOf(r.record));
    return id === undefined ? [] : [{ id, r }];
  });
  if (undo) {
    for (const hit of result.values()) undo.enterprises.inserted.push(hit.id);
    undo.enterprises.updated.push(
      ...(await enterprisesBefore(
        trx,
        known.map((k) => k.id),
        {
          products: new Set(known.filter((k) => k.r.record.products.length > 0).map((k) => k.id)),
          contacts: new Set(known.filter((k) => k.r.record.contact).map((k) => k.id)),
        },
      )),
    );
  }
  // A file states what it knows: empty cells do not erase what the registry already holds.
  if (known.length > 0) {
    if (sqlite) {
      const update = prepared(sqlite, SQLITE_ENTERPRISE_UPDATE);
      for (const { id, r } of known) update.run(...valuesOf(r), now, id);
    } else if (postgres) {
      // One row per firm: two rows of the chunk naming the same firm (by juristic ID and by CE number) apply in turn.
      const merged = new Map<number, Values>();
      for (const { id, r } of known) {
        const earlier = merged.get(id);
        merged.set(id, earlier ? valuesOf(r).map((v, c) => v ?? earlier[c] ?? null) : valuesOf(r));
      }
      await run(trx, PG_ENTERPRISE_UPDATE, [
        ...columnsOf([...merged.values()], COLUMNS.length),
        [...merged.keys()],
        now,
      ]);
    } else {
      for (const { id, r } of known) {
        const patch = Object.fromEntries(Object.entries(columnValues(r)).filter(([, v]) => v !== null));
        await trx
          .updateTable("enterprises")
          .set({ ...patch, updated_at: now })
          .where("id", "=", id)
          .execute();
      }
    }
    for (const { id, r } of known) result.set(keyOf(r.record), { id, status: "updated" });
  }

  const written = rows.flatMap((r) => {
    const hit = result.get(keyOf(r.record));
    return hit ? [{ id: hit.id, upsert: r }] : [];
  });
  // A firm inserted just now has no products or contact yet: only firms that existed have old ones to delete.
  const replaced = written
    .filter((w) => w.upsert.record.products.length > 0 && existing.has(keyOf(w.upsert.record)))
    .map((w) => w.id);
  const products = written.flatMap((w) =>
    w.upsert.record.products.map((name) => ({ enterprise_id: w.id, direction: "output", name, tsic_code: null })),
  );
  const contacts = written.flatMap((w) =>
    w.upsert.record.contact
      ? [
          {
            enterprise_id: w.id,
            name: w.upsert.record.contact.name,
            position: null,
            phone: w.upsert.record.contact.phone,
            email: w.upsert.record.contact.email,
          },
        ]
      : [],
  );
  const contactsReplaced = written
    .filter((w) => w.upsert.record.contact && existing.has(keyOf(w.upsert.record)))
    .map((w) => w.id);
  if (postgres) {
    if (replaced.length > 0)
      await run(trx, "DELETE FROM enterprise_products WHERE direction = 'output' AND enterprise_id = ANY($1::int4[])", [
        replaced,
      ]);
    await copyRows(
      trx,
      "enterprise_products",
      ["enterprise_id", "direction", "name", "tsic_code"],
      products.map((p) => [p.enterprise_id, p.direction, p.name, p.tsic_code]),
    );
    if (contactsReplaced.length > 0)
      await run(trx, "DELETE FROM enterprise_contacts WHERE enterprise_id = ANY($1::int4[])", [contactsReplaced]);
    if (contacts.length > 0)
      await run(
        trx,
        "INSERT INTO enterprise_contacts (enterprise_id, name, position, phone, email) SELECT e, n, NULL, p, m FROM unnest($1::int4[], $2::text[], $3::text[], $4::text[]) AS u(e, n, p, m)",
        [
          contacts.map((c) => c.enterprise_id),
          contacts.map((c) => c.name),
          contacts.map((c) => c.phone),
          contacts.map((c) => c.email),
        ],
      );
  } else {
    for (let i = 0; i < replaced.length; i += 500) {
      await trx
        .deleteFrom("enterprise_products")
        .where("enterprise_id", "in", replaced.slice(i, i + 500))
        .where("direction", "=", "output")
        .execute();
    }
    if (sqlite) {
      for (let i = 0; i < products.length; i += SQLITE_ROWS_PER_INSERT) {
        const slice = products.slice(i, i + SQLITE_ROWS_PER_INSERT);
        multiRowInsert(sqlite, PRODUCT_INSERT, slice.length).run(...slice.flatMap((p) => [p.enterprise_id, p.name]));
      }
    } else {
      for (let j = 0; j < products.length; j += 300)
        await trx
          .insertInto("enterprise_products")
          .values(products.slice(j, j + 300))
          .execute();
    }
    for (let i = 0; i < contactsReplaced.length; i += 500)
      await trx
        .deleteFrom("enterprise_contacts")
        .where("enterprise_id", "in", contactsReplaced.slice(i, i + 500))
        .execute();
    for (let i = 0; i < contacts.length; i += 100)
      await trx
        .insertInto("enterprise_contacts")
        .values(contacts.slice(i, i + 100))
        .execute();
  }
  const inserted = written.filter((w) => !existing.has(keyOf(w.upsert.record)));
  await writeSearchTexts(
    trx,
    "enterprise",
    inserted.map((w) => ({ id: w.id, text: w.upsert.searchText })),
    { sqlite, fresh: true },
  );
  const updated = written.filter((w) => existing.has(keyOf(w.upsert.record))).map((w) => w.id);
  if (updated.length > 0)
    await writeSearchTexts(trx, "enterprise", await enterpriseSearchTextsOf(trx, updated), { sqlite });
  return result;
}
