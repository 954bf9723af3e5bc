import type { Locale } from "@sainam/core";

/**
 * One participant's agenda for a matchmaking event, as the service assembles it after the access checks: the
 * counterpart's contacts are present only where the caller may see them (the meeting is accepted and policy grants
 * `read_personal`). Rendered as PDF (agenda.pdf.ts) and iCalendar (agenda.ics.ts) from the same content.
 */
export type Agenda = {
  event: {
    id: number;
    name: string;
    venue: string | null;
    city: string | null;
    country: string | null;
    /** IANA zone of the event's local times (Asia/Bangkok in Thailand). */
    timeZone: string;
  };
  participant: { id: number; name: string };
  meetings: readonly AgendaMeeting[];
  /** ISO instant the agenda was made. */
  generatedAt: string;
};

export type AgendaMeeting = {
  meetingId: number;
  /** ISO instants. */
  start: string;
  end: string;
  table: string;
  counterpart: {
    name: string;
    country: string | null;
    /** Null when the caller may not see them. */
    contact: { name: string | null; phone: string | null; email: string | null } | null;
  };
};

type Labels = {
  heading: string;
  participant: string;
  event: string;
  venue: string;
  generated: string;
  time: string;
  table: string;
  counterpart: string;
  contact: string;
  noMeetings: string;
  contactHidden: string;
  meetingWith: string;
  tableWord: string;
};

const labels: Readonly<Record<Locale, Labels>> = {
  th: {
    heading: "ตารางนัดหมายเจรจาธุรกิจ",
    participant: "ผู้เข้าร่วม",
    event: "กิจกรรม",
    venue: "สถานที่",
    generated: "จัดทำเมื่อ",
    time: "เวลา",
    table: "โต๊ะ",
    counterpart: "คู่เจรจา",
    contact: "ติดต่อ",
    noMeetings: "ยังไม่มีนัดหมายที่จัดตารางแล้ว",
    contactHidden: "แสดงเมื่อนัดหมายได้รับการตอบรับ",
    meetingWith: "นัดเจรจาธุรกิจกับ",
    tableWord: "โต๊ะ",
  },
  en: {
    heading: "Business matching agenda",
    participant: "Participant",
    event: "Event",
    venue: "Venue",
    generated: "Generated",
    time: "Time",
    table: "Table",
    counterpart: "Counterpart",
    contact: "Contact",
    noMeetings: "No meetings scheduled yet",
    contactHidden: "Shown once the meeting is accepted",
    meetingWith: "Business meeting with",
    tableWord: "Table",
  },
};

export function agendaLabels(locale: Locale): Labels {
  return labels[locale];
}

function formatter(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale === "th" ? "th-TH-u-ca-buddhist" : "en-GB", { timeZone, ...options });
}

/** "10 ธ.ค. 2569" / "10 Dec 2026": the event's local date, B.E. in Thai. */
export function agendaDate(instant: string, locale: Locale, timeZone: string): string {
  return formatter(locale, timeZone, { dateStyle: "medium" }).format(new Date(instant));
}

/** "09:00–09:30" in the event's zone. */
export function agendaTimes(start: string, end: string, locale: Locale, timeZone: string): string {
  const time = formatter(locale, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${time.format(new Date(start))}–${time.format(new Date(end))}`;
}

/** The counterpart's contact (name, phone, e-mail), or the note that it shows once the meeting is accepted. */
export function contactParts(meeting: AgendaMeeting, locale: Locale): string[] {
  const contact = meeting.counterpart.contact;
  if (contact === null) return [labels[locale].contactHidden];
  return [contact.name, contact.phone, contact.email].filter((part): part is string => part !== null && part !== "");
}

/** Where the event is, as one line. */
export function venueLine(agenda: Agenda): string {
  const { venue, city, country } = agenda.event;
  return [venue, city, country].filter((part) => part !== null && part !== "").join(", ");
}

/** An ASCII file name: agenda_<event>_<participant>_<locale>.<ext>. */
export function agendaFileName(agenda: Agenda, locale: Locale, extension: "pdf" | "ics"): string {
  return `agenda_${agenda.event.id}_${agenda.participant.id}_${locale}.${extension}`;
}
