import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  migrateToLatest,
  openDatabase,
  privateDir,
  seedReferenceData,
  reference,
  clusters,
  plans,
  serviceProviders,
  serviceFigureRollup,
  audit,
} from "@sainam/db";
import {
  AppError,
  attachmentFolder,
  createContext,
  createUserBody,
  examplesService,
  generatePassword,
  importService,
  loadConfig,
  userService,
} from "@sainam/server";
import { systemActor } from "@sainam/core";
import { RestoreError, restoreBackup, writeBackup } from "./backup.ts";

const USAGE = `sainam — command line for Sainam

Usage:
  sainam migrate [--json]                  bring the database schema up to date
  sainam seed [--json]                     load the reference data (idempotent)
  sainam user add --email E --role R [--name N] [--password P] [--agency CODE] [--clusters 1,2]
                  [--enterprise ID] [--provider CODE --fields marketing,finance] [--locale th|en] [--json]
                                           create a user; a password is generated and printed once if none is given
  sainam backup [--out FILE] [--json]      write a consistent copy of the embedded SQLite database, with the files
                                           of the request attachments, as one file
  sainam restore FILE [--replace] [--json] restore a backup into the data folder (the server stopped): the database
                                           and the attachment files; --replace keeps the current database aside
  sainam examples load|remove [--json]     load or remove the example clusters, firms and links of the seeds
  sainam import enterprises|memberships|linkages FILE [--mapping JSON] [--cluster CODE] [--strict] [--json]
                                           import a CSV or XLSX file (the mapping saved for files with the same
                                           headers, else suggested from them, unless given); --cluster: every row's
                                           cluster (memberships then need no cluster column, and rows whose firm is
                                           new to the registry add it when its name is mapped)
  sainam import values FILE --plan CODE [--layout long|wide] [--mapping JSON] [--json]
                                           import indicator values into a plan, as drafts; all or nothing
  sainam import providers|experts FILE [--mapping JSON] [--json]
                                           import service providers (by code) or their experts (by provider and
                                           e-mail, else name); a file again updates them; all or nothing
  sainam service-figures rebuild [--json]  recompute the service figures' roll-up from the requests (it is kept as
                                           requests change; this is the safety path, in one transaction)
  sainam help                              this text

The database is the one the server uses: SAINAM_DATA_DIR (default ./data) or DATABASE_URL.`;

type Output = { json: boolean };

function print(out: Output, value: Record<string, unknown>, text: string): void {
  process.stdout.write(out.json ? `${JSON.stringify(value)}\n` : `${text}\n`);
}

function fail(out: Output, code: string, message: string): number {
  if (out.json) process.stdout.write(`${JSON.stringify({ ok: false, error: { code, message } })}\n`);
  else process.stderr.write(`error: ${message}\n`);
  return 2;
}

