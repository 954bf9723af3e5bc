import type { Readable } from "node:stream";
import {
  bangkokDateOf,
  certificationExpired,
  certificationProblems,
  isBcgTag,
  normaliseHsCode,
  productProblems,
  toIsoDate,
  tsicSectionOf,
  type Actor,
  type CertificationKind,
  type ProductProblem,
} from "@sainam/core";
import type {
  Certification,
  CreateCertificationBody,
  CreateProductBody,
  Product,
  ProductPhoto,
  UpdateCertificationBody,
  UpdateProductBody,
} from "@sainam/contract";
import {
  audit,
  enterprises,
  products,
  tsicCodes,
  type CertificationRow,
  type DB,
  type PhotoRow,
  type ProductWithFirm,
} from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { errors, type ErrorDetail } from "../errors.ts";
import { authorize, can, type ProductResource } from "../policies/policy.ts";
import { MAX_PHOTOS, readPhotoBody, removePhotoFile, resizePhoto, storePhotoFile } from "./product-photos.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** Today in Bangkok, by the app's clock: the day certifications are valid through. */
export const todayOf = (ctx: Pick<AppContext, "now">): string => toIsoDate(bangkokDateOf(new Date(ctx.now())));

/** Where a stored photo file is served from (content-addressed: the address changes when the photo does). */
export const photoUrl = (key: string): string => `/api/catalogue/photos/${key}`;

/** The facts the policy weighs about a firm's products. */
export async function productResourceOf(
  db: Executor,
  enterpriseId: number,
  published: boolean,
): Promise<ProductResource> {
  const memberOf = await enterprises.clusterIdsOfEnterprise(db, enterpriseId);
  return { type: "product", enterpriseId, firmClusterIds: memberOf.approved, published };
}

/** A product the caller may read (404 otherwise, so a draft's existence is not revealed), with its resource. */
export async function loadProductFor(db: Executor, actor: Actor, id: number) {
  const product = await products.findProduct(db, id);
  if (!product) throw errors.notFound("product", id);
  const resource = await productResourceOf(db, product.enterprise_id, product.status === "published");
  if (!can(actor, "read", resource)) throw errors.notFound("product", id);
  return { product, resource };
}

/** A product the caller may change: read it (404), then `update` (403). */
async function editableProduct(db: Executor, actor: Actor, id: number) {
  const loaded = await loadProductFor(db, actor, id);
  authorize(actor, "update", loaded.resource);
  return loaded;
}

const parseList = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
};

export function presentCertification(row: CertificationRow, today: string): Certification {
  return {
    id: row.id,
    kind: row.kind as CertificationKind,
    number: row.number,
    otopStars: row.otop_stars,
    expiresOn: row.expires_on,
    expired: certificationExpired(row.expires_on, today),
  };
}

export function presentPhoto(row: PhotoRow): ProductPhoto {
  return {
    id: row.id,
    url: photoUrl(row.display_key),
    thumbnailUrl: photoUrl(row.thumbnail_key),
    width: row.width,
    height: row.height,
    position: row.position,
  };
}

/** A product with its certifications and photos, as the caller sees it. */
export async function presentProduct(
  ctx: AppContext,
  db: Executor,
  actor: Actor,
  product: ProductWithFirm,
  resource: ProductResource,
): Promise<Product> {
  const today = todayOf(ctx);
  const [certs, photos] = await Promise.all([
    products.certificationsOf(db, [product.id]),
    products.photosOf(db, [product.id]),
  ]);
  return {
    id: product.id,
    enterpriseId: product.enterprise_id,
    firmNameTh: product.firm_name_th,
    firmNameEn: product.firm_name_en,
    provinceCode: product.province_code,
    nameTh: product.name_th,
    nameEn: product.name_en,
    tsicCode: product.tsic_code,
    tsicSection: product.tsic_section,
    hsCode: product.hs_code,
    descriptionTh: product.description_th,
    descriptionEn: product.description_en,
    priceMin: product.price_min,
    priceMax: product.price_max,
    priceUnit: product.price_unit,
    minOrder: product.min_order,
    minOrderUnit: product.min_order_unit,
    capacityPerMonth: product.capacity_per_month,
    capacityUnit: product.capacity_unit,
    bcgTags: parseList(product.bcg_tags).filter(isBcgTag),
    exportMarkets: parseList(product.export_markets),
    status: product.status === "published" ? "published" : "draft",
    publishedAt: product.published_at,
    updatedAt: product.updated_at,
    certifications: certs.map((c) => presentCertification(c, today)),
    photos: photos.map(presentPhoto),
    editable: can(actor, "update", resource),
  };
}

