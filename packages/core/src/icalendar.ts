/**
 * iCalendar (RFC 5545) for meeting agendas (issue 14, point 3): a VCALENDAR of VEVENTs that calendar programs
 * import. Times are given as instants and written either in UTC (`…Z`) or as local times with `TZID=` and a
 * VTIMEZONE built from the zone's offsets over the events' span (Asia/Bangkok has one, +07:00; a fair abroad may
 * cross a daylight-saving change, which then gets its own observance). Text is escaped (\ ; , and newlines), and
 * lines are folded at 75 octets counting UTF-8 bytes — a Thai letter is three — without splitting a character.
 * Pure: the caller passes the DTSTAMP.
 */

export type CalendarEvent = {
  /** Globally unique and stable across exports, so re-importing updates the event instead of duplicating it. */
  uid: string;
  /** Instants: a Date or an ISO 8601 string with an offset or Z. */
  start: Date | string;
  end: Date | string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status?: "TENTATIVE" | "CONFIRMED" | "CANCELLED";
};

export type CalendarOptions = {
  /** When the calendar was made (DTSTAMP of every event). */
  stamp: Date;
  /** IANA zone for local times (e.g. "Asia/Bangkok"), or "UTC" for UTC times. */
  timeZone: string;
  /** The calendar's name (X-WR-CALNAME), shown by most calendar programs. */
  name?: string;
  prodId?: string;
};

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines as \n. */
export function escapeCalendarText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line (RFC 5545 §3.1): no line longer than 75 octets, continuation lines start with a space
 * (which counts), and a multi-octet UTF-8 character is never split. Returns the line with CRLF after each part.
 */
export function foldCalendarLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF) + CRLF;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function toDate(value: Date | string): Date {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: ${String(value)}`);
  return date;
}

/** 20261207T020000Z */
function utcStamp(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

/** Wall-clock fields of an instant in a zone, read through Intl. */
function zonedFormatter(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  // Returns the offset in minutes: the wall clock read as if UTC, minus the instant.
  return (ms: number) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
    const wall = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
  };
}

/**
 * The instant of a wall-clock time in a zone (an event's slot "2026-12-10" "09:00" in Asia/Bangkok →
 * 2026-12-10T02:00:00Z), as an ISO string. A time skipped by a daylight-saving change is read with the offset in
 * force before it; a repeated one as its first occurrence.
 */
export function instantOfLocalTime(day: string, time: string, timeZone: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  if (timeZone === "UTC") return new Date(wall).toISOString();
  const offsetAt = zonedFormatter(timeZone);
  const first = wall - offsetAt(wall) * 60_000;
  return new Date(wall - offsetAt(first) * 60_000).toISOString();
}

/** 20261207T090000 — the local time with the given offset in minutes. */
function localStamp(ms: number, offsetMinutes: number): string {
  return utcStamp(new Date(ms + offsetMinutes * 60_000)).slice(0, -1);
}

/** +0700, -0330 */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

type Transition = { at: number; from: number; to: number };

const HOUR = 3_600_000;

/** The zone's offset changes between two instants, each found to the minute by bisection of 6-hour steps. */
function transitions(offsetAt: (ms: number) => number, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  for (let t = from; t < to; t += 6 * HOUR) {
    const next = Math.min(t + 6 * HOUR, to);
    const before = offsetAt(t);
    const after = offsetAt(next);
    if (before === after) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(mid) === before) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: before, to: after });
  }
  return found;
}

/** STANDARD unless the offset is above the zone's lower offset of that year (January's or July's). */
function observanceKind(offsetAt: (ms: number) => number, at: number, offset: number): "STANDARD" | "DAYLIGHT" {
  const year = new Date(at).getUTCFullYear();
  const standard = Math.min(offsetAt(Date.UTC(year, 0, 1)), offsetAt(Date.UTC(year, 6, 1)));
  return offset > standard ? "DAYLIGHT" : "STANDARD";
}

function timeZoneLines(timeZone: string, offsetAt: (ms: number) => number, from: number, to: number): string[] {
  const initial = offsetAt(from);
  const observance = (kind: string, start: string, before: number, after: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    `TZOFFSETFROM:${offsetText(before)}`,
    `TZOFFSETTO:${offsetText(after)}`,
    `END:${kind}`,
  ];
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${timeZone}`,
    // The offset in force when the span begins, then each change within it: enough for every time written here.
    ...observance(observanceKind(offsetAt, from, initial), "19700101T000000", initial, initial),
    ...transitions(offsetAt, from, to).flatMap(({ at, from: before, to: after }) =>
      observance(observanceKind(offsetAt, at, after), localStamp(at, before), before, after),
    ),
    "END:VTIMEZONE",
  ];
}

/** Builds the calendar: CRLF line ends, folded lines, one VTIMEZONE when times are local. */
export function buildICalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const utc = options.timeZone === "UTC";
  const offsetAt = utc ? () => 0 : zonedFormatter(options.timeZone);
  const spans = events.map((event) => ({ event, start: toDate(event.start), end: toDate(event.end) }));
  const time = (name: string, date: Date) =>
    utc
      ? `${name}:${utcStamp(date)}`
      : `${name};TZID=${options.timeZone}:${localStamp(date.getTime(), offsetAt(date.getTime()))}`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${options.prodId ?? "-//Sainam//Matchmaking agenda//EN"}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
  ];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeCalendarText(options.name)}`);
  if (!utc) lines.push(`X-WR-TIMEZONE:${options.timeZone}`);
  if (!utc && spans.length > 0) {
    const first = Math.min(...spans.map((s) => s.start.getTime()));
    const last = Math.max(...spans.map((s) => s.end.getTime()));
    lines.push(...timeZoneLines(options.timeZone, offsetAt, first - 24 * HOUR, last + 24 * HOUR));
  }
  for (const { event, start, end } of spans) {
    lines.push("BEGIN:VEVENT", `UID:${event.uid}`, `DTSTAMP:${utcStamp(options.stamp)}`);
    lines.push(time("DTSTART", start), time("DTEND", end));
    lines.push(`SUMMARY:${escapeCalendarText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeCalendarText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeCalendarText(event.location)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    if (event.status) lines.push(`STATUS:${event.status}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldCalendarLine).join("");
}
