/**
 * Small decoders for API answers: the server's JSON arrives as `unknown`, and each query turns it into a typed
 * value here, so a contract drift shows up as one clear error instead of `undefined` deep in a component.
 */

export class DecodeError extends Error {
  readonly path: string;
  constructor(path: string, expected: string) {
    super(`Unexpected API answer at ${path || "(root)"}: expected ${expected}`);
    this.name = "DecodeError";
    this.path = path;
  }
}

export type Decoder<T> = (input: unknown, path?: string) => T;

export type Decoded<D> = D extends Decoder<infer T> ? T : never;

export function isRecord(input: unknown): input is Record<string, unknown> {
  return typeof input === "object" && input !== null && !Array.isArray(input);
}

export const str: Decoder<string> = (input, path = "") => {
  if (typeof input !== "string") throw new DecodeError(path, "a string");
  return input;
};

export const num: Decoder<number> = (input, path = "") => {
  if (typeof input !== "number" || Number.isNaN(input)) throw new DecodeError(path, "a number");
  return input;
};

export const bool: Decoder<boolean> = (input, path = "") => {
  if (typeof input !== "boolean") throw new DecodeError(path, "a boolean");
  return input;
};

/** Accepts any JSON value unchanged (for free-form fields such as audit before/after). */
export const json: Decoder<unknown> = (input) => input;

/** Ids may be numbers or strings depending on the store; the web app treats them as strings. */
export const id: Decoder<string> = (input, path = "") => {
  if (typeof input === "string") return input;
  if (typeof input === "number" && Number.isFinite(input)) return String(input);
  throw new DecodeError(path, "an id");
};

export function nullable<T>(decoder: Decoder<T>): Decoder<T | null> {
  return (input, path = "") => (input === null || input === undefined ? null : decoder(input, path));
}

export function withDefault<T>(decoder: Decoder<T>, fallback: T): Decoder<T> {
  return (input, path = "") => (input === null || input === undefined ? fallback : decoder(input, path));
}

/**
 * For parts of an answer the page can live without (a figure still being added to the server, a field of an
 * older server): a missing or malformed value becomes `fallback` instead of failing the whole answer.
 */
export function lenient<T, F>(decoder: Decoder<T>, fallback: F): Decoder<T | F> {
  return (input, path = "") => {
    if (input === null || input === undefined) return fallback;
    try {
      return decoder(input, path);
    } catch (cause) {
      if (cause instanceof DecodeError) return fallback;
      throw cause;
    }
  };
}

/** A record of numbers keyed by any string (e.g. counts per stage). */
export const numberRecord: Decoder<Record<string, number>> = (input, path = "") => {
  if (!isRecord(input)) throw new DecodeError(path, "an object");
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(input)) out[key] = num(value, path ? `${path}.${key}` : key);
  return out;
};

export function arrayOf<T>(decoder: Decoder<T>): Decoder<T[]> {
  return (input, path = "") => {
    if (!Array.isArray(input)) throw new DecodeError(path, "an array");
    return input.map((item, index) => decoder(item, `${path}[${index}]`));
  };
}

export function literal<const T extends string>(...values: readonly T[]): Decoder<T> {
  return (input, path = "") => {
    const found = values.find((value) => value === input);
    if (found === undefined) throw new DecodeError(path, `one of ${values.join(", ")}`);
    return found;
  };
}

type Shape = Record<string, Decoder<unknown>>;
type FromShape<S extends Shape> = { [K in keyof S]: Decoded<S[K]> };

export function object<S extends Shape>(shape: S): Decoder<FromShape<S>> {
  return (input, path = "") => {
    if (!isRecord(input)) throw new DecodeError(path, "an object");
    const out: Record<string, unknown> = {};
    for (const [key, decoder] of Object.entries(shape)) {
      out[key] = decoder(input[key], path ? `${path}.${key}` : key);
    }
    // Every key of the shape was just filled by its own decoder, so `out` has exactly the shape's type;
    // TypeScript cannot follow that through Object.entries, hence this single assertion.
    return out as FromShape<S>;
  };
}

/** A recursive decoder (tree nodes): defers the lookup so the decoder may refer to itself. */
export function lazy<T>(get: () => Decoder<T>): Decoder<T> {
  return (input, path) => get()(input, path);
}
