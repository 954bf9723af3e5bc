import { notificationKinds as contractKinds } from "@sainam/contract/choices";
import { notificationKinds } from "@sainam/core";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { th } from "../../i18n/th";
import { notificationLink } from "./model";

describe("notifications in the web", () => {
  it("knows the same kinds as core, and words each in Thai and English", () => {
    expect([...contractKinds]).toEqual([...notificationKinds]);
    for (const kind of contractKinds) {
      expect(th.inbox.kinds[kind]).toBeTruthy();
      expect(en.inbox.kinds[kind]).toBeTruthy();
    }
  });

  it("links a service request to its page and other records nowhere", () => {
    expect(notificationLink({ entityType: "service_request", entityId: 42 })).toBe("/requests/42");
    expect(notificationLink({ entityType: "task", entityId: 3 })).toBeNull();
    expect(notificationLink({ entityType: null, entityId: null })).toBeNull();
    expect(notificationLink({ kind: "product_inquiry", entityType: "enterprise", entityId: 7 })).toBe(
      "/enterprises/7/inquiries",
    );
  });
});
