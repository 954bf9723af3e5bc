import { describe, expect, it } from "vitest";
import { normaliseIndicatorValueRow, periodColumns, readOption, readOrgUnitType } from "./indicator-values.ts";
import { suggestMapping } from "./mapping.ts";
import { locateHeader } from "./table-layout.ts";

describe("periodColumns", () => {
  it("reads B.E. years, fiscal-year words and quarters in headers as period keys", () => {
    const headers = ["รหัสตัวชี้วัด", "จังหวัด", "2562", "FY2020", "ปีงบประมาณ 2564", "Q1 2565"];
    expect(periodColumns(headers).map((c) => [c.header, c.periodKey])).toEqual([
      ["2562", "FY2019"],
      ["FY2020", "FY2020"],
      ["ปีงบประมาณ 2564", "FY2021"],
      ["Q1 2565", "FY2022-Q1"],
    ]);
  });

  it("finds the header row of a wide table whose period headings are bare B.E. years", () => {
    const layout = locateHeader([
      { rowNumber: 1, cells: ["รหัสตัวชี้วัด", "จังหวัด", "2562", "2563", "2564"] },
      { rowNumber: 2, cells: ["3.1", "ลำพูน", "5", "6", "7"] },
    ]);
    expect(layout?.headerIndex).toBe(0);
  });
});

describe("normaliseIndicatorValueRow", () => {
  const headers = ["รหัสตัวชี้วัด", "จังหวัด", "ปีงบประมาณ", "ขนาดกิจการ", "ผลการดำเนินงาน"];
  const mapping = suggestMapping("indicator_values", headers);

  it("suggests a mapping of Thai headers to the value fields", () => {
    expect(mapping).toEqual({
      indicatorCode: "รหัสตัวชี้วัด",
      orgUnitName: "จังหวัด",
      period: "ปีงบประมาณ",
      sizeClass: "ขนาดกิจการ",
      value: "ผลการดำเนินงาน",
    });
  });

  it("reads a long row with Thai digits, thousands separators and a Thai size-class name", () => {
    const outcome = normaliseIndicatorValueRow(
      ["3.1", "เชียงใหม่", "๒๕๖๔", "ขนาดย่อม", "๑,๒๓๔.๕"],
      headers,
      mapping,
      "long",
    );
    expect(outcome).toMatchObject({
      ok: true,
      records: [
        {
          indicatorCode: "3.1",
          orgUnit: { name: "เชียงใหม่", type: null },
          periodKey: "FY2021",
          breakdown: { size_class: "small" },
          value: 1234.5,
        },
      ],
    });
  });

  it("names the field and cell of each problem", () => {
    const outcome = normaliseIndicatorValueRow(["3.1", "เชียงใหม่", "ปีหน้า", "จิ๋ว", "12,34"], headers, mapping, "long");
    expect(outcome).toEqual({
      ok: false,
      issues: [
        { field: "sizeClass", message: "is not a known option", value: "จิ๋ว", code: "invalid_choice" },
        {
          field: "period",
          message: expect.stringContaining("is not a period"),
          value: "ปีหน้า",
          code: "invalid_format",
          params: { format: "period" },
        },
        {
          field: "value",
          message: "is not a number",
          value: "12,34",
          code: "invalid_type",
          params: { expected: "number" },
        },
      ],
    });
  });

  it("reads one record per period column of a wide row, empty cells being no value", () => {
    const wideHeaders = ["ตัวชี้วัด", "จังหวัด", "2562", "2563", "2564"];
    const outcome = normaliseIndicatorValueRow(
      ["3.1", "ลำพูน", "10", "-", "-3.5"],
      wideHeaders,
      { indicatorCode: "ตัวชี้วัด", orgUnitName: "จังหวัด" },
      "wide",
      periodColumns(wideHeaders),
    );
    expect(outcome.ok && outcome.records.map((r) => [r.periodKey, r.value, r.valueColumn])).toEqual([
      ["FY2019", 10, "2562"],
      ["FY2021", -3.5, "2564"],
    ]);
  });

  it("reads option and org-unit type names in Thai and English", () => {
    expect(readOption("owner_sex", "หญิง")).toBe("female");
    expect(readOption("stage", "Downstream")).toBe("downstream");
    expect(readOrgUnitType("กลุ่มจังหวัด")).toBe("provincial_cluster");
    expect(readOrgUnitType("Provincial cluster")).toBe("provincial_cluster");
    expect(readOrgUnitType("county")).toBeNull();
  });
});
