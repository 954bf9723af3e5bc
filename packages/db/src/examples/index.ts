export { loadExamples, removeExamples } from "./examples.seed.ts";
export type { ExampleCounts, LoadExamplesReport, RemoveExamplesReport } from "./examples.seed.ts";
export * as exampleData from "./examples.data.ts";
export * as exampleProgrammeData from "./programmes.data.ts";
export type { ProgrammeExampleCounts, ProgrammeExampleRemoval } from "./programmes.seed.ts";
export { EXAMPLE_VALUE_SOURCE, exampleValueIndicators } from "./example-values.seed.ts";
