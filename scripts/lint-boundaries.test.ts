// Each import boundary in eslint.config.js, shown to fail: a snippet is linted as if it were a file of that
// layer, and the layer's forbidden import must be reported while an allowed one passes.
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

// The snippets are not on disk, so no tsconfig holds them: lint them without type information (the boundary
// rules need none).
const eslint = new ESLint({
  cwd: new URL("..", import.meta.url).pathname,
  overrideConfig: tseslint.configs.disableTypeChecked,
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [x];\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "@typescript-eslint/no-restricted-imports")
    .map((m) => m.message);
}

describe("core", () => {
  const file = "packages/core/src/boundary-probe.ts";
  it.each([
    ['import { readFileSync as x } from "node:fs";', "core is pure"],
    ['import { spawn as x } from "child_process";', "core is pure"],
    ['import { clusters as x } from "@sainam/db";', "no other package of ours"],
    ['import { x } from "@sainam/contract";', "no other package of ours"],
    ['import { clusters as x } from "../../db/src/index.ts";', "no other package of ours"],
  ])("refuses %s", async (code, message) => {
    expect(await boundaryErrors(file, code)).toEqual([expect.stringContaining(message)]);
  });

  it("accepts its own modules and pure libraries", async () => {
    expect(
      await boundaryErrors(file, 'import { parseTarget as x } from "./target.ts";\nimport { z } from "zod";\nvoid z;'),
    ).toEqual([]);
  });
});

describe("contract", () => {
  const file = "packages/contract/src/boundary-probe.ts";
  it.each([
    ['import { sql as x } from "kysely";'],
    ['import { clusters as x } from "@sainam/db";'],
    ['import { errors as x } from "../../../apps/server/src/errors.ts";'],
  ])("refuses %s", async (code) => {
    expect(await boundaryErrors(file, code)).toEqual([expect.stringContaining("zod and @sainam/core only")]);
  });

  it("accepts zod, core and its own modules", async () => {
    const code =
      'import { z as x } from "zod";\nimport { ROLES } from "@sainam/core";\nimport { cluster } from "./cluster.ts";\nvoid ROLES; void cluster;';
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});

describe("web", () => {
  const file = "apps/web/src/features/clusters/boundary-probe.ts";
  it.each([
    ['import { errors as x } from "@sainam/server";'],
    ['import { clusters as x } from "@sainam/db";'],
    ['import { readRows as x } from "@sainam/importer";'],
    ['import { errors as x } from "../../../../server/src/errors.ts";'],
    ['import { clusters as x } from "../../../../../packages/db/src/index.ts";'],
  ])("refuses %s", async (code) => {
    expect(await boundaryErrors(file, code)).toEqual([expect.stringContaining("talks to the server over HTTP")]);
  });

  it("accepts core and its own modules", async () => {
    expect(
      await boundaryErrors(
        file,
        'import { formatNumber as x } from "@sainam/core";\nimport { api } from "../../api/client";\nvoid api;',
      ),
    ).toEqual([]);
  });
});

describe("routes", () => {
  const file = "apps/server/src/clusters/cluster.routes.ts";
  it.each([
    ['import { clusters as x } from "@sainam/db";'],
    ['import * as x from "../../../../packages/db/src/cluster.repository.ts";'],
    ['import { listClusters as x } from "./cluster.repository.ts";'],
  ])("refuses %s", async (code) => {
    expect(await boundaryErrors(file, code)).toEqual([expect.stringContaining("a route calls a service")]);
  });

  it("accepts the db package's types and the resource's service", async () => {
    const code =
      'import type { ClusterDetail } from "@sainam/db";\nimport { getCluster as x } from "./cluster.service.ts";\nexport type Shown = ClusterDetail;';
    expect(await boundaryErrors(file, code)).toEqual([]);
  });

  it("leaves services free to call repositories", async () => {
    expect(
      await boundaryErrors(
        "apps/server/src/clusters/cluster.service.ts",
        'import { clusters as x } from "@sainam/db";',
      ),
    ).toEqual([]);
  });
});
