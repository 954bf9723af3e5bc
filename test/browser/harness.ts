// Browser-test harness: a real Sainam server on a free port with a throwaway database, and Debian's
// Chromium driven through playwright-core (no browser download).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ADMIN = { email: "admin@example.org", password: "browser-admin-password" };
const root = new URL("../../", import.meta.url).pathname;
/** How long a new server may take to migrate, seed and listen; below the browser project's hookTimeout. */
const SERVER_START_MS = 120_000;

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
  // The server listens on a port of the kernel's choosing and reports it over IPC once it is listening, so
  // no other process (another test run on the same machine) can take the port between choosing and listening.
  const server: ChildProcess = spawn(process.execPath, [join(root, "apps/server/src/main.ts")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      SAINAM_DATA_DIR: dataDir,
      SAINAM_ADMIN_EMAIL: ADMIN.email,
      SAINAM_ADMIN_PASSWORD: ADMIN.password,
      SAINAM_LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  let baseUrl: string;
  let browser: Browser;
  try {
    // A fresh database is migrated and seeded before the server listens: seconds on a loaded 2-core machine,
    // so the wait is long (but shorter than the hook's timeout, to stop the server and say why); a server
    // that dies says so at once.
    baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not listen within ${SERVER_START_MS / 1000} s`)),
        SERVER_START_MS,
      );
      server.once("exit", () => clearTimeout(timer));
      server.once("message", (message: unknown) => {
        clearTimeout(timer);
        const address =
          typeof message === "object" && message !== null && "listening" in message ? message.listening : null;
        if (typeof address === "string") resolve(address);
        else reject(new Error(`unexpected message from the server: ${JSON.stringify(message)}`));
      });
      server.once("exit", (code, signal) => reject(new Error(`server exited (${signal ?? code}) before listening`)));
      server.once("error", reject);
    });
    server.disconnect();
    const health = await fetch(`${baseUrl}/api/health`);
    if (!health.ok) throw new Error(`${baseUrl}/api/health answered ${health.status}`);
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    baseUrl,
    dataDir,
    browser,
    async newPage(locale = "th") {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: locale === "th" ? "th-TH" : "en-GB",
        viewport: { width: 1280, height: 900 },
      });
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
      await stop();
    },
  };
}