function refuse(problems: readonly ProductProblem[]): void {
  if (problems.length === 0) return;
  const details: ErrorDetail[] = problems.map((p) => ({
    path: p.path,
    message:
      p.code === "required"
        ? "is required"
        : p.code === "not_before"
          ? "must not be below priceMin"
          : `is ${p.code.replace("_", " ")}`,
    code: p.code,
    ...(p.params ? { params: p.params } : {}),
  }));
  throw errors.invalid(details.map((d) => `${d.path}: ${d.message}`).join("; "), details);
}

let knownTsic: ReadonlySet<string> | null = null;
function requireTsic(code: string | null): void {
  if (code === null) return;
  knownTsic ??= new Set(tsicCodes());
  if (!knownTsic.has(code)) throw errors.missing("tsicCode", "TSIC code", code);
}

type ProductColumns = Omit<
  ProductWithFirm,
  | "id"
  | "firm_name_th"
  | "firm_name_en"
  | "province_code"
  | "enterprise_id"
  | "status"
  | "published_at"
  | "created_by"
  | "created_at"
  | "updated_at"
>;

/** The stored columns of a product's fields: the input over what was stored (a change), checked by core's rules. */
function columnsOf(input: UpdateProductBody, before: ProductColumns | null): ProductColumns {
  const pick = <K extends keyof UpdateProductBody, T>(
    key: K,
    stored: T,
  ): Exclude<UpdateProductBody[K], undefined> | T => {
    const value = input[key];
    return value === undefined ? stored : (value as Exclude<UpdateProductBody[K], undefined>);
  };
  const nameTh = pick("nameTh", before?.name_th ?? null);
  const nameEn = pick("nameEn", before?.name_en ?? null);
  const hsCode = pick("hsCode", before?.hs_code ?? null);
  const priceMin = pick("priceMin", before?.price_min ?? null);
  const priceMax = pick("priceMax", before?.price_max ?? null);
  const exportMarkets = input.exportMarkets ?? (before ? parseList(before.export_markets) : []);
  refuse(productProblems({ nameTh, nameEn, hsCode, priceMin, priceMax, exportMarkets }));
  const tsicCode = pick("tsicCode", before?.tsic_code ?? null);
  requireTsic(tsicCode);
  return {
    name_th: nameTh,
    name_en: nameEn,
    tsic_code: tsicCode,
    tsic_section: tsicCode ? tsicSectionOf(tsicCode) : null,
    hs_code: hsCode ? normaliseHsCode(hsCode) : null,
    description_th: pick("descriptionTh", before?.description_th ?? null),
    description_en: pick("descriptionEn", before?.description_en ?? null),
    price_min: priceMin,
    price_max: priceMax,
    price_unit: pick("priceUnit", before?.price_unit ?? null),
    min_order: pick("minOrder", before?.min_order ?? null),
    min_order_unit: pick("minOrderUnit", before?.min_order_unit ?? null),
    capacity_per_month: pick("capacityPerMonth", before?.capacity_per_month ?? null),
    capacity_unit: pick("capacityUnit", before?.capacity_unit ?? null),
    bcg_tags: JSON.stringify([...new Set(input.bcgTags ?? (before ? parseList(before.bcg_tags) : []))]),
    export_markets: JSON.stringify([...new Set(exportMarkets)]),
  };
}

const userIdOf = (actor: Actor): number | null => (actor.kind === "user" ? actor.id : null);

/** A firm's products: all of them for those who edit them, the published ones for everyone else. */
export async function listFirmProducts(ctx: AppContext, actor: Actor, enterpriseId: number): Promise<Product[]> {
  const { db } = ctx.database;
  const firm = await enterprises.findEnterprise(db, enterpriseId);
  if (!firm) throw errors.notFound("enterprise", enterpriseId);
  const rows = await products.productsOfFirm(db, enterpriseId);
  const draftResource = await productResourceOf(db, enterpriseId, false);
  const out: Product[] = [];
  for (const row of rows) {
    const resource = { ...draftResource, published: row.status === "published" };
    if (can(actor, "read", resource)) out.push(await presentProduct(ctx, db, actor, row, resource));
  }
  return out;
}

