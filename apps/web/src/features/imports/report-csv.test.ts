import { describe, expect, it } from "vitest";
import type { ReportRow } from "./model";
import { buildReportCsv, csvField, filterReportRows } from "./report-csv";

const rows: ReportRow[] = [
  { rowNumber: 2, status: "imported", key: "0105536112014", issues: [] },
  {
    rowNumber: 3,
    status: "skipped",
    key: "0105536112015",
    issues: [
      { field: "juristicId", message: "wrong check digit", value: "0105536112015" },
      { field: "nameTh", message: 'no name, "required"' },
    ],
  },
];

const labels = {
  rowNumber: "แถว",
  status: "ผล",
  key: "คีย์",
  field: "ช่อง",
  message: "ข้อความ",
  value: "ค่า",
  statusText: (status: string) => (status === "skipped" ? "ข้าม" : status),
};

describe("buildReportCsv", () => {
  it("writes a header and one line per issue, with a BOM and CRLF", () => {
    const csv = buildReportCsv(rows, labels);
    expect(csv.startsWith("\uFEFFแถว,ผล,คีย์,ช่อง,ข้อความ,ค่า\r\n")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toEqual([
      "แถว,ผล,คีย์,ช่อง,ข้อความ,ค่า",
      "2,imported,0105536112014,,,",
      "3,ข้าม,0105536112015,juristicId,wrong check digit,0105536112015",
      '3,ข้าม,0105536112015,nameTh,"no name, ""required""",',
    ]);
  });

  it("writes only the header for an empty report", () => {
    expect(buildReportCsv([], labels)).toBe("\uFEFFแถว,ผล,คีย์,ช่อง,ข้อความ,ค่า\r\n");
  });
});

describe("csvField", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(12)).toBe("12");
    expect(csvField(null)).toBe("");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField(-5)).toBe("-5");
  });
});

describe("filterReportRows", () => {
  it("filters by result and by text in the key or the issues", () => {
    expect(filterReportRows(rows, "skipped", "").map((r) => r.rowNumber)).toEqual([3]);
    expect(filterReportRows(rows, "", "CHECK DIGIT").map((r) => r.rowNumber)).toEqual([3]);
    expect(filterReportRows(rows, "", "").map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(filterReportRows(rows, "imported", "check")).toEqual([]);
  });
});

describe("buildReportCsv with field names", () => {
  it("writes each field in the reader's language when given", () => {
    const csv = buildReportCsv(rows.slice(1, 2), {
      ...labels,
      fieldText: (field) => (field === "juristicId" ? "เลขทะเบียนนิติบุคคล" : field),
    });
    expect(csv).toContain("3,ข้าม,0105536112015,เลขทะเบียนนิติบุคคล,wrong check digit,0105536112015");
  });
});
