// Browser-test harness: a real Sainam server on a free port with a throwaway database, and Debian's
// Chromium driven through playwright-core (no browser download).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ADMIN = { email: "admin@example.org", password: "browser-admin-password" };
const root = new URL("../../", import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function chromiumPath(): string {
  for (const path of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(path)) return path;
  throw new Error("Chromium not found: apt-get install chromium fonts-thai-tlwg");
}

/** The signed-in user as the page's own session sees it (GET /api/auth/me), or null. */
export async function currentUser(page: Page): Promise<{ email: string; locale: string } | null> {
  const body: unknown = await page.evaluate(async () => (await fetch("/api/auth/me")).json());
  if (typeof body !== "object" || body === null || !("user" in body)) return null;
  const user = body.user;
  if (typeof user !== "object" || user === null || !("email" in user) || !("locale" in user)) return null;
  return { email: String(user.email), locale: String(user.locale) };
}

export type Harness = {
  baseUrl: string;
  /** The server's embedded database folder, for tests that seed rows directly. */
  dataDir: string;
  browser: Browser;
  newPage(locale?: "th" | "en"): Promise<{ context: BrowserContext; page: Page }>;
  signIn(page: Page, email?: string, password?: string): Promise<void>;
  close(): Promise<void>;
};

export async function startHarness(): Promise<Harness> {
  execFileSync(process.execPath, [join(root, "scripts/build-web-if-stale.ts")], { stdio: "inherit", cwd: root });
  const dataDir = mkdtempSync(join(tmpdir(), "sainam-browser-"));
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [join(root, "apps/server/src/main.ts")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      SAINAM_DATA_DIR: dataDir,
      SAINAM_ADMIN_EMAIL: ADMIN.email,
      SAINAM_ADMIN_PASSWORD: ADMIN.password,
      SAINAM_LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("server did not answer /api/health within 30 s");
    await new Promise((r) => setTimeout(r, 100));
  }

  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });

  return {
    baseUrl,
    dataDir,
    browser,
    async newPage(locale = "th") {
      const context = await browser.newContext({ baseURL: baseUrl, locale: locale === "th" ? "th-TH" : "en-GB", viewport: { width: 1280, height: 900 } });
      // Visitors' language lives in localStorage; set it before the app loads.
      await context.addInitScript((l) => {
        if (!window.localStorage.getItem("sainam.locale")) window.localStorage.setItem("sainam.locale", l);
      }, locale);
      return { context, page: await context.newPage() };
    },
    async signIn(page, email = ADMIN.email, password = ADMIN.password) {
      await page.goto("/login");
      await page.locator("input[type=email]").fill(email);
      await page.locator("input[type=password]").fill(password);
      await page.locator("form button[type=submit]").click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    },
    async close() {
      await browser.close();
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
