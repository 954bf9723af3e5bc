/**
 * Keeps computed values for a short time, so a hot read of read-only data (reference geography, the
 * provincial clusters) costs no query. The TTL bounds staleness when the data is reloaded by `sainam seed`
 * while the server runs.
 */
export class Memo<T> {
  readonly #entries = new Map<string, { value: T; expires: number }>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: { ttlMs?: number; now?: () => number } = {}) {
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  async get(key: string, build: () => Promise<T>): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit && hit.expires > this.#now()) return hit.value;
    const value = await build();
    this.#entries.set(key, { value, expires: this.#now() + this.#ttlMs });
    return value;
  }
}
