import { buyerNameKey, type Actor } from "@sainam/core";
import type { CreateInquiryBody, Inquiry } from "@sainam/contract";
import { audit, enterprises, products, type DB, type InquiryView } from "@sainam/db";
import type { Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { notify } from "../notifications/notify.ts";
import { authorize } from "../policies/policy.ts";
import { loadProductFor, productResourceOf, todayOf } from "./product.service.ts";

// Buyers' "request a quote" (issue 14, point 1): a public write from the catalogue, throttled per client address,
// routed to the firm's members and its clusters' coordinators, and kept as the firm's lead: a deal at stage `lead`
// (migration 0024) with the inquiring organisation as its buyer, de-duplicated by name and country.

function presentInquiry(row: InquiryView, dealId: number | null): Inquiry {
  return {
    id: row.id,
    productId: row.product_id,
    productNameTh: row.product_name_th,
    productNameEn: row.product_name_en,
    enterpriseId: row.enterprise_id,
    buyerOrganisation: row.buyer_organisation,
    buyerCountry: row.buyer_country,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    quantity: row.quantity,
    message: row.message,
    status: row.status === "answered" || row.status === "closed" ? row.status : "new",
    createdAt: row.created_at,
    dealId,
  };
}

/** Who hears of an inquiry: the firm's active members and the coordinators of the clusters it is an approved member of. */
async function recipientsOf(
  trx: Transaction<DB>,
  enterpriseId: number,
  clusterIds: readonly number[],
): Promise<number[]> {
  const members = await trx
    .selectFrom("users")
    .select("id")
    .where("role", "=", "member")
    .where("enterprise_id", "=", enterpriseId)
    .execute();
  const coordinators =
    clusterIds.length === 0
      ? []
      : await trx
          .selectFrom("users as u")
          .innerJoin("user_clusters as c", "c.user_id", "u.id")
          .select("u.id")
          .where("u.role", "=", "cluster_coordinator")
          .where("c.cluster_id", "in", [...clusterIds])
          .execute();
  return [...new Set([...members, ...coordinators].map((u) => u.id))];
}

/**
 * A buyer asks a published product's firm for a quote. Anyone may (the catalogue is public), at most a few times in a
 * while from one address (429 with Retry-After past it). The contact is kept for the firm and never written to the
 * audit log or a notification: those say that an inquiry came, from which country, about which product.
 */
export async function createInquiry(
  ctx: AppContext,
  actor: Actor,
  productId: number,
  input: CreateInquiryBody,
  clientAddress: string,
): Promise<{ id: number; status: "new" }> {
  const { db } = ctx.database;
  const { product, resource } = await loadProductFor(db, actor, productId);
  if (product.status !== "published") throw errors.notFound("product", productId);
  const wait = ctx.publicWriteThrottle.take(clientAddress);
  if (wait > 0) throw errors.tooManyRequests(wait);
  const now = new Date(ctx.now()).toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const newId = await products.insertInquiry(trx, {
      product_id: productId,
      enterprise_id: product.enterprise_id,
      buyer_organisation: input.buyerOrganisation,
      buyer_country: input.buyerCountry,
      contact_name: input.contactName,
      contact_email: input.contactEmail,
      contact_phone: input.contactPhone ?? null,
      quantity: input.quantity ?? null,
      message: input.message,
      consent: 1,
      status: "new",
      created_at: now,
      updated_at: now,
    });
    const buyer = await products.buyerFor(trx, {
      name: input.buyerOrganisation,
      nameKey: buyerNameKey(input.buyerOrganisation),
      countryCode: input.buyerCountry,
      at: now,
      createdBy: actor.kind === "user" ? actor.id : null,
    });
    const dealId = await products.insertLeadFromInquiry(trx, {
      enterpriseId: product.enterprise_id,
      buyerId: buyer.id,
      inquiryId: newId,
      country: input.buyerCountry,
      on: todayOf(ctx),
      at: now,
    });
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "product.inquiry",
      entityType: "product",
      entityId: productId,
      after: {
        inquiryId: newId,
        enterpriseId: product.enterprise_id,
        buyerCountry: input.buyerCountry,
        contactsGiven: { phone: Boolean(input.contactPhone) },
        consent: true,
        dealId,
        buyerId: buyer.id,
        buyerCreated: buyer.created,
      },
    });
    await notify(
      ctx,
      {
        userIds: await recipientsOf(trx, product.enterprise_id, resource.firmClusterIds),
        kind: "product_inquiry",
        entity: { type: "enterprise", id: product.enterprise_id },
        params: {
          title: product.name_th ?? product.name_en ?? "",
          firmName: product.firm_name_th ?? product.firm_name_en ?? "",
        },
      },
      trx,
    );
    return newId;
  });
  return { id, status: "new" };
}

/** A firm's inquiries with the buyers' contacts: the firm, its coordinators and admins (`read_personal`). */
export async function listInquiries(ctx: AppContext, actor: Actor, enterpriseId: number): Promise<Inquiry[]> {
  const { db } = ctx.database;
  if (!(await enterprises.findEnterprise(db, enterpriseId))) throw errors.notFound("enterprise", enterpriseId);
  authorize(actor, "read_personal", await productResourceOf(db, enterpriseId, false));
  const rows = await products.inquiriesOfFirm(db, enterpriseId);
  const deals = await products.dealsOfInquiries(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentInquiry(row, deals.get(row.id) ?? null));
}

/** Marks an inquiry answered or closed (the firm, its coordinators, admins), audited. */
export async function setInquiryStatus(
  ctx: AppContext,
  actor: Actor,
  enterpriseId: number,
  inquiryId: number,
  status: "new" | "answered" | "closed",
): Promise<Inquiry> {
  const { db } = ctx.database;
  authorize(actor, "read_personal", await productResourceOf(db, enterpriseId, false));
  const row = await products.findInquiry(db, enterpriseId, inquiryId);
  if (!row) throw errors.notFound("inquiry", inquiryId);
  const now = new Date(ctx.now()).toISOString();
  await db.transaction().execute(async (trx) => {
    await products.updateInquiryStatus(trx, inquiryId, status, now);
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "product.inquiry_status",
      entityType: "product",
      entityId: row.product_id,
      before: { inquiryId, status: row.status },
      after: { inquiryId, status },
    });
  });
  const deals = await products.dealsOfInquiries(db, [inquiryId]);
  return presentInquiry({ ...row, status, updated_at: now }, deals.get(inquiryId) ?? null);
}
