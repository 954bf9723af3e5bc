import { classifySize, describeJuristicId, legalFormFromName, sectorOfTsic, type Actor } from "@sainam/core";
import { audit, enterprises, nowIso, products, reference, type DB, type EnterpriseRow } from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { authorize, can, mayChangeFirmIdentity, seesUnpublished } from "../policies/policy.ts";
import { auditEnterprise, presentEnterprise, presentEnterpriseDetail } from "./enterprise.presenter.ts";
import { indexEnterprise } from "../search/search.indexer.ts";
import type { CreateEnterpriseBody, UpdateEnterpriseBody } from "@sainam/contract";

type Executor = Kysely<DB> | Transaction<DB>;

/** The facts the policy weighs about a firm: its approved and pending memberships, who registered it. */
export async function enterpriseResource(db: Executor, e: EnterpriseRow) {
  const memberOf = await enterprises.clusterIdsOfEnterprise(db, e.id);
  return {
    type: "enterprise" as const,
    enterpriseId: e.id,
    clusterIds: memberOf.approved,
    pendingClusterIds: memberOf.pending,
    published: e.published === 1,
    createdBy: e.created_by,
  };
}

/**
 * A firm another record names (a member, a linkage end, a participant, a supported firm): it must exist and be
 * one the caller may see, else the field is refused as not found (400), exactly as for an id that does not exist.
 */
export async function requireVisibleEnterprise(
  db: Executor,
  actor: Actor,
  field: string,
  id: number,
): Promise<EnterpriseRow> {
  const row = await enterprises.findEnterprise(db, id);
  if (!row || !can(actor, "read", await enterpriseResource(db, row))) throw errors.missing(field, "enterprise", id);
  return row;
}

/** Loads an enterprise the actor may act on; one the actor may not even see is not found (404). */
export async function requireEnterprise(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: "read" | "update",
): Promise<EnterpriseRow> {
  const { db } = ctx.database;
  const row = await enterprises.findEnterprise(db, id);
  if (!row) throw errors.notFound("enterprise", id);
  const resource = await enterpriseResource(db, row);
  if (!can(actor, "read", resource)) throw errors.notFound("enterprise", id);
  authorize(actor, action, resource);
  return row;
}

