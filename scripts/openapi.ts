// Writes the OpenAPI document the server generates, without listening on a port: an app over an in-memory
// database is built, asked for its document, and closed. `npm run openapi:lint` lints the file with Redocly;
// `--types` also rewrites the TypeScript types generated from it (committed; a test keeps them current).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import process from "node:process";
import { buildOpenApiDocument } from "../apps/server/src/openapi/openapi-document.ts";
import { OPENAPI_TYPES_FILE, openApiTypesSource } from "../apps/server/src/test-support/openapi-types.ts";

const args = process.argv.slice(2);
const out = resolve(args.find((a) => !a.startsWith("--")) ?? "dist/openapi.json");
const document = await buildOpenApiDocument();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
console.log(`OpenAPI document written to ${out}`);
if (args.includes("--types")) {
  writeFileSync(OPENAPI_TYPES_FILE, await openApiTypesSource(document));
  console.log(`OpenAPI types written to ${OPENAPI_TYPES_FILE}`);
}
