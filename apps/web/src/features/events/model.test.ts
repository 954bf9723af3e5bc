import type { CreateTradeEventBody, TradeEvent } from "@sainam/contract";
import { describe, expect, it } from "vitest";
import { eventChanges } from "./model";

const event: TradeEvent = {
  id: 7,
  kind: "business_matching",
  titleTh: "งานจับคู่ธุรกิจ",
  titleEn: null,
  descriptionTh: null,
  descriptionEn: null,
  agendaTh: null,
  agendaEn: null,
  organiserAgencyId: 1,
  programmeId: 3,
  programme: { id: 3, nameTh: "โครงการ", nameEn: null },
  countryCode: "TH",
  city: null,
  provinceCode: "10",
  venue: null,
  onlineUrl: null,
  timeZone: "Asia/Bangkok",
  startsOn: "2027-01-20",
  endsOn: "2027-01-20",
  fiscalYear: 2027,
  budget: 350000,
  status: "draft",
  published: false,
  createdBy: 1,
  participantCount: 0,
  slotCount: 0,
  tableCount: 0,
  keeper: true,
};

/** The form's body for the event as it stands. */
const unchanged: CreateTradeEventBody = {
  kind: "business_matching",
  titleTh: "งานจับคู่ธุรกิจ",
  titleEn: null,
  organiserAgencyId: 1,
  programmeId: 3,
  countryCode: "TH",
  provinceCode: "10",
  city: null,
  venue: null,
  startsOn: "2027-01-20",
  endsOn: "2027-01-20",
  budget: 350000,
  agendaTh: null,
  agendaEn: null,
};

describe("eventChanges", () => {
  it("sends nothing when the form holds the event as it is", () => {
    expect(eventChanges(event, unchanged)).toEqual({});
  });

  it("sends only the fields that changed, a cleared one as null", () => {
    expect(
      eventChanges(event, { ...unchanged, titleTh: "งานใหม่", budget: null, endsOn: "2027-01-21", programmeId: null }),
    ).toEqual({ titleTh: "งานใหม่", budget: null, endsOn: "2027-01-21", programmeId: null });
  });

  it("sends the whole place when the event moves abroad", () => {
    expect(eventChanges(event, { ...unchanged, countryCode: "JP", provinceCode: null, city: "Osaka" })).toEqual({
      countryCode: "JP",
      provinceCode: null,
      city: "Osaka",
    });
  });
});
