import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile, rename, unlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { Jimp } from "jimp";
import decodeWebp, { init as initWebpDecoder } from "@jsquash/webp/decode.js";
import { privateDir } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { sniffAttachmentType } from "../service-requests/request-attachments.ts";

// Product photos: a phone photo in, a display size and a thumbnail out, both JPEG, kept as files named by the
// SHA-256 of their bytes, so a file's address never changes meaning and is cached for good. Images are decoded and
// resized in JavaScript (jimp) and WebAssembly (libwebp's decoder from @jsquash/webp, as jimp's own WebP plugin cannot
// load its wasm under Node): no native addon (DESIGN.md §5).

/** Largest photo file: a phone photo, not a scan of a poster. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Largest photo in pixels: decoding holds 4 bytes a pixel, so 40 MP is 160 MB, the most a shared server gives. */
export const MAX_PHOTO_PIXELS = 40_000_000;
/** Most photos one product has. */
export const MAX_PHOTOS = 8;
/** The longest side of the display size and of the thumbnail. */
export const DISPLAY_SIZE = 1200;
export const THUMBNAIL_SIZE = 320;

export type PhotoType = "image/jpeg" | "image/png" | "image/webp";

const u16be = (b: Buffer, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Buffer, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Buffer, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);

/**
 * A photo's width and height read from its header, before anything is decoded (so a small file that would inflate
 * into gigabytes is refused first). Null when the header cannot be read.
 */
export function photoDimensions(bytes: Buffer, type: PhotoType): { width: number; height: number } | null {
  if (type === "image/png") {
    if (bytes.length < 24) return null;
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (type === "image/webp") {
    if (bytes.length < 30) return null;
    const chunk = bytes.toString("latin1", 12, 16);
    if (chunk === "VP8 ") return { width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
    if (chunk === "VP8L") {
      const [b1, b2, b3, b4] = [bytes[21]!, bytes[22]!, bytes[23]!, bytes[24]!];
      return {
        width: 1 + (((b2 & 0x3f) << 8) | b1),
        height: 1 + (((b4 & 0x0f) << 10) | (b3 << 2) | ((b2 & 0xc0) >> 6)),
      };
    }
    if (chunk === "VP8X") return { width: 1 + u24le(bytes, 24), height: 1 + u24le(bytes, 27) };
    return null;
  }
  // JPEG: walk the markers to the first start-of-frame (C0-CF but C4 DHT, C8 JPG, CC DAC).
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = u16be(bytes, at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { width: u16be(bytes, at + 7), height: u16be(bytes, at + 5) };
    at += 2 + length;
  }
  return null;
}

let webpReady: Promise<void> | null = null;
/** Loads libwebp's decoder from the package's own file (jsquash would fetch it, which Node cannot from a file URL). */
function webpDecoder(): Promise<void> {
  webpReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasm = join(dirname(require.resolve("@jsquash/webp/decode.js")), "codec/dec/webp_dec.wasm");
    await initWebpDecoder({ wasmBinary: readFileSync(wasm) });
  })();
  return webpReady;
}

type Image = Awaited<ReturnType<typeof Jimp.read>>;

async function decode(bytes: Buffer, type: PhotoType): Promise<Image> {
  if (type === "image/webp") {
    await webpDecoder();
    const data = await decodeWebp(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length).slice().buffer);
    return Jimp.fromBitmap({ data: Buffer.from(data.data.buffer), width: data.width, height: data.height });
  }
  return Jimp.read(bytes);
}

/** Scales to fit a square box (never up), on white where the photo is transparent, as a JPEG. */
async function jpegOf(
  image: Image,
  box: number,
  quality: number,
): Promise<{ bytes: Buffer; width: number; height: number }> {
  const scaled = image.clone();
  if (scaled.bitmap.width > box || scaled.bitmap.height > box) scaled.scaleToFit({ w: box, h: box });
  const flat = new Jimp({ width: scaled.bitmap.width, height: scaled.bitmap.height, color: 0xffffffff });
  flat.composite(scaled, 0, 0);
  return {
    bytes: await flat.getBuffer("image/jpeg", { quality }),
    width: flat.bitmap.width,
    height: flat.bitmap.height,
  };
}

