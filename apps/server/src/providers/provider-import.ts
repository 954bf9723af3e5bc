import { normalizeThai, parentProblem, storedName, type Actor } from "@sainam/core";
import {
  audit,
  nowIso,
  reference,
  serviceProviders,
  type DB,
  type ExpertDetail,
  type ProviderDetail,
} from "@sainam/db";
import {
  indexGazetteer,
  normaliseExpertRow,
  normaliseProviderRow,
  readTable,
  type AreaLookup,
  type ColumnMapping,
  type ExpertRecord,
  type ProviderRecord,
  type ReportRow,
  type RowIssue,
  type ServiceRowOutcome,
} from "@sainam/importer";
import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { can } from "../policies/policy.ts";
import { auditExpert, auditProvider, presentExpert, presentProvider } from "./provider.service.ts";

// Import of service providers and their experts from CSV/XLSX (issue 13, point 1), like firms but whole: every row is
// read and checked first (unknown province, field, provider or agency, a bad capacity, a branch without its ITC
// centre, a provider the importer may not keep), and one unusable row fails the batch with the report and nothing
// written. Otherwise all rows are written in one transaction, each write audited. A provider is known by its code,
// an expert by their provider and e-mail (or name when the row has no e-mail): a file imported again updates them.
// A later row of the same record wins over an earlier one (reported as a duplicate).

export type ServiceImportKind = "providers" | "experts";

export type ServiceImportReport = {
  counts: { imported: number; updated: number; skipped: number; errors: number };
  rows: ReportRow[];
  truncated: boolean;
};

type Executor = Kysely<DB> | Transaction<DB>;

type Entry<T> = { issues: RowIssue[]; record: T | null; key: string | null };

/** The province and region names the area cells are read against. */
async function areaLookup(db: Executor): Promise<AreaLookup> {
  const gazetteer = indexGazetteer(await reference.loadGazetteer(db));
  const provinces = await db.selectFrom("provinces").select(["code", "region_code"]).orderBy("code").execute();
  const regions = await db.selectFrom("regions").select(["code", "name_th", "name_en"]).orderBy("position").execute();
  return {
    findProvince: (name) => gazetteer.findProvince(name),
    allProvinceCodes: provinces.map((p) => p.code),
    regions: regions.map((r) => ({
      code: r.code,
      nameTh: r.name_th,
      nameEn: r.name_en,
      provinceCodes: provinces.filter((p) => p.region_code === r.code).map((p) => p.code),
    })),
  };
}

function nameKey(text: string): string {
  return normalizeThai(text)
    .toLowerCase()
    .replace(/[\s\p{P}]/gu, "");
}

/** Reads every row of the file into records or issues, by the kind's normaliser. */
async function readRows<T>(
  path: string,
  normalise: (cells: Parameters<typeof normaliseProviderRow>[0], headers: readonly string[]) => ServiceRowOutcome<T>,
  keyOf: (record: T) => string,
  hooks: { onRow?: () => void; onProgress?: (bytesRead: number, totalBytes: number | null) => void },
): Promise<Map<number, Entry<T>>> {
  const rows = new Map<number, Entry<T>>();
  let headers: ReadonlyArray<string> = [];
  for await (const event of readTable({ path }, hooks.onProgress ? { onProgress: hooks.onProgress } : {})) {
    if (event.type === "header") {
      headers = event.headers;
      continue;
    }
    hooks.onRow?.();
    if (event.cells.every((c) => c.trim() === "")) continue;
    const outcome = normalise(event.cells, headers);
    rows.set(
      event.rowNumber,
      outcome.ok
        ? { issues: [], record: outcome.record, key: keyOf(outcome.record) }
        : { issues: [...outcome.issues], record: null, key: null },
    );
  }
  return rows;
}

/**
 * The rows that win per key (the later of two), in file order; earlier duplicates get a duplicate_row issue and
 * no record.
 */
