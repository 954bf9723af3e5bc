import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { juristicIdCheckDigit } from "@sainam/core";
import { ReadTableError, suggestMapping } from "@sainam/importer";
import {
  dbdHeaderCells,
  dbdMonthlyCsv,
  writeDbdMonthlyXlsx,
} from "../../../../packages/importer/src/test-support/dbd-monthly.ts";
import { testGazetteer } from "../../../../packages/importer/src/test-support/gazetteer.ts";
import { thaiWorkbook } from "../../../../packages/importer/src/test-support/thai-workbook.ts";
import { encodeWindows874 } from "../../../../packages/importer/src/test-support/windows-874.ts";
import { readPreparedChunks, type PreparedChunk, type ReaderInput } from "./import-reader.ts";

const dir = mkdtempSync(join(tmpdir(), "sainam-reader-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const id = (n: number) => {
  const first12 = `0105${String(n).padStart(8, "0")}`;
  return `${first12}${juristicIdCheckDigit(first12)}`;
};

function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function collect(input: ReaderInput, useWorker: boolean): Promise<PreparedChunk[]> {
  const chunks: PreparedChunk[] = [];
  for await (const chunk of readPreparedChunks(input, { useWorker })) chunks.push(chunk);
  return chunks;
}

// 2,500 rows in windows-874: good firms with products, a wrong check digit, a duplicate, and a name
// with a line break inside quotes, so row numbers run ahead of the record count.
const header = "เลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล,ทุนจดทะเบียน,ผลิตภัณฑ์";
const lines = ["รายชื่อนิติบุคคล (ตัวอย่าง)", header];
for (let i = 1; i <= 2_500; i++) {
  if (i === 7) lines.push(`${id(i).slice(0, 12)}${(Number(id(i)[12]) + 1) % 10},บจ. เลขผิด,"1,000",ข้าว`);
  else if (i === 9) lines.push(`${id(i)},"บจ. กาแฟ\nสองบรรทัด","2,000",กาแฟ`);
  else
    lines.push(
      `${id(i % 1_000 === 0 ? 5 : i)},บริษัท ผ้าไหมเชียงใหม่ ${i} จำกัด,"${(i * 1_000).toLocaleString("en-US")}","ผ้าไหม, ผ้าฝ้าย"`,
    );
}
const registry = encodeWindows874(lines.join("\r\n"));
const mapping = suggestMapping("enterprises", header.split(","), []);

describe("#imports reading on a worker thread", () => {
  const input = (path: string, extra: Partial<ReaderInput> = {}): ReaderInput => ({
    path,
    kind: "enterprises",
    mapping,
    gazetteer: testGazetteer,
    tsicCodes: null,
    chunkSize: 1_000,
    errorsOnly: false,
    ...extra,
  });

  it("gives the same chunks, row numbers, issues and search terms as reading on the calling thread", async () => {
    const path = file("registry.csv", registry);
    const inThread = await collect(input(path), false);
    const inWorker = await collect(input(path), true);
    expect(inWorker).toEqual(inThread);
    expect(inWorker.map((c) => c.rows.length)).toEqual([1_000, 1_000, 500]);
    expect(inWorker.at(-1)).toMatchObject({ rowsRead: 2_500, bytesRead: registry.length, totalBytes: registry.length });
    const rows = inWorker.flatMap((c) => c.rows);
    expect(rows[0]?.rowNumber).toBe(3);
    expect(rows.find((r) => !r.outcome.ok)).toMatchObject({
      rowNumber: 9,
      outcome: { ok: false, issues: [{ field: "juristicId" }] },
    });
    // The quoted line break makes every later record start one line further down.
    expect(rows[8]?.rowNumber).toBe(11);
    expect(rows[9]?.rowNumber).toBe(13);
    const silk = rows[20];
    expect(silk?.searchText?.name).toMatch(/ไหม.*เชียงใหม่.* 21 /);
    expect(silk?.searchText?.body).not.toContain(id(21));
    expect(silk?.searchText?.body).toContain("ฝ้าย");
    expect(silk?.sizeClass).toBeNull();
  });

  it("reads the DBD monthly file as published (title rows, a two-line header) alike on both threads", async () => {
    const path = file("dbd.csv", Buffer.from(dbdMonthlyCsv(), "utf8"));
    const dbdMapping = suggestMapping(
      "enterprises",
      dbdHeaderCells.map((h) => h.replace(/\s*\n\s*/g, " ").trim()),
      [],
    );
    const inWorker = await collect(input(path, { mapping: dbdMapping }), true);
    expect(inWorker).toEqual(await collect(input(path, { mapping: dbdMapping }), false));
    expect(inWorker.flatMap((c) => c.rows).length).toBeGreaterThan(0);
  });

  it("reads an XLSX workbook alike on both threads", async () => {
    const path = join(dir, "dbd.xlsx");
    const out = createWriteStream(path);
    await writeDbdMonthlyXlsx(out);
    await new Promise((resolve) => out.end(resolve));
    const dbdMapping = suggestMapping(
      "enterprises",
      dbdHeaderCells.map((h) => h.replace(/\s*\n\s*/g, " ").trim()),
      [],
    );
    const inWorker = await collect(input(path, { mapping: dbdMapping }), true);
    expect(inWorker).toEqual(await collect(input(path, { mapping: dbdMapping }), false));
    expect(inWorker.flatMap((c) => c.rows).filter((r) => r.outcome.ok).length).toBeGreaterThan(0);
  });

  it("passes on only the rows that cannot be imported for a strict check, still counting every row read", async () => {
    const chunks = await collect(input(file("strict.csv", registry), { errorsOnly: true }), true);
    expect(chunks.flatMap((c) => c.rows.map((r) => r.rowNumber))).toEqual([9]);
    expect(chunks.at(-1)?.rowsRead).toBe(2_500);
  });

  it("throws the reading error with its code when the file breaks after the first chunks", async () => {
    const path = file("broken.csv", Buffer.concat([registry, Buffer.from(`\r\n${id(9_999)},"ไม่ปิดเครื่องหมายคำพูด`)]));
    const errors = [];
    for (const useWorker of [false, true]) {
      const error = await collect(input(path), useWorker).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ReadTableError);
      expect(error).toMatchObject({
        code: "malformed_csv",
        message: expect.stringMatching(/^Cannot read the CSV from line 2504:/),
      });
      errors.push(error instanceof Error ? error.message : "");
    }
    expect(errors[1]).toBe(errors[0]);
  });

  it("stops the worker when the caller stops reading", async () => {
    const path = file("early.csv", registry);
    let seen = 0;
    for await (const chunk of readPreparedChunks(input(path), { useWorker: true, prefetch: 1 })) {
      seen += chunk.rows.length;
      break;
    }
    expect(seen).toBe(1_000);
  });

  it("reads memberships too", async () => {
    const path = file(
      "members.csv",
      ["เลขทะเบียนนิติบุคคล,รหัสคลัสเตอร์,ขั้นห่วงโซ่", `${id(1)},tea-north,ต้นน้ำ`, `${id(2)},Bad Code!,กลางน้ำ`].join("\n"),
    );
    const members: ReaderInput = {
      path,
      kind: "memberships",
      mapping: { juristicId: "เลขทะเบียนนิติบุคคล", clusterCode: "รหัสคลัสเตอร์", stage: "ขั้นห่วงโซ่" },
      gazetteer: null,
      tsicCodes: null,
      chunkSize: 1_000,
      errorsOnly: false,
    };
    const chunks = await collect(members, true);
    expect(chunks.flatMap((c) => c.rows.map((r) => r.outcome.ok))).toEqual([true, false]);
    expect(chunks).toEqual(await collect(members, false));
  });
});

