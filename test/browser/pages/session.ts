import type { BrowserContext, Page } from "playwright-core";
import type { Harness } from "../harness.ts";
import type { TestUser } from "./api.ts";

/** A fresh browser context in the locale, signed in as the user (the admin when "admin"), at `path` if given. */
export async function openAs(
  h: Harness,
  user: TestUser | "admin" | null,
  locale: "th" | "en",
  path?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await h.newPage(locale);
  if (user === "admin") await h.signIn(opened.page);
  else if (user !== null) await h.signIn(opened.page, user.email, user.password);
  if (path !== undefined) await opened.page.goto(path);
  return opened;
}

/** Saves the signed-in user's language on their account, as the language switch does, without reloading. */
export async function setAccountLocale(page: Page, locale: "th" | "en"): Promise<void> {
  await page.evaluate(async (wanted) => {
    const csrf = decodeURIComponent(
      document.cookie
        .split("; ")
        .find((c) => c.startsWith("sainam_csrf="))
        ?.split("=")[1] ?? "",
    );
    await fetch("/api/auth/me", {
      method: "PATCH",
      headers: { "content-type": "application/json", "x-csrf-token": csrf },
      body: JSON.stringify({ locale: wanted }),
    });
  }, locale);
}

/** The sign-in page, for tests of signing in itself. */
export class SignInPage {
  readonly page: Page;
  private readonly labels: { email: string; password: string };

  constructor(page: Page, labels = { email: "E-mail", password: "Password" }) {
    this.page = page;
    this.labels = labels;
  }

  async open(): Promise<void> {
    await this.page.goto("/login");
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel(this.labels.email).fill(email);
    await this.page.getByLabel(this.labels.password).fill(password);
    await this.page.locator("form button[type=submit]").click();
  }

  /** The first alert's text: where a refused sign-in says why. */
  alert(): Promise<string | null> {
    return this.page.getByRole("alert").first().textContent();
  }
}

/**
 * A fresh context signed in as the admin, with the account's language saved as `locale` — the admin's own is Thai,
 * and once signed in the account's language wins over the browser's, whatever an earlier test chose — at `path`
 * if given.
 */
export async function openAsAdminIn(
  h: Harness,
  locale: "th" | "en",
  path?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openAs(h, "admin", locale);
  await setAccountLocale(opened.page, locale);
  if (path !== undefined) await opened.page.goto(path);
  return opened;
}
