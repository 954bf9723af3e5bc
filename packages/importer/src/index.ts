// The public surface of @sainam/importer: files in, validated records and row reports out. It reads
// and writes streams but touches no database; the server and CLI upsert what it returns.
export * from "./read-table.ts";
export * from "./decode.ts";
export * from "./table-layout.ts";
export * from "./text-integrity.ts";
export * from "./mapping.ts";
export * from "./cell-values.ts";
export * from "./gazetteer.ts";
export * from "./row-issue.ts";
export * from "./normalise.ts";
export * from "./tsic.ts";
export * from "./indicator-values.ts";
export * from "./batch.ts";
export * from "./export.ts";
export * from "./service-providers.ts";
