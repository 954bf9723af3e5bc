import type { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  catalogueQuery,
  catalogueResultSchema,
  certificationParams,
  certificationSchema,
  createCertificationBody,
  createInquiryBody,
  createProductBody,
  errorResponses,
  firmProductParams,
  idParams as params,
  inquiryListSchema,
  inquiryParams,
  inquiryReceiptSchema,
  inquirySchema,
  okSchema,
  photoFileParams,
  photoParams,
  productListSchema,
  productPhotoSchema,
  productSchema,
  updateCertificationBody,
  updateInquiryBody,
  updateProductBody,
} from "@sainam/contract";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { searchCatalogue } from "./catalogue.service.ts";
import { createInquiry, listInquiries, setInquiryStatus } from "./inquiry.service.ts";
import { readPhotoFile } from "./product-photos.ts";
import {
  addCertification,
  addPhoto,
  createProduct,
  getProduct,
  listFirmProducts,
  photoFileFor,
  removeCertification,
  removePhoto,
  setPublished,
  updateCertification,
  updateProduct,
} from "./product.service.ts";

const PHOTO_TYPES = ["application/octet-stream", "image/jpeg", "image/png", "image/webp"];

/** The product catalogue (issue 14, point 1): firms' products, the public catalogue, buyers' requests for a quote. */
export function productRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // A photo comes as its raw bytes; its type is read from the bytes, whatever the header says.
    app.addContentTypeParser(PHOTO_TYPES, (_request, payload, done) => done(null, payload));

    app.get(
      "/enterprises/:enterpriseId/products",
      {
        schema: {
          tags: ["catalogue"],
          summary: "A firm's products: drafts too for those who edit them (the firm, its coordinators, officers)",
          params: firmProductParams,
          response: { 200: productListSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => ({ items: await listFirmProducts(ctx, request.actor, request.params.enterpriseId) }),
    );

    app.post(
      "/enterprises/:enterpriseId/products",
      {
        schema: {
          tags: ["catalogue"],
          summary: "Add a draft product to a firm, audited",
          params: firmProductParams,
          body: createProductBody,
          response: { 201: productSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createProduct(ctx, request.actor, request.params.enterpriseId, request.body)),
    );

    app.get(
      "/products/:id",
      {
        schema: {
          tags: ["catalogue"],
          summary: "One product (a draft only for those who edit it)",
          params,
          response: { 200: productSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => getProduct(ctx, request.actor, request.params.id),
    );

    app.patch(
      "/products/:id",
      {
        schema: {
          tags: ["catalogue"],
          summary: "Change a product, audited",
          params,
          body: updateProductBody,
          response: { 200: productSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => updateProduct(ctx, request.actor, request.params.id, request.body),
    );

    for (const [path, publish] of [
      ["/products/:id/publish", true],
      ["/products/:id/unpublish", false],
    ] as const)
      app.post(
        path,
        {
          schema: {
            tags: ["catalogue"],
            summary: publish ? "Publish a product in the public catalogue" : "Take a product back to draft",
            params,
            response: { 200: productSchema, ...errorResponses(400, 401, 403, 404) },
          },
        },
        async (request) => setPublished(ctx, request.actor, request.params.id, publish),
      );

    app.post(
      "/products/:id/certifications",
      {
        schema: {
          tags: ["catalogue"],
          summary: "Add a certification (อย., มอก., GMP, Halal, organic, GI, OTOP stars) with its number and expiry",
          params,
          body: createCertificationBody,
          response: { 201: certificationSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addCertification(ctx, request.actor, request.params.id, request.body)),
    );

    app.patch(
      "/products/:id/certifications/:certificationId",
      {
        schema: {
          tags: ["catalogue"],
          summary: "Change a certification's number, stars or expiry",
          params: certificationParams,
          body: updateCertificationBody,
          response: { 200: certificationSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        updateCertification(ctx, request.actor, request.params.id, request.params.certificationId, request.body),
    );

    app.delete(
      "/products/:id/certifications/:certificationId",
      {
        schema: {
          tags: ["catalogue"],
          summary: "Remove a certification",
          params: certificationParams,
          response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        await removeCertification(ctx, request.actor, request.params.id, request.params.certificationId);
        return { ok: true as const };
      },
    );

    app.post(
      "/products/:id/photos",
      {
        bodyLimit: 10 * 1024 * 1024 + 1,
        schema: {
          tags: ["catalogue"],
          summary:
            "Add a photo (JPEG, PNG or WebP by content, at most 10 MB and 40 megapixels, 8 per product): raw bytes; kept with a 1200 px display size and a 320 px thumbnail",
          params,
          response: { 201: productPhotoSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const body: unknown = request.body;
        if (!(body && typeof body === "object" && "pipe" in body && typeof body.pipe === "function"))
          throw errors.validation(
            "file",
            "send the photo's bytes with Content-Type: application/octet-stream or image/*",
            "wrong_content_type",
          );
        return reply.code(201).send(await addPhoto(ctx, request.actor, request.params.id, body as Readable));
      },
    );

    app.delete(
      "/products/:id/photos/:photoId",
      {
        schema: {
          tags: ["catalogue"],
          summary: "Remove a photo",
          params: photoParams,
          response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        await removePhoto(ctx, request.actor, request.params.id, request.params.photoId);
        return { ok: true as const };
      },
    );

    app.get(
      "/catalogue",
      {
        schema: {
          tags: ["catalogue"],
          summary:
            "The public catalogue: published products by Thai or English words, province, cluster, certification, category",
          querystring: catalogueQuery,
          response: { 200: catalogueResultSchema, ...errorResponses(400) },
        },
      },
      async (request) => searchCatalogue(ctx, request.actor, request.query),
    );

    app.get(
      "/catalogue/photos/:key",
      {
        schema: {
          tags: ["catalogue"],
          summary: "A product photo file (JPEG), named by its SHA-256: cached for good, ETag for revalidation",
          description: "Errors are JSON: 404 for a file no product the caller may see uses.",
          params: photoFileParams,
        },
      },
      async (request, reply) => {
        const { key } = request.params;
        const access = await photoFileFor(ctx, request.actor, key);
        const bytes = access ? await readPhotoFile(ctx, key) : null;
        if (!access || !bytes) throw errors.notFound("photo", key);
        const etag = `"${key.slice(0, 64)}"`;
        // The name is the content's hash: what it names never changes, so it is cached for good (a draft's privately).
        void reply
          .header("ETag", etag)
          .header("Cache-Control", `${access.public ? "public" : "private"}, max-age=31536000, immutable`)
          .header("X-Content-Type-Options", "nosniff");
        if (request.headers["if-none-match"] === etag) return reply.code(304).send();
        return reply.header("Content-Type", "image/jpeg").send(bytes);
      },
    );

    app.post(
      "/catalogue/products/:id/inquiries",
      {
        schema: {
          tags: ["catalogue"],
          summary:
            "Request a quote for a published product (anyone; a few per client address in ten minutes): routed to the firm and its coordinators",
          params,
          body: createInquiryBody,
          response: { 201: inquiryReceiptSchema, ...errorResponses(400, 404, 429) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createInquiry(ctx, request.actor, request.params.id, request.body, request.ip)),
    );

    app.get(
      "/enterprises/:enterpriseId/inquiries",
      {
        schema: {
          tags: ["catalogue"],
          summary: "Buyers' requests for a quote to a firm, with their contacts (the firm, its coordinators)",
          params: firmProductParams,
          response: { 200: inquiryListSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => ({ items: await listInquiries(ctx, request.actor, request.params.enterpriseId) }),
    );

    app.patch(
      "/enterprises/:enterpriseId/inquiries/:inquiryId",
      {
        schema: {
          tags: ["catalogue"],
          summary: "Mark a request for a quote answered or closed, audited",
          params: inquiryParams,
          body: updateInquiryBody,
          response: { 200: inquirySchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        setInquiryStatus(
          ctx,
          request.actor,
          request.params.enterpriseId,
          request.params.inquiryId,
          request.body.status,
        ),
    );
  };
}