/** Adds a draft product to a firm: its members, its coordinators, officers, admins. */
export async function createProduct(
  ctx: AppContext,
  actor: Actor,
  enterpriseId: number,
  input: CreateProductBody,
): Promise<Product> {
  const { db } = ctx.database;
  const firm = await enterprises.findEnterprise(db, enterpriseId);
  if (!firm) throw errors.notFound("enterprise", enterpriseId);
  const resource = await productResourceOf(db, enterpriseId, false);
  authorize(actor, "create", resource);
  const columns = columnsOf(input, null);
  const now = new Date(ctx.now()).toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const newId = await products.insertProduct(trx, {
      ...columns,
      enterprise_id: enterpriseId,
      status: "draft",
      published_at: null,
      created_by: userIdOf(actor),
      created_at: now,
      updated_at: now,
    });
    await products.indexProducts(trx, [newId]);
    await audit.appendAudit(trx, {
      actorUserId: userIdOf(actor),
      action: "product.create",
      entityType: "product",
      entityId: newId,
      after: { enterpriseId, ...columns },
    });
    return newId;
  });
  const product = await products.findProduct(db, id);
  if (!product) throw errors.notFound("product", id);
  return presentProduct(ctx, db, actor, product, resource);
}

export async function getProduct(ctx: AppContext, actor: Actor, id: number): Promise<Product> {
  const { db } = ctx.database;
  const { product, resource } = await loadProductFor(db, actor, id);
  return presentProduct(ctx, db, actor, product, resource);
}

export async function updateProduct(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: UpdateProductBody,
): Promise<Product> {
  const { db } = ctx.database;
  const { product: before } = await editableProduct(db, actor, id);
  const columns = columnsOf(input, before);
  const now = new Date(ctx.now()).toISOString();
  await db.transaction().execute(async (trx) => {
    await products.updateProduct(trx, id, { ...columns, updated_at: now });
    await products.indexProducts(trx, [id]);
    await audit.appendAudit(trx, {
      actorUserId: userIdOf(actor),
      action: "product.update",
      entityType: "product",
      entityId: id,
      before: changedOf(before, columns, "before"),
      after: changedOf(before, columns, "after"),
    });
  });
  return getProduct(ctx, actor, id);
}

/** The columns a change touched, as they were or became (the audit keeps only what moved). */
function changedOf(before: ProductColumns, after: ProductColumns, side: "before" | "after"): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof ProductColumns>)
    if (before[key] !== after[key]) out[key] = side === "before" ? before[key] : after[key];
  return out;
}

/** Publishes a product into the public catalogue, or takes it back to draft. */
export async function setPublished(ctx: AppContext, actor: Actor, id: number, publish: boolean): Promise<Product> {
  const { db } = ctx.database;
  const { product } = await editableProduct(db, actor, id);
  const status = publish ? "published" : "draft";
  if (product.status !== status) {
    const now = new Date(ctx.now()).toISOString();
    await db.transaction().execute(async (trx) => {
      await products.updateProduct(trx, id, {
        status,
        published_at: publish ? (product.published_at ?? now) : product.published_at,
        updated_at: now,
      });
      await audit.appendAudit(trx, {
        actorUserId: userIdOf(actor),
        action: publish ? "product.publish" : "product.unpublish",
        entityType: "product",
        entityId: id,
        before: { status: product.status },
        after: { status },
      });
    });
  }
  return getProduct(ctx, actor, id);
}

// ——— Certifications ———

function checkCertification(kind: string, otopStars: number | null, expiresOn: string | null): void {
  refuse(certificationProblems({ kind, otopStars, expiresOn }));
}

export async function addCertification(
  ctx: AppContext,
  actor: Actor,
  productId: number,
  input: CreateCertificationBody,
): Promise<Certification> {
  const { db } = ctx.database;
  await editableProduct(db, actor, productId);
  const row = {
    product_id: productId,
    kind: input.kind,
    number: input.number ?? null,
    otop_stars: input.otopStars ?? null,
    expires_on: input.expiresOn ?? null,
  };
  checkCertification(row.kind, row.otop_stars, row.expires_on);
  const now = new Date(ctx.now()).toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const newId = await products.insertCertification(trx, { ...row, created_at: now, updated_at: now });
    await products.updateProduct(trx, productId, { updated_at: now });
    await audit.appendAudit(trx, {
      actorUserId: userIdOf(actor),
      action: "product.certification_add",
      entityType: "product",
      entityId: productId,
      after: { certificationId: newId, ...row },
    });
    return newId;
  });
  return presentCertification({ ...row, id, created_at: now, updated_at: now }, todayOf(ctx));
}

export async function updateCertification(
  ctx: AppContext,
  actor: Actor,
  productId: number,
  certificationId: number,
  input: UpdateCertificationBody,
): Promise<Certification> {
  const { db } = ctx.database;
  await editableProduct(db, actor, productId);
  const before = await products.findCertification(db, productId, certificationId);
  if (!before) throw errors.notFound("certification", certificationId);
  const after = {
    number: input.number === undefined ? before.number : input.number,
    otop_stars: input.otopStars === undefined ? before.otop_stars : input.otopStars,
    expires_on: input.expiresOn === undefined ? before.expires_on : input.expiresOn,
  };
  checkCertification(before.kind, after.otop_stars, after.expires_on);
  const now = new Date(ctx.now()).toISOString();
  await db.transaction().execute(async (trx) => {
    await products.updateCertification(trx, certificationId, { ...after, updated_at: now });
    await audit.appendAudit(trx, {
      actorUserId: userIdOf(actor),
      action: "product.certification_update",
      entityType: "product",
      entityId: productId,
      before: { certificationId, number: before.number, otop_stars: before.otop_stars, expires_on: before.expires_on },
      after: { certificationId, ...after },
    });
  });
  return presentCertification({ ...before, ...after, updated_at: now }, todayOf(ctx));
}

