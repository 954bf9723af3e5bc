import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type SignedIn } from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { notify } from "./notify.ts";

// Issue 13, point 6: every user's in-app inbox; a user sees and marks only their own notifications.

let t: TestApp;
let expert: SignedIn;
let officer: SignedIn;
let expertIds: number[] = [];

type Page = {
  items: Array<{
    id: number;
    kind: string;
    entityType: string | null;
    entityId: number | null;
    params: unknown;
    readAt: string | null;
  }>;
  total: number;
  unread: number;
  page: number;
  pageSize: number;
};

beforeAll(async () => {
  t = await createTestApp();
  expert = await signInAs(t, "expert");
  officer = await signInAs(t, "agency_officer", { agencyId: 1 });
  for (let n = 1; n <= 3; n += 1) {
    const { notificationIds } = await notify(t.ctx, {
      userIds: [expert.userId],
      kind: "request_assigned",
      entity: { type: "service_request", id: n },
      params: { code: `SR-${n}`, field: "logistics" },
    });
    expertIds = [...expertIds, ...notificationIds];
  }
  await notify(t.ctx, { userIds: [officer.userId], kind: "request_closed", params: { code: "SR-1" } });
});

afterAll(async () => {
  await t.close();
});

describe("GET /api/inbox", () => {
  it("lists the caller's own notifications newest first, with the unread count", async () => {
    const response = await expert.request("GET", "/api/inbox");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as Page;
    expect(body).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 20 });
    expect(body.items.map((item) => item.id)).toEqual([...expertIds].reverse());
    expect(body.items[0]).toMatchObject({
      kind: "request_assigned",
      entityType: "service_request",
      entityId: 3,
      params: { code: "SR-3", field: "logistics" },
      readAt: null,
    });
  });

  it("pages", async () => {
    const body = (await expert.request("GET", "/api/inbox?page=2&pageSize=2")).json() as Page;
    expect(body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(body.items.map((item) => item.id)).toEqual([expertIds[0]]);
  });

  it("refuses a bad page size, naming the field", async () => {
    const response = await expert.request("GET", "/api/inbox?pageSize=1000");
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("pageSize");
  });

  it("asks anonymous callers to sign in", async () => {
    expect((await t.anonymous.request("GET", "/api/inbox")).statusCode).toBe(401);
    expect((await t.anonymous.request("GET", "/api/inbox/count")).statusCode).toBe(401);
  });
});

describe("marking read", () => {
  it("marks one read: the count drops and ?unread=1 leaves it out", async () => {
    const id = expertIds[1] ?? 0;
    const response = await expert.request("POST", `/api/inbox/${id}/read`);
    expect(response.statusCode, response.body).toBe(200);
    const readAt = (response.json() as { readAt: string | null }).readAt;
    expect(readAt).not.toBeNull();
    // Marking it again keeps the first time it was read.
    expect(((await expert.request("POST", `/api/inbox/${id}/read`)).json() as { readAt: string }).readAt).toBe(readAt);

    expect((await expert.request("GET", "/api/inbox/count")).json()).toEqual({ unread: 2 });
    const unread = (await expert.request("GET", "/api/inbox?unread=1")).json() as Page;
    expect(unread).toMatchObject({ total: 2, unread: 2 });
    expect(unread.items.map((item) => item.id)).not.toContain(id);
  });

  it("answers 404 for another user's notification and leaves it unread", async () => {
    const theirs = (await officer.request("GET", "/api/inbox")).json() as Page;
    const id = theirs.items[0]?.id ?? 0;
    expect((await expert.request("POST", `/api/inbox/${id}/read`)).statusCode).toBe(404);
    expect((await expert.request("POST", "/api/inbox/999999/read")).statusCode).toBe(404);
    expect((await officer.request("GET", "/api/inbox/count")).json()).toEqual({ unread: 1 });
  });

  it("marks all of the caller's read, and no one else's", async () => {
    const response = await expert.request("POST", "/api/inbox/read-all");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ marked: 2 });
    expect((await expert.request("GET", "/api/inbox/count")).json()).toEqual({ unread: 0 });
    expect((await officer.request("GET", "/api/inbox/count")).json()).toEqual({ unread: 1 });
  });

  it("needs the CSRF token", async () => {
    const response = await officer.request("POST", "/api/inbox/read-all", undefined, { "x-csrf-token": "wrong" });
    expect(response.statusCode).toBe(403);
  });
});

describe("notify", () => {
  it("skips inactive users and unknown ids, and notifies a user listed twice once", async () => {
    const gone = await signInAs(t, "agency_officer", { agencyId: 1 });
    await t.ctx.database.db.updateTable("users").set({ active: 0 }).where("id", "=", gone.userId).execute();
    const result = await notify(t.ctx, {
      userIds: [officer.userId, officer.userId, gone.userId, 987654],
      kind: "request_declined",
      entity: { type: "service_request", id: 9 },
    });
    expect(result.notificationIds).toHaveLength(1);
    expect((await officer.request("GET", "/api/inbox/count")).json()).toEqual({ unread: 2 });
  });

  it("joins the caller's transaction: rolled back, nothing is left", async () => {
    await expect(
      t.ctx.database.db.transaction().execute(async (trx) => {
        await notify(t.ctx, { userIds: [officer.userId], kind: "task_due" }, trx);
        throw new Error("the use case failed");
      }),
    ).rejects.toThrow("the use case failed");
    expect((await officer.request("GET", "/api/inbox/count")).json()).toEqual({ unread: 2 });
  });
});
