import { mkdtempSync, rmSync, existsSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "./cli.ts";

// The CLI is tested on the embedded database (backup is SQLite-only); the same use cases run on PostgreSQL
// in the server's integration suite.
let dir: string;
let env: Record<string, string>;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await runCli(argv, env);
    return { code, out: out.join(""), err: err.join("") };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sainam-cli-"));
  env = { SAINAM_DATA_DIR: dir, SAINAM_LOG_LEVEL: "silent" };
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("sainam migrate", () => {
  it("applies the migrations once and then reports the schema up to date", async () => {
    const first = await run("migrate", "--json");
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out);
    expect(report).toMatchObject({ ok: true, db: "sqlite" });
    // Every migration, in number order, starting with the foundation.
    expect(report.applied.slice(0, 3)).toEqual(["0001-foundation", "0002-registry", "0003-monitoring"]);
    expect([...report.applied].sort()).toEqual(report.applied);
    const second = await run("migrate", "--json");
    expect(JSON.parse(second.out).applied).toEqual([]);
  });
});

describe("sainam seed", () => {
  it("loads the reference data once and is idempotent", async () => {
    const first = JSON.parse((await run("seed", "--json")).out);
    expect(first).toMatchObject({ ok: true, loaded: true });
    expect(first.counts).toMatchObject({ provinces: 77, provincialClusters: 18, plans: 1 });
    expect(first.counts.districts).toBeGreaterThan(900);
    const second = JSON.parse((await run("seed", "--json")).out);
    expect(second.loaded).toBe(false);
    expect(second.counts).toEqual(first.counts);
  });
});

describe("sainam user add", () => {
  it("creates an agency officer scoped to an agency given by code, with a generated password printed once", async () => {
    const result = await run(
      "user",
      "add",
      "--email",
      "officer@example.org",
      "--role",
      "agency_officer",
      "--agency",
      "DIP",
      "--json",
    );
    expect(result.code).toBe(0);
    const body = JSON.parse(result.out);
    expect(body.user).toMatchObject({ email: "officer@example.org", role: "agency_officer" });
    expect(body.user.agencyId).toBeGreaterThan(0);
    expect(body.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
  });

  it("creates an expert with a provider (imported from a file) and fields, and names --fields for an unknown one", async () => {
    const providers = join(dir, "providers.csv");
    writeFileSync(
      providers,
      "รหัสหน่วยบริการ,ชื่อหน่วยบริการ,ประเภท,หน่วยงาน,จังหวัดที่ให้บริการ,บริการ\n" +
        "RISPM-N,กลไกส่งเสริม SME ภาคเหนือ,ศูนย์ SME,OSMEP,ภาคเหนือ,การตลาด ลอจิสติกส์\n",
    );
    const imported = await run("import", "providers", providers, "--json");
    expect(JSON.parse(imported.out)).toMatchObject({ ok: true, counts: { imported: 1 } });
    const noProvider = JSON.parse(
      (await run("user", "add", "--email", "e0@example.org", "--role", "expert", "--fields", "finance", "--json")).out,
    );
    expect(noProvider.error.message).toContain("providerId");
    const result = await run(
      "user",
      "add",
      "--email",
      "expert@example.org",
      "--role",
      "expert",
      "--provider",
      "RISPM-N",
      "--fields",
      "marketing, finance",
      "--json",
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).user).toMatchObject({ email: "expert@example.org", role: "expert" });
    const unknown = JSON.parse(
      (
        await run(
          "user",
          "add",
          "--email",
          "e2@example.org",
          "--role",
          "expert",
          "--provider",
          "RISPM-N",
          "--fields",
          "astrology",
          "--json",
        )
      ).out,
    );
    expect(unknown.error.message).toContain("--fields");
  });

  it("refuses a duplicate e-mail with a conflict", async () => {
    const result = await run("user", "add", "--email", "officer@example.org", "--role", "expert", "--json");
    expect(result.code).toBe(2);
    expect(JSON.parse(result.out).error.code).toBe("conflict");
  });

  it("names the flag when the input is invalid", async () => {
    const badRole = JSON.parse((await run("user", "add", "--email", "x@example.org", "--role", "king", "--json")).out);
    expect(badRole.error.message).toContain("--role");
    const badAgency = JSON.parse(
      (await run("user", "add", "--email", "y@example.org", "--role", "agency_officer", "--agency", "NOPE", "--json"))
        .out,
    );
    expect(badAgency.error.message).toContain("--agency");
    const shortPassword = JSON.parse(
      (await run("user", "add", "--email", "z@example.org", "--role", "expert", "--password", "short", "--json")).out,
    );
    expect(shortPassword.error.message).toContain("--password");
    const noAgency = JSON.parse(
      (await run("user", "add", "--email", "w@example.org", "--role", "agency_officer", "--json")).out,
    );
    expect(noAgency.error.message).toContain("agency");
  });

  it("audits the creation as done by the system", async () => {
    const db = new DatabaseSync(join(dir, "sainam.sqlite"));
    const row = db
      .prepare("SELECT actor_user_id, action FROM audit_log WHERE action = 'user.create' ORDER BY id DESC LIMIT 1")
      .get();
    db.close();
    expect(row).toEqual({ actor_user_id: null, action: "user.create" });
  });
});

