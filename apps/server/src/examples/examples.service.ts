import type { Actor } from "@sainam/core";
import {
  audit,
  clusters,
  enterprises,
  linkages,
  loadExamples,
  removeExamples,
  type DB,
  type EnterpriseDetail,
} from "@sainam/db";
import type { Kysely } from "kysely";
import type { AppContext } from "../context.ts";
import { authorize } from "../policies/policy.ts";
import { indexClusters, indexEnterprises, indexInstitutions } from "../search/search.indexer.ts";

/** Rebuilds the search index of the example records (the loader writes data only). */
async function indexExamples(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await indexClusters(trx, await clusters.listExampleClusters(trx));
    await indexInstitutions(trx, await linkages.listExampleInstitutions(trx));
    const details: EnterpriseDetail[] = [];
    for (const id of await enterprises.listExampleEnterpriseIds(trx)) {
      const detail = await enterprises.loadEnterpriseDetail(trx, id);
      if (detail) details.push(detail);
    }
    await indexEnterprises(trx, details);
  });
}

/** Loads the clusters, firms and links named in the seed documents, marked as examples; idempotent. */
export async function loadExampleData(ctx: AppContext, actor: Actor) {
  authorize(actor, "create", { type: "users" });
  const { db } = ctx.database;
  const report = await loadExamples(db);
  if (report.loaded) {
    await indexExamples(db);
    await audit.appendAudit(db, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "examples.load",
      entityType: "examples",
      entityId: null,
      after: report,
    });
  }
  return report;
}

/** Removes every example record (and only links and memberships that touch them from real data). */
export async function removeExampleData(ctx: AppContext, actor: Actor) {
  authorize(actor, "create", { type: "users" });
  const { db } = ctx.database;
  const report = await removeExamples(db);
  await audit.appendAudit(db, {
    actorUserId: actor.kind === "user" ? actor.id : null,
    action: "examples.remove",
    entityType: "examples",
    entityId: null,
    after: report,
  });
  return report;
}