export type ResizedPhoto = {
  type: PhotoType;
  width: number;
  height: number;
  original: Buffer;
  display: Buffer;
  thumbnail: Buffer;
};

/**
 * Checks a photo by its bytes (JPEG, PNG or WebP; anything else is refused naming `file`), its pixel count, and
 * makes the display size and the thumbnail.
 */
export async function resizePhoto(bytes: Buffer): Promise<ResizedPhoto> {
  if (bytes.length === 0) throw errors.validation("file", "is empty", "empty_file");
  const sniffed = sniffAttachmentType(bytes);
  if (sniffed === null || sniffed === "application/pdf")
    throw errors.validation("file", "must be a JPEG, PNG or WebP photo", "wrong_file_type", {
      accepted: ["jpg", "png", "webp"],
    });
  const type: PhotoType = sniffed;
  const size = photoDimensions(bytes, type);
  if (!size || size.width === 0 || size.height === 0)
    throw errors.validation("file", "is not a photo that can be read", "unreadable_file");
  if (size.width * size.height > MAX_PHOTO_PIXELS)
    throw errors.validation(
      "file",
      `must have at most ${MAX_PHOTO_PIXELS / 1_000_000} megapixels`,
      "too_large_uncompressed",
      {
        maxMegapixels: MAX_PHOTO_PIXELS / 1_000_000,
      },
    );
  let image: Image;
  try {
    image = await decode(bytes, type);
  } catch {
    throw errors.validation("file", "is not a photo that can be read", "unreadable_file");
  }
  const display = await jpegOf(image, DISPLAY_SIZE, 82);
  const thumbnail = await jpegOf(image, THUMBNAIL_SIZE, 78);
  return {
    type,
    width: image.bitmap.width,
    height: image.bitmap.height,
    original: bytes,
    display: display.bytes,
    thumbnail: thumbnail.bytes,
  };
}

/** Reads the body up to the limit; a longer one is refused as soon as it passes it. */
export async function readPhotoBody(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > MAX_PHOTO_BYTES) {
      body.destroy();
      throw errors.validation("file", `must be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`, "file_too_large", {
        maxMb: MAX_PHOTO_BYTES / 1024 / 1024,
      });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Where product photos are kept: `<data>/product-photos`, private to the server's user. */
export function photoDir(ctx: AppContext): string {
  const dir =
    ctx.config.dataDir === ":memory:"
      ? join(tmpdir(), "sainam-product-photos")
      : join(ctx.config.dataDir, "product-photos");
  privateDir(dir);
  return dir;
}

const extensionOf: Record<PhotoType, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/**
 * Keeps bytes under the name of their SHA-256 (with the extension): the same photo uploaded twice is one file.
 * Written to a temporary name and renamed, so a reader never sees half a file.
 */
export async function storePhotoFile(ctx: AppContext, bytes: Buffer, type: PhotoType): Promise<string> {
  const key = `${createHash("sha256").update(bytes).digest("hex")}.${extensionOf[type]}`;
  const path = join(photoDir(ctx), key);
  const temporary = `${path}.${process.pid}.${Date.now()}.part`;
  await writeFile(temporary, bytes, { mode: 0o600 });
  await rename(temporary, path);
  return key;
}

export async function readPhotoFile(ctx: AppContext, key: string): Promise<Buffer | null> {
  try {
    return await readFile(join(photoDir(ctx), key));
  } catch {
    return null;
  }
}

/** Removes a stored file no photo uses any more (after its photo was deleted). */
export async function removePhotoFile(ctx: AppContext, key: string): Promise<void> {
  await unlink(join(photoDir(ctx), key)).catch(() => undefined);
}
