// `npm run bench`: runs every benchmark and prints its figures next to a baseline measured in the same run.
// `npm run bench -- server`, `-- registry`, `-- monitoring`, `-- import-latency`, `-- services`, `-- scheduler` or
// `-- search-eval` runs one.
// BENCH_ENTERPRISES sizes the registry (default 1,000,000); BENCH_IMPORT_MB the import-latency file (default 300);
// search-eval (real DBD names, bench/search-eval.ts) runs after the registry bench too, and in the default run.
import { runServerBench } from "./server.bench.ts";
import { runRegistryBench } from "./registry.bench.ts";
import { runMonitoringBench } from "./monitoring.bench.ts";
import { runImportLatencyBench } from "./import-latency.bench.ts";
import { runSearchEval } from "./search-eval.ts";
import { runServicesBench } from "./services.ts";
import { runCatalogueBench } from "./catalogue.ts";
import { runSchedulerBench } from "./scheduler.ts";

const only = process.argv[2];
if (!only || only === "server") console.log(JSON.stringify({ server: await runServerBench() }, null, 2));
if (!only || only === "registry") console.log(JSON.stringify({ registry: await runRegistryBench() }, null, 2));
if (!only || only === "monitoring") console.log(JSON.stringify({ monitoring: await runMonitoringBench() }, null, 2));
if (!only || only === "import-latency")
  console.log(JSON.stringify({ importLatency: await runImportLatencyBench() }, null, 2));
if (!only || only === "services") console.log(JSON.stringify({ services: await runServicesBench() }, null, 2));
if (!only || only === "catalogue") console.log(JSON.stringify({ catalogue: await runCatalogueBench() }, null, 2));
if (!only || only === "scheduler") console.log(JSON.stringify({ scheduler: runSchedulerBench() }, null, 2));
// The search evaluation on real names belongs to the registry's figures: it runs with the registry bench too.
if (!only || only === "registry" || only === "search-eval")
  console.log(JSON.stringify({ searchEval: await runSearchEval() }, null, 2));
