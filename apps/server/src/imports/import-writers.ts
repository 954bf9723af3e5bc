import type { Actor } from "@sainam/core";
import { enterpriseImport, enterprises, relationImport, type DB, type SliceUndo } from "@sainam/db";
import {
  enterpriseKey,
  linkageKey,
  membershipKey,
  planBatch,
  type EnterpriseRecord,
  type LinkageRecord,
  type MembershipRecord,
  type RowIssue,
} from "@sainam/importer";
import type { Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { can } from "../policies/policy.ts";
import { actorId } from "./import-batches.ts";
import { enterpriseExtras, type PreparedRow } from "./import-reader.ts";
import type { EnterpriseRows, ReportBuilder } from "./import-report.ts";

// Writing one slice of a row file in its transaction, by kind: firms in bulk (enterprise-import.repository.ts),
// memberships and links row by row, each row checked against the policy first.

/**
 * The kinds of row file, each with what its writer keeps across slices: which row last wrote each firm
 * (EnterpriseRows), or each membership or link by key. `clusterCode`: the cluster a membership or link file is
 * imported into, when one was given (else each row names its own).
 */
export type RowImport =
  | { kind: "enterprises"; seen: EnterpriseRows }
  | { kind: "memberships"; seen: RelationRows; clusterCode: string | null }
  | { kind: "linkages"; seen: RelationRows; clusterCode: string | null };
export type RowKind = RowImport["kind"];

/** Which row of the file last wrote each membership or link, by its key. */
export type RelationRows = Map<string, { rowNumber: number; status: "imported" | "updated" }>;

type Outcome = { status: "imported" | "updated" } | { status: "skipped"; issue: RowIssue };

// The reader prepares the rows of the batch's own kind (import-reader.ts): a slice of a membership file holds
// membership records only. These guards say so to the compiler, in this one place.
function isEnterprise(kind: RowKind, _record: unknown): _record is EnterpriseRecord {
  return kind === "enterprises";
}
function isMembership(kind: RowKind, _record: unknown): _record is MembershipRecord {
  return kind === "memberships";
}
function isLinkage(kind: RowKind, _record: unknown): _record is LinkageRecord {
  return kind === "linkages";
}

/** The key two rows of the same record share: a later row of the file overwrites an earlier one. */
function keyOf(job: RowImport, record: EnterpriseRecord | MembershipRecord | LinkageRecord): string {
  switch (job.kind) {
    case "enterprises":
      return isEnterprise(job.kind, record) ? enterpriseKey(record) : "";
    case "memberships":
      return isMembership(job.kind, record)
        ? membershipKey({ ...record, clusterCode: job.clusterCode ?? record.clusterCode })
        : "";
    case "linkages":
      return isLinkage(job.kind, record) ? linkageKey(record) : "";
  }
}

/** Writes one slice of a row file in `trx` and adds its rows to the report; `undo` collects how to take it back. */
export async function writeSlice(
  ctx: AppContext,
  trx: Transaction<DB>,
  job: RowImport,
  chunk: ReadonlyArray<PreparedRow>,
  report: ReportBuilder,
  now: string,
  undo: SliceUndo,
  actor: Actor,
): Promise<void> {
  const { kind } = job;
  const plan = planBatch(chunk, (record: EnterpriseRecord | MembershipRecord | LinkageRecord) => keyOf(job, record));
  const statusByRow = new Map<number, Outcome>();
  if (job.kind === "enterprises") {
    const prepared = new Map(chunk.map((row) => [row.rowNumber, row]));
    const planned = plan.records.flatMap((p) =>
      isEnterprise(kind, p.record) ? [{ planned: p, record: p.record }] : [],
    );
    // A row may update a firm already in the registry only where the importer may edit that firm (officers and
    // admins any; a coordinator the firms of their approved memberships; a member its own): otherwise the file
    // would overwrite other people's firms by juristic ID.
    const refused = await firmsNotEditable(
      trx,
      actor,
      planned.map((p) => p.record),
    );
    const upserts = planned.filter(({ planned: p, record }) => {
      if (!refused.has(enterpriseKey(record))) return true;
      statusByRow.set(p.rowNumber, {
        status: "skipped",
        issue: {
          field: record.juristicId ? "juristicId" : "ceRegistrationNo",
          message: "this firm is already in the registry and you may not change it",
          value: record.juristicId ?? record.ceRegistrationNo ?? "",
          code: "not_permitted",
        },
      });
      return false;
    });
    const results = await enterpriseImport.upsertEnterpriseChunk(
      trx,
      upserts.map(({ planned, record }) => {
        const row = prepared.get(planned.rowNumber);
        return {
          record,
          sizeClass: row?.sizeClass ?? null,
          searchText: row?.searchText ?? enterpriseExtras(record).searchText,
        };
      }),
      now,
      ctx.database.sqlite,
      actorId(actor),
      undo,
    );
    for (const { planned, record } of upserts) {
      const r = results.get(enterpriseKey(record));
      if (!r) continue;
      // Duplicates across chunks: the later row wins and the earlier is reported skipped; a firm first
      // written by this file still counts as imported.
      const status = job.seen.record(r.id, planned.rowNumber, r.status, report);
      statusByRow.set(planned.rowNumber, { status });
    }
  } else {
    const { seen, clusterCode } = job;
    if (kind === "memberships")
      await addNewFirms(
        ctx,
        trx,
        actor,
        plan.records.flatMap((p) => (isMembership(kind, p.record) ? [p.record] : [])),
        clusterCode,
        now,
        undo,
      );
    for (const planned of plan.records) {
      const outcome = await writeRelation(trx, actor, job.kind, planned.record, now, clusterCode, undo);
      if (outcome.status !== "skipped") {
        const earlier = seen.get(planned.key);
        if (earlier) report.demote(earlier.rowNumber, planned.rowNumber, earlier.status);
        const status = earlier?.status === "imported" ? "imported" : outcome.status;
        seen.set(planned.key, { rowNumber: planned.rowNumber, status });
        statusByRow.set(planned.rowNumber, { status });
        continue;
      }
      statusByRow.set(planned.rowNumber, outcome);
    }
  }
  for (const row of plan.report.rows) {
    const result = statusByRow.get(row.rowNumber);
    if (!result || row.status === "skipped" || row.status === "error") {
      report.add(row.status === "error" ? { ...row, status: "skipped" } : row);
      continue;
    }
    report.add(
      result.status === "skipped"
        ? { ...row, status: "skipped", issues: [...row.issues, result.issue] }
        : { ...row, status: result.status },
    );
  }
}

/**
 * Adds the firms a membership file describes whose juristic IDs are not in the registry yet, registered by the
 * importer (so a coordinator's membership of a firm they added is approved at once), with their search text
 * and undo entries like an enterprise import's. Firms already in the registry are left as they are (an enterprise
 * import updates them); an importer who may not register firms adds none, and their rows are skipped as before.
 */
async function addNewFirms(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  records: readonly MembershipRecord[],
  clusterCode: string | null,
  now: string,
  undo: SliceUndo,
): Promise<void> {
  const described = records.filter((r) => r.firm !== null);
  if (
    described.length === 0 ||
    !can(actor, "create", { type: "enterprise", enterpriseId: null, clusterIds: [], published: false })
  )
    return;
  // Only for a row whose membership can be written: a cluster the importer may change (the one given was checked).
  const codes =
    clusterCode !== null ? [] : [...new Set(described.flatMap((r) => (r.clusterCode === null ? [] : [r.clusterCode])))];
  const clusters = await relationImport.findClustersByCodes(trx, codes);
  const usable = new Set(
    clusters
      .filter((c) =>
        can(actor, "update", {
          type: "cluster",
          clusterId: c.id,
          coordinatingAgencyId: c.coordinating_agency_id,
          published: c.published === 1,
        }),
      )
      .map((c) => c.code),
  );
  const byId = new Map<string, EnterpriseRecord>();
  for (const r of described) {
    const code = clusterCode ?? r.clusterCode;
    if (r.firm && (clusterCode !== null || (code !== null && usable.has(code)))) byId.set(r.juristicId, r.firm);
  }
  if (byId.size === 0) return;
  for (const id of await relationImport.knownJuristicIds(trx, [...byId.keys()])) if (id) byId.delete(id);
  if (byId.size === 0) return;
  const rows = [...byId.values()].map((record) => {
    const { sizeClass, searchText } = enterpriseExtras(record);
    return { record, sizeClass, searchText };
  });
  await enterpriseImport.upsertEnterpriseChunk(trx, rows, now, ctx.database.sqlite, actorId(actor), undo);
}

/** The keys of the records that name a firm already in the registry which the actor may not edit. */
async function firmsNotEditable(
  trx: Transaction<DB>,
  actor: Actor,
  records: readonly EnterpriseRecord[],
): Promise<Set<string>> {
  const refused = new Set<string>();
  // Whoever may edit a firm they have no tie to (officers, admins, the system) may edit every firm.
  if (can(actor, "update", { type: "enterprise", enterpriseId: null, clusterIds: [], published: false }))
    return refused;
  const existing = await enterprises.findByRegistrationKeys(
    trx,
    records.flatMap((r) => (r.juristicId ? [r.juristicId] : [])),
    records.flatMap((r) => (!r.juristicId && r.ceRegistrationNo ? [r.ceRegistrationNo] : [])),
  );
  for (const firm of existing) {
    const memberOf = await enterprises.clusterIdsOfEnterprise(trx, firm.id);
    const resource = {
      type: "enterprise" as const,
      enterpriseId: firm.id,
      clusterIds: memberOf.approved,
      pendingClusterIds: memberOf.pending,
      published: firm.published === 1,
      createdBy: firm.created_by,
    };
    if (!can(actor, "update", resource)) refused.add(firm.juristic_id ?? `ce:${firm.ce_registration_no ?? ""}`);
  }
  return refused;
}

async function writeRelation(
  trx: Transaction<DB>,
  actor: Actor,
  kind: "memberships" | "linkages",
  record: EnterpriseRecord | MembershipRecord | LinkageRecord,
  now: string,
  clusterCode: string | null,
  undo: SliceUndo,
): Promise<Outcome> {
  // A row names firms and clusters: each must be one the importer may see (a firm) or change (a cluster), else
  // the row is skipped exactly as for one that does not exist, so that a file cannot probe the registry.
  const visibleEnterprise = async (juristicId: string) => {
    const row = await relationImport.findFirmByJuristicId(trx, juristicId);
    if (!row) return null;
    const facts = {
      type: "enterprise" as const,
      enterpriseId: row.id,
      published: row.published === 1,
      createdBy: row.created_by,
    };
    if (can(actor, "read", { ...facts, clusterIds: [] })) return row;
    const memberOf = await enterprises.clusterIdsOfEnterprise(trx, row.id);
    return can(actor, "read", { ...facts, clusterIds: memberOf.approved, pendingClusterIds: memberOf.pending })
      ? row
      : null;
  };
  const changeableCluster = async (code: string) => {
    const cluster = await relationImport.findClusterByCode(trx, code);
    return cluster &&
      can(actor, "update", {
        type: "cluster",
        clusterId: cluster.id,
        coordinatingAgencyId: cluster.coordinating_agency_id,
        published: cluster.published === 1,
      })
      ? cluster
      : null;
  };
  if (isMembership(kind, record)) {
    const code = clusterCode ?? record.clusterCode;
    if (code === null)
      return {
        status: "skipped",
        issue: { field: "clusterCode", message: "cluster code is required", code: "required" },
      };
    const cluster = await changeableCluster(code);
    if (!cluster)
      return {
        status: "skipped",
        issue: { field: "clusterCode", message: `no cluster with code ${code}`, value: code, code: "not_found" },
      };
    const firm = await visibleEnterprise(record.juristicId);
    if (firm === null)
      return {
        status: "skipped",
        issue: {
          field: "juristicId",
          message:
            "no enterprise with this juristic ID; map the firm's name to add it, or import the enterprises first",
          value: record.juristicId,
          code: "not_found",
        },
      };
    const id = firm.id;
    const existing = await relationImport.findMembership(trx, cluster.id, id);
    if (existing) {
      undo.memberships.updated.push(existing);
      await relationImport.updateMembership(trx, existing.id, {
        stage: record.stage,
        joined_on: record.joinedOn,
        left_on: record.leftOn,
        updated_at: now,
      });
      return { status: "updated" };
    }
    // Approved at once when the importer may vouch for it: an officer of the cluster's agency, an admin, the
    // system, or the coordinator whose own import registered the firm (new to the registry); else pending.
    const approved = can(actor, "approve", {
      type: "membership",
      clusterId: cluster.id,
      clusterAgencyId: cluster.coordinating_agency_id,
      enterpriseId: id,
      enterpriseCreatedBy: firm.created_by,
    });
    const inserted = await relationImport.insertMembership(trx, {
      cluster_id: cluster.id,
      enterprise_id: id,
      stage: record.stage,
      joined_on: record.joinedOn,
      left_on: record.leftOn,
      created_at: now,
      updated_at: now,
      created_by: actorId(actor),
      approved_at: approved ? now : null,
      approved_by: approved ? actorId(actor) : null,
    });
    undo.memberships.inserted.push(inserted);
    return { status: "imported" };
  }
  if (!isLinkage(kind, record))
    return { status: "skipped", issue: { field: "", message: "not a relation", code: "not_a_relation" } };
  const link = record;
  const from = (await visibleEnterprise(link.fromJuristicId))?.id ?? null;
  if (from === null)
    return {
      status: "skipped",
      issue: {
        field: "fromJuristicId",
        message: "no enterprise with this juristic ID",
        value: link.fromJuristicId,
        code: "not_found",
      },
    };
  const to = (await visibleEnterprise(link.toJuristicId))?.id ?? null;
  if (to === null)
    return {
      status: "skipped",
      issue: {
        field: "toJuristicId",
        message: "no enterprise with this juristic ID",
        value: link.toJuristicId,
        code: "not_found",
      },
    };
  const code = clusterCode ?? link.clusterCode;
  const cluster = code ? await changeableCluster(code) : undefined;
  if (code && !cluster)
    return {
      status: "skipped",
      issue: { field: "clusterCode", message: `no cluster with code ${code}`, value: code, code: "not_found" },
    };
  const existing = await relationImport.findLinkage(trx, { from, to, kind: link.kind, product: link.product });
  if (existing) {
    // An existing link is changed (value, cluster) only by someone who keeps it: the editors of its cluster, or
    // for a link of no cluster those who edit every firm; a file cannot pull another cluster's link into its own.
    const keeper = existing.cluster_id === null ? null : await relationImport.findClusterById(trx, existing.cluster_id);
    const mayChange = keeper
      ? can(actor, "update", {
          type: "cluster",
          clusterId: keeper.id,
          coordinatingAgencyId: keeper.coordinating_agency_id,
          published: keeper.published === 1,
        })
      : can(actor, "update", { type: "enterprise", enterpriseId: null, clusterIds: [], published: false });
    if (!mayChange)
      return {
        status: "skipped",
        issue: {
          field: "",
          message: "this link is already in the registry and you may not change it",
          code: "not_permitted",
        },
      };
    undo.linkages.updated.push(existing);
    await relationImport.updateLinkage(trx, existing.id, {
      annual_value: link.annualValue,
      cluster_id: cluster?.id ?? null,
      updated_at: now,
    });
    return { status: "updated" };
  }
  const inserted = await relationImport.insertFirmLinkage(trx, {
    cluster_id: cluster?.id ?? null,
    from_id: from,
    to_id: to,
    kind: link.kind,
    product: link.product,
    annual_value: link.annualValue,
    created_at: now,
    updated_at: now,
  });
  undo.linkages.inserted.push(inserted);
  return { status: "imported" };
}
