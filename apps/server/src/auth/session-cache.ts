import type { ResolvedSession } from "./session.service.ts";

/**
 * Remembers resolved sessions for a few seconds so an authenticated read does not cost two queries.
 * Logout, password change, deactivation and role change in this process drop the entries at once; the
 * TTL bounds the delay for changes made by another server process sharing the database.
 */
export class SessionCache {
  readonly #entries = new Map<string, { session: ResolvedSession; expires: number }>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: { ttlMs?: number; now?: () => number } = {}) {
    this.#ttlMs = options.ttlMs ?? 5_000;
    this.#now = options.now ?? Date.now;
  }

  /** The remembered session; the entry is shared, so a touch recorded on it is seen by later hits. */
  get(sessionId: string): ResolvedSession | undefined {
    const hit = this.#entries.get(sessionId);
    if (!hit) return undefined;
    if (hit.expires <= this.#now()) {
      this.#entries.delete(sessionId);
      return undefined;
    }
    return hit.session;
  }

  set(session: ResolvedSession): void {
    if (this.#entries.size >= 50_000) this.#entries.clear();
    this.#entries.set(session.sessionId, { session, expires: this.#now() + this.#ttlMs });
  }

  delete(sessionId: string): void {
    this.#entries.delete(sessionId);
  }

  deleteUser(userId: number): void {
    for (const [id, entry] of this.#entries) if (entry.session.user.id === userId) this.#entries.delete(id);
  }
}