export async function listEnterprises(
  ctx: AppContext,
  actor: Actor,
  query: {
    page: number;
    pageSize: number;
    province?: string | undefined;
    region?: string | undefined;
    size?: string | undefined;
    tsic?: string | undefined;
    cluster?: number | undefined;
  },
) {
  authorize(actor, "list", { type: "reference" });
  const unpublishedToo = seesUnpublished(actor);
  const { items, total } = await enterprises.listEnterprises(ctx.database.db, {
    provinceCode: query.province,
    regionCode: query.region,
    sizeClass: query.size,
    tsicPrefix: query.tsic,
    clusterId: query.cluster,
    publishedOnly: !unpublishedToo,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: items.map(presentEnterprise), total, page: query.page, pageSize: query.pageSize };
}

export async function getEnterprise(ctx: AppContext, actor: Actor, id: number) {
  const { db } = ctx.database;
  const row = await requireEnterprise(ctx, actor, id, "read");
  const detail = await enterprises.loadEnterpriseDetail(db, id);
  if (!detail) throw errors.notFound("enterprise", id);
  const masked = !can(actor, "read_personal", await enterpriseResource(db, row));
  return presentEnterpriseDetail(detail, masked);
}

type Normalised = Omit<EnterpriseRow, "id" | "created_at" | "updated_at" | "published" | "is_example" | "created_by">;

/** Validates identifiers, place and size and derives legal form and size class, naming the field on failure. */
export async function normaliseEnterprise(
  db: Executor,
  input: CreateEnterpriseBody,
  before: EnterpriseRow | null,
): Promise<Normalised> {
  const pick = <K extends keyof CreateEnterpriseBody, V>(
    key: K,
    fallback: V,
  ): NonNullable<CreateEnterpriseBody[K]> | V | null => {
    const value = input[key];
    if (value === undefined) return fallback;
    return value ?? null;
  };
  let juristicId = pick("juristicId", before?.juristic_id ?? null);
  if (juristicId) {
    const checked = describeJuristicId(juristicId);
    if (!checked.ok) {
      const reasons = {
        empty: "is empty",
        non_digit: "must contain only digits",
        wrong_length: "must have 13 digits",
        wrong_check_digit: "has a wrong check digit",
      };
      const codes = {
        empty: "required",
        non_digit: "invalid_format",
        wrong_length: "wrong_length",
        wrong_check_digit: "invalid_check_digit",
      } as const;
      throw errors.validation(
        "juristicId",
        reasons[checked.reason],
        codes[checked.reason],
        checked.reason === "wrong_length" ? { length: 13 } : undefined,
      );
    }
    juristicId = checked.value;
  }
  const ceRegistrationNo = pick("ceRegistrationNo", before?.ce_registration_no ?? null);
  if (!juristicId && !ceRegistrationNo)
    throw errors.validation(
      "juristicId",
      "a juristic ID or a community-enterprise registration number is required",
      "required",
      { or: "ceRegistrationNo" },
    );
  const nameTh = pick("nameTh", before?.name_th ?? null);
  const nameEn = pick("nameEn", before?.name_en ?? null);
  if (!nameTh && !nameEn)
    throw errors.validation("nameTh", "a Thai or English name is required", "required", { or: "nameEn" });
  const legalForm =
    input.legalForm ??
    (ceRegistrationNo && !juristicId ? "community_enterprise" : legalFormFromName(nameTh ?? nameEn ?? "").form);

  const provinceCode = pick("provinceCode", before?.province_code ?? null);
  const districtCode = pick("districtCode", before?.district_code ?? null);
  if (provinceCode && !(await reference.findProvince(db, provinceCode)))
    throw errors.missing("provinceCode", "province", provinceCode);
  if (districtCode) {
    const district = await reference.findDistrict(db, districtCode);
    if (!district) throw errors.missing("districtCode", "district", districtCode);
    if (provinceCode && district.province_code !== provinceCode)
      throw errors.validation(
        "districtCode",
        `district ${districtCode} is not in province ${provinceCode}`,
        "not_in_province",
        { province: provinceCode },
      );
  }
  const tsicCode = pick("tsicCode", before?.tsic_code ?? null);
  const revenue = pick("revenue", before?.revenue ?? null);
  const employees = pick("employees", before?.employees ?? null);
  const sector = tsicCode ? sectorOfTsic(tsicCode) : null;
  const size = classifySize({ sector: sector ?? "service", annualRevenue: revenue, employees });
  return {
    juristic_id: juristicId,
    ce_registration_no: ceRegistrationNo,
    name_th: nameTh,
    name_en: nameEn,
    legal_form: legalForm,
    // Without a sector the service thresholds (the lower ones) apply; documented in docs/INTERNALS.md (Registry).
    size_class: size.ok ? size.value.sizeClass : null,
    revenue,
    employees,
    capital: pick("capital", before?.capital ?? null),
    tsic_code: tsicCode,
    business_type: pick("businessType", before?.business_type ?? null),
    address: pick("address", before?.address ?? null),
    province_code: provinceCode ?? (districtCode ? districtCode.slice(0, 2) : null),
    district_code: districtCode,
    postcode: pick("postcode", before?.postcode ?? null),
    registered_on: pick("registeredOn", before?.registered_on ?? null),
  };
}

export async function createEnterprise(ctx: AppContext, actor: Actor, input: CreateEnterpriseBody) {
  authorize(actor, "create", { type: "enterprise", enterpriseId: null, clusterIds: [], published: false });
  const { db } = ctx.database;
  const values = await normaliseEnterprise(db, input, null);
  if (values.juristic_id && (await enterprises.findEnterpriseByJuristicId(db, values.juristic_id))) {
    throw errors.conflict(
      `an enterprise with juristic ID ${values.juristic_id} exists: one firm is one record`,
      "juristicId",
      "duplicate",
    );
  }
  if (
    values.ce_registration_no &&
    (await enterprises.findEnterpriseByCeRegistrationNo(db, values.ce_registration_no))
  ) {
    throw errors.conflict(
      `an enterprise with registration number ${values.ce_registration_no} exists`,
      "ceRegistrationNo",
      "duplicate",
    );
  }
  const now = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    const newId = await enterprises.insertEnterprise(trx, {
      ...values,
      published: input.published === false ? 0 : 1,
      is_example: 0,
      created_at: now,
      updated_at: now,
      created_by: actor.kind === "user" ? actor.id : null,
    });
    await enterprises.replaceProducts(
      trx,
      newId,
      (input.products ?? []).map((p) => ({ direction: p.direction, name: p.name, tsic_code: p.tsicCode ?? null })),
    );
    await enterprises.replaceContacts(
      trx,
      newId,
      (input.contacts ?? []).map((c) => ({
        name: c.name ?? null,
        position: c.position ?? null,
        phone: c.phone ?? null,
        email: c.email ?? null,
      })),
    );
    const detail = await enterprises.loadEnterpriseDetail(trx, newId);
    if (detail) await indexEnterprise(trx, detail);
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "enterprise.create",
      entityType: "enterprise",
      entityId: newId,
      after: detail ? auditEnterprise(detail) : null,
    });
    return newId;
  });
  return getEnterprise(ctx, actor, id);
}

