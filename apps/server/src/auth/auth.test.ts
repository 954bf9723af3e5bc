import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    const row = await t.ctx.database.db.selectFrom("users").select("password_hash").where("email", "=", ADMIN.email).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(ADMIN.password);
  });

  it("answers a wrong password and an unknown e-mail with the same 401", async () => {
    const wrong = await t.anonymous.request("POST", "/api/auth/login", { email: ADMIN.email, password: "not-the-password" }, { "x-forwarded-for": "1" });
    const unknown = await t.anonymous.request("POST", "/api/auth/login", { email: "nobody@example.org", password: "whatever-password" });
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
      const r = await t.anonymous.request("POST", "/api/auth/login", { email: user.email, password: "wrong-password!" });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.anonymous.request("POST", "/api/auth/login", { email: user.email, password: user.password });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("too_many_requests");
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("refuses a deactivated user", async () => {
    const user = await t.addUser({ email: "gone@example.org", displayName: "G", role: "expert" });
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    expect((await admin.request("PATCH", `/api/users/${user.id}`, { active: false })).statusCode).toBe(200);
    const response = await t.anonymous.request("POST", "/api/auth/login", { email: user.email, password: user.password });
    expect(response.statusCode).toBe(401);
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
    await t.ctx.database.db.updateTable("sessions").set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() }).execute();
    expect((await admin.request("GET", "/api/auth/me")).json().user).toBeNull();
  });

  it("expires a session past its absolute lifetime even when in use", async () => {
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    await t.ctx.database.db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    expect((await admin.request("GET", "/api/auth/me")).json().user).toBeNull();
  });

  it("ends a user's sessions when an admin changes their password", async () => {
    const user = await t.addUser({ email: "rotate@example.org", displayName: "R", role: "expert" });
    const client = await t.signIn(user.email, user.password);
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    expect((await admin.request("PATCH", `/api/users/${user.id}`, { password: "a-brand-new-password" })).statusCode).toBe(200);
    expect((await client.request("GET", "/api/auth/me")).json().user).toBeNull();
  });
});

describe("#auth.csrf", () => {
  it("refuses a cookie-authenticated write without the X-CSRF-Token header", async () => {
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    const response = await t.app.inject({ method: "PATCH", url: "/api/auth/me", payload: { locale: "en" }, headers: { cookie: admin.cookie ?? "" } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("csrf_failed");
  });

  it("refuses a write whose CSRF token belongs to another session", async () => {
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    const other = await t.signIn(ADMIN.email, ADMIN.password);
    const response = await admin.request("PATCH", "/api/auth/me", { locale: "en" }, { "x-csrf-token": other.csrfToken ?? "" });
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
