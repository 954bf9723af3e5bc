import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { ExportColumn, ExportRow } from "./export.ts";
import { writeCsv, writeXlsx } from "./export.ts";
import { readAll } from "./test-support/tables.ts";

const columns: ExportColumn[] = [
  { key: "juristicId", header: "เลขทะเบียนนิติบุคคล" },
  { key: "name", header: "ชื่อ" },
  { key: "registeredOn", header: "วันที่จดทะเบียน" },
  { key: "capital", header: "ทุนจดทะเบียน" },
  { key: "note", header: "หมายเหตุ" },
];
const rows: ExportRow[] = [
  {
    juristicId: "0505567003213",
    name: 'บจ.ล้านนา "ซิลค์", เฮาส์',
    registeredOn: new Date(Date.UTC(2024, 0, 9)),
    capital: 3_500_000,
    note: "บรรทัดแรก\nบรรทัดสอง",
  },
  {
    juristicId: "0105567012348",
    name: '=HYPERLINK("http://x")',
    registeredOn: null,
    capital: 1234.5,
    note: "+66 81 234 5678",
  },
];

async function collect(write: (stream: PassThrough) => Promise<void>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  await write(stream);
  return Buffer.concat(chunks);
}

describe("writeCsv", () => {
  it("writes UTF-8 with a BOM, CRLF and RFC 4180 quoting", async () => {
    const bytes = await collect((stream) => writeCsv(stream, columns, rows));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe(
      "เลขทะเบียนนิติบุคคล,ชื่อ,วันที่จดทะเบียน,ทุนจดทะเบียน,หมายเหตุ\r\n" +
        '0505567003213,"บจ.ล้านนา ""ซิลค์"", เฮาส์",2024-01-09,3500000,"บรรทัดแรก\nบรรทัดสอง"\r\n' +
        '0105567012348,"\'=HYPERLINK(""http://x"")",,1234.5,+66 81 234 5678\r\n',
    );
  });

  it("reads back through readTable unchanged", async () => {
    const bytes = await collect((stream) => writeCsv(stream, columns, rows));
    const { header, rows: read } = await readAll(bytes);
    expect(header.headers).toEqual(columns.map((column) => column.header));
    expect(read[0]?.cells).toEqual([
      "0505567003213",
      'บจ.ล้านนา "ซิลค์", เฮาส์',
      "2024-01-09",
      "3500000",
      "บรรทัดแรก\nบรรทัดสอง",
    ]);
  });

  it("streams rows from an async source", async () => {
    async function* many(): AsyncGenerator<ExportRow> {
      for (let i = 0; i < 5000; i++) yield { juristicId: String(i), name: `ชื่อ ${i}` };
    }
    const { rows: read } = await readAll(await collect((stream) => writeCsv(stream, columns.slice(0, 2), many())));
    expect(read).toHaveLength(5000);
  });
});

describe("writeXlsx", () => {
  it("writes a workbook that reads back with dates and numbers", async () => {
    const bytes = await collect((stream) => writeXlsx(stream, "วิสาหกิจ: ม.ค./67", columns, rows));
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const { header, rows: read } = await readAll(bytes, "export.xlsx");
    expect(header).toMatchObject({
      format: "xlsx",
      headerRowNumber: 1,
      headers: columns.map((column) => column.header),
    });
    expect(read.map((row) => row.cells)).toEqual([
      ["0505567003213", 'บจ.ล้านนา "ซิลค์", เฮาส์', "2024-01-09", "3500000", "บรรทัดแรก\nบรรทัดสอง"],
      ["0105567012348", '=HYPERLINK("http://x")', "", "1234.5", "+66 81 234 5678"],
    ]);
  });
});
