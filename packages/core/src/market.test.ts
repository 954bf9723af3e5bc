import { describe, expect, it } from "vitest";
import { addMonths, buyerNameKey, followUpDueDates, meetingPair } from "./market.ts";

describe("buyerNameKey", () => {
  it.each([
    ["ACME Trading Co., Ltd.", "acme trading"],
    ["Acme Trading Limited", "acme trading"],
    ["acme  trading", "acme trading"],
    ["Ａｃｍｅ Trading", "acme trading"],
    ["Nippon Foods K.K.", "nippon foods"],
    ["PT. Sinar Mas Tbk", "sinar mas"],
    ["Müller GmbH", "müller"],
    ["The Company Ltd", "the company ltd"],
    ["บริษัท สยามฟู้ด", "บริษัท สยามฟู้ด"],
  ])("%s → %s", (name, key) => {
    expect(buyerNameKey(name)).toBe(key);
  });

  it("keeps different buyers apart", () => {
    expect(buyerNameKey("Acme Foods")).not.toBe(buyerNameKey("Acme Trading"));
  });
});

describe("meetingPair", () => {
  it("orders the two sides whoever asked", () => {
    expect(meetingPair(7, 3)).toEqual({ low: 3, high: 7 });
    expect(meetingPair(3, 7)).toEqual({ low: 3, high: 7 });
  });
});

describe("addMonths and follow-ups", () => {
  it.each([
    ["2026-12-07", 3, "2027-03-07"],
    ["2026-08-31", 6, "2027-02-28"],
    ["2027-08-31", 6, "2028-02-29"],
    ["2026-11-30", 3, "2027-02-28"],
    ["2026-01-31", 12, "2027-01-31"],
    ["2026-10-15", 12, "2027-10-15"],
  ])("%s + %i months = %s", (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it("gives the 3-, 6- and 12-month follow-ups", () => {
    expect(followUpDueDates("2026-12-07")).toEqual([
      { months: 3, dueOn: "2027-03-07" },
      { months: 6, dueOn: "2027-06-07" },
      { months: 12, dueOn: "2027-12-07" },
    ]);
  });
});
