// `npm run bench`: runs every benchmark and prints its figures next to a baseline measured in the same run.
import { runServerBench } from "./server.bench.ts";

const results = await runServerBench();
console.log(JSON.stringify(results, null, 2));
