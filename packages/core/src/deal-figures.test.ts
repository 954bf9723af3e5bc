import { describe, expect, it } from "vitest";
import {
  canMoveDeal,
  dealBuyerKey,
  dealOutcomes,
  dealsByStage,
  horizonFigures,
  isFollowUpDue,
  marketFunnel,
  realisedWithin,
  sameOrder,
  realisedPerBaht,
  type DealForFigures,
} from "./deal-figures.ts";

describe("canMoveDeal", () => {
  it.each([
    ["lead", "quotation", true],
    ["follow_up", "quotation", true],
    ["quotation", "order", true],
    ["quotation", "follow_up", false],
    ["mou", "no_interest", true],
    ["no_interest", "follow_up", true],
    ["order", "no_interest", false],
    ["order", "mou", false],
    ["follow_up", "lead", false],
    ["quotation", "quotation", true],
  ] as const)("%s → %s: %s", (from, to, allowed) => {
    expect(canMoveDeal(from, to)).toBe(allowed);
  });

  it("offers every stage but lead as a meeting's outcome", () => {
    expect(dealOutcomes).toEqual(["no_interest", "follow_up", "quotation", "mou", "order"]);
  });
});

describe("realisedWithin", () => {
  const orders = [
    { amount: 100, orderedOn: "2027-01-19" }, // before the meeting
    { amount: 200, orderedOn: "2027-01-20" }, // the day of the meeting
    { amount: 300, orderedOn: "2027-04-20" }, // last day of 3 months
    { amount: 400, orderedOn: "2027-04-21" },
    { amount: 500, orderedOn: "2028-01-20" }, // last day of 12 months
    { amount: 600, orderedOn: "2028-01-21" },
  ];

  it("counts orders dated from the meeting to the window's last day, inclusive", () => {
    expect(realisedWithin("2027-01-20", orders, 3)).toBe(500);
    expect(realisedWithin("2027-01-20", orders, 6)).toBe(900);
    expect(realisedWithin("2027-01-20", orders, 12)).toBe(1400);
  });

  it("clamps the window to the month's end", () => {
    expect(realisedWithin("2027-08-31", [{ amount: 1, orderedOn: "2028-02-29" }], 6)).toBe(1);
    expect(realisedWithin("2027-08-31", [{ amount: 1, orderedOn: "2028-03-01" }], 6)).toBe(0);
  });
});

describe("horizonFigures", () => {
  const deal = (over: Partial<DealForFigures>): DealForFigures => ({
    id: 1,
    enterpriseId: 1,
    stage: "quotation",
    openedOn: "2027-01-20",
    expectedValue: 1000,
    followUpExpected: {},
    orders: [],
    ...over,
  });

  it("sets expected (the follow-up's when recorded) against realised, per baht of budget", () => {
    const deals = [
      deal({ followUpExpected: { 6: 800 }, orders: [{ amount: 500, orderedOn: "2027-06-01" }] }),
      deal({ id: 2, enterpriseId: 2, expectedValue: null }),
    ];
    const figures = horizonFigures(deals, 1000, "2027-08-01");
    expect(figures.map((f) => [f.months, f.expected, f.realised, f.dealsClosed, f.perBaht])).toEqual([
      [3, 1000, 0, 2, 0],
      [6, 800, 500, 2, 0.5],
      [12, 1000, 500, 0, 0.5],
    ]);
  });

  it("has no value per baht without a budget", () => {
    expect(realisedPerBaht(100, 0)).toBeNull();
  });
});

describe("marketFunnel", () => {
  it("counts a firm once across events and meetings", () => {
    const funnel = marketFunnel({
      participants: [
        { enterpriseId: 1, buyerId: null },
        { enterpriseId: 1, buyerId: null }, // the same firm at a second event
        { enterpriseId: 2, buyerId: null },
        { enterpriseId: null, buyerId: 9 },
      ],
      meetings: [
        { status: "accepted", scheduled: true, attendance: "held", firmIds: [1, null] },
        { status: "accepted", scheduled: true, attendance: "held", firmIds: [1, 2] },
        { status: "accepted", scheduled: false, attendance: null, firmIds: [2, null] },
        { status: "requested", scheduled: false, attendance: null, firmIds: [2, null] },
        { status: "declined", scheduled: false, attendance: null, firmIds: [1, null] },
      ],
      deals: [
        { enterpriseId: 1, stage: "quotation", orders: [{ amount: 5, orderedOn: "2027-02-01" }] },
        { enterpriseId: 1, stage: "no_interest", orders: [] },
        { enterpriseId: 2, stage: "mou", orders: [] },
      ],
    });
    expect(funnel).toEqual([
      { step: "participants", count: 3, firms: 2 },
      { step: "requested", count: 5, firms: 2 },
      { step: "accepted", count: 3, firms: 2 },
      { step: "scheduled", count: 2, firms: 2 },
      { step: "held", count: 2, firms: 2 },
      { step: "deals", count: 2, firms: 2 },
      { step: "orders", count: 1, firms: 1 },
    ]);
  });
});

describe("orders and follow-ups", () => {
  it("takes the same firm, buyer, date and amount as one order on any deal", () => {
    const order = {
      enterpriseId: 1,
      buyerKey: dealBuyerKey({ buyerId: 4, buyerEnterpriseId: null }),
      orderedOn: "2027-03-01",
      amount: 1e6,
    };
    expect(sameOrder(order, { ...order })).toBe(true);
    expect(sameOrder(order, { ...order, amount: 1e6 + 1 })).toBe(false);
    expect(sameOrder(order, { ...order, buyerKey: dealBuyerKey({ buyerId: null, buyerEnterpriseId: 4 }) })).toBe(false);
  });

  it("counts stages and due follow-ups", () => {
    expect(dealsByStage([{ stage: "mou" }, { stage: "mou" }]).mou).toBe(2);
    expect(dealsByStage([]).lead).toBe(0);
    expect(isFollowUpDue({ dueOn: "2027-04-20", doneAt: null }, "2027-04-20")).toBe(true);
    expect(isFollowUpDue({ dueOn: "2027-04-21", doneAt: null }, "2027-04-20")).toBe(false);
    expect(isFollowUpDue({ dueOn: "2027-04-01", doneAt: "2027-04-02" }, "2027-04-20")).toBe(false);
  });
});
