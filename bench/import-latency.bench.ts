// Import latency benchmark: while a large DBD-layout CSV is imported through the API, a client on 127.0.0.1
// signs in and lists enterprises at a fixed rate; their p50/p95/p99 are printed next to the same figures
// measured just before on the same server with no import (the baseline), with the import's rows per second.
// BENCH_IMPORT_MB sizes the file (default 300).
import { spawn, type ChildProcess } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { Readable } from "node:stream";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rowOf, writeRegistryCsv } from "./registry-data.ts";

const root = new URL("../", import.meta.url).pathname;
const ADMIN = { email: "bench@example.org", password: "bench-password-123" };
const PORT = 18191;
const BASE = `http://127.0.0.1:${PORT}`;
// The client's pace: a sign-in every 250 ms and a list every 50 ms, each sent on time whatever the answers do.
const SIGN_IN_EVERY_MS = 250;
const LIST_EVERY_MS = 50;
const BASELINE_MS = 10_000;

async function startServer(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, "apps/server/src/main.ts")], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      SAINAM_DATA_DIR: dataDir,
      SAINAM_ADMIN_EMAIL: ADMIN.email,
      SAINAM_ADMIN_PASSWORD: ADMIN.password,
      SAINAM_LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${BASE}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  const cookie =
    (response.headers.getSetCookie().find((c) => c.startsWith("sainam_session=")) ?? "").split(";")[0] ?? "";
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN) * 10) / 10;
  return {
    n: sorted.length,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    maxMs: Math.round((sorted[sorted.length - 1] ?? NaN) * 10) / 10,
  };
}

/** Sends sign-ins and list requests at a fixed pace until `until` resolves; answers their latencies. */
async function measure(cookie: string, until: Promise<unknown>) {
  const signIns: number[] = [];
  const lists: number[] = [];
  let failures = 0;
  const inFlight = new Set<Promise<void>>();
  const timed = (samples: number[], send: () => Promise<Response>) => {
    const t0 = performance.now();
    const p = send()
      .then(async (r) => {
        await r.arrayBuffer();
        if (!r.ok) failures++;
        samples.push(performance.now() - t0);
      })
      .catch(() => void failures++)
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const signInTimer = setInterval(
    () =>
      timed(signIns, () =>
        fetch(`${BASE}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(ADMIN),
        }),
      ),
    SIGN_IN_EVERY_MS,
  );
  const listTimer = setInterval(
    () => timed(lists, () => fetch(`${BASE}/api/enterprises?page=1`, { headers: { cookie } })),
    LIST_EVERY_MS,
  );
  await until;
  clearInterval(signInTimer);
  clearInterval(listTimer);
  await Promise.all(inFlight);
  return { signIn: percentiles(signIns), list: percentiles(lists), failures };
}

export async function runImportLatencyBench() {
  const megabytes = Number(process.env.BENCH_IMPORT_MB ?? 300);
  const dataDir = mkdtempSync(join(tmpdir(), "sainam-import-bench-"));
  const csv = join(dataDir, "registry.csv");
  const sample = rowOf(123_456);
  const bytesPerRow = Buffer.byteLength(
    `${sample.juristicId},${sample.nameTh},"${sample.nameEn}",${sample.registeredOn},"${sample.capital.toLocaleString("en-US")}",${sample.tsic},${sample.province},${sample.product}\n`,
  );
  const rows = Math.round((megabytes * 1024 * 1024) / bytesPerRow);
  await writeRegistryCsv(csv, rows);
  const fileBytes = statSync(csv).size;
  const server = await startServer(dataDir);
  try {
    const { cookie, csrf } = await signIn();
    const baseline = await measure(cookie, new Promise((r) => setTimeout(r, BASELINE_MS)));

    const upload = await fetch(`${BASE}/api/imports?kind=enterprises&fileName=registry.csv`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream", cookie, "x-csrf-token": csrf },
      body: Readable.toWeb(createReadStream(csv)) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit);
    if (upload.status !== 201) throw new Error(`upload failed: ${upload.status} ${await upload.text()}`);
    const preview = (await upload.json()) as { batchId: number; suggestedMapping: Record<string, string> };
    const t0 = performance.now();
    const run = await fetch(`${BASE}/api/imports/${preview.batchId}/run`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf },
      body: JSON.stringify({ mapping: preview.suggestedMapping }),
    });
    if (run.status !== 202) throw new Error(`run failed: ${run.status} ${await run.text()}`);
    type Status = { status: string; report: { counts: Record<string, number> } | null; errorCode: string | null };
    const finished = (async (): Promise<Status> => {
      for (;;) {
        await new Promise((r) => setTimeout(r, 1000));
        const status = (await (
          await fetch(`${BASE}/api/imports/${preview.batchId}`, { headers: { cookie } })
        ).json()) as Status;
        if (status.status === "done" || status.status === "failed") return status;
      }
    })();
    const during = await measure(cookie, finished);
    const seconds = (performance.now() - t0) / 1000;
    const result = await finished;
    return {
      machine: {
        cpus: (await import("node:os")).cpus().length,
        node: process.version,
        engine: process.env.DATABASE_URL ? "postgres" : "sqlite",
      },
      file: { megabytes: Math.round(fileBytes / 1024 / 1024), rows },
      client: { signInEveryMs: SIGN_IN_EVERY_MS, listEveryMs: LIST_EVERY_MS, list: "GET /api/enterprises?page=1" },
      baselineNoImport: baseline,
      duringImport: during,
      import: {
        status: result.status,
        errorCode: result.errorCode,
        counts: result.report?.counts,
        seconds: Math.round(seconds),
        rowsPerSecond: Math.round(rows / seconds),
      },
      target: "p99 < 200 ms for sign-in and list during the import",
    };
  } finally {
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