function winners<T>(rows: Map<number, Entry<T>>, identity: (record: T) => string): Map<string, number> {
  const byKey = new Map<string, number>();
  for (const [rowNumber, entry] of rows) {
    if (!entry.record) continue;
    const id = identity(entry.record);
    const earlier = byKey.get(id);
    if (earlier !== undefined) {
      const before = rows.get(earlier);
      if (before) {
        before.record = null;
        before.issues.push({
          field: "",
          message: `duplicate of row ${rowNumber}; the later row is kept`,
          code: "duplicate_row",
          params: { row: rowNumber },
        });
      }
    }
    byKey.set(id, rowNumber);
  }
  return byKey;
}

function failedReport<T>(rows: Map<number, Entry<T>>): ServiceImportReport | null {
  const errorRows = [...rows.entries()].filter(([, r]) => r.issues.some((i) => i.code !== "duplicate_row"));
  if (errorRows.length === 0) return null;
  return {
    counts: { imported: 0, updated: 0, skipped: 0, errors: errorRows.length },
    rows: errorRows.map(([rowNumber, r]) => ({ rowNumber, status: "error", key: r.key, issues: r.issues })),
    truncated: false,
  };
}

function finalReport<T>(rows: Map<number, Entry<T>>, statusOf: Map<number, "imported" | "updated">) {
  const counts = { imported: 0, updated: 0, skipped: 0, errors: 0 };
  const reportRows: ReportRow[] = [];
  for (const [rowNumber, entry] of rows) {
    const status = statusOf.get(rowNumber) ?? "skipped";
    counts[status]++;
    reportRows.push({ rowNumber, status, key: entry.key, issues: entry.issues });
  }
  return { counts, rows: reportRows, truncated: false };
}

const actorId = (actor: Actor) => (actor.kind === "user" ? actor.id : null);

/** Agencies by their code, abbreviation and Thai and English names. */
async function agencyFinder(db: Executor): Promise<(text: string) => number | null> {
  const byKey = new Map<string, number>();
  for (const a of await reference.listAgencies(db))
    for (const name of [a.code, a.abbreviation, a.name_th, a.name_en]) if (name) byKey.set(nameKey(name), a.id);
  return (text) => byKey.get(nameKey(text)) ?? null;
}

async function childCounts(db: Executor): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("service_providers")
    .select((eb) => ["parent_id", eb.fn.countAll<number>().as("n")])
    .where("parent_id", "is not", null)
    .groupBy("parent_id")
    .execute();
  return new Map(rows.flatMap((r) => (r.parent_id === null ? [] : [[r.parent_id, Number(r.n)]])));
}

const permissionIssue = (field: string, value: string): RowIssue => ({
  field,
  message: "you may not keep this provider's records",
  value,
  code: "not_permitted",
});

