import { describe, expect, it } from "vitest";
import { addressBucket, LoginThrottle } from "./login-throttle.ts";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe("#LoginThrottle", () => {
  it("refuses one e-mail from one address after 5 failures, until the window has passed", () => {
    const c = clock();
    const throttle = new LoginThrottle({ now: c.now });
    const attempt = { email: "a@example.org", address: "198.51.100.1" };
    for (let i = 0; i < 5; i++) {
      expect(throttle.retryAfterSeconds(attempt)).toBe(0);
      throttle.fail(attempt);
      c.advance(1000);
    }
    expect(throttle.retryAfterSeconds(attempt)).toBe(15 * 60 - 5);
    expect(throttle.retryAfterSeconds({ ...attempt, email: "A@Example.org" })).toBeGreaterThan(0);
    c.advance(15 * 60_000);
    expect(throttle.retryAfterSeconds(attempt)).toBe(0);
  });

  it("refuses an address spraying many e-mails after 10 failures, but not another address", () => {
    const throttle = new LoginThrottle({ now: clock().now });
    let refusedAt = 0;
    for (let i = 1; i <= 30 && refusedAt === 0; i++) {
      const attempt = { email: `user${i}@example.org`, address: "198.51.100.7" };
      if (throttle.retryAfterSeconds(attempt) > 0) refusedAt = i;
      else throttle.fail(attempt);
    }
    expect(refusedAt).toBe(11);
    expect(throttle.retryAfterSeconds({ email: "user1@example.org", address: "198.51.100.8" })).toBe(0);
    expect(throttle.retryAfterSeconds({ email: "fresh@example.org", address: "198.51.100.7" })).toBeGreaterThan(0);
  });

  it("forgets only the signed-in e-mail's failures on success, so one known account cannot reset a spray", () => {
    const throttle = new LoginThrottle({ now: clock().now });
    const address = "198.51.100.9";
    for (let i = 0; i < 9; i++) throttle.fail({ email: `victim${i}@example.org`, address });
    throttle.succeed({ email: "own@example.org", address });
    throttle.fail({ email: "victim9@example.org", address });
    expect(throttle.retryAfterSeconds({ email: "own@example.org", address })).toBeGreaterThan(0);
  });

  it("gives an address its budget back for the e-mail that then signed in (a typo in a shared office)", () => {
    const throttle = new LoginThrottle({ now: clock().now });
    const address = "198.51.100.10";
    for (let i = 0; i < 7; i++) throttle.fail({ email: `other${i}@example.org`, address });
    for (let i = 0; i < 3; i++) throttle.fail({ email: "typist@example.org", address });
    expect(throttle.retryAfterSeconds({ email: "someone@example.org", address })).toBeGreaterThan(0);
    throttle.succeed({ email: "typist@example.org", address });
    expect(throttle.retryAfterSeconds({ email: "someone@example.org", address })).toBe(0);
  });

  it("counts IPv6 clients per /64 and IPv4-mapped addresses as IPv4", () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe(addressBucket("2001:db8:1:2:bbbb:cccc:dddd:eeee"));
    expect(addressBucket("2001:db8:1:3::1")).not.toBe(addressBucket("2001:db8:1:2::1"));
    expect(addressBucket("::ffff:203.0.113.4")).toBe("203.0.113.4");
    const throttle = new LoginThrottle({ now: clock().now });
    for (let i = 0; i < 10; i++) throttle.fail({ email: `u${i}@example.org`, address: `2001:db8:1:2::${i + 1}` });
    expect(throttle.retryAfterSeconds({ email: "new@example.org", address: "2001:db8:1:2:ffff::9" })).toBeGreaterThan(
      0,
    );
  });

  it("keeps memory bounded when failures come from ever new addresses", () => {
    const c = clock();
    const throttle = new LoginThrottle({ now: c.now, maxKeys: 1000 });
    for (let i = 0; i < 20_000; i++) {
      throttle.fail({ email: `e${i}@example.org`, address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` });
      c.advance(1);
    }
    expect(throttle.size).toBeLessThanOrEqual(1000);
    // The most recent failures are the ones kept.
    for (let i = 0; i < 9; i++) throttle.fail({ email: `x${i}@example.org`, address: "10.0.78.31" });
    expect(throttle.retryAfterSeconds({ email: "y@example.org", address: "10.0.78.31" })).toBeGreaterThan(0);
  });
});
