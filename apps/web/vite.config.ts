import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { precompressDir } from "../../scripts/precompress.ts";

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

// The server serves `dist/` at http://localhost:8080; in development Vite proxies the API to it.
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/api": "http://localhost:8080",
    },
  },
});
