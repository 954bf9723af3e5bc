import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { juristicIdCheckDigit } from "@sainam/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseIndicatorValueRow } from "./indicator-values.ts";
import type { ColumnMapping } from "./mapping.ts";
import { normaliseEnterpriseRow } from "./normalise.ts";
import type { TableRow } from "./read-table.ts";
import { readTable } from "./read-table.ts";
import { testGazetteer } from "./test-support/gazetteer.ts";
import { readAll } from "./test-support/tables.ts";
import { thaiWorkbook } from "./test-support/thai-workbook.ts";
import { encodeWindows874 } from "./test-support/windows-874.ts";

// A U+FFFD in a cell is kept when the file's bytes hold it (EF BF BD); one that decoding made (bytes that are
// not UTF-8, a byte windows-874 leaves undefined) fails the row with corrupt_text instead of being stored.

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sainam-corrupt-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const id = (first12: string) => `${first12}${juristicIdCheckDigit(first12)}`;
const headers = ["เลขทะเบียน", "ชื่อ", "จังหวัด"];
const mapping: ColumnMapping<"enterprises"> = { juristicId: "เลขทะเบียน", nameTh: "ชื่อ", provinceName: "จังหวัด" };
const enterprise = (row: TableRow | undefined) =>
  normaliseEnterpriseRow(row?.cells ?? [], headers, mapping, testGazetteer);
// Enough valid Thai first that the encoding is judged (UTF-8 or windows-874) before the damaged row.
const filler = Array.from({ length: 20 }, (_, i) => `${id(`0105567${String(10000 + i)}`)},บจ. สายน้ำ ${i},เชียงใหม่`);

describe("#corrupt text", () => {
  it("keeps a U+FFFD that a UTF-8 CSV really contains", async () => {
    const { rows } = await readAll(
      `${headers.join(",")}\n${filler.join("\n")}\n${id("010556700999")},บจ. ตัว\uFFFDแทน,ลำพูน\n`,
    );
    const last = rows.at(-1);
    expect(last?.cells[1]).toBe("บจ. ตัว\uFFFDแทน");
    expect(last?.cells.corrupt).toBeUndefined();
    const outcome = enterprise(last);
    expect(outcome.ok && outcome.value.nameTh).toBe("บจ. ตัว\uFFFDแทน");
  });

  it("fails a row whose UTF-8 CSV cell has bytes that are not UTF-8", async () => {
    // Past the first 64 KB, which are judged valid UTF-8; the damage comes later.
    const many = Array.from({ length: 1500 }, (_, i) => filler[i % filler.length]);
    const text = `${headers.join(",")}\n${many.join("\n")}\n${id("010556700999")},บจ. ตัว`;
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from([0xe0, 0xb8]), Buffer.from("แทน,ลำพูน\n")]);
    // In two chunks, as a file is read: the encoding is judged on the first.
    const rows: TableRow[] = [];
    let encoding = "";
    for await (const event of readTable({
      stream: Readable.from([bytes.subarray(0, 70_000), bytes.subarray(70_000)]),
      fileName: "x.csv",
    })) {
      if (event.type === "header") encoding = event.encoding;
      else rows.push(event);
    }
    expect(encoding).toBe("utf-8");
    const last = rows.at(-1);
    expect(last?.cells[1]).toBe("บจ. ตัว\uFFFDแทน");
    expect(last?.cells.corrupt).toEqual([1]);
    expect(enterprise(last)).toEqual({
      ok: false,
      issues: [expect.objectContaining({ field: "nameTh", code: "corrupt_text", value: "บจ. ตัว\uFFFDแทน" })],
    });
    expect(enterprise(rows[0]).ok).toBe(true);
  });

  it("fails a row whose windows-874 CSV cell has a byte the code page leaves undefined", async () => {
    const before = encodeWindows874(`${headers.join(",")}\n${filler.join("\n")}\n${id("010556700999")},บจ. ก`);
    const bytes = Buffer.concat([before, Buffer.from([0xdb]), encodeWindows874(",ลำพูน\n")]);
    const { header, rows } = await readAll(bytes);
    expect(header.encoding).toBe("windows-874");
    const last = rows.at(-1);
    expect(last?.cells.corrupt).toEqual([1]);
    expect(last?.cells[1]).toBe("บจ. ก\uFFFD");
    expect(enterprise(last)).toEqual({
      ok: false,
      issues: [expect.objectContaining({ field: "nameTh", code: "corrupt_text" })],
    });
  });

  it("in an XLSX, keeps a U+FFFD the workbook holds and fails a cell whose bytes are not UTF-8", async () => {
    const source = [
      [id("010556700001"), "", "", "", "", "", "", "จริง \uFFFD"],
      [id("010556700002"), "", "", "", "", "", "", "เสียหาย"],
    ];
    // "เสียหาย" in the shared strings with one byte of its "ห" knocked out: E0 B8 AB → E0 B8 .
    const path = join(dir, "broken.xlsx");
    writeFileSync(
      path,
      thaiWorkbook(source, {
        patchSharedStrings: (xml) => {
          const at = xml.indexOf(Buffer.from("เสียหาย"));
          const damaged = Buffer.from("เสีย");
          return Buffer.concat([
            xml.subarray(0, at + damaged.length),
            Buffer.from([0xe0, 0xb8]),
            xml.subarray(at + damaged.length + 3),
          ]);
        },
      }),
    );
    const rows: TableRow[] = [];
    for await (const event of readTable({ path })) if (event.type === "row") rows.push(event);
    expect(rows[0]?.cells[7]).toBe("จริง \uFFFD");
    expect(rows[0]?.cells.corrupt).toBeUndefined();
    expect(rows[1]?.cells[7]).toBe("เสีย\uFFFDาย");
    expect(rows[1]?.cells.corrupt).toEqual([7]);
    const valueHeaders = ["ชื่อ", "ที่อยู่", "สินค้า", "รายละเอียด", "ทุน", "วันที่", "ใช้งาน", "หมายเหตุ"];
    const valueMapping = { indicatorCode: "ชื่อ", orgUnitCode: "ที่อยู่", period: "วันที่", value: "ทุน", note: "หมายเหตุ" };
    expect(normaliseIndicatorValueRow(rows[1]?.cells ?? [], valueHeaders, valueMapping, "long")).toEqual({
      ok: false,
      issues: [expect.objectContaining({ field: "note", code: "corrupt_text" })],
    });
    // A damaged cell that is not imported (not mapped) does not fail the row.
    const unmapped = normaliseEnterpriseRow(
      rows[1]?.cells ?? [],
      valueHeaders,
      { juristicId: "ชื่อ", nameTh: "ชื่อ" },
      testGazetteer,
    );
    expect(unmapped.ok).toBe(true);
  });
});
