import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TableRow } from "./read-table.ts";
import { readTable } from "./read-table.ts";
import { normaliseCell } from "./table-layout.ts";
import { DECODE_FAULT, Utf8StreamDecoder } from "./text-integrity.ts";
import { THAI_HEADERS, thaiCsv, thaiRows, thaiWorkbook } from "./test-support/thai-workbook.ts";
import { readXlsxRows } from "./xlsx-reader.ts";
import { XmlTokenizer } from "./xml-tokens.ts";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sainam-xlsx-reader-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function tableRows(path: string): Promise<{ headers: ReadonlyArray<string>; rows: TableRow[] }> {
  let headers: ReadonlyArray<string> = [];
  const rows: TableRow[] = [];
  for await (const event of readTable({ path })) {
    if (event.type === "header") headers = event.headers;
    else rows.push(event);
  }
  return { headers, rows };
}

describe("#xlsx-reader Thai text", () => {
  it("reads a 50,000-row Thai workbook cell for cell as the same data in CSV, long cells included", async () => {
    const source = thaiRows(50_000);
    expect(source.some((row) => (row[3] ?? "").length > 2000)).toBe(true);
    const xlsx = await tableRows(file("thai.xlsx", thaiWorkbook(source)));
    const csv = await tableRows(file("thai.csv", thaiCsv(source)));
    expect(xlsx.headers).toEqual([...THAI_HEADERS]);
    expect(csv.headers).toEqual([...THAI_HEADERS]);
    expect(xlsx.rows).toHaveLength(source.length);
    expect(csv.rows).toHaveLength(source.length);
    // Compared by hand, cell by cell: one toEqual over 400,000 cells would print megabytes on failure.
    const differences: string[] = [];
    source.forEach((row, r) => {
      const fromXlsx = xlsx.rows[r];
      const fromCsv = csv.rows[r];
      if (fromXlsx?.rowNumber !== r + 2) differences.push(`row ${r + 2}: XLSX row number ${fromXlsx?.rowNumber}`);
      if (fromXlsx?.cells.corrupt || fromCsv?.cells.corrupt) differences.push(`row ${r + 2}: marked corrupt`);
      row.forEach((value, c) => {
        const expected = normaliseCell(value);
        if (fromXlsx?.cells[c] !== expected || fromCsv?.cells[c] !== expected) {
          differences.push(
            `row ${r + 2} column ${c + 1}: XLSX ${JSON.stringify(fromXlsx?.cells[c]?.slice(0, 60))}, CSV ${JSON.stringify(fromCsv?.cells[c]?.slice(0, 60))}`,
          );
        }
      });
    });
    expect(differences.slice(0, 10)).toEqual([]);
    expect(xlsx.rows.some((row) => row.cells.join("").includes("\uFFFD"))).toBe(false);
  });

  it("reads the same cells whatever the size of the file's read chunks, down to one byte", async () => {
    // Stored (uncompressed) parts: a 1-byte read is then 1 byte of XML, so chunk boundaries fall inside every
    // Thai letter (3 bytes in UTF-8), tag, entity and shared-string reference.
    // Tiny reads of a small workbook; larger odd-sized reads of one with a long cell (row 2, several KB).
    const cases: Array<[rows: string[][], readSizes: number[]]> = [
      [thaiRows(40).slice(1), [1, 2, 3]],
      [thaiRows(100), [5, 13, 4096]],
    ];
    for (const [source, readSizes] of cases) {
      for (const compression of ["stored", "deflated"]) {
        const path = file(
          `small-${compression}-${source.length}.xlsx`,
          thaiWorkbook(source, { stored: compression === "stored" }),
        );
        const whole: string[][] = [];
        for await (const row of readXlsxRows(path)) whole.push(row.cells);
        // The reader gives the text as written; a row ends at its last cell, so trailing empty cells are left out.
        const trimmed = source.map((row) => row.slice(0, row.findLastIndex((cell) => cell !== "") + 1));
        expect(whole.slice(1)).toEqual(trimmed);
        for (const readBytes of readSizes) {
          const pieces: string[][] = [];
          for await (const row of readXlsxRows(path, { readBytes })) pieces.push(row.cells);
          expect(pieces, `${compression}, read ${readBytes} bytes at a time`).toEqual(whole);
        }
      }
    }
  });
});

