// The stored format of the search index's postings (migration 0004): for each indexed key and entity type,
// the ids of the entities that have it, one row per block of BLOCK_SPAN consecutive ids. A row's `data` is
//
//   byte 0      format: 1 = one weight byte per id follows the count, 2 = one weight byte for every id
//   varint      n, the number of ids (≥ 1)
//   1 or n      weight bytes (0-255: the best field weight the key has in that entity; see postingKeysOf)
//   varint      the first id, then n - 1 varints: the gap to the previous id (≥ 1)
//
// Varints are little-endian base-128 and hold any id up to Number.MAX_SAFE_INTEGER. The same bytes are a
// BLOB on SQLite and a bytea on PostgreSQL. Change the format only with a new format byte, since migration
// 0004 writes it too.

/** How many consecutive entity ids share one postings row. */
export const BLOCK_SPAN = 16384;

/** Index keys of the prefix lists start with this character, which no indexed word does (see `prefixKeys`). */
export const PREFIX_MARK = "\u0001";

/** Prefix lists exist for the first 1, 2 and 3 characters of every term; longer prefixes expand the term range. */
export const PREFIX_LIST_LENGTH = 3;

const PER_ID_WEIGHTS = 1;
const SHARED_WEIGHT = 2;

export type Postings = {
  /** Entity ids, ascending (32-bit unless an id needs more). */
  readonly ids: Uint32Array | Float64Array;
  /** The weight of each id, same positions. */
  readonly weights: Uint8Array;
};

export function blockOf(id: number): number {
  return Math.floor(id / BLOCK_SPAN);
}

/**
 * The prefix-list keys a term contributes to: its first 1, 2 and 3 characters (whole code points), each
 * behind PREFIX_MARK, so that a short prefix a user is typing ("c", "12", "กาแ") is one list to read
 * rather than thousands of terms to expand. A term of at most three characters is in its own list too.
 */
export function prefixKeys(term: string): string[] {
  const keys: string[] = [];
  let end = 0;
  for (let n = 0; n < PREFIX_LIST_LENGTH && end < term.length; n++) {
    end += codePointLength(term, end);
    keys.push(PREFIX_MARK + term.slice(0, end));
  }
  return keys;
}

function codePointLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? 2 : 1;
}

/**
 * The index keys of one entity's terms (term → best weight, an integer 0-127) with their stored weights:
 * each term with its weight, and its prefix lists. A prefix list stores twice the weight for a term equal
 * to the prefix and the weight for a longer one, so that half the stored value is the match's score —
 * weight × 1 for the whole word, × 0.5 for a word it starts — and the list alone ranks a short prefix.
 */
export function postingKeysOf(terms: ReadonlyMap<string, number>): Map<string, number> {
  const keys = new Map<string, number>();
  forEachPostingKey(terms, (key, weight) => {
    const before = keys.get(key);
    if (before === undefined || before < weight) keys.set(key, weight);
  });
  return keys;
}

/** Calls `visit` with each index key of the terms and its stored weight; a key may come more than once (keep the highest). */
export function forEachPostingKey(
  terms: ReadonlyMap<string, number>,
  visit: (key: string, weight: number) => void,
): void {
  for (const [term, weight] of terms) {
    if (!Number.isInteger(weight) || weight < 0 || weight > 127)
      throw new RangeError(`search weight must be an integer 0-127, got ${weight}`);
    visit(term, weight);
    let end = 0;
    for (let n = 0; n < PREFIX_LIST_LENGTH && end < term.length; n++) {
      end += codePointLength(term, end);
      visit(PREFIX_MARK + term.slice(0, end), end === term.length ? 2 * weight : weight);
    }
  }
}

function checkWeight(weight: number): void {
  if (!Number.isInteger(weight) || weight < 0 || weight > 255)
    throw new RangeError(`search weight must be an integer 0-255, got ${weight}`);
}

function varintLength(value: number): number {
  let length = 1;
  while (value >= 128) {
    value = Math.floor(value / 128);
    length++;
  }
  return length;
}

function writeVarint(out: Uint8Array, at: number, value: number): number {
  while (value >= 128) {
    out[at++] = (value % 128) | 128;
    value = Math.floor(value / 128);
  }
  out[at++] = value;
  return at;
}

