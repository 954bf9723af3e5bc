import type { z } from "zod";
import type {
  addParticipantBody,
  buyerInput,
  createTradeEventBody,
  EventLayout,
  EventParticipant,
  ParticipantImportReport,
  TradeEvent,
} from "@sainam/contract";
import type { LightMyRequestResponse } from "fastify";
import { ok, unique } from "./factories.ts";
import type { Client, TestApp } from "./test-app.ts";

// Trade events for tests (issue 14), made through the events API so they carry its rules and audit: an event, its
// slots and tables, member firms and buyers as participants.

export type EventBody = z.input<typeof createTradeEventBody>;
export type BuyerBody = z.input<typeof buyerInput>;
export type ParticipantExtras = Omit<z.input<typeof addParticipantBody>, "enterpriseId" | "buyer">;

/** A business-matching day in Bangkok next month (province 10), unless overridden. */
export function buildEvent(overrides: Partial<EventBody> = {}): EventBody {
  const n = unique();
  const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  return {
    kind: "business_matching",
    titleTh: `งานจับคู่ธุรกิจ ${n}`,
    titleEn: `Business matching ${n}`,
    countryCode: "TH",
    provinceCode: "10",
    startsOn: day,
    endsOn: day,
    ...overrides,
  };
}

export const createEvent = (as: Client, overrides: Partial<EventBody> = {}): Promise<TradeEvent> =>
  ok(as.request("POST", "/api/events", buildEvent(overrides)), 201);

/** Opens the event (draft → open), as participants and publishing need. */
export const openEvent = (as: Client, eventId: number): Promise<TradeEvent> =>
  ok(as.request("POST", `/api/events/${eventId}/status`, { status: "open" }));

/**
 * Slots of 30 minutes on the event's first day, 09:00-12:00 and 13:00-16:00 (12 slots) unless other sessions are
 * given, and `tables` tables.
 */
export async function setLayout(
  as: Client,
  event: Pick<TradeEvent, "id" | "startsOn">,
  options: { sessions?: { start: string; end: string }[]; minutes?: number; tables?: number } = {},
): Promise<EventLayout> {
  await ok(
    as.request("PUT", `/api/events/${event.id}/slots`, {
      days: [event.startsOn],
      sessions: options.sessions ?? [
        { start: "09:00", end: "12:00" },
        { start: "13:00", end: "16:00" },
      ],
      minutes: options.minutes ?? 30,
    }),
  );
  return ok(as.request("PUT", `/api/events/${event.id}/tables`, { count: options.tables ?? 5 }));
}

export const addFirmParticipant = (
  as: Client,
  eventId: number,
  enterpriseId: number,
  extras: ParticipantExtras = {},
): Promise<EventParticipant> =>
  ok(as.request("POST", `/api/events/${eventId}/participants`, { enterpriseId, ...extras }), 201);

/** A foreign buyer (a Japanese trading house unless overridden). */
export function buildBuyer(overrides: Partial<BuyerBody> = {}): BuyerBody {
  const n = unique();
  return { name: `Test Trading ${n} Co., Ltd.`, countryCode: "JP", kind: "trading_house", city: "Tokyo", ...overrides };
}

export const addBuyerParticipant = (
  as: Client,
  eventId: number,
  buyer: Partial<BuyerBody> = {},
  extras: ParticipantExtras = {},
): Promise<EventParticipant> =>
  ok(as.request("POST", `/api/events/${eventId}/participants`, { buyer: buildBuyer(buyer), ...extras }), 201);

/** Posts a participants file (raw bytes) to the event's bulk add, as the web sends it; answers the response. */
export function postParticipantFile(
  t: TestApp,
  as: Client,
  eventId: number,
  fileName: string,
  bytes: Buffer | string,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: "POST",
    url: `/api/events/${eventId}/participants/import?fileName=${encodeURIComponent(fileName)}`,
    payload: typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes,
    headers: {
      "content-type": "application/octet-stream",
      ...(as.cookie ? { cookie: as.cookie } : {}),
      ...(as.csrfToken ? { "x-csrf-token": as.csrfToken } : {}),
    },
  });
}

export const importParticipantFile = (
  t: TestApp,
  as: Client,
  eventId: number,
  fileName: string,
  bytes: Buffer | string,
): Promise<ParticipantImportReport> => ok(postParticipantFile(t, as, eventId, fileName, bytes));