/** Runs one CLI command and returns the process exit code (0 ok, 1 failure, 2 bad usage or input). */
export async function runCli(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const [command, ...rest] = argv;
  const jsonWanted = rest.includes("--json");
  const out: Output = { json: jsonWanted };
  if (!command || command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }

  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    return fail(out, "invalid_configuration", error instanceof Error ? error.message : String(error));
  }

  switch (command) {
    case "migrate": {
      parseArgs({ args: rest, options: { json: { type: "boolean" } } });
      const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrateToLatest(database);
        print(
          out,
          { ok: true, db: database.dialect, applied },
          applied.length ? `applied: ${applied.join(", ")}` : "schema is up to date",
        );
        return 0;
      } finally {
        await database.close();
      }
    }
    case "seed": {
      parseArgs({ args: rest, options: { json: { type: "boolean" } } });
      const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrateToLatest(database);
        const report = await seedReferenceData(database.db);
        const counts = await reference.referenceCounts(database.db);
        print(
          out,
          { ok: true, db: database.dialect, ...report, counts },
          `${report.loaded ? "reference data loaded" : "reference data already loaded"} (version ${report.version}): ${JSON.stringify(counts)}`,
        );
        return 0;
      } finally {
        await database.close();
      }
    }
    case "user":
      return userCommand(rest, config, out);
    case "backup":
      return backupCommand(rest, config, out);
    case "restore":
      return restoreCommand(rest, config, out);
    case "import":
      return importCommand(rest, config, out);
    case "examples": {
      const [sub] = rest;
      if (sub !== "load" && sub !== "remove")
        return fail(
          out,
          "unknown_command",
          `unknown examples command "${sub ?? ""}"; try "sainam examples load" or "sainam examples remove"`,
        );
      const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrateToLatest(database);
        await seedReferenceData(database.db);
        const ctx = createContext(config, database);
        const report =
          sub === "load"
            ? await examplesService.loadExampleData(ctx, systemActor)
            : await examplesService.removeExampleData(ctx, systemActor);
        print(
          out,
          { ok: true, ...report },
          `examples ${sub === "load" ? "loaded" : "removed"}: ${JSON.stringify(report)}`,
        );
        return 0;
      } finally {
        await database.close();
      }
    }
    case "service-figures": {
      const [sub, ...flags] = rest;
      if (sub !== "rebuild")
        return fail(
          out,
          "unknown_command",
          `unknown service-figures command "${sub ?? ""}"; try "sainam service-figures rebuild"`,
        );
      parseArgs({ args: flags, options: { json: { type: "boolean" } } });
      const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrateToLatest(database);
        const report = await database.db.transaction().execute(async (trx) => {
          const rebuilt = await serviceFigureRollup.rebuildFigureRollup(trx);
          await audit.appendAudit(trx, {
            actorUserId: null,
            action: "rebuild",
            entityType: "service_figure_rollup",
            entityId: null,
            after: rebuilt,
          });
          return rebuilt;
        });
        print(
          out,
          { ok: true, db: database.dialect, ...report },
          `service figures rebuilt: ${report.requests} requests in ${report.cells} cells`,
        );
        return 0;
      } finally {
        await database.close();
      }
    }
    default:
      return fail(out, "unknown_command", `unknown command "${command}"; try "sainam help"`);
  }
}

