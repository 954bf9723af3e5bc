import { loadConfig } from "./config.ts";
import { bootstrap } from "./bootstrap.ts";
import { buildApp } from "./app.ts";
import { purgeExpiredSessions } from "./auth/session.service.ts";
import { sweepImports } from "./imports/import.service.ts";
import { startJobRunner } from "./jobs/job-runner.ts";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  const { ctx, report } = await bootstrap(config);
  const app = await buildApp(ctx);
  if (report.migrationsApplied.length > 0) app.log.info({ migrations: report.migrationsApplied }, "database migrated");
  ctx.imports.log = (record, message) => app.log.error(record, message);
  if (report.importsInterrupted.length > 0)
    app.log.warn(
      { batches: report.importsInterrupted },
      "imports cut off by the last stop were reverted and marked interrupted",
    );
  if (report.referenceLoaded) app.log.info("reference data loaded");
  if (report.examplesLoaded)
    app.log.info("example clusters from the seed documents loaded (remove with `npx sainam examples remove`)");
  if (report.firstAdmin) {
    // Printed once, to the console only: the generated password is not kept anywhere else.
    const lines = report.firstAdmin.password
      ? [
          `First admin created: ${report.firstAdmin.email}`,
          `Generated password (shown once): ${report.firstAdmin.password}`,
        ]
      : [`First admin created from SAINAM_ADMIN_EMAIL.`];
    process.stdout.write(`\n${lines.join("\n")}\n\n`);
  }

  const purge = setInterval(() => {
    purgeExpiredSessions(ctx).catch((error: unknown) => app.log.warn({ err: String(error) }, "session purge failed"));
  }, 10 * 60_000);
  purge.unref();
  // Uploads left unused for 24 hours are deleted (their batches fail as abandoned).
  const sweep = setInterval(() => {
    sweepImports(ctx).catch((error: unknown) =>
      app.log.warn({ err: error instanceof Error ? error.name : typeof error }, "import sweep failed"),
    );
  }, 60 * 60_000);
  sweep.unref();
  // Scheduled work (the mail outbox, reminders) kept in the database: every process runs due jobs, each job once.
  ctx.jobs.log = (record, message) => app.log.warn(record, message);
  const jobs = startJobRunner(ctx);

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, "shutting down");
    clearInterval(purge);
    clearInterval(sweep);
    await jobs.stop();
    ctx.mailer?.close();
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  const address = await app.listen({ port: config.port, host: config.host });
  // Started by a parent over IPC (the browser-test harness, with PORT=0): tell it where we listen.
  process.send?.({ listening: address });
}

main().catch((error: unknown) => {
  console.error("Sainam failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
