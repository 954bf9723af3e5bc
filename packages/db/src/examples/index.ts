export { loadExamples, removeExamples } from "./examples.seed.ts";
export type { ExampleCounts, LoadExamplesReport, RemoveExamplesReport } from "./examples.seed.ts";
export * as exampleData from "./examples.data.ts";
export { EXAMPLE_VALUE_SOURCE, exampleValueIndicators } from "./example-values.seed.ts";
