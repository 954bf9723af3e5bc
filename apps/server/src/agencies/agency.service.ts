import type { Actor } from "@sainam/core";
import { audit, indicatorValues, nowIso, reference, valueApprovals, type AgencyRow } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { keepNameInOneLanguage } from "../names/names.ts";
import { authorize, canAssignProvinces } from "../policies/policy.ts";

export function presentAgency(a: AgencyRow, provinceCodes: readonly string[] = []) {
  return {
    id: a.id,
    code: a.code,
    nameEn: a.name_en,
    nameTh: a.name_th,
    abbreviation: a.abbreviation,
    kind: a.kind,
    parentId: a.parent_id,
    descriptionEn: a.description_en,
    provinceCodes: [...provinceCodes],
  };
}

export async function listAgencies(ctx: AppContext, actor: Actor) {
  authorize(actor, "list", { type: "reference" });
  const { db } = ctx.database;
  const agencies = await reference.listAgencies(db);
  const served = await valueApprovals.provincesByAgency(db);
  return agencies.map((a) => presentAgency(a, served.get(a.id) ?? []));
}

export async function getAgency(ctx: AppContext, actor: Actor, id: number) {
  const agency = await reference.findAgency(ctx.database.db, id);
  if (!agency) throw errors.notFound("agency", id);
  authorize(actor, "read", { type: "agency", agencyId: agency.id });
  return presentAgency(agency, await valueApprovals.provincesOf(ctx.database.db, agency.id));
}

export async function updateAgency(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: {
    nameEn?: string | null | undefined;
    nameTh?: string | null | undefined;
    abbreviation?: string | null | undefined;
    provinceCodes?: string[] | undefined;
  },
) {
  const { db } = ctx.database;
  const before = await reference.findAgency(db, id);
  if (!before) throw errors.notFound("agency", id);
  authorize(actor, "update", { type: "agency", agencyId: before.id });
  keepNameInOneLanguage(
    { th: "nameTh", en: "nameEn" },
    { th: before.name_th, en: before.name_en },
    { th: input.nameTh, en: input.nameEn },
  );
  const { provinceCodes } = input;
  if (provinceCodes !== undefined) {
    // The provinces an agency serves decide who approves their values: an admin's change, not the agency's own.
    if (!canAssignProvinces(actor))
      throw errors.forbidden("Only an admin may change the provinces an agency serves.", {
        action: "update",
        resource: "agency",
      });
    const known = await indicatorValues.existingOrgUnitCodes(db, "province", provinceCodes);
    const unknown = provinceCodes.find((code) => !known.has(code));
    if (unknown !== undefined) throw errors.missing("provinceCodes", "province", unknown);
  }
  const provincesBefore = await valueApprovals.provincesOf(db, id);
  const patch: { name_en?: string | null; name_th?: string | null; abbreviation?: string | null; updated_at: string } =
    {
      updated_at: nowIso(),
    };
  if (input.nameEn !== undefined) patch.name_en = input.nameEn;
  if (input.nameTh !== undefined) patch.name_th = input.nameTh;
  if (input.abbreviation !== undefined) patch.abbreviation = input.abbreviation;
  return db.transaction().execute(async (trx) => {
    const after = await reference.updateAgency(trx, id, patch);
    if (!after) throw errors.notFound("agency", id);
    if (provinceCodes !== undefined) await valueApprovals.setProvincesOf(trx, id, provinceCodes);
    const provincesAfter = await valueApprovals.provincesOf(trx, id);
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "agency.update",
      entityType: "agency",
      entityId: id,
      before: presentAgency(before, provincesBefore),
      after: presentAgency(after, provincesAfter),
    });
    return presentAgency(after, provincesAfter);
  });
}