/** Checks a provider row against the registry and the rest of the file; answers its issues. */
function checkProvider(
  record: ProviderRecord,
  context: {
    actor: Actor;
    existing: ProviderDetail | undefined;
    stored: Map<string, ProviderDetail>;
    inFile: Map<string, ProviderRecord>;
    findAgency: (text: string) => number | null;
    children: Map<number, number>;
  },
): { issues: RowIssue[]; agencyId: number | null } {
  const { actor, existing } = context;
  const issues: RowIssue[] = [];
  let agencyId =
    existing?.agency_id ?? (actor.kind === "user" && actor.role === "agency_officer" ? actor.agencyId : null);
  if (record.agency !== null) {
    const found = context.findAgency(record.agency);
    if (found === null)
      issues.push({
        field: "agency",
        message: `no agency named ${record.agency}`,
        value: record.agency,
        code: "not_found",
      });
    else agencyId = found;
  }
  const parentCode = record.parentCode ?? (existing?.parent_id ? codeOfId(context.stored, existing.parent_id) : null);
  let parent: { id: number; kind: string } | null = null;
  if (parentCode !== null) {
    const fileParent = context.inFile.get(parentCode);
    const storedParent = context.stored.get(parentCode);
    if (parentCode === record.code)
      issues.push({
        field: "parentCode",
        message: "a provider cannot be under itself",
        value: parentCode,
        code: "not_allowed",
      });
    else if (!fileParent && !storedParent)
      issues.push({
        field: "parentCode",
        message: `no provider with code ${parentCode} in the registry or this file`,
        value: parentCode,
        code: "not_found",
      });
    else parent = { id: storedParent?.id ?? -1, kind: fileParent?.kind ?? storedParent?.kind ?? "other" };
  }
  // A parent named but not found is reported once, above.
  const problem =
    parentCode === record.code || (parentCode !== null && parent === null) ? null : parentProblem(record.kind, parent);
  if (problem === "branch_needs_centre")
    issues.push({
      field: "parentCode",
      message: "an ITC branch belongs to an ITC centre: give the centre's code",
      ...(parentCode ? { value: parentCode } : {}),
      code: parentCode ? "invalid_choice" : "required",
    });
  if (problem === "not_a_branch" && record.parentCode !== null)
    issues.push({
      field: "parentCode",
      message: "only an ITC branch has a parent provider",
      value: record.parentCode,
      code: "not_applicable",
    });
  if (existing?.kind === "itc_centre" && record.kind !== "itc_centre" && (context.children.get(existing.id) ?? 0) > 0)
    issues.push({
      field: "providerKind",
      message: "an ITC centre with branches stays an ITC centre",
      value: record.kind,
      code: "not_allowed",
    });
  const permitted = existing
    ? can(actor, "update", { type: "service_provider", agencyId: existing.agency_id }) &&
      can(actor, "update", { type: "service_provider", agencyId })
    : can(actor, "create", { type: "service_provider", agencyId });
  if (!permitted) issues.push(permissionIssue(record.agency !== null && !existing ? "agency" : "code", record.code));
  return { issues, agencyId };
}

function codeOfId(stored: Map<string, ProviderDetail>, id: number): string | null {
  for (const p of stored.values()) if (p.id === id) return p.code;
  return null;
}

type ImportInput = {
  batchId: number;
  path: string;
  onRow?: () => void;
  onProgress?: (bytesRead: number, totalBytes: number | null) => void;
};

/** Imports a providers file whole, or reports why not. */
export async function importProviders(
  ctx: AppContext,
  actor: Actor,
  input: ImportInput & { mapping: ColumnMapping<"providers"> },
): Promise<{ report: ServiceImportReport; failed: boolean }> {
  const { db } = ctx.database;
  const lookup = await areaLookup(db);
  const rows = await readRows(
    input.path,
    (cells, headers) => normaliseProviderRow(cells, headers, input.mapping, lookup),
    (r) => r.code,
    input,
  );
  const byCode = winners(rows, (r) => r.code);
  const stored = new Map((await serviceProviders.listProviders(db)).map((p) => [p.code, p]));
  const inFile = new Map<string, ProviderRecord>();
  for (const [code, rowNumber] of byCode) {
    const record = rows.get(rowNumber)?.record;
    if (record) inFile.set(code, record);
  }
  const findAgency = await agencyFinder(db);
  const children = await childCounts(db);
  const agencyOf = new Map<string, number | null>();
  for (const [code, record] of inFile) {
    const entry = rows.get(byCode.get(code) ?? -1);
    const checked = checkProvider(record, { actor, existing: stored.get(code), stored, inFile, findAgency, children });
    entry?.issues.push(...checked.issues);
    agencyOf.set(code, checked.agencyId);
  }
  const failed = failedReport(rows);
  if (failed) return { report: failed, failed: true };

  const statusOf = new Map<number, "imported" | "updated">();
  await db.transaction().execute(async (trx) => {
    const idOf = new Map([...stored.values()].map((p) => [p.code, p.id]));
    // Centres before their branches, so a branch's parent has an id when it is written.
    const ordered = [...inFile.entries()].sort(
      ([, a], [, b]) => Number(a.kind === "itc_branch") - Number(b.kind === "itc_branch"),
    );
    const now = nowIso();
    for (const [code, record] of ordered) {
      const rowNumber = byCode.get(code) ?? -1;
      const existing = stored.get(code);
      const parentId = record.parentCode !== null ? (idOf.get(record.parentCode) ?? null) : undefined;
      const id = await writeProvider(trx, record, existing, {
        agencyId: agencyOf.get(code) ?? null,
        parentId: record.kind === "itc_branch" ? parentId : null,
        now,
      });
      idOf.set(code, id);
      statusOf.set(rowNumber, existing ? "updated" : "imported");
      const after = await serviceProviders.findProvider(trx, id);
      if (!after) continue;
      const { expertCount: _count, ...kept } = auditProvider(presentProvider(after, 0, true));
      await audit.appendAudit(trx, {
        actorUserId: actorId(actor),
        action: existing ? "service_provider.import_update" : "service_provider.import_create",
        entityType: "service_provider",
        entityId: id,
        after: { ...kept, importBatchId: input.batchId },
      });
    }
    const report = finalReport(rows, statusOf);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "import.providers",
      entityType: "import_batch",
      entityId: input.batchId,
      after: { counts: report.counts },
    });
  });
  return { report: finalReport(rows, statusOf), failed: false };
}

