// What a record is found by: pure functions of its fields (core's search-text.ts), with no database, so the
// import's reading thread (imports/import-worker.ts) can work out a firm's search text without loading @sainam/db.
export { clusterSearchText, enterpriseSearchText, institutionSearchText } from "@sainam/core";