describe("#imports reading damaged text", () => {
  it("fails a row whose mapped cell could not be decoded with corrupt_text, on a worker thread too", async () => {
    const source = [
      [id(1), "", "", "", "", "", "", "ผ้าไหม"],
      [id(2), "", "", "", "", "", "", "เสียหาย"],
    ];
    const path = file(
      "damaged.xlsx",
      thaiWorkbook(source, {
        // The "ห" of "เสียหาย" loses its last byte: not UTF-8.
        patchSharedStrings: (xml) => {
          const at = xml.indexOf(Buffer.from("เสียหาย")) + Buffer.byteLength("เสีย");
          return Buffer.concat([xml.subarray(0, at), Buffer.from([0xe0, 0xb8]), xml.subarray(at + 3)]);
        },
      }),
    );
    const input: ReaderInput = {
      path,
      kind: "enterprises",
      mapping: { juristicId: "ชื่อ", nameTh: "หมายเหตุ" },
      gazetteer: testGazetteer,
      tsicCodes: null,
      chunkSize: 1_000,
      errorsOnly: false,
    };
    for (const useWorker of [false, true]) {
      const rows = (await collect(input, useWorker)).flatMap((c) => c.rows);
      expect(rows.map((r) => r.outcome.ok)).toEqual([true, false]);
      expect(rows[1]).toMatchObject({
        rowNumber: 3,
        outcome: { ok: false, issues: [{ field: "nameTh", code: "corrupt_text", value: "เสีย\uFFFDาย" }] },
      });
    }
  });
});
