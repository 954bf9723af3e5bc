import { Readable } from "node:stream";
import type { AddParticipantBody, InterestInput, ParticipantImportReport } from "@sainam/contract";
import { addParticipantBody } from "@sainam/contract";
import {
  buyerKinds,
  buyerNameKey,
  countryCodeIssue,
  isValidJuristicId,
  normaliseCountryCode,
  normalizeJuristicId,
  normalizeThai,
  type Actor,
  type ParticipantRole,
} from "@sainam/core";
import { foldCell, readTable, ReadTableError } from "@sainam/importer";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { loadEventFor } from "./event-access.ts";
import { checkOpenForParticipants, insertParticipant } from "./event-participants.ts";
import { auditEventWrite, type Executor } from "./event.service.ts";

// Bulk add of an event's participants from a CSV or XLSX file (issue 14, point 2). One row per member firm (its
// juristic ID, or its name as in the registry) or buyer (a name with a country other than Thailand), with what it
// offers and needs. Headers may be Thai or English. The whole file is checked first and answered with a report of
// every row's problems; only a file without problems is written, in one transaction (all or nothing).

export const MAX_PARTICIPANT_FILE_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 2000;

type Column =
  | "juristicId"
  | "name"
  | "countryCode"
  | "city"
  | "buyerKind"
  | "website"
  | "contactName"
  | "contactEmail"
  | "contactPhone"
  | "role"
  | "language"
  | "offers"
  | "needs";

/** Header spellings of each column, Thai and English, compared folded (case, spaces, punctuation). */
const HEADERS: Record<Column, string[]> = {
  juristicId: ["เลขทะเบียนนิติบุคคล", "เลขนิติบุคคล", "เลขประจำตัวผู้เสียภาษี", "juristic id", "registration no", "tax id"],
  name: ["ชื่อ", "ชื่อกิจการ", "ชื่อบริษัท", "ชื่อผู้ซื้อ", "ผู้ซื้อ", "กิจการ", "name", "company", "firm", "buyer"],
  countryCode: ["ประเทศ", "รหัสประเทศ", "country", "country code"],
  city: ["เมือง", "city"],
  buyerKind: ["ประเภทผู้ซื้อ", "ประเภท", "buyer kind", "kind", "type"],
  website: ["เว็บไซต์", "website", "web"],
  contactName: ["ผู้ติดต่อ", "ชื่อผู้ติดต่อ", "contact", "contact person", "contact name"],
  contactEmail: ["อีเมล", "อีเมล์", "email", "e-mail"],
  contactPhone: ["โทรศัพท์", "เบอร์โทร", "phone", "telephone", "tel"],
  role: ["บทบาท", "role"],
  language: ["ภาษา", "language"],
  offers: ["สินค้าที่เสนอ", "เสนอขาย", "สิ่งที่เสนอ", "offers", "offer"],
  needs: ["สินค้าที่ต้องการ", "ต้องการซื้อ", "สิ่งที่ต้องการ", "needs", "need"],
};

const fold = (text: string) =>
  normalizeThai(text)
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, " ")
    .trim();

const ROLE_WORDS: Record<string, ParticipantRole> = {
  seller: "seller",
  ผู้ขาย: "seller",
  buyer: "buyer",
  ผู้ซื้อ: "buyer",
  both: "both",
  ทั้งสอง: "both",
  ทั้งซื้อและขาย: "both",
};

/** Which column each header is; unknown headers are left out (reported once on row 1 would be noise). */
export function mapHeaders(headers: readonly string[]): Map<Column, number> {
  const found = new Map<Column, number>();
  for (const [index, header] of headers.entries()) {
    const folded = fold(header);
    for (const [column, words] of Object.entries(HEADERS) as [Column, string[]][]) {
      if (!found.has(column) && words.some((w) => fold(w) === folded)) {
        found.set(column, index);
        break;
      }
    }
  }
  return found;
}

/**
 * The interests written in one cell, items split by ";" or new lines: "HS 0901" (an HS code), "TSIC 10750" (a
 * TSIC code), anything else words.
 */
export function readInterests(cell: string, direction: "offer" | "need"): InterestInput[] {
  return cell
    .split(/[;\n]/)
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const hs = /^hs\s*:?\s*([\d.]+)$/i.exec(item);
      if (hs?.[1]) return { direction, hsCode: hs[1].replace(/\./g, "") };
      const tsic = /^tsic\s*:?\s*(\d+)$/i.exec(item);
      if (tsic?.[1]) return { direction, tsicCode: tsic[1] };
      return { direction, text: item };
    });
}

