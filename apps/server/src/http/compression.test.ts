import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressDir } from "../../../../scripts/precompress.ts";
import { JSON_COMPRESS_THRESHOLD } from "../app.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";

// A built web app in miniature: a page, a hashed script with its precompressed copies, an unhashed icon.
const webDist = mkdtempSync(join(tmpdir(), "sainam-web-dist-"));
const page = `<!doctype html><html lang="th"><head><title>สายน้ำ</title></head><body>${"<p>คลัสเตอร์</p>".repeat(100)}</body></html>`;
const script = `export const words = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => `คำ ${i}`))};\n`;

let t: TestApp;
beforeAll(async () => {
  mkdirSync(join(webDist, "assets"));
  writeFileSync(join(webDist, "index.html"), page);
  writeFileSync(join(webDist, "assets", "index-Bj1FkTup.js"), script);
  writeFileSync(join(webDist, "favicon.svg"), `<svg xmlns="http://www.w3.org/2000/svg"></svg>`);
  precompressDir(webDist);
  t = await createTestApp({ SAINAM_WEB_DIST: webDist });
});
afterAll(async () => {
  await t.close();
  rmSync(webDist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({
    method: "GET",
    url,
    headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
  });

describe("#compression: the web app's files", () => {
  it("sends a hashed asset's Brotli copy to a browser that takes it, kept a year without asking again", async () => {
    const response = await get("/assets/index-Bj1FkTup.js", "gzip, deflate, br");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(String(response.headers.vary)).toContain("accept-encoding");
    expect(String(response.headers["content-type"])).toContain("javascript");
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
    expect(response.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 3);
  });

  it("sends the gzip copy to a browser that takes only gzip, and the file itself to one that takes neither", async () => {
    const gzipped = await get("/assets/index-Bj1FkTup.js", "gzip");
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(script);
    const plain = await get("/assets/index-Bj1FkTup.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("has the browser ask again for the page and unhashed files, compressed too, at any address of the app", async () => {
    for (const url of ["/", "/index.html", "/clusters/3"]) {
      const response = await get(url, "br");
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["cache-control"], url).toBe("no-cache");
      expect(response.headers["content-encoding"], url).toBe("br");
      expect(brotliDecompressSync(response.rawPayload).toString(), url).toBe(page);
    }
    const icon = await get("/favicon.svg", "br");
    expect(icon.headers["cache-control"]).toBe("no-cache");
    // Too small to gain from a copy: sent as it is.
    expect(icon.headers["content-encoding"]).toBeUndefined();
  });
});

describe("#compression: JSON answers", () => {
  it("compresses a JSON answer over the threshold with Brotli or gzip, as the client accepts", async () => {
    const plain = await get("/api/provinces");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(JSON_COMPRESS_THRESHOLD);
    const items: unknown[] = plain.json().items;
    expect(items).toHaveLength(77);

    const brotli = await get("/api/provinces", "br, gzip");
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(brotli.rawPayload).toString())).toEqual(plain.json());
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);

    const gzip = await get("/api/provinces", "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());
  });

  it("compresses the provinces' GeoJSON, and leaves a short answer and an error as they are", async () => {
    const geo = await get("/api/provinces/boundaries", "br");
    expect(geo.statusCode).toBe(200);
    expect(geo.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(geo.rawPayload).toString())).toMatchObject({ type: "FeatureCollection" });

    const health = await get("/api/health", "br");
    expect(health.headers["content-encoding"]).toBeUndefined();
    expect(health.json()).toMatchObject({ status: "ok" });

    const missing = await get("/api/clusters/999999", "br");
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-encoding"]).toBeUndefined();
    expect(missing.json()).toMatchObject({ error: { code: "not_found" } });
  });
});