export async function removeCertification(
  ctx: AppContext,
  actor: Actor,
  productId: number,
  certificationId: number,
): Promise<void> {
  const { db } = ctx.database;
  await editableProduct(db, actor, productId);
  const before = await products.findCertification(db, productId, certificationId);
  if (!before) throw errors.notFound("certification", certificationId);
  await db.transaction().execute(async (trx) => {
    await products.deleteCertification(trx, certificationId);
    await audit.appendAudit(trx, {
      actorUserId: userIdOf(actor),
      action: "product.certification_remove",
      entityType: "product",
      entityId: productId,
      before: { certificationId, kind: before.kind, number: before.number, expires_on: before.expires_on },
    });
  });
}

// ——— Photos ———

/** Adds a photo (JPEG, PNG or WebP by its bytes, at most 10 MB and 40 MP), kept with its display size and thumbnail. */
export async function addPhoto(
  ctx: AppContext,
  actor: Actor,
  productId: number,
  body: Readable,
): Promise<ProductPhoto> {
  const { db } = ctx.database;
  await editableProduct(db, actor, productId);
  const { count, next } = await products.nextPhotoPosition(db, productId);
  if (count >= MAX_PHOTOS)
    throw errors.validation("file", `a product has at most ${MAX_PHOTOS} photos`, "too_many", { max: MAX_PHOTOS });
  const photo = await resizePhoto(await readPhotoBody(body));
  const [originalKey, displayKey, thumbnailKey] = await Promise.all([
    storePhotoFile(ctx, photo.original, photo.type),
    storePhotoFile(ctx, photo.display, "image/jpeg"),
    storePhotoFile(ctx, photo.thumbnail, "image/jpeg"),
  ]);
  const now = new Date(ctx.now()).toISOString();
  const row = {
    product_id: productId,
    original_key: originalKey,
    display_key: displayKey,
    thumbnail_key: thumbnailKey,
    content_type: photo.type,
    width: photo.width,
    height: photo.height,
    bytes: photo.original.length,
    position: next,
    uploaded_by: userIdOf(actor),
    created_at: now,
  };
  const id = await db.transaction().execute(async (trx) => {
    const newId = await products.insertPhoto(trx, row);
    await products.updateProduct(trx, productId, { updated_at: now });
    await audit.appendAudit(trx, {
      actorUserId: row.uploaded_by,
      action: "product.photo_add",
      entityType: "product",
      entityId: productId,
      after: {
        photoId: newId,
        contentType: row.content_type,
        bytes: row.bytes,
        width: row.width,
        height: row.height,
        original: originalKey,
      },
    });
    return newId;
  });
  return presentPhoto({ ...row, id });
}

export async function removePhoto(ctx: AppContext, actor: Actor, productId: number, photoId: number): Promise<void> {
  const { db } = ctx.database;
  await editableProduct(db, actor, productId);
  const photo = await products.findPhoto(db, productId, photoId);
  if (!photo) throw errors.notFound("photo", photoId);
  await db.transaction().execute(async (trx) => {
    await products.deletePhoto(trx, photoId);
    await audit.appendAudit(trx, {
      actorUserId: userIdOf(actor),
      action: "product.photo_remove",
      entityType: "product",
      entityId: productId,
      before: { photoId, original: photo.original_key },
    });
  });
  // Files are shared by identical uploads: removed only when no photo uses them any more.
  for (const key of [photo.original_key, photo.display_key, photo.thumbnail_key])
    if (!(await products.fileInUse(db, key))) await removePhotoFile(ctx, key);
}

/**
 * A stored photo file for the caller: served when a published product uses it, or a draft the caller may read.
 * `public`: whether it may be cached by shared caches.
 */
export async function photoFileFor(ctx: AppContext, actor: Actor, key: string): Promise<{ public: boolean } | null> {
  const { db } = ctx.database;
  const users = await products.productsUsingFile(db, key);
  if (users.some((p) => p.status === "published")) return { public: true };
  for (const p of users)
    if (can(actor, "read", await productResourceOf(db, p.enterprise_id, false))) return { public: false };
  return null;
}
