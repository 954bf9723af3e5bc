// The public surface of @sainam/core: pure domain rules, no I/O.
export * from "./result.ts";
export * from "./locale.ts";
export * from "./thai-text.ts";
export * from "./fiscal-year.ts";
export * from "./juristic-id.ts";
export * from "./size-class.ts";
export * from "./target.ts";
export * from "./legal-form.ts";
export * from "./roles.ts";
export * from "./value-chain.ts";
export * from "./address.ts";
export * from "./search-text.ts";
export * from "./period.ts";
export * from "./org-unit.ts";
export * from "./aggregation.ts";
export * from "./class-breaks.ts";
export * from "./plan-level.ts";
