import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectDelimiter, readTable, ReadTableError } from "./read-table.ts";
import { readAll } from "./test-support/tables.ts";
import { encodeWindows874 } from "./test-support/windows-874.ts";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sainam-read-table-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function xlsxFile(name: string, build: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => void): Promise<string> {
  const path = join(dir, name);
  const out = createWriteStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  build(workbook);
  await workbook.commit();
  if (!out.writableFinished) await once(out, "finish");
  return path;
}

async function readError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ReadTableError) return error.code;
    throw error;
  }
  throw new Error("expected a ReadTableError");
}

describe("readTable on CSV", () => {
  it("reads a windows-874 (TIS-620) file without being told its encoding", async () => {
    const { header, rows } = await readAll(
      encodeWindows874("เลขทะเบียน,ชื่อ,จังหวัด\r\n0105567012348,บจ.สายน้ำ คอฟฟี่ จำกัด,กรุงเทพฯ\r\n"),
    );
    expect(header).toMatchObject({
      headers: ["เลขทะเบียน", "ชื่อ", "จังหวัด"],
      encoding: "windows-874",
      format: "csv",
      headerRowNumber: 1,
    });
    expect(rows).toEqual([{ type: "row", rowNumber: 2, cells: ["0105567012348", "บจ.สายน้ำ คอฟฟี่ จำกัด", "กรุงเทพฯ"] }]);
  });

  it("reads UTF-8 with a BOM and keeps the BOM out of the first heading", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("ชื่อ,จังหวัด\nวิสาหกิจชุมชนทอผ้า,ลำพูน\n")]);
    const { header, rows } = await readAll(bytes);
    expect(header.headers).toEqual(["ชื่อ", "จังหวัด"]);
    expect(header.encoding).toBe("utf-8");
    expect(rows[0]?.cells).toEqual(["วิสาหกิจชุมชนทอผ้า", "ลำพูน"]);
  });

  it("honours a forced encoding", async () => {
    const { header } = await readAll(encodeWindows874("ชื่อ,จังหวัด\nก,ข\n"), "x.csv", { encoding: "windows-874" });
    expect(header).toMatchObject({ headers: ["ชื่อ", "จังหวัด"], encoding: "windows-874" });
  });

  it("skips empty lines and rows of empty cells, numbering rows by file line", async () => {
    const { rows } = await readAll("id,name\n\n1,a\n,,\n   \n2,b\n\n");
    expect(rows.map((row) => [row.rowNumber, row.cells[0]])).toEqual([
      [3, "1"],
      [6, "2"],
    ]);
  });

  it("reads a semicolon-separated file", async () => {
    const { header, rows } = await readAll("ชื่อ;ทุนจดทะเบียน;จังหวัด\nบจ. ก;1.000.000,50;เชียงใหม่\nบจ. ข;2,5;ลำปาง\n");
    expect(header.headers).toEqual(["ชื่อ", "ทุนจดทะเบียน", "จังหวัด"]);
    expect(rows[0]?.cells).toEqual(["บจ. ก", "1.000.000,50", "เชียงใหม่"]);
  });

  it("reads a tab-separated file", async () => {
    const { rows } = await readAll("name\tprovince\nA, Ltd.\tNan\n");
    expect(rows[0]?.cells).toEqual(["A, Ltd.", "Nan"]);
  });

  it("keeps a quoted multi-line cell in one row and counts its lines", async () => {
    const { rows } = await readAll('ชื่อ,ผลิตภัณฑ์\r\nบจ. ก,"ผ้าไหม\r\nผ้าฝ้าย, ""ย้อมคราม"""\r\nบจ. ข,ข้าว\r\n');
    expect(rows).toEqual([
      { type: "row", rowNumber: 2, cells: ["บจ. ก", 'ผ้าไหม\r\nผ้าฝ้าย, "ย้อมคราม"'] },
      { type: "row", rowNumber: 4, cells: ["บจ. ข", "ข้าว"] },
    ]);
  });

  it("skips title rows and merges a two-row header", async () => {
    const csv = [
      "ทะเบียนสมาชิกคลัสเตอร์ผ้าทอภาคเหนือ,,,,",
      "ข้อมูล ณ วันที่ 30/9/2567,,,,",
      "ลำดับ,เลขทะเบียนนิติบุคคล,ชื่อ,ที่อยู่,",
      ",,,จังหวัด,อำเภอ",
      "1,0105567012348,บจ. ก,เชียงใหม่,สันกำแพง",
    ].join("\n");
    const { header, rows } = await readAll(csv);
    expect(header).toMatchObject({
      headerRowNumber: 3,
      headers: ["ลำดับ", "เลขทะเบียนนิติบุคคล", "ชื่อ", "ที่อยู่ จังหวัด", "ที่อยู่ อำเภอ"],
    });
    expect(rows.map((row) => row.rowNumber)).toEqual([5]);
  });

  it("drops a header line repeated inside the data", async () => {
    const { rows } = await readAll("id,name\n1,a\nid,name\n2,b\n");
    expect(rows.map((row) => row.cells[0])).toEqual(["1", "2"]);
  });

  it("pads short rows to the header's width", async () => {
    const { rows } = await readAll("a,b,c\n1\n");
    expect(rows[0]?.cells).toEqual(["1", "", ""]);
  });

  it("reports a quote that is never closed as malformed", async () => {
    expect(await readError(readAll('a,b\n1,"never closed\n2,x\n'))).toBe("malformed_csv");
  });

  it("refuses an empty file and a file without a header", async () => {
    expect(await readError(readAll(""))).toBe("empty_file");
    expect(await readError(readAll("\n\n,,\n"))).toBe("empty_file");
    expect(await readError(readAll("1,2,3\n4,5,6\n"))).toBe("no_header_row");
  });

  it("refuses a legacy .xls file by its signature", async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await readError(readAll(ole, "report.xls"))).toBe("unsupported_format");
  });

  it("reports progress against the file size when reading a path", async () => {
    const path = join(dir, "progress.csv");
    const content = `id,name\n${Array.from({ length: 20_000 }, (_, i) => `${i},ชื่อ ${i}`).join("\n")}\n`;
    await writeFile(path, content);
    const calls: Array<[number, number | null]> = [];
    let rows = 0;
    for await (const event of readTable({ path }, { onProgress: (read, total) => calls.push([read, total]) }))
      if (event.type === "row") rows++;
    const size = Buffer.byteLength(content);
    expect(rows).toBe(20_000);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.at(-1)).toEqual([size, size]);
  });

  it("closes the stream when the reader stops early", async () => {
    const stream = new PassThrough();
    stream.end(Buffer.from(`id\n${"1\n".repeat(100_000)}`));
    for await (const event of readTable({ stream, fileName: "x.csv" })) if (event.type === "row") break;
    expect(stream.destroyed).toBe(true);
  });

  it("detects the delimiter that splits lines consistently", () => {
    expect(detectDelimiter("a;b;c\n1;2,5;3\n")).toBe(";");
    expect(detectDelimiter("title only\na,b\n1,2\n")).toBe(",");
    expect(detectDelimiter("a\tb\n1\t2\n")).toBe("\t");
  });
});

