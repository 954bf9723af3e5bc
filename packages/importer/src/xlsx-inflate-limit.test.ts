import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTable, ReadTableError, XLSX_INFLATE_LIMIT } from "./read-table.ts";
import { deflated, workbook, xlsxBomb } from "./test-support/xlsx-bomb.ts";

// Garbage collection on demand, to compare the heap before and after (V8 lets the flag be set at run time).
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function readAll(source: Parameters<typeof readTable>[0]): Promise<number> {
  let rows = 0;
  for await (const event of readTable(source)) if (event.type === "row") rows++;
  return rows;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sainam-bomb-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("#readTable XLSX inflate limit", () => {
  it("refuses a 1 MB workbook whose sheet inflates to 1 GB, though its header claims 4 KB, and lets the memory go", async () => {
    const bomb = xlsxBomb(1024);
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const path = join(dir, "bomb.xlsx");
    writeFileSync(path, bomb);
    const before = heapAfterGc();
    const error = await readAll({ path }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReadTableError);
    expect(error).toMatchObject({ code: "too_large_uncompressed" });
    expect(String((error as Error).message)).not.toContain(dir);
    // Tolerant: the heap is back within a few tens of MB of where it started (never near the 1 GB inside).
    expect(heapAfterGc() - before).toBeLessThan(64 * 1024 * 1024);
  });

  it("refuses the same workbook given as a stream, chunk by chunk", async () => {
    // Just past the limit, so exceljs parses little before the count stops it.
    const bomb = xlsxBomb(Math.ceil(XLSX_INFLATE_LIMIT.minBytes / (1 << 20)) + 8);
    const error = await readAll({ stream: Readable.from([bomb]), fileName: "bomb.xlsx" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "too_large_uncompressed" });
  });

  it("still reads a workbook that inflates well within the limit", async () => {
    const rows = Array.from(
      { length: 200 },
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>firm ${i}</t></is></c></row>`,
    ).join("");
    const sheet = deflated(
      "xl/worksheets/sheet1.xml",
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>${rows}</sheetData></worksheet>`,
    );
    const path = join(dir, "fine.xlsx");
    writeFileSync(path, workbook(sheet));
    expect(await readAll({ path })).toBe(200);
  });
});

describe("#readTable error messages", () => {
  it("never show the file's path or a library's own error text", async () => {
    const cases: Array<[string, Buffer | string]> = [
      ["empty.csv", ""],
      ["fake.xlsx", "name,value\n1,2\n"],
      ["broken.xlsx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)])],
      ["quote.csv", `name,value\n"${"x".repeat(1_100_000)}\n`],
    ];
    for (const [name, content] of cases) {
      const path = join(dir, name);
      writeFileSync(path, content);
      const error = await readAll({ path }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, name).toBeInstanceOf(ReadTableError);
      const message = (error as ReadTableError).message;
      expect(message, name).not.toContain(dir);
      expect(message, name).not.toContain(name);
      expect(message, name).not.toMatch(/invalid signature|CSV_|Error:|at line \d+ column/i);
    }
  });
});