async function userCommand(rest: string[], config: ReturnType<typeof loadConfig>, out: Output): Promise<number> {
  const [sub, ...args] = rest;
  if (sub !== "add")
    return fail(
      out,
      "unknown_command",
      `unknown user command "${sub ?? ""}"; try "sainam user add --email … --role …"`,
    );
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
        agency: { type: "string" },
        clusters: { type: "string" },
        enterprise: { type: "string" },
        fields: { type: "string" },
        provider: { type: "string" },
        locale: { type: "string" },
        json: { type: "boolean" },
      },
    }));
  } catch (error) {
    return fail(out, "bad_usage", error instanceof Error ? error.message : String(error));
  }
  if (!values.email) return fail(out, "validation_failed", "--email is required");
  if (!values.role)
    return fail(
      out,
      "validation_failed",
      "--role is required (admin, agency_officer, cluster_coordinator, member, expert)",
    );

  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database);
    await seedReferenceData(database.db);
    const ctx = createContext(config, database);
    let agencyId: number | null = null;
    if (values.agency) {
      const agency = (await reference.listAgencies(database.db)).find(
        (a) => a.code === values.agency || String(a.id) === values.agency,
      );
      if (!agency) return fail(out, "validation_failed", `--agency: no agency with code or id "${values.agency}"`);
      agencyId = agency.id;
    }
    let providerId: number | undefined;
    if (values.provider) {
      const provider = await serviceProviders.findProviderByCode(database.db, values.provider);
      if (!provider)
        return fail(out, "validation_failed", `--provider: no service provider with code "${values.provider}"`);
      providerId = provider.id;
    }
    const generated = values.password ? null : generatePassword();
    const parsed = createUserBody.safeParse({
      providerId,
      email: values.email,
      displayName: values.name ?? values.email,
      password: values.password ?? generated,
      role: values.role,
      agencyId,
      clusterIds: values.clusters ? values.clusters.split(",").map((id) => Number(id.trim())) : undefined,
      enterpriseId: values.enterprise === undefined ? undefined : Number(values.enterprise),
      expertFields: values.fields ? values.fields.split(",").map((field) => field.trim()) : undefined,
      locale: values.locale,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(
        out,
        "validation_failed",
        issue ? `--${cliFlag(issue.path.join("."))}: ${issue.message}` : "invalid input",
      );
    }
    const user = await userService.createUser(ctx, systemActor, parsed.data);
    print(
      out,
      {
        ok: true,
        user: { id: user.id, email: user.email, role: user.role, agencyId: user.agency_id },
        generatedPassword: generated,
      },
      `created user ${user.id} (${user.email}, ${user.role})${generated ? `\ngenerated password (shown once): ${generated}` : ""}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError) return fail(out, error.code, error.message);
    throw error;
  } finally {
    await database.close();
  }
}

async function importCommand(rest: string[], config: ReturnType<typeof loadConfig>, out: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        mapping: { type: "string" },
        cluster: { type: "string" },
        strict: { type: "boolean" },
        plan: { type: "string" },
        layout: { type: "string" },
        json: { type: "boolean" },
      },
    });
  } catch (error) {
    return fail(out, "bad_usage", error instanceof Error ? error.message : String(error));
  }
  const [kindArg, file] = parsed.positionals;
  // "values" is the command-line name of the indicator_values import kind.
  const kind = kindArg === "values" ? "indicator_values" : kindArg;
  if (
    kind !== "enterprises" &&
    kind !== "memberships" &&
    kind !== "linkages" &&
    kind !== "indicator_values" &&
    kind !== "providers" &&
    kind !== "experts"
  )
    return fail(
      out,
      "bad_usage",
      "usage: sainam import enterprises|memberships|linkages|values|providers|experts FILE",
    );
  const layout = parsed.values.layout;
  if (layout !== undefined && layout !== "long" && layout !== "wide")
    return fail(out, "validation_failed", "--layout: must be long or wide");
  if (kind === "indicator_values" && !parsed.values.plan)
    return fail(out, "validation_failed", "--plan: the code of the plan whose indicators the file fills is required");
  if (!file) return fail(out, "bad_usage", "the FILE to import is missing");
  if (!existsSync(file)) return fail(out, "validation_failed", `FILE: ${file} does not exist`);
  let mapping: unknown = undefined;
  if (parsed.values.mapping) {
    try {
      mapping = JSON.parse(parsed.values.mapping);
    } catch {
      return fail(out, "validation_failed", '--mapping: must be JSON, e.g. \'{"juristicId":"เลขทะเบียน"}\'');
    }
  }
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database);
    await seedReferenceData(database.db);
    const ctx = createContext(config, database);
    let clusterId: number | undefined;
    if (parsed.values.cluster) {
      const cluster = await clusters.findClusterByCode(database.db, parsed.values.cluster);
      if (!cluster) return fail(out, "validation_failed", `--cluster: no cluster with code "${parsed.values.cluster}"`);
      clusterId = cluster.id;
    }
    let planId: number | undefined;
    if (parsed.values.plan) {
      const plan = await plans.findPlanByCode(database.db, parsed.values.plan);
      if (!plan) return fail(out, "validation_failed", `--plan: no plan with code "${parsed.values.plan}"`);
      planId = plan.id;
    }
    const started = Date.now();
    const preview = await importService.uploadImport(ctx, systemActor, {
      kind,
      fileName: file,
      body: { path: resolve(file) },
    });
    let lastPrint = 0;
    const timer = out.json
      ? null
      : setInterval(() => {
          void importService.importStatus(ctx, systemActor, preview.batchId).then((status) => {
            const { bytesRead, totalBytes, rowsRead } = status.progress;
            if (Date.now() - lastPrint > 900) {
              process.stderr.write(
                `\r${rowsRead} rows, ${totalBytes ? Math.round((bytesRead / totalBytes) * 100) : 0}% read`,
              );
              lastPrint = Date.now();
            }
          });
        }, 1000);
    try {
      await importService.runImport(ctx, systemActor, preview.batchId, {
        mapping: mapping ?? preview.savedMapping ?? preview.suggestedMapping,
        clusterId,
        strict: parsed.values.strict,
        planId,
        layout: layout ?? preview.suggestedLayout,
        wait: true,
      });
    } finally {
      if (timer) clearInterval(timer);
    }
    const status = await importService.importStatus(ctx, systemActor, preview.batchId);
    const seconds = (Date.now() - started) / 1000;
    if (out.json) {
      process.stdout.write(
        `${JSON.stringify({ ok: status.status === "done", batchId: status.batchId, status: status.status, error: status.error, format: preview.format, encoding: preview.encoding, seconds, counts: status.report?.counts ?? null, rows: status.report?.rows.filter((r) => (r.status !== "imported" && r.status !== "updated") || r.issues.length > 0) ?? [] })}\n`,
      );
    } else {
      process.stdout.write(
        `\n${status.status}: ${JSON.stringify(status.report?.counts ?? {})} in ${seconds.toFixed(1)} s${status.error ? ` — ${status.error}` : ""}\n`,
      );
      for (const row of status.report?.rows
        .filter((r) => r.status === "skipped" || r.status === "error")
        .slice(0, 20) ?? []) {
        process.stdout.write(
          `  row ${row.rowNumber}: ${row.issues.map((i) => `${i.field} ${i.message}`).join("; ")}\n`,
        );
      }
    }
    return status.status === "done" ? 0 : 1;
  } catch (error) {
    if (error instanceof AppError) return fail(out, error.code, error.message);
    throw error;
  } finally {
    await database.close();
  }
}

function cliFlag(path: string): string {
  const map: Record<string, string> = {
    displayName: "name",
    agencyId: "agency",
    clusterIds: "clusters",
    enterpriseId: "enterprise",
    expertFields: "fields",
    providerId: "provider",
  };
  // A list's item keeps its index: expertFields.0 → fields.0.
  const [head = "", ...rest] = path.split(".");
  return [map[head] ?? head, ...rest].join(".");
}

async function restoreCommand(rest: string[], config: ReturnType<typeof loadConfig>, out: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { replace: { type: "boolean" }, json: { type: "boolean" } },
    });
  } catch (error) {
    return fail(out, "bad_usage", error instanceof Error ? error.message : String(error));
  }
  const [file] = parsed.positionals;
  if (!file || parsed.positionals.length > 1) return fail(out, "bad_usage", "usage: sainam restore FILE [--replace]");
  if (config.databaseUrl || config.dataDir === ":memory:")
    return fail(out, "unsupported", "restore writes the embedded SQLite database; for PostgreSQL use pg_restore");
  privateDir(config.dataDir);
  try {
    const restored = restoreBackup(
      resolve(file),
      join(config.dataDir, "sainam.sqlite"),
      attachmentFolder(config.dataDir),
      { replace: parsed.values.replace === true },
    );
    print(
      out,
      { ok: true, ...restored },
      `restored ${restored.path} with ${restored.attachments} attachment files` +
        `${restored.missing ? ` (${restored.missing} not in the backup)` : ""}` +
        `${restored.previous ? `; the database it replaced is kept as ${restored.previous}` : ""}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof RestoreError) return fail(out, error.code, error.message);
    throw error;
  }
}

