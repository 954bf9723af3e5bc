import { describe, expect, it } from "vitest";
import { firstLoadScripts } from "./first-load.ts";

describe("firstLoadScripts", () => {
  it("takes the entry script and every preloaded module, once each, in document order", () => {
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="/assets/index-a1.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/shared-b2.js">
      <link rel="modulepreload" crossorigin href="/assets/index-a1.js">
      <link rel="stylesheet" crossorigin href="/assets/index-c3.css">
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    </head></html>`;
    expect(firstLoadScripts(html)).toEqual(["/assets/index-a1.js", "/assets/shared-b2.js"]);
  });

  it("counts nothing for a page without scripts", () => {
    expect(firstLoadScripts("<html><body>maintenance</body></html>")).toEqual([]);
  });
});
