import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ForegroundRequests } from "./foreground.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";

describe("ForegroundRequests", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lets background work on at once when no request is being answered", async () => {
    const foreground = new ForegroundRequests();
    let passed = false;
    await foreground.whenQuiet(10_000).then(() => (passed = true));
    expect(passed).toBe(true);
  });

  it("holds background work until the last request in flight is answered", async () => {
    vi.useFakeTimers();
    const foreground = new ForegroundRequests();
    foreground.begin();
    foreground.begin();
    let passed = false;
    const waiting = foreground.whenQuiet(10_000).then(() => (passed = true));
    foreground.end();
    await vi.advanceTimersByTimeAsync(100);
    expect(passed).toBe(false);
    foreground.end();
    await waiting;
    expect(passed).toBe(true);
    expect(foreground.inFlight).toBe(0);
  });

  it("lets background work on after the longest wait under a steady load", async () => {
    vi.useFakeTimers();
    const foreground = new ForegroundRequests();
    foreground.begin();
    let passed = false;
    const waiting = foreground.whenQuiet(250).then(() => (passed = true));
    await vi.advanceTimersByTimeAsync(249);
    expect(passed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(passed).toBe(true);
    expect(foreground.inFlight).toBe(1);
  });

  it("tells how long nobody's request has been answered: never at first, 0 while one is, the time since the last after", () => {
    let now = 1_000;
    const foreground = new ForegroundRequests(() => now);
    expect(foreground.quietForMs()).toBe(Number.POSITIVE_INFINITY);
    foreground.begin();
    now += 300;
    expect(foreground.quietForMs()).toBe(0);
    foreground.end();
    now += 450;
    expect(foreground.quietForMs()).toBe(450);
    foreground.begin();
    foreground.begin();
    foreground.end();
    now += 10;
    expect(foreground.quietForMs()).toBe(0);
    foreground.end();
    now += 5;
    expect(foreground.quietForMs()).toBe(5);
  });

  it("never counts below zero", () => {
    const foreground = new ForegroundRequests();
    foreground.end();
    foreground.begin();
    expect(foreground.inFlight).toBe(1);
  });
});

describe("the server's count of requests being answered", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("comes back to zero after answers, refusals, errors and unknown routes", async () => {
    expect((await t.anonymous.request("GET", "/api/regions")).statusCode).toBe(200);
    expect((await t.anonymous.request("GET", "/api/users")).statusCode).toBe(401);
    expect((await t.anonymous.request("GET", "/api/no-such-route")).statusCode).toBe(404);
    expect((await t.anonymous.request("POST", "/api/auth/login", { email: "" })).statusCode).toBe(400);
    expect(t.ctx.foreground.inFlight).toBe(0);
  });

  it("counts a request while it is being answered", async () => {
    // A sign-in checks its password on the thread pool: the event loop is free while the request is in flight.
    let settled = false;
    const pending = t.anonymous
      .request("POST", "/api/auth/login", { email: "nobody@example.org", password: "wrong password" })
      .finally(() => (settled = true));
    let seen = 0;
    while (!settled && seen === 0) {
      seen = t.ctx.foreground.inFlight;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await pending).statusCode).toBe(401);
    expect(seen).toBe(1);
    expect(t.ctx.foreground.inFlight).toBe(0);
  });
});
