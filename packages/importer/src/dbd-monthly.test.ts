import { createWriteStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isValidJuristicId } from "@sainam/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NormalisedRow } from "./batch.ts";
import { enterpriseKey, planBatch } from "./batch.ts";
import type { EnterpriseRecord } from "./normalise.ts";
import { normaliseEnterpriseRow } from "./normalise.ts";
import { suggestMapping } from "./mapping.ts";
import { readTable } from "./read-table.ts";
import type { TableSource } from "./read-table.ts";
import { dbdFirms, dbdMonthlyCsv, writeDbdMonthlyXlsx } from "./test-support/dbd-monthly.ts";
import { testGazetteer } from "./test-support/gazetteer.ts";
import { encodeWindows874 } from "./test-support/windows-874.ts";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sainam-dbd-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The whole pipeline with no hand-made mapping: read, suggest a mapping from the headers, normalise, plan. */
async function importEnterprises(source: TableSource) {
  let headers: ReadonlyArray<string> = [];
  let headerRowNumber = 0;
  let encoding = "";
  const rows: NormalisedRow<EnterpriseRecord>[] = [];
  let mapping = {};
  for await (const event of readTable(source)) {
    if (event.type === "header") {
      ({ headers, headerRowNumber, encoding } = event);
      mapping = suggestMapping("enterprises", headers);
      continue;
    }
    rows.push({
      rowNumber: event.rowNumber,
      outcome: normaliseEnterpriseRow(event.cells, headers, mapping, testGazetteer),
    });
  }
  return { headers, headerRowNumber, encoding, mapping, rows, plan: planBatch(rows, enterpriseKey) };
}

function expectEveryFirmImported(rows: ReadonlyArray<NormalisedRow<EnterpriseRecord>>): void {
  expect(rows).toHaveLength(dbdFirms.length);
  rows.forEach((row, i) => {
    const firm = dbdFirms[i];
    expect(row.outcome).toEqual({
      ok: true,
      warnings: [],
      value: {
        juristicId: firm?.juristicId,
        ceRegistrationNo: null,
        nameTh: firm?.name,
        nameEn: null,
        legalForm: firm?.expected.legalForm,
        registeredOn: firm?.expected.registeredOn,
        capital: firm?.expected.capital,
        revenue: null,
        employees: null,
        tsicCode: null,
        businessType: firm?.objective,
        // As published: DBD's double space before แขวง/ต. is kept.
        address: firm?.address,
        provinceCode: firm?.expected.provinceCode,
        districtCode: firm?.expected.districtCode,
        postcode: firm?.expected.postcode,
        products: [],
        contact: null,
      },
    });
  });
}

describe("the DBD monthly file of new juristic persons", () => {
  it("uses invented firms whose IDs have valid check digits", () => {
    for (const firm of dbdFirms) expect(isValidJuristicId(firm.juristicId)).toBe(true);
  });

  it("imports as-is from windows-874 CSV with the suggested mapping alone", async () => {
    const path = join(dir, "99_256701.csv");
    await writeFile(path, encodeWindows874(dbdMonthlyCsv()));
    const result = await importEnterprises({ path });
    expect(result.encoding).toBe("windows-874");
    expect(result.headerRowNumber).toBe(4);
    expect(result.headers).toEqual([
      "ลำดับ",
      "เลขทะเบียน",
      "ชื่อนิติบุคคล",
      "วันที่ จดทะเบียน",
      "ทุนจดทะเบียน (บาท)",
      "รายละเอียดวัตถุประสงค์",
      "ที่ตั้งสำนักงานใหญ่",
    ]);
    expect(result.mapping).toEqual({
      juristicId: "เลขทะเบียน",
      nameTh: "ชื่อนิติบุคคล",
      registeredOn: "วันที่ จดทะเบียน",
      capital: "ทุนจดทะเบียน (บาท)",
      businessType: "รายละเอียดวัตถุประสงค์",
      address: "ที่ตั้งสำนักงานใหญ่",
    });
    // The header's two cells broken over lines take lines 4-6, so the first firm is on line 7.
    expect(result.rows.map((row) => row.rowNumber)).toEqual([7, 8, 9, 10, 11, 12, 13]);
    expectEveryFirmImported(result.rows);
    expect(result.plan.report.counts).toEqual({ imported: 7, updated: 0, skipped: 0, errors: 0 });
  });

  it("imports the January 2558 variant: header 'ที่', no blank row, one-line date heading", async () => {
    const csv = dbdMonthlyCsv()
      .replace("\r\n,,,,,,\r\n", "\r\n")
      .replace('ลำดับ,เลขทะเบียน,ชื่อนิติบุคคล,"วันที่\nจดทะเบียน"', "ที่,เลขทะเบียน,ชื่อนิติบุคคล,วันที่จดทะเบียน");
    const path = join(dir, "99_255801.csv");
    await writeFile(path, encodeWindows874(csv));
    const result = await importEnterprises({ path });
    expect(result.headerRowNumber).toBe(3);
    expect(result.mapping).toMatchObject({
      juristicId: "เลขทะเบียน",
      registeredOn: "วันที่จดทะเบียน",
      capital: "ทุนจดทะเบียน (บาท)",
    });
    expectEveryFirmImported(result.rows);
  });

  it("imports as-is from the same month saved as XLSX", async () => {
    const path = join(dir, "99_256701.xlsx");
    const out = createWriteStream(path);
    await writeDbdMonthlyXlsx(out);
    if (!out.writableFinished) await once(out, "finish");
    const result = await importEnterprises({ path });
    expect(result.headerRowNumber).toBe(3);
    expect(result.rows.map((row) => row.rowNumber)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expectEveryFirmImported(result.rows);
  });

  it("reports a firm listed twice and a mistyped ID without stopping the file", async () => {
    const [first, second] = dbdFirms;
    if (!first || !second) throw new Error("fixture");
    const firms = [
      ...dbdFirms,
      { ...first, sequence: "8", registeredBe: "23/1/2567" },
      { ...second, sequence: "9", juristicId: "0105567012349" },
    ];
    const path = join(dir, "99_256701-dup.csv");
    await writeFile(path, encodeWindows874(dbdMonthlyCsv(firms)));
    const { plan } = await importEnterprises({ path });
    expect(plan.report.counts).toEqual({ imported: 7, updated: 0, skipped: 1, errors: 1 });
    expect(plan.report.rows.find((row) => row.rowNumber === 7)).toMatchObject({
      status: "skipped",
      issues: [{ message: "duplicate of row 14; the later row is imported" }],
    });
    expect(plan.report.rows.find((row) => row.rowNumber === 15)).toMatchObject({
      status: "error",
      issues: [
        { field: "juristicId", message: "juristic ID has a wrong check digit (9; expected 8)", value: "0105567012349" },
      ],
    });
    expect(plan.records.find((planned) => planned.key === first.juristicId)?.record.registeredOn).toBe("2024-01-23");
  });
});
