import { describe, expect, it } from "vitest";
import {
  buildICalendar,
  escapeCalendarText,
  foldCalendarLine,
  instantOfLocalTime,
  type CalendarEvent,
} from "./icalendar.ts";

const stamp = new Date("2026-12-07T03:04:05Z");
const meeting: CalendarEvent = {
  uid: "meeting-42@sainam",
  start: "2026-12-10T09:00:00+07:00",
  end: "2026-12-10T09:30:00+07:00",
  summary: "นัดหมายธุรกิจ: บริษัท ผ้าไหมสุรินทร์ จำกัด",
  location: "โต๊ะ 12",
};

/** Undoes folding (RFC 5545 §3.1): a CRLF followed by a space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");
const encoder = new TextEncoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true });

describe("escapeCalendarText", () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeCalendarText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });
});

describe("foldCalendarLine", () => {
  it("leaves a short line alone", () => {
    expect(foldCalendarLine("SUMMARY:short")).toBe("SUMMARY:short\r\n");
  });

  it("folds Thai text at 75 octets without splitting a UTF-8 character", () => {
    const line = `DESCRIPTION:${"ผลิตภัณฑ์ผ้าไหมทอมือจากจังหวัดสุรินทร์ ".repeat(8)}`;
    const folded = foldCalendarLine(line);
    const lines = folded.split("\r\n").slice(0, -1);
    expect(lines.length).toBeGreaterThan(5);
    for (const [i, part] of lines.entries()) {
      const bytes = encoder.encode(part);
      expect(bytes.length).toBeLessThanOrEqual(75);
      // A split character would make the part invalid UTF-8 on its own.
      expect(() => strictDecoder.decode(bytes)).not.toThrow();
      if (i > 0) expect(part.startsWith(" ")).toBe(true);
    }
    // Thai letters are 3 octets: a full continuation line is the space and 24 letters (73 octets), as the next
    // letter would make 76.
    expect(encoder.encode(lines[1]!).length).toBeGreaterThanOrEqual(73);
    expect(unfold(folded)).toBe(`${line}\r\n`);
  });

  it("keeps a 4-octet character (an emoji) whole", () => {
    const line = `SUMMARY:${"a".repeat(66)}😀😀`;
    const [first, second] = foldCalendarLine(line).split("\r\n");
    expect(encoder.encode(first).length).toBe(74);
    expect(second).toBe(" 😀😀");
  });
});

describe("buildICalendar", () => {
  it("writes Bangkok times with TZID and a VTIMEZONE of +0700, CRLF throughout", () => {
    const text = buildICalendar([meeting], { stamp, timeZone: "Asia/Bangkok", name: "วาระของฉัน, งานแฟร์" });
    const lines = unfold(text).split("\r\n");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(lines).toEqual(
      expect.arrayContaining([
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "X-WR-CALNAME:วาระของฉัน\\, งานแฟร์",
        "TZID:Asia/Bangkok",
        "TZOFFSETFROM:+0700",
        "TZOFFSETTO:+0700",
        "UID:meeting-42@sainam",
        "DTSTAMP:20261207T030405Z",
        "DTSTART;TZID=Asia/Bangkok:20261210T090000",
        "DTEND;TZID=Asia/Bangkok:20261210T093000",
        "SUMMARY:นัดหมายธุรกิจ: บริษัท ผ้าไหมสุรินทร์ จำกัด",
        "LOCATION:โต๊ะ 12",
        "END:VEVENT",
      ]),
    );
    expect(lines.filter((l) => l === "BEGIN:STANDARD")).toHaveLength(1);
    expect(lines).not.toContain("BEGIN:DAYLIGHT");
    for (const line of text.split("\r\n")) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
  });

  it("writes UTC times without a VTIMEZONE", () => {
    const lines = unfold(buildICalendar([meeting], { stamp, timeZone: "UTC" })).split("\r\n");
    expect(lines).toContain("DTSTART:20261210T020000Z");
    expect(lines).toContain("DTEND:20261210T023000Z");
    expect(lines).not.toContain("BEGIN:VTIMEZONE");
  });

  it("gives a fair abroad that crosses a daylight-saving change both observances", () => {
    // Paris moves from +0100 to +0200 at 02:00 local on 29 March 2026.
    const fair: CalendarEvent[] = [
      { uid: "a@sainam", start: "2026-03-28T09:00:00+01:00", end: "2026-03-28T10:00:00+01:00", summary: "Day 1" },
      { uid: "b@sainam", start: "2026-03-30T09:00:00+02:00", end: "2026-03-30T10:00:00+02:00", summary: "Day 2" },
    ];
    const lines = unfold(buildICalendar(fair, { stamp, timeZone: "Europe/Paris" })).split("\r\n");
    expect(lines).toContain("DTSTART;TZID=Europe/Paris:20260328T090000");
    expect(lines).toContain("DTSTART;TZID=Europe/Paris:20260330T090000");
    const daylight = lines.indexOf("BEGIN:DAYLIGHT");
    expect(lines.slice(daylight, daylight + 5)).toEqual([
      "BEGIN:DAYLIGHT",
      "DTSTART:20260329T020000",
      "TZOFFSETFROM:+0100",
      "TZOFFSETTO:+0200",
      "END:DAYLIGHT",
    ]);
  });

  it("escapes descriptions and keeps them whole when unfolded", () => {
    const description = "ผู้ซื้อ: Tokyo Foods; สินค้า: ข้าวหอมมะลิ, ผ้าไหม\nติดต่อ: 02-123-4567";
    const text = buildICalendar([{ ...meeting, description }], { stamp, timeZone: "Asia/Bangkok" });
    expect(unfold(text)).toContain(`DESCRIPTION:${escapeCalendarText(description)}\r\n`);
  });

  it("rejects a time that is not an instant", () => {
    expect(() => buildICalendar([{ ...meeting, start: "tomorrow" }], { stamp, timeZone: "UTC" })).toThrow(RangeError);
  });
});

describe("instantOfLocalTime", () => {
  it("reads a slot's local time in its zone", () => {
    expect(instantOfLocalTime("2026-12-10", "09:00", "Asia/Bangkok")).toBe("2026-12-10T02:00:00.000Z");
    expect(instantOfLocalTime("2026-07-01", "09:00", "Europe/Paris")).toBe("2026-07-01T07:00:00.000Z");
    expect(instantOfLocalTime("2026-01-15", "09:00", "Europe/Paris")).toBe("2026-01-15T08:00:00.000Z");
    expect(instantOfLocalTime("2026-12-10", "09:00", "UTC")).toBe("2026-12-10T09:00:00.000Z");
  });
});
