import { defineConfig } from "vitest/config";

// Three projects: fast unit tests beside the code, integration tests on a real database
// (SQLite always; PostgreSQL too when DATABASE_URL is set), and browser tests in Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/core/src/**/*.test.ts", "packages/importer/src/**/*.test.ts", "apps/web/src/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["packages/db/src/**/*.test.ts", "apps/server/src/**/*.test.ts", "apps/cli/src/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