type Issue = { field: string; message: string; code: string; value?: string };
type Checked = { rowNumber: number; key: string | null; body: AddParticipantBody | null; issues: Issue[] };

async function findFirm(db: Executor, juristicId: string | null, name: string | null) {
  if (juristicId !== null) {
    const row = await db
      .selectFrom("enterprises")
      .select("id")
      .where("juristic_id", "=", juristicId)
      .executeTakeFirst();
    return row ? { id: row.id } : { missing: "juristicId" as const };
  }
  const folded = foldCell(name ?? "");
  const rows = await db
    .selectFrom("enterprises")
    .select("id")
    .where((eb) => eb.or([eb("name_th", "=", folded), eb("name_en", "=", folded)]))
    .limit(2)
    .execute();
  if (rows.length === 1 && rows[0]) return { id: rows[0].id };
  return rows.length === 0 ? { missing: "name" as const } : { ambiguous: true as const };
}

async function checkRow(db: Executor, rowNumber: number, cells: readonly string[], columns: Map<Column, number>) {
  const cell = (column: Column) => {
    const index = columns.get(column);
    const value = index === undefined ? "" : foldCell(cells[index] ?? "").trim();
    return value === "" ? null : value;
  };
  const issues: Issue[] = [];
  const name = cell("name");
  const rawId = cell("juristicId");
  const country = normaliseCountryCode(cell("countryCode") ?? "TH");
  const roleWord = cell("role");
  const role = roleWord === null ? undefined : ROLE_WORDS[fold(roleWord)];
  if (roleWord !== null && role === undefined)
    issues.push({ field: "role", message: "must be seller, buyer or both", code: "invalid_choice", value: roleWord });
  const language = (cell("language") ?? "th").toLowerCase();
  const languageCode = language === "en" || language === "english" || language === "อังกฤษ" ? "en" : "th";
  const interests = [...readInterests(cell("offers") ?? "", "offer"), ...readInterests(cell("needs") ?? "", "need")];
  let body: Record<string, unknown> = { role, language: languageCode, interests };
  let key: string | null = null;
  const isBuyer = rawId === null && country !== "TH";
  if (isBuyer) {
    const wrongCountry = countryCodeIssue(country);
    if (wrongCountry)
      issues.push({ field: "countryCode", message: wrongCountry.message, code: wrongCountry.code, value: country });
    if (name === null) issues.push({ field: "name", message: "a buyer needs a name", code: "required" });
    const kindWord = cell("buyerKind")?.toLowerCase().replace(/\s+/g, "_") ?? "company";
    if (!(buyerKinds as readonly string[]).includes(kindWord))
      issues.push({ field: "buyerKind", message: "is not a buyer kind", code: "invalid_choice", value: kindWord });
    key = name === null ? null : `${name} (${country})`;
    body.buyer = {
      name,
      countryCode: country,
      kind: kindWord,
      city: cell("city"),
      website: cell("website"),
      contactName: cell("contactName"),
      contactEmail: cell("contactEmail"),
      contactPhone: cell("contactPhone"),
    };
  } else {
    const juristicId = rawId === null ? null : normalizeJuristicId(rawId);
    if (juristicId !== null && !isValidJuristicId(juristicId))
      issues.push({
        field: "juristicId",
        message: "is not a valid juristic ID",
        code: "invalid_check_digit",
        value: rawId ?? "",
      });
    else if (juristicId === null && name === null)
      issues.push({ field: "name", message: "give a juristic ID or the firm's registered name", code: "required" });
    else {
      const firm = await findFirm(db, juristicId, name);
      key = juristicId ?? name;
      if ("id" in firm) body.enterpriseId = firm.id;
      else if ("ambiguous" in firm)
        issues.push({
          field: "name",
          message: "more than one registered firm has this name; give the juristic ID",
          code: "duplicate",
          value: name ?? "",
        });
      else
        issues.push({
          field: firm.missing,
          message: "no registered firm has it",
          code: "not_found",
          value: (juristicId ?? name) as string,
        });
    }
  }
  if (issues.length === 0) {
    const parsed = addParticipantBody.safeParse(body);
    if (parsed.success) body = parsed.data;
    else
      for (const issue of parsed.error.issues)
        issues.push({ field: issue.path.join("."), message: issue.message, code: "invalid" });
  }
  return { rowNumber, key, body: issues.length === 0 ? (body as AddParticipantBody) : null, issues } satisfies Checked;
}

