import { addressBucket } from "../auth/login-throttle.ts";

export type PublicWriteThrottleOptions = {
  /** Writes allowed from one client address within the window. */
  limit?: number;
  windowMs?: number;
  /** Most addresses remembered; past it the oldest are forgotten, so memory stays bounded. */
  maxKeys?: number;
  now?: () => number;
};

/**
 * Bounds what one client address may write without signing in (buyers' requests for a quote): at most `limit` in a
 * sliding window (5 in 10 minutes by default), counted per address as the sign-in throttle counts them (IPv6 per
 * /64). A buyer asks about a handful of products; a script filling firms' inboxes is stopped at the sixth. Kept in
 * memory, as the sign-in throttle is: one process serves one database.
 */
export class PublicWriteThrottle {
  readonly #writes = new Map<string, number[]>();
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #now: () => number;

  constructor(options: PublicWriteThrottleOptions = {}) {
    this.#limit = options.limit ?? 5;
    this.#windowMs = options.windowMs ?? 10 * 60_000;
    this.#maxKeys = options.maxKeys ?? 50_000;
    this.#now = options.now ?? Date.now;
  }

  /** Seconds to wait before the address may write again, or 0 (and the write is counted). */
  take(address: string): number {
    const key = addressBucket(address);
    const now = this.#now();
    const recent = (this.#writes.get(key) ?? []).filter((at) => now - at < this.#windowMs);
    if (recent.length >= this.#limit) {
      this.#writes.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + this.#windowMs - now) / 1000));
    }
    recent.push(now);
    this.#writes.delete(key);
    this.#writes.set(key, recent);
    if (this.#writes.size > this.#maxKeys) {
      const oldest = this.#writes.keys().next().value;
      if (oldest !== undefined) this.#writes.delete(oldest);
    }
    return 0;
  }
}
