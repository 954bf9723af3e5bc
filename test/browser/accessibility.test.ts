import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startHarness, type Harness } from "./harness.ts";
import { field, idByCode, items, publicGet } from "./pages/api.ts";
import { openAs } from "./pages/session.ts";

// axe-core finds no critical or serious violation on the most used pages, in Thai and in English, with the
// example data. axe's own source is injected into each page (no bundler, no network) as an init script: the app's
// Content-Security-Policy (script-src 'self') rightly refuses an inline <script> tag, which page.addScriptTag adds.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let h: Harness;
const ids = { cluster: 0, enterprise: 0, plan: 0, programme: 0, provider: 0 };

beforeAll(async () => {
  h = await startHarness();
  ids.cluster = await idByCode(h.baseUrl, "/api/clusters?pageSize=100", "dip-coffee");
  ids.plan = await idByCode(h.baseUrl, "/api/plans", "MOC-PCT-2017-2021");
  ids.enterprise = Number(field(items(await publicGet(h.baseUrl, "/api/enterprises?pageSize=1"))[0], "id"));
  ids.programme = Number(field(items(await publicGet(h.baseUrl, "/api/programmes?pageSize=200"))[0], "id"));
  ids.provider = await idByCode(h.baseUrl, "/api/service-providers", "EX-ITC");
  for (const [name, id] of Object.entries(ids)) if (!(id > 0)) throw new Error(`no example ${name}`);
});
afterAll(async () => {
  await h?.close();
});

type Violation = { id: string; impact: string | null; help: string; targets: string[] };

type AxeRun = { violations: Violation[]; passed: string[] };

/** axe's findings on the page as it stands: its violations, each with the elements it names, and the rules passed. */
async function runAxe(page: Page): Promise<AxeRun> {
  return page.evaluate(async () => {
    type AxeResults = {
      violations: Array<{
        id: string;
        impact?: string | null;
        help: string;
        nodes: Array<{ target: unknown[]; failureSummary?: string }>;
      }>;
      passes: Array<{ id: string }>;
    };
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe;
    const results = await axe.run(document);
    return {
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.slice(0, 6).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ""}`),
      })),
      passed: results.passes.map((r) => r.id),
    };
  });
}

type Visit = { name: string; path: () => string; signedIn?: boolean; ready: string };

const pages: Visit[] = [
  { name: "home", path: () => "/", ready: "main h1" },
  { name: "clusters", path: () => "/clusters", ready: "table" },
  { name: "cluster page", path: () => `/clusters/${ids.cluster}`, ready: "[data-stage]" },
  { name: "enterprises", path: () => "/enterprises", ready: "table" },
  { name: "enterprise page", path: () => `/enterprises/${ids.enterprise}`, ready: "main h1" },
  { name: "plan page", path: () => `/plans/${ids.plan}`, signedIn: true, ready: "main h1" },
  { name: "value entry", path: () => `/values?plan=${ids.plan}`, signedIn: true, ready: "table" },
  { name: "dashboard", path: () => `/dashboard?plan=${ids.plan}&year=2021`, ready: "tr[data-indicator-code]" },
  { name: "programmes", path: () => "/programmes", ready: "main h1" },
  { name: "programme page", path: () => `/programmes/${ids.programme}`, ready: "main h1" },
  { name: "service providers", path: () => "/service-providers", ready: "table" },
  { name: "events", path: () => "/events", ready: "main h1" },
  { name: "new event", path: () => "/events/new", signedIn: true, ready: "form button[type=submit]" },
  { name: "provider page", path: () => `/service-providers/${ids.provider}`, signedIn: true, ready: "main h1" },
  { name: "search results", path: () => "/search?q=coffee", ready: ".results .result-group" },
  { name: "login", path: () => "/login", ready: "form button[type=submit]" },
  { name: "holidays page", path: () => "/admin/holidays", signedIn: true, ready: "table" },
  { name: "failed mail page", path: () => "/admin/mail", signedIn: true, ready: ".state-empty, table" },
  { name: "inbox", path: () => "/inbox", signedIn: true, ready: ".state-empty, .inbox-list" },
];

for (const locale of ["th", "en"] as const) {
  describe(`accessibility (${locale})`, () => {
    for (const visit of pages) {
      it(`finds no critical or serious axe violation on the ${visit.name}`, async () => {
        const { context, page } = await openAs(h, visit.signedIn ? "admin" : null, locale);
        await context.addInitScript({ content: axeSource });
        await page.goto(visit.path());
        await page.locator(visit.ready).first().waitFor();
        await page.waitForLoadState("networkidle");
        const run = await runAxe(page);
        // axe did look at the page's text: a run that checked nothing would pass too.
        expect(run.passed).toContain("color-contrast");
        const violations = run.violations.filter((v) => v.impact === "critical" || v.impact === "serious");
        // The whole list in the failure message: rule, impact and the elements, so the cause is plain.
        expect(violations, `${visit.name} (${locale}):\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
        await context.close();
      });
    }
  });
}
