// The HTTP contract of Sainam: the Zod schema of every request and response, with their inferred types.
// The server validates and documents with them; the web app types and checks with them. Depends on zod and core only.
export * from "./choices.ts";
export * from "./common.schema.ts";
export * from "./agency.schema.ts";
export * from "./audit.schema.ts";
export * from "./cluster.schema.ts";
export * from "./dashboard.schema.ts";
export * from "./enterprise.schema.ts";
export * from "./health.schema.ts";
export * from "./holiday.schema.ts";
export * from "./import.schema.ts";
export * from "./indicator-value.schema.ts";
export * from "./my-business.schema.ts";
export * from "./plan.schema.ts";
export * from "./programme.schema.ts";
export * from "./reference.schema.ts";
export * from "./search.schema.ts";
export * from "./user.schema.ts";
export * from "./value-chain.schema.ts";
export * from "./provider.schema.ts";
export * from "./notification.schema.ts";
export * from "./case-work.schema.ts";
export * from "./service-request.schema.ts";
export * from "./service-figures.schema.ts";
export * from "./deal.schema.ts";
