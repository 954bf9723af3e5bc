import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EnterpriseRecord } from "./normalise.ts";
import { normaliseEnterpriseRow } from "./normalise.ts";
import type { ColumnMapping } from "./mapping.ts";
import { checkMapping, resolveMapping, sourceSignature, suggestMapping } from "./mapping.ts";
import { readTable } from "./read-table.ts";
import type { RowOutcome } from "./row-issue.ts";
import type { TsicCodes } from "./tsic.ts";
import { dbdFirms } from "./test-support/dbd-monthly.ts";
import type { DbdVariant } from "./test-support/dbd-variants.ts";
import { dbdTsicCodes, dbdVariantFile, dbdVariants } from "./test-support/dbd-variants.ts";
import { testGazetteer } from "./test-support/gazetteer.ts";

// Every published month of DBD's new-registration file must import, in any order, again and again: a mapping is
// saved per source (sourceSignature) after each import and applied (resolveMapping) to the next file of that source.

const tsicCodes: TsicCodes = (
  JSON.parse(readFileSync(new URL("../../db/src/reference/files/tsic2009-th.json", import.meta.url), "utf8")) as Array<{
    code: string;
  }>
).map((entry) => entry.code);

let dir = "";
const paths = new Map<string, string>();
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sainam-dbd-months-"));
  for (const [i, variant] of dbdVariants.entries()) {
    const path = join(dir, `99_month${i}.csv`);
    await writeFile(path, dbdVariantFile(variant));
    paths.set(variant.name, path);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type SavedMappings = Map<string, ColumnMapping<"enterprises">>;

/** One import as the server runs it: the saved mapping of this source (resolved to this file), else the suggestion; then saved. */
async function importMonth(variant: DbdVariant, saved: SavedMappings) {
  let headers: ReadonlyArray<string> = [];
  let headerRowNumber = 0;
  let mapping: ColumnMapping<"enterprises"> = {};
  const outcomes: Array<{ rowNumber: number; outcome: RowOutcome<EnterpriseRecord> }> = [];
  for await (const event of readTable({ path: paths.get(variant.name) ?? "" })) {
    if (event.type === "header") {
      ({ headers, headerRowNumber } = event);
      const stored = saved.get(sourceSignature("enterprises", headers));
      mapping = stored ? resolveMapping(stored, headers) : suggestMapping("enterprises", headers);
      expect(checkMapping("enterprises", mapping, headers), variant.name).toEqual([]);
      saved.set(sourceSignature("enterprises", headers), mapping);
      continue;
    }
    outcomes.push({
      rowNumber: event.rowNumber,
      outcome: normaliseEnterpriseRow(event.cells, headers, mapping, testGazetteer, tsicCodes),
    });
  }
  return { headers, headerRowNumber, mapping, outcomes };
}

function expectEveryFirm(
  variant: DbdVariant,
  outcomes: ReadonlyArray<{ outcome: RowOutcome<EnterpriseRecord> }>,
): void {
  expect(outcomes, variant.name).toHaveLength(dbdFirms.length);
  outcomes.forEach(({ outcome }, i) => {
    const firm = dbdFirms[i];
    const tsic = dbdTsicCodes[i];
    if (!firm || !tsic) throw new Error("fixture");
    if (!outcome.ok) throw new Error(`${variant.name}: row ${i + 1} failed: ${JSON.stringify(outcome.issues)}`);
    expect(outcome.value, variant.name).toMatchObject({
      juristicId: firm.juristicId,
      nameTh: firm.name,
      registeredOn: firm.expected.registeredOn,
      capital: firm.expected.capital,
      businessType: firm.objective,
      provinceCode: firm.expected.provinceCode,
      tsicCode: variant.tsic ? tsic.expected : null,
    });
    const unknownTsic = variant.tsic && tsic.expected === null;
    expect(outcome.warnings, variant.name).toEqual(
      unknownTsic
        ? [
            {
              field: "tsicCode",
              message: `not a TSIC 2009 code: ${tsic.written}`,
              value: tsic.written,
              code: "not_found",
              params: { list: "TSIC 2009" },
            },
          ]
        : [],
    );
  });
}

describe("every variant of the DBD monthly file", () => {
  it.each(dbdVariants.map((variant) => [variant.name, variant] as const))(
    "%s imports with the suggested mapping",
    async (_name, variant) => {
      const result = await importMonth(variant, new Map());
      expect(result.headerRowNumber).toBe(variant.headerLine);
      expect(result.mapping).toMatchObject({
        juristicId: "เลขทะเบียน",
        nameTh: "ชื่อนิติบุคคล",
        businessType: "รายละเอียดวัตถุประสงค์",
        address: "ที่ตั้งสำนักงานใหญ่",
      });
      expect(result.mapping.registeredOn).toMatch(/^วันที่ ?จดทะเบียน$/);
      expect(result.mapping.capital).toMatch(/^ทุนจดทะเบียน/);
      expect(result.mapping.tsicCode).toBe(variant.tsic ? result.headers[5] : undefined);
      expectEveryFirm(variant, result.outcomes);
    },
  );

  const pairs = dbdVariants.flatMap((a) =>
    dbdVariants.filter((b) => b !== a).map((b) => [`${a.name} → ${b.name} → again`, a, b] as const),
  );
  it.each(pairs)("%s", async (_name, a, b) => {
    const saved: SavedMappings = new Map();
    for (const variant of [a, b, a]) expectEveryFirm(variant, (await importMonth(variant, saved)).outcomes);
  });

  it("imports all months forwards and then backwards with one store of saved mappings", async () => {
    const saved: SavedMappings = new Map();
    for (const variant of [...dbdVariants, ...[...dbdVariants].reverse()])
      expectEveryFirm(variant, (await importMonth(variant, saved)).outcomes);
    // Sources: ลำดับ without TSIC (four spellings), ที่ (two), ลำดับ with TSIC (two).
    expect(saved.size).toBe(3);
  });
});

describe("sourceSignature and resolveMapping", () => {
  it("gives the same source for headings that differ in line breaks, spaces, units, zero-width characters and ํา", () => {
    const a = sourceSignature("enterprises", ["ลำดับ", "วันที่ จดทะเบียน", "ทุนจดทะเบียน (บาท)", "ที่ตั้งสำนักงานใหญ่"]);
    expect(sourceSignature("enterprises", ["ลำดับ", "วันที่จดทะเบียน", "ทุนจดทะเบียน", "ที่ตั้งส\u0E4D\u0E32นักงานใหญ่"])).toBe(a);
    expect(
      sourceSignature("enterprises", [
        "ล\u200Bำดับ",
        "วันที่\nจดทะเบียน",
        "ทุนจดทะเบียน(บาท)",
        "ที่ตั้งสำนักงานใหญ่",
        "Column 5",
        "Column 6",
      ]),
    ).toBe(a);
    expect(sourceSignature("enterprises", ["ที่", "วันที่ จดทะเบียน", "ทุนจดทะเบียน (บาท)", "ที่ตั้งสำนักงานใหญ่"])).not.toBe(a);
    expect(sourceSignature("memberships", ["ลำดับ", "วันที่ จดทะเบียน", "ทุนจดทะเบียน (บาท)", "ที่ตั้งสำนักงานใหญ่"])).not.toBe(a);
  });

  it("names this file's own columns, keeps exact matches and leaves unknown headers for checkMapping", () => {
    const headers = ["วันที่จดทะเบียน", "ทุนจดทะเบียน", "ชื่อ", "ชื่อ (2)"];
    expect(
      resolveMapping(
        { registeredOn: "วันที่ จดทะเบียน", capital: "ทุนจดทะเบียน (บาท)", nameTh: "ชื่อ (2)", address: "ที่อยู่" },
        headers,
      ),
    ).toEqual({
      registeredOn: "วันที่จดทะเบียน",
      capital: "ทุนจดทะเบียน",
      nameTh: "ชื่อ (2)",
      address: "ที่อยู่",
    });
    expect(checkMapping("enterprises", resolveMapping({ nameTh: "ชื่อ", address: "ที่อยู่" }, headers), headers)).toEqual([
      { code: "missing_header", field: "address", header: "ที่อยู่" },
      { code: "required", fields: ["juristicId", "ceRegistrationNo"] },
    ]);
  });
});