/** Writes one provider row: a new provider, or the given columns of an existing one (an empty cell keeps the value). */
async function writeProvider(
  trx: Transaction<DB>,
  record: ProviderRecord,
  existing: ProviderDetail | undefined,
  given: { agencyId: number | null; parentId: number | null | undefined; now: string },
): Promise<number> {
  let id: number;
  if (!existing) {
    id = await serviceProviders.insertProvider(trx, {
      code: record.code,
      name_th: storedName(record.nameTh ?? undefined),
      name_en: storedName(record.nameEn ?? undefined),
      kind: record.kind,
      parent_id: given.parentId ?? null,
      agency_id: given.agencyId,
      contact_name: record.contactName,
      contact_phone: record.contactPhone,
      contact_email: record.contactEmail,
      website: record.website,
      created_at: given.now,
      updated_at: given.now,
    });
  } else {
    id = existing.id;
    const patch: Parameters<typeof serviceProviders.updateProvider>[2] = {
      updated_at: given.now,
      kind: record.kind,
      agency_id: given.agencyId,
      // An example provider that a file names becomes a real one.
      is_example: 0,
    };
    if (given.parentId !== undefined) patch.parent_id = given.parentId;
    if (record.kind !== "itc_branch") patch.parent_id = null;
    if (record.nameTh !== null) patch.name_th = storedName(record.nameTh);
    if (record.nameEn !== null) patch.name_en = storedName(record.nameEn);
    if (record.contactName !== null) patch.contact_name = record.contactName;
    if (record.contactPhone !== null) patch.contact_phone = record.contactPhone;
    if (record.contactEmail !== null) patch.contact_email = record.contactEmail;
    if (record.website !== null) patch.website = record.website;
    await serviceProviders.updateProvider(trx, id, patch);
  }
  if (record.provinceCodes !== null) await serviceProviders.setProviderProvinces(trx, id, record.provinceCodes);
  if (record.services !== null) await serviceProviders.setProviderServices(trx, id, record.services);
  return id;
}

/** The identity of an expert row within a provider: e-mail, else name. */
function expertIdentity(providerCode: string, r: { contactEmail: string | null; displayName: string }) {
  return r.contactEmail !== null
    ? `${providerCode}|e:${r.contactEmail.toLowerCase()}`
    : `${providerCode}|n:${nameKey(r.displayName)}`;
}

/**
 * The stored expert a row names: the same provider and e-mail; or, when the row has no e-mail (or no expert has that
 * e-mail), the same provider and name among experts without an e-mail — or with one, when the row gives none.
 */
function matchExpert(
  experts: readonly ExpertDetail[],
  providerId: number,
  record: ExpertRecord,
): ExpertDetail | undefined {
  const ofProvider = experts.filter((e) => e.provider_id === providerId);
  const email = record.contactEmail?.toLowerCase() ?? null;
  if (email !== null) {
    const byEmail = ofProvider.find((e) => e.contact_email?.toLowerCase() === email);
    if (byEmail) return byEmail;
  }
  const name = nameKey(record.displayName);
  return ofProvider.find((e) => nameKey(e.display_name) === name && (email === null || e.contact_email === null));
}

