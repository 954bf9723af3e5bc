// What a first visit downloads before the app can run: the entry script of the built `index.html` and every
// chunk it preloads (`modulepreload`), measured gzip-compressed as the server sends them. Lazy route chunks
// are not counted: they load when their page is opened.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface FirstLoad {
  /** Each script fetched on first load, with its gzip size in bytes. */
  scripts: { file: string; gzip: number }[];
  /** Sum of the gzip sizes. */
  gzipBytes: number;
}

/** The scripts `index.html` in `distDir` loads or preloads, in document order. */
export function firstLoadScripts(html: string): string[] {
  const sources = [...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)].map((m) => m[1] ?? "");
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map((m) => m[1] ?? "");
  return [...new Set([...sources, ...preloads])].filter(Boolean);
}

export function measureFirstLoad(distDir: string): FirstLoad {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const scripts = firstLoadScripts(html).map((src) => {
    const content = readFileSync(join(distDir, src.replace(/^\//, "")));
    return { file: src, gzip: gzipSync(content, { level: 9 }).length };
  });
  return { scripts, gzipBytes: scripts.reduce((sum, s) => sum + s.gzip, 0) };
}

/**
 * The gzip size of a built part of a language's catalogue (`assets/catalogue-th-shell-<hash>.js`): the shell is
 * fetched before the first paint, the rest right after it.
 */
export function catalogueGzip(distDir: string, locale: "th" | "en", part: "shell" | "rest" = "shell"): number {
  const assets = join(distDir, "assets");
  const file = readdirSync(assets).find(
    (name) => name.startsWith(`catalogue-${locale}-${part}-`) && name.endsWith(".js"),
  );
  if (!file) throw new Error(`no ${locale} ${part} catalogue chunk in ${assets}`);
  return gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
}

if (import.meta.main) {
  const dist = process.argv[2] ?? new URL("../apps/web/dist/", import.meta.url).pathname;
  const { scripts, gzipBytes } = measureFirstLoad(dist);
  for (const s of scripts) console.log(`${(s.gzip / 1024).toFixed(1).padStart(7)} KB  ${s.file}`);
  console.log(`${(gzipBytes / 1024).toFixed(1).padStart(7)} KB  first-load JS (index.html's scripts), gzip`);
  const th = catalogueGzip(dist, "th");
  console.log(`${(th / 1024).toFixed(1).padStart(7)} KB  + the Thai catalogue's shell, fetched before the first paint`);
  console.log(`${((gzipBytes + th) / 1024).toFixed(1).padStart(7)} KB  first paint in Thai, gzip`);
  const rest = catalogueGzip(dist, "th", "rest");
  console.log(`${(rest / 1024).toFixed(1).padStart(7)} KB  (the rest of the Thai catalogue follows while it paints)`);
}
