import type { FastifyInstance } from "fastify";

/**
 * People's requests come before background work. Counts the API requests being answered; background work (an
 * import between two slices) waits until none is, or at most `maxWaitMs`, so that a long import gives way to
 * sign-ins and lists instead of competing with them for the CPU and the database, yet always moves on.
 */
export class ForegroundRequests {
  #inFlight = 0;
  #waiters: Array<() => void> = [];
  readonly #now: () => number;
  /** When a request last arrived or was answered (the clock's milliseconds); never, at first. */
  #lastActiveAt = Number.NEGATIVE_INFINITY;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Milliseconds since the last request was answered; 0 while one is being answered. */
  quietForMs(): number {
    return this.#inFlight > 0 ? 0 : this.#now() - this.#lastActiveAt;
  }

  begin(): void {
    this.#inFlight++;
    this.#lastActiveAt = this.#now();
  }

  end(): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
    this.#lastActiveAt = this.#now();
    if (this.#inFlight === 0) for (const wake of this.#waiters.splice(0)) wake();
  }

  /** Resolves when no request is being answered, or after `maxWaitMs` whatever happens. */
  whenQuiet(maxWaitMs: number): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(finish, maxWaitMs);
      this.#waiters.push(finish);
    });
  }
}

const counted = Symbol("foreground");

/** Counts every /api request from its arrival until its answer is sent (or the client goes away). */
export function registerForegroundCount(app: FastifyInstance, foreground: ForegroundRequests): void {
  app.addHook("onRequest", (request, _reply, done) => {
    if (request.url.startsWith("/api/")) {
      (request as unknown as Record<symbol, boolean>)[counted] = true;
      foreground.begin();
    }
    done();
  });
  const finish = (request: object) => {
    const flags = request as Record<symbol, boolean>;
    if (!flags[counted]) return;
    flags[counted] = false;
    foreground.end();
  };
  app.addHook("onResponse", (request, _reply, done) => {
    finish(request);
    done();
  });
  app.addHook("onRequestAbort", (request, done) => {
    finish(request);
    done();
  });
}
