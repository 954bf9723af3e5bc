import type { Compilable, CompiledQuery, Kysely, Transaction } from "kysely";
import type { DB } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;
type Params = Record<string, string | number>;

/**
 * A read written in Kysely, built and compiled once per dialect, then run with each call's parameters. Building and
 * compiling a query with several subqueries costs more than a small indexed read itself (bench/services.ts: about
 * 0.15 ms of routing's 0.23 ms on SQLite went to building and compiling), so the few hot reads pay for it once.
 *
 * `build` gets a placeholder for each parameter and must pass each, unchanged, as a bound value (not inside an `in`
 * list, not as SQL text): the first compile checks that every placeholder became exactly a bound parameter.
 */
export function compiledOnce<P extends Params, R>(build: (db: Executor, params: P) => Compilable<R>) {
  // Keyed by the dialect's adapter, which a database and its transactions share.
  const compiled = new WeakMap<object, { query: CompiledQuery<R>; slots: (keyof P | null)[] }>();
  return async (db: Executor, params: P): Promise<R[]> => {
    const adapter = db.getExecutor().adapter;
    let entry = compiled.get(adapter);
    if (!entry) {
      entry = compile(db, build, Object.keys(params) as (keyof P)[]);
      compiled.set(adapter, entry);
    }
    const { query, slots } = entry;
    const parameters = query.parameters.map((value, i) => {
      const slot = slots[i];
      return slot === null || slot === undefined ? value : params[slot];
    });
    const result = await db.executeQuery<R>({ ...query, parameters });
    return result.rows;
  };
}

const placeholder = (key: string) => `\u0000compiled-once:${key}\u0000`;

function compile<P extends Params, R>(
  db: Executor,
  build: (db: Executor, params: P) => Compilable<R>,
  keys: (keyof P)[],
): { query: CompiledQuery<R>; slots: (keyof P | null)[] } {
  const placeholders = Object.fromEntries(keys.map((k) => [k, placeholder(String(k))])) as unknown as P;
  const query = build(db, placeholders).compile();
  const byPlaceholder = new Map(keys.map((k) => [placeholder(String(k)), k]));
  const slots = query.parameters.map((value) =>
    typeof value === "string" ? (byPlaceholder.get(value) ?? null) : null,
  );
  for (const key of keys) {
    if (!slots.includes(key)) throw new Error(`compiledOnce: parameter "${String(key)}" is not a bound value`);
  }
  if (query.sql.includes("\u0000compiled-once:"))
    throw new Error("compiledOnce: a parameter was written into the SQL text instead of bound");
  return { query, slots };
}
