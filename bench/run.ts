// `npm run bench`: runs every benchmark and prints its figures next to a baseline measured in the same run.
// `npm run bench -- server`, `-- registry`, `-- monitoring` or `-- import-latency` runs one; `-- search-eval` (not in the default run) measures search on real DBD names (bench/search-eval.ts) (BENCH_IMPORT_MB sizes its file, default 300); BENCH_ENTERPRISES sizes the registry (default 1,000,000).
import { runServerBench } from "./server.bench.ts";
import { runRegistryBench } from "./registry.bench.ts";
import { runMonitoringBench } from "./monitoring.bench.ts";
import { runImportLatencyBench } from "./import-latency.bench.ts";
import { runSearchEval } from "./search-eval.ts";

const only = process.argv[2];
if (!only || only === "server") console.log(JSON.stringify({ server: await runServerBench() }, null, 2));
if (!only || only === "registry") console.log(JSON.stringify({ registry: await runRegistryBench() }, null, 2));
if (!only || only === "monitoring") console.log(JSON.stringify({ monitoring: await runMonitoringBench() }, null, 2));
if (!only || only === "import-latency") console.log(JSON.stringify({ importLatency: await runImportLatencyBench() }, null, 2));
if (only === "search-eval") console.log(JSON.stringify({ searchEval: await runSearchEval() }, null, 2));