describe("sainam backup", () => {
  it("writes a consistent copy that opens and holds the same data", async () => {
    const target = join(dir, "copy.sqlite");
    const result = await run("backup", "--out", target, "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ ok: true, path: target });
    expect(existsSync(`${target}.partial`)).toBe(false);
    const copy = new DatabaseSync(target, { readOnly: true });
    const users = copy.prepare("SELECT count(*) AS n FROM users").get();
    const provinces = copy.prepare("SELECT count(*) AS n FROM provinces").get();
    const integrity = copy.prepare("PRAGMA integrity_check").get();
    copy.close();
    // The officer and the expert that "sainam user add" created above.
    expect(users).toEqual({ n: 2 });
    expect(provinces).toEqual({ n: 77 });
    expect(integrity).toEqual({ integrity_check: "ok" });
  });

  it("writes backups readable by the server's user only: 0600 files in a 0700 backups folder", async () => {
    const result = await run("backup", "--json");
    expect(result.code).toBe(0);
    const { path } = JSON.parse(result.out);
    expect(path.startsWith(join(dir, "backups"))).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, "backups")).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, "copy.sqlite")).mode & 0o777).toBe(0o600);
  });

  it("refuses to back up PostgreSQL and says what to use instead", async () => {
    const result = await runCli(["backup", "--json"], { ...env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(result).toBe(2);
  });
});

describe("sainam (usage)", () => {
  it("rejects an unknown command with exit code 2", async () => {
    const result = await run("frobnicate", "--json");
    expect(result.code).toBe(2);
    expect(JSON.parse(result.out).error.code).toBe("unknown_command");
  });

  it("rejects an invalid configuration with the variable named", async () => {
    const result = await runCli(["migrate", "--json"], { DATABASE_URL: "mysql://x" });
    expect(result).toBe(2);
  });
});

