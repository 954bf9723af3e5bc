import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The server serves `dist/` at http://localhost:8080; in development Vite proxies the API to it.
export default defineConfig({
  plugins: [react()],
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
