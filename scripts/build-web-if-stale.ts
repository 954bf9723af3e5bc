// Builds the web app when its sources are newer than the last build, so `npm start` on a fresh clone
// serves a current app without rebuilding on every start.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const web = new URL("../apps/web/", import.meta.url).pathname;
const built = join(web, "dist", "index.html");

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

const sources = ["src", "index.html", "vite.config.ts", "package.json", "public"]
  .map((p) => join(web, p))
  .filter(existsSync);
// The web app also bundles core's rules and the contract's schemas, and the build's own precompress step.
const shared = ["../packages/core/src/", "../packages/contract/src/", "./precompress.ts"].map(
  (p) => new URL(p, import.meta.url).pathname,
);
const sourceTime = Math.max(...sources.map(newest), ...shared.map(newest));

if (existsSync(built) && statSync(built).mtimeMs >= sourceTime) {
  console.log("web app is up to date");
} else {
  console.log("building the web app …");
  // Always a production build: under a test runner NODE_ENV is "test", and Vite would then bundle React's
  // development build (larger, slower) into the app the browser tests exercise.
  execFileSync("npm", ["run", "build", "-w", "@sainam/web"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
}
