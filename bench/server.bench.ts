// Server benchmark: cold start to the first /api/health answer; authenticated GET throughput and p99 latency
// at 50 connections next to a bare Fastify route serving the same JSON; idle server memory.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";

const root = new URL("../", import.meta.url).pathname;
const ADMIN = { email: "bench@example.org", password: "bench-password-123" };
const CONNECTIONS = 50;
const DURATION_S = 6;
// Two authenticated reads: the session alone, and a reference resource with its session.
const ROUTES = ["/api/auth/me", "/api/provincial-clusters/6"];

type Started = { child: ChildProcess; port: number; ms: number };

async function waitForHealth(port: number, child: ChildProcess, t0: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function startServer(dataDir: string, port: number): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, "apps/server/src/main.ts")], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      SAINAM_DATA_DIR: dataDir,
      SAINAM_ADMIN_EMAIL: ADMIN.email,
      SAINAM_ADMIN_PASSWORD: ADMIN.password,
      SAINAM_LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const ms = await waitForHealth(port, child, t0);
  return { child, port, ms };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

async function load(url: string, headers: Record<string, string>) {
  // Warm-up first, so both servers are measured after the JIT has settled.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

const BARE_SERVER = `
import Fastify from "fastify";
const body = process.env.BENCH_BODY;
const app = Fastify({ logger: false });
const payload = JSON.parse(body);
app.get("/bare", async () => payload);
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
console.log("ready");
`;

async function startBare(body: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", BARE_SERVER], {
    cwd: join(root, "apps/server"),
    env: { ...process.env, BENCH_BODY: body, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`bare server exited ${code}`)));
  });
  return child;
}

export async function runServerBench() {
  const dataDir = mkdtempSync(join(tmpdir(), "sainam-bench-"));
  try {
    const first = await startServer(dataDir, 18181);
    await stop(first.child);
    const warm = await startServer(dataDir, 18181);

    const login = await fetch(`http://127.0.0.1:18181/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADMIN),
    });
    const cookie =
      (login.headers.getSetCookie().find((c) => c.startsWith("sainam_session=")) ?? "").split(";")[0] ?? "";
    await new Promise((r) => setTimeout(r, 2000));
    const idleMb = rssMb(warm.child.pid);
    const reads = [];
    for (const route of ROUTES) {
      const body = await (await fetch(`http://127.0.0.1:18181${route}`, { headers: { cookie } })).text();
      const sainam = await load(`http://127.0.0.1:18181${route}`, { cookie });
      // The baseline: a bare Fastify process serving the same JSON, measured right after on the same machine.
      const bare = await startBare(body, 18182);
      const baseline = await load("http://127.0.0.1:18182/bare", {});
      await stop(bare);
      reads.push({
        route,
        responseBytes: body.length,
        sainam,
        bareFastifySameJson: baseline,
        ratio: Math.round((sainam.requestsPerSecond / baseline.requestsPerSecond) * 100) / 100,
      });
    }
    const afterLoadMb = rssMb(warm.child.pid);
    await stop(warm.child);

    return {
      machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
      coldStart: {
        firstStartMs: Math.round(first.ms),
        note: "first start: migrations, reference data, admin (Argon2id) — target < 2000 ms",
        restartMs: Math.round(warm.ms),
      },
      authenticatedGet: {
        connections: CONNECTIONS,
        durationSeconds: DURATION_S,
        targets: "ratio ≥ 0.6, p99 < 10 ms",
        reads,
      },
      memory: { idleRssMb: idleMb, afterLoadRssMb: afterLoadMb, target: "idle < 200 MB" },
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
