import { describe, expect, it } from "vitest";
import { slotTimes } from "./event-layout.ts";
import { mapHeaders, readInterests } from "./participant-import.ts";

// The pure rules of events: slot generation, a participants file's headers and interest cells (country codes are
// core's one rule, tested in packages/core/src/country-code.test.ts).
describe("slotTimes", () => {
  it("cuts sessions into meetings, drops a short last piece, and puts the pause between meetings", () => {
    const slots = slotTimes({
      days: ["2026-12-21", "2026-12-20", "2026-12-20"],
      sessions: [
        { start: "13:00", end: "14:10" },
        { start: "09:00", end: "10:00" },
      ],
      minutes: 30,
      pauseMinutes: 0,
    });
    expect(slots.map((s) => `${s.day.slice(8)} ${s.startsAt}-${s.endsAt}`)).toEqual([
      "20 09:00-09:30",
      "20 09:30-10:00",
      "20 13:00-13:30",
      "20 13:30-14:00",
      "21 09:00-09:30",
      "21 09:30-10:00",
      "21 13:00-13:30",
      "21 13:30-14:00",
    ]);
    const paused = slotTimes({
      days: ["2026-12-20"],
      sessions: [{ start: "09:00", end: "10:00" }],
      minutes: 20,
      pauseMinutes: 10,
    });
    expect(paused.map((s) => s.startsAt)).toEqual(["09:00", "09:30"]);
  });

  it("refuses overlapping or backwards sessions naming the session", () => {
    const overlap = () =>
      slotTimes({
        days: ["2026-12-20"],
        sessions: [
          { start: "09:00", end: "12:00" },
          { start: "11:00", end: "13:00" },
        ],
        minutes: 30,
        pauseMinutes: 0,
      });
    expect(overlap).toThrow("sessions.1.start");
    const short = () =>
      slotTimes({ days: ["2026-12-20"], sessions: [{ start: "09:00", end: "09:20" }], minutes: 30, pauseMinutes: 0 });
    expect(short).toThrow("sessions.0.end");
  });
});

describe("participants file", () => {
  it("maps Thai and English headers", () => {
    const columns = mapHeaders(["ชื่อ", "Juristic ID", "ประเทศ", "E-mail", "สินค้าที่ต้องการ", "Offers", "หมายเหตุ"]);
    expect(Object.fromEntries(columns)).toEqual({
      name: 0,
      juristicId: 1,
      countryCode: 2,
      contactEmail: 3,
      needs: 4,
      offers: 5,
    });
  });

  it("reads HS and TSIC codes and words from an interests cell", () => {
    expect(readInterests("ข้าวหอมมะลิ; HS 1006.30\nTSIC 10612", "offer")).toEqual([
      { direction: "offer", text: "ข้าวหอมมะลิ" },
      { direction: "offer", hsCode: "100630" },
      { direction: "offer", tsicCode: "10612" },
    ]);
  });
});