/** Imports an experts file whole, or reports why not. */
export async function importExperts(
  ctx: AppContext,
  actor: Actor,
  input: ImportInput & { mapping: ColumnMapping<"experts"> },
): Promise<{ report: ServiceImportReport; failed: boolean }> {
  const { db } = ctx.database;
  const lookup = await areaLookup(db);
  const rows = await readRows(
    input.path,
    (cells, headers) => normaliseExpertRow(cells, headers, input.mapping, lookup),
    (r) => r.displayName,
    input,
  );
  const byIdentity = winners(rows, (r) => expertIdentity(r.providerCode, r));
  const providers = new Map((await serviceProviders.listProviders(db)).map((p) => [p.code, p]));
  const experts = await serviceProviders.listExperts(db);
  const planned: {
    rowNumber: number;
    record: ExpertRecord;
    provider: ProviderDetail;
    existing: ExpertDetail | undefined;
  }[] = [];
  for (const rowNumber of byIdentity.values()) {
    const entry = rows.get(rowNumber);
    const record = entry?.record;
    if (!entry || !record) continue;
    const provider = providers.get(record.providerCode);
    if (!provider) {
      entry.issues.push({
        field: "providerCode",
        message: `no provider with code ${record.providerCode}: import the providers first`,
        value: record.providerCode,
        code: "not_found",
      });
      continue;
    }
    const existing = matchExpert(experts, provider.id, record);
    if (!can(actor, existing ? "update" : "create", { type: "expert", providerAgencyId: provider.agency_id })) {
      entry.issues.push(permissionIssue("providerCode", record.providerCode));
      continue;
    }
    planned.push({ rowNumber, record, provider, existing });
  }
  const failed = failedReport(rows);
  if (failed) return { report: failed, failed: true };

  const statusOf = new Map<number, "imported" | "updated">();
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    for (const { rowNumber, record, provider, existing } of planned) {
      let id: number;
      if (!existing) {
        id = await serviceProviders.insertExpert(trx, {
          provider_id: provider.id,
          display_name: record.displayName,
          contact_phone: record.contactPhone,
          contact_email: record.contactEmail,
          capacity: record.capacity ?? 1,
          available: record.available === false ? 0 : 1,
          created_at: now,
          updated_at: now,
        });
      } else {
        id = existing.id;
        const patch: Parameters<typeof serviceProviders.updateExpert>[2] = {
          updated_at: now,
          display_name: record.displayName,
          is_example: 0,
        };
        if (record.contactPhone !== null) patch.contact_phone = record.contactPhone;
        if (record.contactEmail !== null) patch.contact_email = record.contactEmail;
        if (record.capacity !== null) patch.capacity = record.capacity;
        if (record.available !== null) patch.available = record.available ? 1 : 0;
        await serviceProviders.updateExpert(trx, id, patch);
      }
      if (record.fields !== null) await serviceProviders.setExpertFields(trx, id, record.fields);
      if (record.areas !== null) await serviceProviders.setExpertAreas(trx, id, record.areas);
      statusOf.set(rowNumber, existing ? "updated" : "imported");
      const after = await serviceProviders.findExpert(trx, id);
      if (!after) continue;
      await audit.appendAudit(trx, {
        actorUserId: actorId(actor),
        action: existing ? "expert.import_update" : "expert.import_create",
        entityType: "expert",
        entityId: id,
        ...(existing ? { before: auditExpert(presentExpert(existing)) } : {}),
        after: { ...auditExpert(presentExpert(after)), importBatchId: input.batchId },
      });
    }
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "import.experts",
      entityType: "import_batch",
      entityId: input.batchId,
      after: { counts: finalReport(rows, statusOf).counts },
    });
  });
  return { report: finalReport(rows, statusOf), failed: false };
}
