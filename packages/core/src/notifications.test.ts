import { describe, expect, it } from "vitest";
import { notificationKinds, notificationMail, notificationPath, readNotificationParams } from "./notifications.ts";

const at = new Date("2026-12-07T03:00:00Z");

describe("notificationMail", () => {
  it("words every kind in Thai and English, with a subject and a body", () => {
    for (const kind of notificationKinds) {
      for (const locale of ["th", "en"] as const) {
        const mail = notificationMail(kind, { code: "SR-2026-0001", dueDate: "2026-12-10", title: "call" }, locale, at);
        expect(mail.subject.startsWith("[Sainam] ")).toBe(true);
        expect(mail.text.length).toBeGreaterThan(20);
        expect(mail.subject).not.toMatch(/ {2}/);
      }
    }
  });

  it("gives Thai dates in B.E. and English dates in C.E.", () => {
    const thai = notificationMail("request_reminder", { code: "SR-1", dueDate: "2026-12-10" }, "th", at);
    expect(thai.text).toContain("10 ธันวาคม 2569");
    expect(thai.text).toContain("7 ธันวาคม 2569");
    const english = notificationMail("request_reminder", { code: "SR-1", dueDate: "2026-12-10" }, "en", at);
    expect(english.text).toContain("10 December 2026");
  });

  it("names the request and the firm when given, and leaves out what was not", () => {
    const mail = notificationMail("request_new", { code: "SR-9", firmName: "บริษัท ทดสอบ จำกัด" }, "th", at);
    expect(mail.subject).toBe("[Sainam] คำขอรับบริการใหม่ SR-9");
    expect(mail.text).toContain("จาก บริษัท ทดสอบ จำกัด");
    expect(notificationMail("request_closed", {}, "en", at).subject).toBe("[Sainam] Request closed");
  });

  it("gives the link to what it is about when there is one, and says to sign in when there is none", () => {
    const link = "https://sainam.example.go.th/requests/42";
    const thai = notificationMail("request_assigned", { code: "SR-1" }, "th", at, link);
    expect(thai.text).toContain(`ดูรายละเอียดได้ที่ ${link}\n`);
    expect(thai.text).not.toContain("เข้าสู่ระบบ Sainam");
    expect(notificationMail("request_assigned", { code: "SR-1" }, "en", at, link).text).toContain(
      `See the details at ${link}\n`,
    );
    const without = notificationMail("request_assigned", { code: "SR-1" }, "en", at);
    expect(without.text).toContain("Sign in to Sainam to see the details in your inbox.");
    expect(without.text).not.toContain("http");
  });
});

describe("notificationPath", () => {
  it("leads a request to its page, a quote request to the firm's list, a deal to its page, others nowhere", () => {
    expect(notificationPath({ entityType: "service_request", entityId: 42 })).toBe("/requests/42");
    expect(notificationPath({ entityType: "meeting", entityId: 3 })).toBe("/my-meetings");
    expect(notificationPath({ kind: "product_inquiry", entityType: "enterprise", entityId: 7 })).toBe(
      "/enterprises/7/inquiries",
    );
    expect(notificationPath({ entityType: "enterprise", entityId: 7 })).toBeNull();
    expect(notificationPath({ entityType: "deal", entityId: 9 })).toBe("/deals/9");
    expect(notificationPath({ entityType: "task", entityId: 3 })).toBeNull();
    expect(notificationPath({ entityType: null, entityId: null })).toBeNull();
  });
});

describe("readNotificationParams", () => {
  it("keeps the known keys with their types and drops the rest", () => {
    expect(readNotificationParams({ code: "SR-1", rating: 4, email: "x@y.z", dueDate: 5 })).toEqual({
      code: "SR-1",
      rating: 4,
    });
    expect(readNotificationParams(null)).toEqual({});
  });
});
