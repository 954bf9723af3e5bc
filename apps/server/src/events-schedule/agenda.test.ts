import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import type { Agenda } from "./agenda.content.ts";
import { renderAgendaIcs } from "./agenda.ics.ts";
import { renderAgendaPdf } from "./agenda.pdf.ts";

/** Page texts, NFKC-normalised (Thai SARA AM reads back decomposed; see plan-report.pdf.ts). */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.normalize("NFKC");
}

const agenda: Agenda = {
  event: {
    id: 7,
    name: "งานจับคู่ธุรกิจผ้าไหม 2569",
    venue: "ศูนย์ประชุมนานาชาติ",
    city: "เชียงใหม่",
    country: "ไทย",
    timeZone: "Asia/Bangkok",
  },
  participant: { id: 3, name: "บริษัท ผ้าไหมสุรินทร์ จำกัด" },
  generatedAt: "2026-12-07T03:00:00Z",
  meetings: [
    {
      meetingId: 11,
      start: "2026-12-10T02:00:00Z",
      end: "2026-12-10T02:30:00Z",
      table: "A1",
      counterpart: {
        name: "Tokyo Foods, Ltd.",
        country: "JP",
        contact: { name: "Aiko Sato", phone: "+81 3 1234 5678", email: "aiko@example.jp" },
      },
    },
    {
      meetingId: 12,
      start: "2026-12-10T02:30:00Z",
      end: "2026-12-10T03:00:00Z",
      table: "B2",
      counterpart: { name: "ห้างหุ้นส่วนจำกัด ข้าวหอม", country: null, contact: null },
    },
  ],
};

describe("#renderAgendaPdf", () => {
  it("lists the meetings in Thai with B.E. dates, Bangkok times, tables and the contacts allowed", async () => {
    const bytes = await renderAgendaPdf(agenda, "th");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(bytes);
    expect(text).toContain("ตารางนัดหมายเจรจาธุรกิจ");
    expect(text).toContain("บริษัท ผ้าไหมสุรินทร์ จ".normalize("NFKC"));
    expect(text).toContain("10 ธ.ค. 2569");
    expect(text).toContain("09:00–09:30");
    expect(text).toContain("Tokyo Foods, Ltd.");
    expect(text).toContain("aiko@example.jp");
    expect(text).toContain("แสดงเมื่อนัดหมายได้รับการตอบรับ");
  });

  it("writes the English agenda and says when there is nothing scheduled", async () => {
    const text = await pdfText(await renderAgendaPdf({ ...agenda, meetings: [] }, "en"));
    expect(text).toContain("Business matching agenda");
    expect(text).toContain("No meetings scheduled yet");
  });
});

describe("#renderAgendaIcs", () => {
  it("gives one event per meeting in Bangkok time with escaped text", () => {
    const ics = renderAgendaIcs(agenda, "en", "sainam.example").replace(/\r\n[ \t]/g, "");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain("UID:meeting-11@sainam.example");
    expect(ics).toContain("DTSTART;TZID=Asia/Bangkok:20261210T090000");
    expect(ics).toContain("SUMMARY:Business meeting with Tokyo Foods\\, Ltd. (JP)");
    expect(ics).toContain("LOCATION:ศูนย์ประชุมนานาชาติ\\, เชียงใหม่\\, ไทย\\, Table A1");
    expect(ics).toContain("Contact: Shown once the meeting is accepted");
  });
});