describe("sainam examples", () => {
  it("loads the seeds' example clusters once, and removes them with one command", async () => {
    const loaded = JSON.parse((await run("examples", "load", "--json")).out);
    expect(loaded.ok).toBe(true);
    expect(loaded.loaded).toBe(true);
    const again = JSON.parse((await run("examples", "load", "--json")).out);
    expect(again.loaded).toBe(false);
    const db = new DatabaseSync(join(dir, "sainam.sqlite"));
    const count = () => db.prepare("SELECT count(*) AS n FROM clusters WHERE is_example = 1").get();
    const indexed = () => ({
      n: ["search_cluster", "search_enterprise", "search_institution"].reduce(
        (n, table) => n + Number(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0),
        0,
      ),
    });
    expect(count()).toEqual({ n: 20 });
    expect(indexed().n).toBeGreaterThan(20);
    const removed = await run("examples", "remove", "--json");
    expect(removed.code).toBe(0);
    expect(count()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM enterprises WHERE is_example = 1").get()).toEqual({ n: 0 });
    // Only the loaded examples were indexed, so removing them empties the index.
    expect(indexed()).toEqual({ n: 0 });
    db.close();
  });
});

describe("sainam service-figures", () => {
  it("rebuilds the service figures' roll-up in one transaction, audited", async () => {
    const result = await run("service-figures", "rebuild", "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ ok: true, requests: 0, cells: 0 });
    const db = new DatabaseSync(join(dir, "sainam.sqlite"));
    expect(
      db
        .prepare(
          "SELECT count(*) AS n FROM audit_log WHERE entity_type = 'service_figure_rollup' AND action = 'rebuild'",
        )
        .get(),
    ).toEqual({ n: 1 });
    db.close();
    expect((await run("service-figures", "refresh")).code).toBe(2);
  });
});

describe("sainam import", () => {
  it("imports the DBD monthly file as-is and prints the counts as JSON", async () => {
    const { dbdMonthlyCsv, dbdFirms } = await import("../../../packages/importer/src/test-support/dbd-monthly.ts");
    const { writeFileSync } = await import("node:fs");
    const file = join(dir, "99_256701.csv");
    writeFileSync(file, dbdMonthlyCsv(), "utf8");
    const result = await run("import", "enterprises", file, "--json");
    expect(result.code).toBe(0);
    const body = JSON.parse(result.out);
    expect(body).toMatchObject({
      ok: true,
      status: "done",
      counts: { imported: dbdFirms.length, updated: 0, skipped: 0 },
    });
  });

  it("imports months of the same source spelt differently in any order with the saved mapping: A, B, A", async () => {
    const { dbdVariantFile, dbdVariants } = await import("../../../packages/importer/src/test-support/dbd-variants.ts");
    const { dbdFirms } = await import("../../../packages/importer/src/test-support/dbd-monthly.ts");
    const { writeFileSync } = await import("node:fs");
    const [a, b] = [
      dbdVariants.find((v) => v.name.startsWith("apr-like")),
      dbdVariants.find((v) => v.name.startsWith("dec2558")),
    ];
    if (!a || !b) throw new Error("fixture");
    for (const [step, month] of [a, b, a].entries()) {
      const file = join(dir, `99_month${step}.csv`);
      writeFileSync(file, dbdVariantFile(month));
      const result = await run("import", "enterprises", file, "--json");
      expect(result.code, result.out).toBe(0);
      const { counts } = JSON.parse(result.out);
      expect(counts.imported + counts.updated).toBe(dbdFirms.length);
      expect(counts).toMatchObject({ skipped: 0, errors: 0 });
    }
    const db = new DatabaseSync(join(dir, "sainam.sqlite"));
    expect(db.prepare("SELECT count(*) AS n FROM import_mappings WHERE kind = 'enterprises'").get()).toEqual({ n: 1 });
    db.close();
  });

  it("imports a wide values file into the reference plan by its code, as drafts", async () => {
    const { writeFileSync } = await import("node:fs");
    const file = join(dir, "values-wide.csv");
    writeFileSync(file, 'รหัสตัวชี้วัด,จังหวัด,2563,ปีงบประมาณ 2564\n1.2,เชียงใหม่,"1,250","๑,๓๐๐"\n1.2,Lamphun,210,\n', "utf8");
    const result = await run("import", "values", file, "--plan", "MOC-PCT-2017-2021", "--json");
    expect(result.code, result.out).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      ok: true,
      status: "done",
      counts: { imported: 2, updated: 0, skipped: 0, errors: 0 },
    });
    const db = new DatabaseSync(join(dir, "sainam.sqlite"));
    const rows = db
      .prepare(
        "SELECT org_unit_code, period_key, value, status FROM indicator_values WHERE is_example = 0 ORDER BY org_unit_code, period_key",
      )
      .all();
    db.close();
    expect(rows).toEqual([
      { org_unit_code: "50", period_key: "FY2020", value: 1250, status: "draft" },
      { org_unit_code: "50", period_key: "FY2021", value: 1300, status: "draft" },
      { org_unit_code: "51", period_key: "FY2020", value: 210, status: "draft" },
    ]);
    expect(JSON.parse((await run("import", "values", file, "--json")).out).error.code).toBe("validation_failed");
  });

  it("names the problem for a missing file or kind", async () => {
    expect((await run("import", "enterprises", "--json")).code).toBe(2);
    expect(JSON.parse((await run("import", "people", "x.csv", "--json")).out).error.code).toBe("bad_usage");
  });
});
