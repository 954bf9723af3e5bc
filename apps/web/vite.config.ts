import { statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { precompressDir } from "../../scripts/precompress.ts";
import { splitCatalogue } from "./src/i18n/shell.ts";

/** After the build, a Brotli and a gzip copy of every text asset, for the server to send as they are. */
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "sainam-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      precompressDir(new URL(outDir, new URL("./", import.meta.url)).pathname);
    },
  };
}

const CATALOGUE = /^virtual:catalogue\/(th|en)\/(shell|rest)$/;

/**
 * `virtual:catalogue/<th|en>/<shell|rest>`: the two parts of a language's catalogue (src/i18n/shell.ts), built from
 * the one catalogue file each language keeps, so wording is written in one place and downloaded in two steps.
 */
function catalogueParts(): Plugin {
  return {
    name: "sainam-catalogue",
    resolveId(id) {
      return CATALOGUE.test(id) ? `\0${id}` : null;
    },
    async load(id) {
      const match = CATALOGUE.exec(id.replace(/^\0/, ""));
      if (!match) return null;
      const [, locale, part] = match;
      const file = fileURLToPath(new URL(`./src/i18n/${locale}.ts`, import.meta.url));
      this.addWatchFile(file);
      // Node reads the TypeScript catalogue itself; the query re-reads it after an edit in development.
      const module = (await import(`${pathToFileURL(file).href}?v=${statSync(file).mtimeMs}`)) as Record<
        string,
        object
      >;
      const catalogue = module[locale ?? ""];
      if (!catalogue) throw new Error(`${file} does not export ${locale}`);
      const parts = splitCatalogue(catalogue);
      return `export default ${JSON.stringify(part === "shell" ? parts.shell : parts.rest)};`;
    },
  };
}

// The server serves `dist/` at http://localhost:8080; in development Vite proxies the API to it.
export default defineConfig({
  plugins: [react(), catalogueParts(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // A catalogue part keeps its language and part in its name (catalogue-th-shell-<hash>.js): measured by
        // scripts/first-load.ts and recognisable in the browser's network list.
        chunkFileNames: (chunk) => {
          const part = CATALOGUE.exec((chunk.facadeModuleId ?? "").replace(/^\0/, ""));
          return part ? `assets/catalogue-${part[1]}-${part[2]}-[hash].js` : "assets/[name]-[hash].js";
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": "http://localhost:8080",
    },
  },
});
