import { createHash, randomUUID } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import type { RequestAttachment } from "@sainam/contract";
import { isFinalStatus, type Actor, type RequestStatus } from "@sainam/core";
import { audit, nowIso, privateDir, serviceRequests } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { can } from "../policies/policy.ts";
import { loadRequestFor } from "./request-access.ts";
import { mayWithdraw } from "./request.presenter.ts";

/** Largest attachment: a phone photo or a scanned document, not a video. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Most attachments one request may have. */
export const MAX_ATTACHMENTS = 5;

/** The types a request takes, named by what the bytes are (never by the file name or the client's header). */
export const attachmentTypes = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

const extensionOf: Record<AttachmentType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

const startsWith = (bytes: Buffer, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

/** The type the bytes are, by their magic numbers; null for anything else (HTML, scripts, SVG, archives, …). */
export function sniffAttachmentType(bytes: Buffer): AttachmentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "image/webp";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  return null;
}

/**
 * The name a file is kept and offered under: the sender's name without folders or control characters, cut to 120
 * characters, with the extension of what the bytes are (a PNG sent as "scan.pdf" is kept as "scan.png").
 */
export function safeFileName(name: string | undefined, type: AttachmentType): string {
  const base = (name ?? "")
    .split(/[\\/]/)
    .pop()!
    // Control characters and the characters file systems or headers refuse.
    .replace(/[\p{Cc}"<>|:*?]/gu, "")
    .trim()
    .replace(/\.[^.]*$/, "")
    .slice(0, 120);
  return `${base || "attachment"}.${extensionOf[type]}`;
}

/** The folder of a data folder's attachments (backups copy it with the database, restores write it back). */
export function attachmentFolder(dataDir: string): string {
  return dataDir === ":memory:" ? join(tmpdir(), "sainam-attachments") : join(dataDir, "attachments");
}

/** Where attachments are kept: `<data>/attachments`, private to the server's user. */
export function attachmentDir(ctx: AppContext): string {
  const dir = attachmentFolder(ctx.config.dataDir);
  privateDir(dir);
  return dir;
}

/** Reads the body up to the limit; a longer one is refused as soon as it passes it. */
async function readLimited(body: Readable, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > max) {
      body.destroy();
      throw errors.validation("file", `must be at most ${max / 1024 / 1024} MB`, "file_too_large", {
        maxMb: max / 1024 / 1024,
      });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function presentAttachment(row: {
  id: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  uploaded_at: string;
}): RequestAttachment {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    uploadedAt: row.uploaded_at,
  };
}

/**
 * Adds a photo or PDF to a request: by the firm, whoever filed it for the firm, or the provider's keepers, while the
 * request is open. The type is what the bytes are; anything else is refused naming `file`.
 */
export async function addAttachment(
  ctx: AppContext,
  actor: Actor,
  requestId: number,
  input: { fileName: string | undefined; body: Readable },
): Promise<RequestAttachment> {
  const { db } = ctx.database;
  const { request, resource } = await loadRequestFor(db, actor, requestId, "read");
  if (!(mayWithdraw(actor, request) || can(actor, "assign", resource)))
    throw errors.forbidden("Only the firm, whoever filed the request, or the provider's keepers add attachments.", {
      action: "update",
      resource: "service_request",
    });
  if (isFinalStatus(request.status as RequestStatus))
    throw errors.conflict("A closed or withdrawn request takes no attachments.", "status", "wrong_status", {
      from: request.status,
    });
  const existing = await serviceRequests.attachmentsOf(db, requestId);
  if (existing.length >= MAX_ATTACHMENTS)
    throw errors.validation("file", `a request has at most ${MAX_ATTACHMENTS} attachments`, "too_many", {
      max: MAX_ATTACHMENTS,
    });
  const bytes = await readLimited(input.body, MAX_ATTACHMENT_BYTES);
  if (bytes.length === 0) throw errors.validation("file", "is empty", "empty_file");
  const type = sniffAttachmentType(bytes);
  if (type === null)
    throw errors.validation("file", "must be a JPEG, PNG or WebP photo or a PDF", "wrong_file_type", {
      accepted: ["jpg", "png", "webp", "pdf"],
    });
  const storageKey = randomUUID();
  const path = join(attachmentDir(ctx), storageKey);
  await writeFile(path, bytes, { mode: 0o600, flag: "wx" });
  const now = nowIso();
  const row = {
    request_id: requestId,
    file_name: safeFileName(input.fileName, type),
    media_type: type,
    size_bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    storage_key: storageKey,
    uploaded_by: actor.kind === "user" ? actor.id : null,
    uploaded_at: now,
  };
  const id = await db.transaction().execute(async (trx) => {
    const newId = await serviceRequests.insertAttachment(trx, row);
    await audit.appendAudit(trx, {
      actorUserId: row.uploaded_by,
      action: "service_request.attach",
      entityType: "service_request",
      entityId: requestId,
      after: { attachmentId: newId, mediaType: type, sizeBytes: row.size_bytes, sha256: row.sha256 },
    });
    return newId;
  });
  return presentAttachment({ ...row, id });
}

/** An attachment's bytes and stored type, for those who may read the request (404 otherwise). */
export async function readAttachment(ctx: AppContext, actor: Actor, requestId: number, attachmentId: number) {
  const { db } = ctx.database;
  await loadRequestFor(db, actor, requestId, "read");
  const row = await serviceRequests.findAttachment(db, requestId, attachmentId);
  if (!row) throw errors.notFound("attachment", attachmentId);
  const bytes = await readFile(join(attachmentDir(ctx), row.storage_key));
  return { row, bytes };
}