/** Reads and checks every row; a file that is not a table is a 400 naming `file`. */
async function checkFile(db: Executor, fileName: string, bytes: Buffer): Promise<Checked[]> {
  const checked: Checked[] = [];
  let columns = new Map<Column, number>();
  try {
    for await (const event of readTable({ stream: Readable.from([bytes]), fileName })) {
      if (event.type === "header") {
        columns = mapHeaders(event.headers);
        if (!columns.has("name") && !columns.has("juristicId"))
          throw errors.validation("file", "needs a name or juristic ID column", "not_in_file");
        continue;
      }
      if (event.cells.every((c) => c.trim() === "")) continue;
      if (checked.length >= MAX_ROWS)
        throw errors.validation("file", `has more than ${MAX_ROWS} rows`, "too_many", { max: MAX_ROWS });
      checked.push(await checkRow(db, event.rowNumber, event.cells, columns));
    }
  } catch (error) {
    if (error instanceof ReadTableError) {
      const code =
        error.code === "empty_file" ? "empty_file" : error.code === "no_header_row" ? "no_header" : "unreadable_file";
      throw errors.validation("file", error.message, code);
    }
    throw error;
  }
  if (checked.length === 0) throw errors.validation("file", "has no rows", "empty_file");
  return checked;
}

/** Rows naming the same firm or buyer twice are errors on the later row: a participant is added once. */
function markRepeats(rows: Checked[]) {
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.body === null) continue;
    const id =
      row.body.enterpriseId !== undefined
        ? `firm ${row.body.enterpriseId}`
        : `buyer ${buyerNameKey(row.body.buyer?.name ?? "")} ${row.body.buyer?.countryCode}`;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      row.issues.push({ field: "name", message: `repeats row ${earlier}`, code: "duplicate" });
      row.body = null;
    } else seen.set(id, row.rowNumber);
  }
}

export async function importParticipants(
  ctx: AppContext,
  actor: Actor,
  eventId: number,
  fileName: string,
  bytes: unknown,
): Promise<ParticipantImportReport> {
  const { db } = ctx.database;
  const { event } = await loadEventFor(db, actor, eventId, "update");
  checkOpenForParticipants(event);
  if (!Buffer.isBuffer(bytes) || bytes.length === 0)
    throw errors.validation(
      "file",
      "send the file's bytes with Content-Type: application/octet-stream",
      "wrong_content_type",
    );
  const rows = await checkFile(db, fileName, bytes);
  markRepeats(rows);
  // A failed file reports its problem rows (nothing was written); a written one every row as added.
  const report = (ok: boolean): ParticipantImportReport => ({
    ok,
    counts: { added: ok ? rows.length : 0, errors: rows.filter((r) => r.issues.length > 0).length },
    rows: rows
      .filter((r) => ok || r.issues.length > 0)
      .map((r) => ({ rowNumber: r.rowNumber, status: ok ? "added" : "error", key: r.key, issues: r.issues })),
  });
  await markAlreadyIn(db, eventId, rows);
  if (rows.some((r) => r.issues.length > 0)) return report(false);
  // Rows were checked against the stored participants above; a clash now (another keeper adding the same firm at
  // the same moment) fails the transaction as a 409, and nothing is written.
  await db.transaction().execute(async (trx) => {
    for (const row of rows) await insertParticipant(trx, actor, eventId, row.body as AddParticipantBody, "");
    await auditEventWrite(trx, actor, "import_participants", eventId, { after: { fileName, rows: rows.length } });
  });
  return report(true);
}

/** Rows naming a firm or buyer that already takes part in the event are errors. */
async function markAlreadyIn(db: Executor, eventId: number, rows: Checked[]) {
  const stored = await db
    .selectFrom("event_participants as p")
    .leftJoin("buyers as b", "b.id", "p.buyer_id")
    .select(["p.enterprise_id", "b.name_key", "b.country_code"])
    .where("p.event_id", "=", eventId)
    .execute();
  const firms = new Set(stored.flatMap((s) => (s.enterprise_id === null ? [] : [s.enterprise_id])));
  const buyers = new Set(stored.flatMap((s) => (s.name_key === null ? [] : [`${s.name_key} ${s.country_code}`])));
  for (const row of rows) {
    if (row.body === null) continue;
    const taken =
      row.body.enterpriseId !== undefined
        ? firms.has(row.body.enterpriseId)
        : buyers.has(`${buyerNameKey(row.body.buyer?.name ?? "")} ${row.body.buyer?.countryCode}`);
    if (taken) {
      row.issues.push({ field: "name", message: "already takes part in the event", code: "duplicate_participation" });
      row.body = null;
    }
  }
}
