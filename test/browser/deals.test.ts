import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toBuddhistYear } from "@sainam/core";
import { openDatabase } from "@sainam/db";
import { buildEnterprise, buildProgramme } from "../../apps/server/src/test-support/factories.ts";
import { insertHeldMeeting } from "../../apps/server/src/test-support/market-factory-deals.ts";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, field, type TestUser } from "./pages/api.ts";
import { DealPage, EventDealsPage, MarketFiguresPage } from "./pages/deals.ts";
import { openAs } from "./pages/session.ts";

// Issue 14, points 4, 5 and 7: a member records the outcome of a held meeting (a quotation with its expected
// value), later the 6-month follow-up with an order and its evidence, and claims it; the DIP officer sees the
// programme's realised value on /market/figures and its claimed value on the programme's figures.
let h: Harness;
let eventId: number;
let meetingId: number;
let programmeId: number;
const member: TestUser = { email: "deals-member@example.org", password: "member-password-1", locale: "th" };
const officer: TestUser = { email: "deals-officer@example.org", password: "officer-password-1", locale: "th" };

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const meetingDay = isoDaysAgo(170);
const orderDay = isoDaysAgo(3);
/** d/m/yyyy B.E., as a Thai user types a date. */
const thaiDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d}/${m}/${toBuddhistYear(y)}`;
};

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  const dip = await agencyId(h.baseUrl, "DIP");
  const officerId = await createUser(admin, officer, { role: "agency_officer", agencyId: dip });
  const officerSession = await apiSession(h.baseUrl, officer);
  programmeId = await officerSession.create(
    "/api/programmes",
    buildProgramme({ agencyId: dip, published: true, firstFiscalYear: 2025 }),
  );
  const enterpriseId = await admin.create("/api/enterprises", buildEnterprise());
  await createUser(admin, member, { role: "member", enterpriseId });
  // Events and meetings come from the events and matchmaking pages; here they are written straight into the
  // server's embedded database (WAL lets both processes share it).
  const database = openDatabase({ dataDir: h.dataDir });
  try {
    ({ eventId, meetingId } = await insertHeldMeeting(database.db, {
      enterpriseId,
      programmeId,
      organiserAgencyId: dip,
      createdBy: officerId,
      budget: 200000,
      startsOn: meetingDay,
      titleTh: "งานจับคู่ธุรกิจอาหารไทย",
    }));
  } finally {
    await database.close();
  }
});
afterAll(async () => {
  await h?.close();
});

describe("deals followed to value", () => {
  it("moves the programme's realised value from a meeting's outcome to a claimed order", async () => {
    const { context, page } = await openAs(h, member, "th");
    const outcomes = new EventDealsPage(page);
    await outcomes.open(eventId);
    await outcomes.recordOutcome(meetingId, "เสนอราคา", "500,000");
    await outcomes.outcomeForm(meetingId).page().getByRole("link", { name: "ดูดีล" }).click();

    const deal = new DealPage(page);
    await expect.poll(() => page.getByTestId("deal-facts").textContent()).toContain("เสนอราคา");
    await deal.recordFollowUp("6 เดือน", "ลงนาม MoU", "400,000");
    await deal.recordOrder({ amount: "300,000", date: thaiDate(orderDay), months: "6 เดือน", evidence: "PO-117" });
    await expect.poll(() => deal.orders().textContent()).toContain("300,000");
    await deal.claimFirstOrder();
    await expect.poll(() => deal.orders().textContent()).toContain("ขอนับแล้ว");
    await context.close();

    const asOfficer = await openAs(h, officer, "th");
    const figures = new MarketFiguresPage(asOfficer.page);
    await figures.open(`fy=all&programme=${programmeId}`);
    await expect.poll(() => figures.horizonRow("6 เดือน").textContent()).toContain("300,000");
    expect(await figures.horizonRow("6 เดือน").textContent()).toContain("1.50");
    await asOfficer.context.close();

    const officerSession = await apiSession(h.baseUrl, officer);
    const years = field(await officerSession.get(`/api/programmes/${programmeId}/figures`), "years") as {
      recorded: { value: { claimed: number } };
    }[];
    expect(years.reduce((sum, y) => sum + y.recorded.value.claimed, 0)).toBe(300000);
  });
});