describe("#xlsx-reader ZIP64", () => {
  it("reads a workbook whose zip directory is written in ZIP64 form as the same cells", async () => {
    const source = thaiRows(60);
    const plain = file("plain.xlsx", thaiWorkbook(source));
    const wide = file("zip64.xlsx", thaiWorkbook(source, { zip64: true }));
    const read = async (path: string) => {
      const rows: string[][] = [];
      for await (const row of readXlsxRows(path)) rows.push(row.cells);
      return rows;
    };
    const expected = await read(plain);
    expect(expected.length).toBeGreaterThan(50);
    expect(await read(wide)).toEqual(expected);
  });
});

describe("#xlsx-reader streaming pieces", () => {
  it("decodes UTF-8 split at every byte into the same text, and marks only bytes that are not UTF-8", () => {
    const text = "ทุเรียน A&B ๑๒๓ 🌾 \uFFFD ฤๅ";
    const bytes = Buffer.from(text);
    for (let cut = 0; cut <= bytes.length; cut++) {
      for (let second = cut; second <= bytes.length; second++) {
        const decoder = new Utf8StreamDecoder();
        const out =
          decoder.decode(bytes.subarray(0, cut)) +
          decoder.decode(bytes.subarray(cut, second)) +
          decoder.decode(bytes.subarray(second)) +
          decoder.end();
        expect(out).toBe(text);
      }
    }
    const broken = Buffer.concat([
      Buffer.from("ก"),
      Buffer.from([0xe0, 0xb8]),
      Buffer.from("ข"),
      Buffer.from([0xff]),
      Buffer.from("\uFFFD"),
    ]);
    const decoder = new Utf8StreamDecoder();
    expect(decoder.decode(broken.subarray(0, 4)) + decoder.decode(broken.subarray(4)) + decoder.end()).toBe(
      `ก${DECODE_FAULT}ข${DECODE_FAULT}\uFFFD`,
    );
    // A sequence the input ends inside is a fault too.
    const cut = new Utf8StreamDecoder();
    expect(cut.decode(Buffer.from([0x41, 0xe0, 0xb8])) + cut.end()).toBe(`A${DECODE_FAULT}`);
  });

  it("tokenizes XML split at every position into the same tokens", () => {
    const xml = `<?xml version="1.0"?><!-- a > comment --><x:sst a="1 > 0" b='q"'><si><t xml:space="preserve"> ผ้า &amp; &lt;ไหม&gt; &#x0E01;&#3586;</t></si><si><t><![CDATA[<ดิบ> & ]]></t></si><empty/></x:sst>`;
    const tokens = (pieces: string[]): string[] => {
      const out: string[] = [];
      const tokenizer = new XmlTokenizer({
        open: (name, attributes, selfClosing) => out.push(`<${name}|${attributes.trim()}|${selfClosing}`),
        close: (name) => out.push(`/${name}`),
        text: (text) => {
          if (out.at(-1)?.startsWith("#")) out[out.length - 1] += text;
          else out.push(`#${text}`);
        },
      });
      for (const piece of pieces) tokenizer.write(piece);
      tokenizer.end();
      return out;
    };
    const whole = tokens([xml]);
    expect(whole).toEqual([
      `<sst|a="1 > 0" b='q"'|false`,
      "<si||false",
      `<t|xml:space="preserve"|false`,
      "# ผ้า & <ไหม> กข",
      "/t",
      "/si",
      "<si||false",
      "<t||false",
      "#<ดิบ> & ",
      "/t",
      "/si",
      "<empty||true",
      "/empty",
      "/sst",
    ]);
    for (let cut = 1; cut < xml.length; cut++) expect(tokens([xml.slice(0, cut), xml.slice(cut)])).toEqual(whole);
    expect(tokens([...xml])).toEqual(whole);
  });
});

describe("#xlsx-reader cells", () => {
  it("reads shared and inline strings, numbers, dates, booleans, and cells placed by reference after gaps", async () => {
    const source = [["บจ. ก", "", "", "", "1234567.5", "2024-01-15", "FALSE", "ท้าย"]];
    const rows: string[][] = [];
    for await (const row of readXlsxRows(file("kinds.xlsx", thaiWorkbook(source)))) rows.push(row.cells);
    expect(rows[1]).toEqual(["บจ. ก", "", "", "", "1234567.5", "2024-01-15", "FALSE", "ท้าย"]);
  });
});