describe("readTable on XLSX", () => {
  it("skips a merged title row and reads dates and numbers", async () => {
    const path = await xlsxFile("title.xlsx", (workbook) => {
      const sheet = workbook.addWorksheet("สมาชิก");
      sheet.addRow(["รายชื่อสมาชิกคลัสเตอร์กาแฟ จังหวัดเชียงราย"]);
      sheet.mergeCells("A1:D1");
      sheet.getRow(1).commit();
      sheet.addRow([]).commit();
      sheet.addRow(["เลขทะเบียน", "ชื่อ", "วันที่จดทะเบียน", "ทุนจดทะเบียน"]).commit();
      const row = sheet.addRow([
        "0105567012348",
        { richText: [{ text: "บจ. " }, { text: "สายน้ำ", font: { bold: true } }] },
        new Date(Date.UTC(2024, 0, 15)),
        1234567.5,
      ]);
      row.getCell(3).numFmt = "d/m/yyyy";
      row.commit();
      sheet.addRow([105567012348, { formula: "1+1", result: 2 }, null, 0.1 + 0.2]).commit();
      sheet.commit();
    });
    const events = [];
    for await (const event of readTable({ path })) events.push(event);
    expect(events).toEqual([
      {
        type: "header",
        headers: ["เลขทะเบียน", "ชื่อ", "วันที่จดทะเบียน", "ทุนจดทะเบียน"],
        headerRowNumber: 3,
        encoding: "utf-8",
        format: "xlsx",
      },
      { type: "row", rowNumber: 4, cells: ["0105567012348", "บจ. สายน้ำ", "2024-01-15", "1234567.5"] },
      { type: "row", rowNumber: 5, cells: ["105567012348", "2", "", "0.3"] },
    ]);
  });

  it("reads the sheet asked for by name or position", async () => {
    const path = await xlsxFile("sheets.xlsx", (workbook) => {
      for (const name of ["หมายเหตุ", "ข้อมูล"]) {
        const sheet = workbook.addWorksheet(name);
        sheet.addRow(["ชื่อ", "จังหวัด"]).commit();
        sheet.addRow([`แถวใน ${name}`, "น่าน"]).commit();
        sheet.commit();
      }
    });
    const firstCell = async (sheet: string | number | undefined): Promise<string | undefined> => {
      for await (const event of readTable({ path }, sheet === undefined ? {} : { sheet }))
        if (event.type === "row") return event.cells[0];
      return undefined;
    };
    expect(await firstCell(undefined)).toBe("แถวใน หมายเหตุ");
    expect(await firstCell("ข้อมูล")).toBe("แถวใน ข้อมูล");
    expect(await firstCell(2)).toBe("แถวใน ข้อมูล");
    expect(await readError(firstCell("ไม่มี"))).toBe("sheet_not_found");
  });

  it("skips the sheets before the one asked for without touching their deleted temporary files", async () => {
    // exceljs parks sheets stored before the shared strings in temporary files and deletes each once the next
    // sheet is asked for; a skipped sheet's stream used to open its deleted file later and crash the process.
    const path = await xlsxFile("two-sheets.xlsx", (workbook) => {
      for (const name of ["หมายเหตุ", "ข้อมูล"]) {
        const sheet = workbook.addWorksheet(name);
        sheet.addRow(["ชื่อ"]).commit();
        sheet.addRow([`แถวใน ${name}`]).commit();
        sheet.commit();
      }
    });
    const unhandled: unknown[] = [];
    const record = (error: unknown) => unhandled.push(error);
    process.on("uncaughtException", record);
    try {
      for (let round = 0; round < 20; round++) {
        const names: string[] = [];
        for await (const event of readTable({ path }, { sheet: round % 2 === 0 ? "ข้อมูล" : 2 }))
          if (event.type === "row") names.push(event.cells[0] ?? "");
        expect(names).toEqual(["แถวใน ข้อมูล"]);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off("uncaughtException", record);
    }
    expect(unhandled).toEqual([]);
  });

  it("recognises XLSX by its signature whatever the file is called", async () => {
    const path = await xlsxFile("named-wrongly.xlsx", (workbook) => {
      const sheet = workbook.addWorksheet("a");
      sheet.addRow(["name"]).commit();
      sheet.addRow(["x"]).commit();
      sheet.commit();
    });
    let format = "";
    for await (const event of readTable({ stream: createReadStream(path), fileName: "upload.csv" }))
      if (event.type === "header") format = event.format;
    expect(format).toBe("xlsx");
  });

  it("reports a truncated workbook as malformed", async () => {
    const path = await xlsxFile("whole.xlsx", (workbook) => {
      const sheet = workbook.addWorksheet("a");
      for (let i = 0; i < 2000; i++) sheet.addRow([`แถว ${i}`]).commit();
      sheet.commit();
    });
    const bytes = await readFile(path);
    expect(await readError(readAll(bytes.subarray(0, bytes.length / 2), "cut.xlsx"))).toBe("malformed_xlsx");
  });

  it("refuses a file named .xlsx that is not a zip", async () => {
    expect(await readError(readAll("a,b\n1,2\n", "x.xlsx"))).toBe("unsupported_format");
  });
});