export async function updateEnterprise(ctx: AppContext, actor: Actor, id: number, input: UpdateEnterpriseBody) {
  const before = await requireEnterprise(ctx, actor, id, "update");
  const { db } = ctx.database;
  const values = await normaliseEnterprise(db, input, before);
  if (!mayChangeFirmIdentity(actor)) {
    // A member re-keying their own firm could re-point or merge records that imports match by these numbers.
    if (values.juristic_id !== before.juristic_id)
      throw errors.validation("juristicId", "only an agency officer may change the juristic ID", "officer_only");
    if (values.ce_registration_no !== before.ce_registration_no)
      throw errors.validation(
        "ceRegistrationNo",
        "only an agency officer may change the community-enterprise registration number",
        "officer_only",
      );
  }
  if (values.juristic_id && values.juristic_id !== before.juristic_id) {
    const other = await enterprises.findEnterpriseByJuristicId(db, values.juristic_id);
    if (other && other.id !== id)
      throw errors.conflict(
        `juristic ID ${values.juristic_id} belongs to enterprise ${other.id}`,
        "juristicId",
        "duplicate",
      );
  }
  const beforeDetail = await enterprises.loadEnterpriseDetail(db, id);
  await db.transaction().execute(async (trx) => {
    await enterprises.updateEnterprise(trx, id, {
      ...values,
      ...(input.published === undefined ? {} : { published: input.published ? 1 : 0 }),
      updated_at: nowIso(),
    });
    if (input.products)
      await enterprises.replaceProducts(
        trx,
        id,
        input.products.map((p) => ({ direction: p.direction, name: p.name, tsic_code: p.tsicCode ?? null })),
      );
    if (input.contacts)
      await enterprises.replaceContacts(
        trx,
        id,
        input.contacts.map((c) => ({
          name: c.name ?? null,
          position: c.position ?? null,
          phone: c.phone ?? null,
          email: c.email ?? null,
        })),
      );
    const after = await enterprises.loadEnterpriseDetail(trx, id);
    if (after) await indexEnterprise(trx, after);
    // The catalogue finds a firm's products by the firm's names too.
    if (after && (after.name_th !== before.name_th || after.name_en !== before.name_en))
      await products.indexProductsOfFirm(trx, id);
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "enterprise.update",
      entityType: "enterprise",
      entityId: id,
      before: beforeDetail ? auditEnterprise(beforeDetail) : null,
      after: after ? auditEnterprise(after) : null,
    });
  });
  return getEnterprise(ctx, actor, id);
}
