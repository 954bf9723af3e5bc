import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { ADMIN, createTestApp, type TestApp } from "../test-support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("#auth.login", () => {
  it("signs in the first admin created from SAINAM_ADMIN_EMAIL / SAINAM_ADMIN_PASSWORD", async () => {
    const response = await t.anonymous.request("POST", "/api/auth/login", ADMIN);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ email: ADMIN.email, role: "admin" });
    expect(response.json().user).not.toHaveProperty("passwordHash");
  });

  it("sets an HttpOnly SameSite session cookie and a readable CSRF cookie", async () => {
    const response = await t.anonymous.request("POST", "/api/auth/login", ADMIN);
    const session = response.cookies.find((c) => c.name === "sainam_session");
    const csrf = response.cookies.find((c) => c.name === "sainam_csrf");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    expect(session?.value.length).toBeGreaterThanOrEqual(40);
    expect(csrf?.httpOnly).toBeFalsy();
    expect(csrf?.value).toBe(response.json().csrfToken);
  });

  it("stores passwords as Argon2id hashes, never in clear", async () => {
    const row = await t.ctx.database.db
      .selectFrom("users")
      .select("password_hash")
      .where("email", "=", ADMIN.email)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(ADMIN.password);
  });

  it("answers a wrong password and an unknown e-mail with the same 401", async () => {
    const wrong = await t.anonymous.request(
      "POST",
      "/api/auth/login",
      { email: ADMIN.email, password: "not-the-password" },
      { "x-forwarded-for": "1" },
    );
    const unknown = await t.anonymous.request("POST", "/api/auth/login", {
      email: "nobody@example.org",
      password: "whatever-password",
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it("fails with 400 naming the field when the e-mail is missing", async () => {
    const response = await t.anonymous.request("POST", "/api/auth/login", { password: "x" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
    expect(response.json().error.details[0].path).toBe("email");
  });

  it("throttles repeated failures for one account with 429 and Retry-After", async () => {
    const user = await t.addUser({ email: "throttle@example.org", displayName: "T", role: "expert" });
    for (let i = 0; i < 5; i++) {
      const r = await t.anonymous.request("POST", "/api/auth/login", {
        email: user.email,
        password: "wrong-password!",
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.anonymous.request("POST", "/api/auth/login", {
      email: user.email,
      password: user.password,
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("too_many_requests");
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("refuses a deactivated user", async () => {
    const user = await t.addUser({ email: "gone@example.org", displayName: "G", role: "expert" });
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    expect((await admin.request("PATCH", `/api/users/${user.id}`, { active: false })).statusCode).toBe(200);
    const response = await t.anonymous.request("POST", "/api/auth/login", {
      email: user.email,
      password: user.password,
    });
    expect(response.statusCode).toBe(401);
  });
});

/** A sign-in from a given socket address, with extra headers (X-Forwarded-For, X-Forwarded-Proto). */
function loginFrom(
  app: TestApp,
  remoteAddress: string,
  body: { email: string; password: string },
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.app.inject({ method: "POST", url: "/api/auth/login", payload: body, remoteAddress, headers });
}

describe("#auth.login spraying", () => {
  it("refuses one address trying many e-mails long before the 30th, while another address still signs in", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 30; i++) {
      statuses.push(
        (await loginFrom(t, "198.51.100.20", { email: `spray${i}@example.org`, password: "Summer2024!" })).statusCode,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(20).fill(429));
    const blocked = await loginFrom(t, "198.51.100.20", ADMIN);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect((await loginFrom(t, "198.51.100.21", ADMIN)).statusCode).toBe(200);
  });

  it("ignores X-Forwarded-For without SAINAM_TRUST_PROXY: a spoofed header gets no fresh budget", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 12; i++) {
      const response = await loginFrom(
        t,
        "198.51.100.30",
        { email: `spoof${i}@example.org`, password: "Summer2024!" },
        { "x-forwarded-for": `203.0.113.${i}` },
      );
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("does not let a sprayer reset the address's count by signing in with an account it owns", async () => {
    const own = await t.addUser({ email: "sprayer-own@example.org", displayName: "S", role: "expert" });
    for (let i = 1; i <= 9; i++)
      await loginFrom(t, "198.51.100.40", { email: `reset${i}@example.org`, password: "Summer2024!" });
    expect((await loginFrom(t, "198.51.100.40", own)).statusCode).toBe(200);
    expect(
      (await loginFrom(t, "198.51.100.40", { email: "reset10@example.org", password: "Summer2024!" })).statusCode,
    ).toBe(401);
    expect(
      (await loginFrom(t, "198.51.100.40", { email: "reset11@example.org", password: "Summer2024!" })).statusCode,
    ).toBe(429);
  });
});

describe("#auth.login behind a trusted proxy", () => {
  let proxied: TestApp;
  beforeAll(async () => {
    proxied = await createTestApp({ SAINAM_TRUST_PROXY: "10.0.0.1" });
  });
  afterAll(async () => {
    await proxied.close();
  });

  it("counts failures per forwarded client address when the proxy is trusted", async () => {
    for (let i = 1; i <= 10; i++) {
      expect(
        (
          await loginFrom(
            proxied,
            "10.0.0.1",
            { email: `p${i}@example.org`, password: "Summer2024!" },
            { "x-forwarded-for": "203.0.113.50" },
          )
        ).statusCode,
      ).toBe(401);
    }
    expect((await loginFrom(proxied, "10.0.0.1", ADMIN, { "x-forwarded-for": "203.0.113.50" })).statusCode).toBe(429);
    expect((await loginFrom(proxied, "10.0.0.1", ADMIN, { "x-forwarded-for": "203.0.113.51" })).statusCode).toBe(200);
  });

  it("believes X-Forwarded-For only from the trusted proxy, not from a client connecting directly", async () => {
    for (let i = 1; i <= 10; i++) {
      await loginFrom(
        proxied,
        "198.51.100.60",
        { email: `d${i}@example.org`, password: "Summer2024!" },
        { "x-forwarded-for": `203.0.113.${100 + i}` },
      );
    }
    expect((await loginFrom(proxied, "198.51.100.60", ADMIN, { "x-forwarded-for": "203.0.113.99" })).statusCode).toBe(
      429,
    );
  });

  it("marks cookies Secure and sends HSTS when the trusted proxy says the request came over HTTPS", async () => {
    const response = await loginFrom(proxied, "10.0.0.1", ADMIN, {
      "x-forwarded-for": "203.0.113.70",
      "x-forwarded-proto": "https",
    });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === "sainam_session")?.secure).toBe(true);
    expect(response.cookies.find((c) => c.name === "sainam_csrf")?.secure).toBe(true);
    expect(response.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  });

  it("ignores X-Forwarded-Proto from an untrusted client: no Secure cookies, no HSTS", async () => {
    const response = await loginFrom(proxied, "198.51.100.61", ADMIN, { "x-forwarded-proto": "https" });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === "sainam_session")?.secure).toBeFalsy();
    expect(response.headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("#auth.login behind one proxy (SAINAM_TRUST_PROXY=1)", () => {
  it("takes the address the proxy appended, not one the client put in front of it", async () => {
    const oneHop = await createTestApp({ SAINAM_TRUST_PROXY: "1" });
    try {
      for (let i = 1; i <= 10; i++) {
        const forwarded = `192.0.2.${i}, 203.0.113.80`;
        expect(
          (
            await loginFrom(
              oneHop,
              "10.9.9.9",
              { email: `h${i}@example.org`, password: "Summer2024!" },
              { "x-forwarded-for": forwarded },
            )
          ).statusCode,
        ).toBe(401);
      }
      expect(
        (await loginFrom(oneHop, "10.9.9.9", ADMIN, { "x-forwarded-for": "192.0.2.99, 203.0.113.80" })).statusCode,
      ).toBe(429);
      expect((await loginFrom(oneHop, "10.9.9.9", ADMIN, { "x-forwarded-for": "203.0.113.81" })).statusCode).toBe(200);
    } finally {
      await oneHop.close();
    }
  });
});

describe("#auth.login without a trusted proxy", () => {
  it("ignores X-Forwarded-Proto: plain HTTP stays plain (no Secure cookies, no HSTS)", async () => {
    const response = await loginFrom(t, "198.51.100.62", ADMIN, { "x-forwarded-proto": "https" });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === "sainam_session")?.secure).toBeFalsy();
    expect(response.headers["strict-transport-security"]).toBeUndefined();
  });

  it("marks cookies Secure and sends HSTS on every answer with SAINAM_SECURE_COOKIES=true", async () => {
    const strict = await createTestApp({ SAINAM_SECURE_COOKIES: "true" });
    try {
      const response = await loginFrom(strict, "198.51.100.63", ADMIN);
      expect(response.cookies.find((c) => c.name === "sainam_session")?.secure).toBe(true);
      expect(response.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      expect(
        (await strict.app.inject({ method: "GET", url: "/api/auth/me" })).headers["strict-transport-security"],
      ).toMatch(/max-age=/);
    } finally {
      await strict.close();
    }
  });
});

describe("#auth.session", () => {
  it("answers /api/auth/me with the user while the session lives, and null without one", async () => {
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    expect((await admin.request("GET", "/api/auth/me")).json().user.email).toBe(ADMIN.email);
    expect((await t.anonymous.request("GET", "/api/auth/me")).json().user).toBeNull();
  });

  it("ends the session on logout so the old cookie no longer works", async () => {
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    expect((await admin.request("POST", "/api/auth/logout")).statusCode).toBe(200);
    expect((await admin.request("GET", "/api/auth/me")).json().user).toBeNull();
    expect((await admin.request("GET", "/api/users")).statusCode).toBe(401);
  });

  it("expires a session idle for longer than the idle timeout", async () => {
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    await t.ctx.database.db
      .updateTable("sessions")
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() })
      .execute();
    expect((await admin.request("GET", "/api/auth/me")).json().user).toBeNull();
  });

  it("expires a session past its absolute lifetime even when in use", async () => {
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    await t.ctx.database.db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect((await admin.request("GET", "/api/auth/me")).json().user).toBeNull();
  });

  it("ends a user's sessions when an admin changes their password", async () => {
    const user = await t.addUser({ email: "rotate@example.org", displayName: "R", role: "expert" });
    const client = await t.signIn(user.email, user.password);
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    expect(
      (await admin.request("PATCH", `/api/users/${user.id}`, { password: "a-brand-new-password" })).statusCode,
    ).toBe(200);
    expect((await client.request("GET", "/api/auth/me")).json().user).toBeNull();
  });
});

describe("#auth.session with a short idle limit", () => {
  // One minute, the shortest SAINAM_SESSION_IDLE_MINUTES allows; the app's clock is moved by hand.
  let now = Date.parse("2030-01-01T00:00:00Z");
  let short: TestApp;
  beforeAll(async () => {
    short = await createTestApp({ SAINAM_SESSION_IDLE_MINUTES: "1" }, { examples: "never", now: () => now });
  });
  afterAll(async () => {
    await short.close();
  });

  async function signedIn(client: Awaited<ReturnType<TestApp["signIn"]>>): Promise<boolean> {
    return (await client.request("GET", "/api/auth/me")).json().user !== null;
  }

  it("keeps a session used every 50 seconds alive across many idle limits", async () => {
    const client = await short.signIn(ADMIN.email, ADMIN.password);
    for (let i = 0; i < 30; i++) {
      now += 50_000;
      expect(await signedIn(client), `use ${i + 1}`).toBe(true);
    }
  });

  it("keeps a session used every few seconds alive, its requests mostly served from the cache", async () => {
    const client = await short.signIn(ADMIN.email, ADMIN.password);
    for (let i = 0; i < 100; i++) {
      now += 3_000;
      expect(await signedIn(client), `use ${i + 1}`).toBe(true);
    }
  });

  it("ends a session left unused for longer than the idle limit", async () => {
    const client = await short.signIn(ADMIN.email, ADMIN.password);
    now += 30_000;
    expect(await signedIn(client)).toBe(true);
    now += 61_000;
    expect(await signedIn(client)).toBe(false);
    now += 1_000;
    expect((await client.request("GET", "/api/users")).statusCode).toBe(401);
  });
});

describe("#auth.csrf", () => {
  it("refuses a cookie-authenticated write without the X-CSRF-Token header", async () => {
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/auth/me",
      payload: { locale: "en" },
      headers: { cookie: admin.cookie ?? "" },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("csrf_failed");
  });

  it("refuses a write whose CSRF token belongs to another session", async () => {
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    const other = await t.signIn(ADMIN.email, ADMIN.password);
    const response = await admin.request(
      "PATCH",
      "/api/auth/me",
      { locale: "en" },
      { "x-csrf-token": other.csrfToken ?? "" },
    );
    expect(response.statusCode).toBe(403);
  });

  it("accepts the write with the session's own token and remembers the language", async () => {
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    expect((await admin.request("PATCH", "/api/auth/me", { locale: "en" })).json().user.locale).toBe("en");
    const again = await t.signIn(ADMIN.email, ADMIN.password);
    expect((await again.request("GET", "/api/auth/me")).json().user.locale).toBe("en");
    await again.request("PATCH", "/api/auth/me", { locale: "th" });
  });

  it("rejects an unknown locale with 400 naming the field", async () => {
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    const response = await admin.request("PATCH", "/api/auth/me", { locale: "fr" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe("locale");
  });
});