/** Encodes ids (strictly ascending, non-negative safe integers) with their weights (integers 0-255). */
export function encodePostings(ids: ArrayLike<number>, weights: ArrayLike<number>): Uint8Array {
  const n = ids.length;
  if (n === 0) throw new RangeError("a postings block holds at least one id");
  if (weights.length !== n) throw new RangeError("one weight per id");
  let shared = true;
  const first = weights[0] ?? 0;
  let size = 1 + varintLength(n);
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const id = ids[i] ?? -1;
    const weight = weights[i] ?? 0;
    if (!Number.isSafeInteger(id) || id <= previous)
      throw new RangeError(`postings ids must be ascending non-negative integers, got ${id} after ${previous}`);
    checkWeight(weight);
    if (weight !== first) shared = false;
    size += varintLength(i === 0 ? id : id - previous);
    previous = id;
  }
  size += shared ? 1 : n;
  const out = new Uint8Array(size);
  out[0] = shared ? SHARED_WEIGHT : PER_ID_WEIGHTS;
  let at = writeVarint(out, 1, n);
  if (shared) out[at++] = first;
  else for (let i = 0; i < n; i++) out[at++] = weights[i] ?? 0;
  previous = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i] ?? 0;
    at = writeVarint(out, at, id - previous);
    previous = id;
  }
  return out;
}

/** Decodes what `encodePostings` wrote; throws on bytes it did not write rather than returning wrong ids. */
export function decodePostings(data: Uint8Array): Postings {
  const format = data[0];
  if (format !== PER_ID_WEIGHTS && format !== SHARED_WEIGHT)
    throw new RangeError(`unknown postings format ${String(format)}`);
  let at = 1;
  const read = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = data[at++];
      if (byte === undefined) throw new RangeError("truncated postings block");
      value += (byte & 127) * scale;
      if (byte < 128) return value;
      scale *= 128;
    }
  };
  const n = read();
  const weights = new Uint8Array(n);
  if (format === SHARED_WEIGHT) weights.fill(data[at++] ?? 0);
  else {
    weights.set(data.subarray(at, at + n));
    at += n;
  }
  const start = at;
  const ids = new Uint32Array(n);
  let id = 0;
  for (let i = 0; i < n; i++) {
    // Most gaps fit one byte: read those without the general loop.
    const byte = data[at];
    if (byte !== undefined && byte < 128) {
      at++;
      id += byte;
    } else id += read();
    if (id > 0xffffffff) {
      at = start;
      const wide = decodeWideIds(n, read);
      if (at !== data.length) throw new RangeError("postings block has trailing bytes");
      return { ids: wide, weights };
    }
    ids[i] = id;
  }
  if (at !== data.length) throw new RangeError("postings block has trailing bytes");
  return { ids, weights };
}

function decodeWideIds(n: number, read: () => number): Float64Array {
  const ids = new Float64Array(n);
  let id = 0;
  for (let i = 0; i < n; i++) ids[i] = id += read();
  return ids;
}

/**
 * Applies changes to a block's postings: ids `setIds` (with `setWeights`) are added or re-weighed, ids
 * `remove` dropped. Each list is ascending; an id is in at most one of them. Returns the new postings.
 */
export function mergePostings(
  current: Postings | null,
  setIds: readonly number[],
  setWeights: readonly number[],
  remove: readonly number[],
): { ids: number[]; weights: number[] } {
  const ids: number[] = [];
  const weights: number[] = [];
  const oldIds = current?.ids ?? new Uint32Array(0);
  const oldWeights = current?.weights ?? new Uint8Array(0);
  let i = 0;
  let s = 0;
  let r = 0;
  while (i < oldIds.length || s < setIds.length) {
    const old = i < oldIds.length ? (oldIds[i] ?? Infinity) : Infinity;
    const next = s < setIds.length ? (setIds[s] ?? Infinity) : Infinity;
    if (next <= old) {
      ids.push(next);
      weights.push(setWeights[s++] ?? 0);
      if (next === old) i++;
      continue;
    }
    while (r < remove.length && (remove[r] ?? Infinity) < old) r++;
    if (remove[r] !== old) {
      ids.push(old);
      weights.push(oldWeights[i] ?? 0);
    }
    i++;
  }
  return { ids, weights };
}
