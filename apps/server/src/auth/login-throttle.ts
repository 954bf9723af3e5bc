import { isIPv6 } from "node:net";

/** Who is signing in: the e-mail tried and the client address it came from. */
export type LoginAttempt = { email: string; address: string };

export type LoginThrottleOptions = {
  /** Failures allowed for one e-mail from one address within the window. */
  perAccountLimit?: number;
  /** Failures allowed from one address within the window, whatever e-mails they tried. */
  perAddressLimit?: number;
  windowMs?: number;
  /** Most addresses and accounts remembered; past it the oldest are forgotten, so memory stays bounded. */
  maxKeys?: number;
  now?: () => number;
};

/**
 * Slows down password guessing in two ways, both over a sliding window (15 minutes by default):
 * - per e-mail and client address: after 5 failures that e-mail is refused from that address, so one
 *   account cannot be guessed at;
 * - per client address across e-mails: after 10 failures any sign-in from that address is refused, so
 *   one address cannot spray a common password over many accounts (the 11th e-mail is already refused).
 * A refused attempt is not checked at all: otherwise an answer to a right guess would leak through.
 *
 * A successful sign-in forgets only the failures of its own e-mail, in both counts: a user who mistyped
 * and then got in gives their office's shared address its budget back, while a sprayer who owns one
 * account cannot wipe the failures it made on other e-mails by signing in with it.
 *
 * IPv6 clients are counted per /64, the block one subscriber usually gets. Kept in memory: one process
 * serves one database, and a restart forgetting the counters only gives a guesser one more window.
 */
export class LoginThrottle {
  // Failure times per e-mail|address, and per address the failures with the e-mail they tried.
  readonly #accounts = new Map<string, number[]>();
  readonly #addresses = new Map<string, Array<{ at: number; email: string }>>();
  readonly #perAccountLimit: number;
  readonly #perAddressLimit: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #now: () => number;

  constructor(options: LoginThrottleOptions = {}) {
    this.#perAccountLimit = options.perAccountLimit ?? 5;
    this.#perAddressLimit = options.perAddressLimit ?? 10;
    this.#windowMs = options.windowMs ?? 15 * 60_000;
    this.#maxKeys = options.maxKeys ?? 50_000;
    this.#now = options.now ?? Date.now;
  }

  /** Seconds to wait before another attempt is allowed, or 0. */
  retryAfterSeconds(attempt: LoginAttempt): number {
    const { accountKey, addressKey } = keysOf(attempt);
    const account = this.#recentTimes(this.#accounts.get(accountKey) ?? []);
    const address = this.#recentTimes((this.#addresses.get(addressKey) ?? []).map((f) => f.at));
    return Math.max(this.#wait(account, this.#perAccountLimit), this.#wait(address, this.#perAddressLimit));
  }

  fail(attempt: LoginAttempt): void {
    const { accountKey, addressKey, email } = keysOf(attempt);
    const at = this.#now();
    const cutoff = at - this.#windowMs;
    const account = (this.#accounts.get(accountKey) ?? []).filter((t) => t > cutoff);
    account.push(at);
    // Re-inserted, so the Map's order is least recently failed first: the order in which to forget.
    this.#accounts.delete(accountKey);
    this.#accounts.set(accountKey, account.slice(-this.#perAccountLimit));
    const address = (this.#addresses.get(addressKey) ?? []).filter((f) => f.at > cutoff);
    address.push({ at, email });
    this.#addresses.delete(addressKey);
    this.#addresses.set(addressKey, address.slice(-this.#perAddressLimit));
    if (this.#accounts.size + this.#addresses.size > this.#maxKeys) this.#prune();
  }

  succeed(attempt: LoginAttempt): void {
    const { accountKey, addressKey, email } = keysOf(attempt);
    this.#accounts.delete(accountKey);
    const address = this.#addresses.get(addressKey);
    if (!address) return;
    const others = address.filter((f) => f.email !== email);
    if (others.length > 0) this.#addresses.set(addressKey, others);
    else this.#addresses.delete(addressKey);
  }

  /** How many addresses and accounts are remembered (for tests of the memory bound). */
  get size(): number {
    return this.#accounts.size + this.#addresses.size;
  }

  #recentTimes(times: ReadonlyArray<number>): number[] {
    const cutoff = this.#now() - this.#windowMs;
    return times.filter((t) => t > cutoff);
  }

  #wait(recent: ReadonlyArray<number>, limit: number): number {
    if (recent.length < limit) return 0;
    const oldest = recent[recent.length - limit] ?? this.#now();
    return Math.max(1, Math.ceil((oldest + this.#windowMs - this.#now()) / 1000));
  }

  #prune(): void {
    const cutoff = this.#now() - this.#windowMs;
    for (const [key, times] of this.#accounts) if (!times.some((t) => t > cutoff)) this.#accounts.delete(key);
    for (const [key, failures] of this.#addresses)
      if (!failures.some((f) => f.at > cutoff)) this.#addresses.delete(key);
    // Still too many live keys (an attacker rotating addresses): forget the least recently failed.
    // Down to a quarter each, so the scan above runs once per many failures, not on every one.
    const keep = Math.floor(this.#maxKeys / 4);
    for (const map of [this.#accounts, this.#addresses]) {
      for (const key of map.keys()) {
        if (map.size <= keep) break;
        map.delete(key);
      }
    }
  }
}

function keysOf(attempt: LoginAttempt): { accountKey: string; addressKey: string; email: string } {
  const email = attempt.email.trim().toLowerCase();
  const addressKey = addressBucket(attempt.address);
  return { accountKey: `${email}|${addressKey}`, addressKey, email };
}

/** The address an attempt is counted under: IPv4 as is (also when IPv4-mapped), IPv6 by its /64. */
export function addressBucket(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === "" ? [] : tail.split(":");
  const groups = address.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
