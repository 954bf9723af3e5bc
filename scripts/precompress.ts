// Writes a Brotli (.br) and a gzip (.gz) copy beside every text asset of a built web app, once, at build time:
// the server then sends the smallest copy the browser accepts (@fastify/static `preCompressed`) and spends no
// CPU compressing the same file for every visitor. Files too small to gain are left alone.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Text assets worth compressing; images, fonts (woff2 is compressed already) and the copies themselves are not. */
const COMPRESSIBLE = new Set([".js", ".mjs", ".css", ".html", ".svg", ".json", ".geojson", ".txt", ".map"]);
/** Below this a compressed copy saves less than a network packet. */
export const MIN_BYTES = 1024;

export interface Precompressed {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
}

/** Compresses every compressible file under `dir` (recursively); answers what it wrote, largest first. */
export function precompressDir(dir: string): Precompressed[] {
  const written: Precompressed[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) {
      written.push(...precompressDir(path));
      continue;
    }
    if (!COMPRESSIBLE.has(extname(name)) || stat.size < MIN_BYTES) continue;
    const content = readFileSync(path);
    const gzip = gzipSync(content, { level: 9 });
    const brotli = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    // A copy that is not smaller would only cost a disk read.
    if (gzip.length < content.length) writeFileSync(`${path}.gz`, gzip);
    if (brotli.length < content.length) writeFileSync(`${path}.br`, brotli);
    written.push({ file: path, bytes: content.length, gzip: gzip.length, brotli: brotli.length });
  }
  return written.sort((a, b) => b.bytes - a.bytes);
}