async function backupCommand(rest: string[], config: ReturnType<typeof loadConfig>, out: Output): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: rest, options: { out: { type: "string" }, json: { type: "boolean" } } }));
  } catch (error) {
    return fail(out, "bad_usage", error instanceof Error ? error.message : String(error));
  }
  if (config.databaseUrl) {
    return fail(out, "unsupported", "backup copies the embedded SQLite database; for PostgreSQL use pg_dump");
  }
  const database = openDatabase({ databaseUrl: undefined, dataDir: config.dataDir });
  try {
    if (!database.sqlite || !database.sqlitePath)
      return fail(out, "unsupported", "no embedded database file to back up");
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const target = resolve(values.out ?? `${config.dataDir}/backups/sainam-${stamp}.sqlite`);
    // The default backups folder is ours and kept 0700; a folder named with --out is only created 0700 if
    // missing, never re-permissioned (it may be the user's own working folder).
    if (values.out === undefined) privateDir(dirname(target));
    else mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    const written = writeBackup(database.sqlite.raw, attachmentFolder(config.dataDir), target);
    print(
      out,
      { ok: true, path: target, ...written },
      `backup written to ${target} (${written.bytes} bytes, ${written.attachments} attachment files` +
        `${written.missing ? `, ${written.missing} missing from the data folder` : ""})`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
