import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { MIN_BYTES, precompressDir } from "./precompress.ts";

describe("precompressDir", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes .br and .gz copies that give back the file byte for byte, in sub-folders too", () => {
    dir = mkdtempSync(join(tmpdir(), "sainam-precompress-"));
    mkdirSync(join(dir, "assets"));
    const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `คำที่ ${i}`))};\n`;
    writeFileSync(join(dir, "assets", "index-abc123.js"), script);
    writeFileSync(
      join(dir, "index.html"),
      `<!doctype html><html lang="th"><body>${"<div>สวัสดี</div>".repeat(200)}</body></html>`,
    );
    const written = precompressDir(dir);
    expect(written.map((w) => w.file.slice(dir.length))).toEqual(["/assets/index-abc123.js", "/index.html"]);
    for (const { file, bytes, gzip, brotli } of written) {
      const original = readFileSync(file);
      expect(gunzipSync(readFileSync(`${file}.gz`)).equals(original)).toBe(true);
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(original)).toBe(true);
      expect(gzip).toBeLessThan(bytes);
      expect(brotli).toBeLessThan(bytes);
    }
  });

  it("leaves small files, images, fonts and the copies themselves alone", () => {
    dir = mkdtempSync(join(tmpdir(), "sainam-precompress-"));
    writeFileSync(join(dir, "small.js"), "x".repeat(MIN_BYTES - 1));
    writeFileSync(join(dir, "font.woff2"), Buffer.alloc(50_000, 7));
    writeFileSync(join(dir, "logo.png"), Buffer.alloc(50_000, 7));
    writeFileSync(join(dir, "app.js"), "const a = 1;\n".repeat(500));
    expect(precompressDir(dir).map((w) => w.file.slice(dir.length))).toEqual(["/app.js"]);
    expect(existsSync(join(dir, "small.js.gz"))).toBe(false);
    expect(existsSync(join(dir, "font.woff2.br"))).toBe(false);
    // Run again: the copies are not compressed a second time.
    expect(precompressDir(dir).map((w) => w.file.slice(dir.length))).toEqual(["/app.js"]);
    expect(existsSync(join(dir, "app.js.gz.gz"))).toBe(false);
  });
});
