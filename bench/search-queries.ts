// The search query sets of the registry benchmark and how they are timed. Names in the generated registry
// (registry-data.ts) put one of 15 products and one of 10 places in every firm's name, so each word below
// is common (tens of thousands of firms per million); the last set pairs common words that the generator
// never puts in the same firm, the case where a search must rule out many candidates to answer "none".
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";

export const SEARCH_QUERY_SETS = {
  thai: ["กาแฟเชียงใหม่", "ผ้าไหม", "สมุนไพรลำปาง", "น้ำผึ้ง", "เซรามิก ลำปาง", "ขนมภูเก็ต"],
  english: ["coffee", "silk siam", "herbal", "ceramics", "honey 12", "machinery"],
  neverTogether: ["กาแฟ ลำปาง", "ข้าว ภูเก็ต", "coffee rubber", "silk timber"],
} as const;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

const ms = (value: number) => Math.round(value * 100) / 100;

/**
 * Runs every query `rounds` times. The first round meets each query's words for the first time (nothing
 * cached in the process), so it is reported apart (`firstRoundMaxMs`); p50/p95 are over the later rounds.
 * Wall time is what a user waits; on a machine shared with other work it includes waiting for a core, so
 * the process's CPU time per query (`cpuP50Ms`/`cpuP95Ms`) and the load average are printed beside it.
 */
export async function timeSearches(run: (q: string) => Promise<unknown>, queries: readonly string[], rounds: number) {
  const first: number[] = [];
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const c = process.cpuUsage();
      const s = performance.now();
      await run(q);
      const wall = performance.now() - s;
      const used = process.cpuUsage(c);
      if (r === 0) first.push(wall);
      else {
        times.push(wall);
        cpu.push((used.user + used.system) / 1000);
      }
    }
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    queries: times.length,
    p50Ms: ms(percentile(times, 0.5)),
    p95Ms: ms(percentile(times, 0.95)),
    firstRoundMaxMs: ms(Math.max(...first)),
    cpuP50Ms: ms(percentile(cpu, 0.5)),
    cpuP95Ms: ms(percentile(cpu, 0.95)),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
  };
}
