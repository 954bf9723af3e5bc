import { defineConfig } from "vitest/config";

// Three projects: fast unit tests beside the code, integration tests on a real database
// (SQLite always; PostgreSQL too when DATABASE_URL is set), and browser tests in Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "packages/core/src/**/*.test.ts",
            "packages/importer/src/**/*.test.ts",
            "apps/web/src/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
          // vitest's 5 s default failed the value-chain agreement test (4 random 300-member clusters against
          // the pairwise reference; 3.9 s alone at a load average of 14) on a loaded 2-core machine; 30 s still
          // stops a runaway loop.
          testTimeout: 30_000,
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
          // Sized for CI's loaded 2-core machine, where the slowest test takes under 10 s: a test gets 60 s,
          // a file's beforeAll (build check, a new server migrating and seeding its database, Chromium) 180 s.
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // expect.poll() waits for the page to settle: vitest's default of 1 s failed on a loaded machine
          // while a page was still fetching; 15 s is generous for any one step yet still ends a hang well
          // inside the test's own timeout.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
