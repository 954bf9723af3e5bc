import { bangkokDateOf, formatThaiDate, isIsoDate, toIsoDate } from "./fiscal-year.ts";
import type { Locale } from "./locale.ts";

/**
 * What a notification is about (issue 13, point 6): the in-app inbox and the e-mail word each kind in Thai and
 * English. The web reads the list from `@sainam/contract/choices`, which repeats it (a test keeps them equal).
 */
export const notificationKinds = [
  "request_new",
  "request_assigned",
  "request_reminder",
  "request_breach",
  "request_closed",
  "request_declined",
  "request_rated",
  "task_due",
  // Matchmaking (issue 14): a firm is asked for a meeting; the requester hears the answer. `firmName`: the other
  // side's name; `title`: the event's title.
  "meeting_requested",
  "meeting_accepted",
  "meeting_declined",
  "product_inquiry",
  "deal_follow_up_due",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return notificationKinds.some((kind) => kind === value);
}

/**
 * What a message needs to be worded, kept with the notification (never secrets; a firm's name and a request's
 * code are fine, contacts are not): `code` the request's code, `field` an expert field code, `firmName`,
 * `dueDate` an ISO date (C.E.), `title` a task's title, `rating` 1-5. Every key is optional: a message leaves out
 * what it was not given.
 */
export type NotificationParams = {
  code?: string;
  field?: string;
  firmName?: string;
  dueDate?: string;
  title?: string;
  rating?: number;
};

const PARAM_KEYS = ["code", "field", "firmName", "dueDate", "title", "rating"] as const;

/** Keeps the known keys of stored params with the right types (params_json is read back from the database). */
export function readNotificationParams(value: unknown): NotificationParams {
  const out: NotificationParams = {};
  if (typeof value !== "object" || value === null) return out;
  const record: Record<string, unknown> = { ...value };
  for (const key of PARAM_KEYS) {
    const item = record[key];
    if (key === "rating") {
      if (typeof item === "number" && Number.isFinite(item)) out.rating = item;
    } else if (typeof item === "string" && item !== "") {
      out[key] = item;
    }
  }
  return out;
}

type Words = { subject: (p: NotificationParams) => string; line: (p: NotificationParams, due: string) => string };

const th: Record<NotificationKind, Words> = {
  request_new: {
    subject: (p) => `คำขอรับบริการใหม่ ${p.code ?? ""}`.trim(),
    line: (p) => `มีคำขอรับบริการใหม่${p.code ? ` ${p.code}` : ""}${p.firmName ? ` จาก ${p.firmName}` : ""}`,
  },
  request_assigned: {
    subject: (p) => `ได้รับมอบหมายคำขอ ${p.code ?? ""}`.trim(),
    line: (p) => `คุณได้รับมอบหมายคำขอรับบริการ${p.code ? ` ${p.code}` : ""}${p.firmName ? ` ของ ${p.firmName}` : ""}`,
  },
  request_reminder: {
    subject: (p) => `เตือน: คำขอ ${p.code ?? ""} ใกล้ครบกำหนด`.replace("  ", " "),
    line: (p, due) => `คำขอรับบริการ${p.code ? ` ${p.code}` : ""} ใกล้ครบกำหนด${due ? ` (ภายใน ${due})` : ""}`,
  },
  request_breach: {
    subject: (p) => `เกินกำหนด: คำขอ ${p.code ?? ""}`.trim(),
    line: (p, due) => `คำขอรับบริการ${p.code ? ` ${p.code}` : ""} เกินกำหนดเวลาให้บริการ${due ? ` (กำหนด ${due})` : ""}`,
  },
  request_closed: {
    subject: (p) => `ปิดคำขอ ${p.code ?? ""} แล้ว`.replace("  ", " "),
    line: (p) => `คำขอรับบริการ${p.code ? ` ${p.code}` : ""} ปิดแล้ว โปรดให้คะแนนความพึงพอใจ`,
  },
  request_declined: {
    subject: (p) => `คำขอ ${p.code ?? ""} ถูกปฏิเสธ`.replace("  ", " "),
    line: (p) => `ผู้เชี่ยวชาญปฏิเสธคำขอรับบริการ${p.code ? ` ${p.code}` : ""} ระบบจะส่งต่อให้ผู้อื่น`,
  },
  request_rated: {
    subject: (p) => `คำขอ ${p.code ?? ""} ได้รับการประเมิน`.replace("  ", " "),
    line: (p) => `ผู้รับบริการให้คะแนนคำขอ${p.code ? ` ${p.code}` : ""}${p.rating ? ` ${p.rating} จาก 5` : ""}`,
  },
  product_inquiry: {
    subject: (p) => `ผู้ซื้อขอใบเสนอราคา${p.title ? `: ${p.title}` : ""}`,
    line: (p) => `มีผู้ซื้อขอใบเสนอราคาสินค้า${p.title ? ` "${p.title}"` : ""}${p.firmName ? ` ของ ${p.firmName}` : ""}`,
  },
  task_due: {
    subject: (p) => `งานครบกำหนด${p.title ? `: ${p.title}` : ""}`,
    line: (p, due) =>
      `งานติดตาม${p.title ? ` "${p.title}"` : ""}${p.code ? ` ของคำขอ ${p.code}` : ""} ครบกำหนด${due ? ` ${due}` : ""}`,
  },
  meeting_requested: {
    subject: (p) => `คำขอนัดหมายเจรจาธุรกิจ${p.title ? `: ${p.title}` : ""}`,
    line: (p) => `${p.firmName ?? "ผู้เข้าร่วม"}ขอนัดหมายเจรจาธุรกิจกับคุณ${p.title ? ` ในงาน ${p.title}` : ""}`,
  },
  meeting_accepted: {
    subject: (p) => `ตอบรับนัดหมายแล้ว${p.title ? `: ${p.title}` : ""}`,
    line: (p) => `${p.firmName ?? "คู่เจรจา"}ตอบรับนัดหมายของคุณ${p.title ? ` ในงาน ${p.title}` : ""} ดูข้อมูลติดต่อได้แล้ว`,
  },
  meeting_declined: {
    subject: (p) => `ปฏิเสธนัดหมาย${p.title ? `: ${p.title}` : ""}`,
    line: (p) => `${p.firmName ?? "คู่เจรจา"}ปฏิเสธนัดหมายของคุณ${p.title ? ` ในงาน ${p.title}` : ""}`,
  },
  deal_follow_up_due: {
    subject: (p) => `ถึงกำหนดติดตามผลการเจรจาธุรกิจ${p.firmName ? `: ${p.firmName}` : ""}`,
    line: (p, due) =>
      `ถึงกำหนดติดตามผล${p.title ? ` ${p.title}` : ""}${p.code ? ` (ดีล ${p.code})` : ""}${due ? ` วันที่ ${due}` : ""}: บันทึกสถานะและคำสั่งซื้อที่เกิดขึ้นจริง`,
  },
};

const en: Record<NotificationKind, Words> = {
  request_new: {
    subject: (p) => `New service request ${p.code ?? ""}`.trim(),
    line: (p) =>
      `A new service request${p.code ? ` ${p.code}` : ""} came in${p.firmName ? ` from ${p.firmName}` : ""}.`,
  },
  request_assigned: {
    subject: (p) => `Request ${p.code ?? ""} assigned to you`.replace("  ", " "),
    line: (p) =>
      `You were assigned service request${p.code ? ` ${p.code}` : ""}${p.firmName ? ` of ${p.firmName}` : ""}.`,
  },
  request_reminder: {
    subject: (p) => `Reminder: request ${p.code ?? ""} is nearly due`.replace("  ", " "),
    line: (p, due) => `Service request${p.code ? ` ${p.code}` : ""} is nearly due${due ? ` (by ${due})` : ""}.`,
  },
  request_breach: {
    subject: (p) => `Overdue: request ${p.code ?? ""}`.trim(),
    line: (p, due) =>
      `Service request${p.code ? ` ${p.code}` : ""} missed its service level${due ? ` (due ${due})` : ""}.`,
  },
  request_closed: {
    subject: (p) => `Request ${p.code ?? ""} closed`.replace("  ", " "),
    line: (p) => `Service request${p.code ? ` ${p.code}` : ""} was closed. Please rate the service.`,
  },
  request_declined: {
    subject: (p) => `Request ${p.code ?? ""} declined`.replace("  ", " "),
    line: (p) => `The expert declined service request${p.code ? ` ${p.code}` : ""}; it moves on to another.`,
  },
  request_rated: {
    subject: (p) => `Request ${p.code ?? ""} rated`.replace("  ", " "),
    line: (p) => `The firm rated service request${p.code ? ` ${p.code}` : ""}${p.rating ? ` ${p.rating} of 5` : ""}.`,
  },
  product_inquiry: {
    subject: (p) => `A buyer asked for a quote${p.title ? `: ${p.title}` : ""}`,
    line: (p) =>
      `A buyer asked for a quote for${p.title ? ` "${p.title}"` : " a product"}${p.firmName ? ` of ${p.firmName}` : ""}.`,
  },
  task_due: {
    subject: (p) => `Task due${p.title ? `: ${p.title}` : ""}`,
    line: (p, due) =>
      `Follow-up task${p.title ? ` "${p.title}"` : ""}${p.code ? ` of request ${p.code}` : ""} is due${due ? ` ${due}` : ""}.`,
  },
  meeting_requested: {
    subject: (p) => `Meeting request${p.title ? `: ${p.title}` : ""}`,
    line: (p) => `${p.firmName ?? "A participant"} asks to meet you${p.title ? ` at ${p.title}` : ""}.`,
  },
  meeting_accepted: {
    subject: (p) => `Meeting accepted${p.title ? `: ${p.title}` : ""}`,
    line: (p) =>
      `${p.firmName ?? "The other side"} accepted your meeting${p.title ? ` at ${p.title}` : ""}; their contacts are now shown.`,
  },
  meeting_declined: {
    subject: (p) => `Meeting declined${p.title ? `: ${p.title}` : ""}`,
    line: (p) => `${p.firmName ?? "The other side"} declined your meeting${p.title ? ` at ${p.title}` : ""}.`,
  },
  deal_follow_up_due: {
    subject: (p) => `Deal follow-up due${p.firmName ? `: ${p.firmName}` : ""}`,
    line: (p, due) =>
      `A follow-up${p.title ? ` of ${p.title}` : ""}${p.code ? ` (deal ${p.code})` : ""} is due${due ? ` ${due}` : ""}: record where it stands and any order placed.`,
  },
};

/**
 * The web page a notification leads to, as a path: a service request to its page, a meeting to the member's
 * meetings, a buyer's request for a quote to the firm's list of them, a deal to its page; null for records with no
 * page yet. The inbox links with it and the e-mail puts it after the public address (SAINAM_PUBLIC_URL).
 */
export function notificationPath(notification: {
  kind?: NotificationKind | undefined;
  entityType: string | null;
  entityId: number | null;
}): string | null {
  const { entityType, entityId } = notification;
  if (entityType === "service_request" && entityId !== null) return `/requests/${entityId}`;
  // A meeting request or answer: the member's meetings (organisers act from the event's meetings page).
  if (entityType === "meeting") return "/my-meetings";
  if (notification.kind === "product_inquiry" && entityType === "enterprise" && entityId !== null)
    return `/enterprises/${entityId}/inquiries`;
  if (entityType === "deal" && entityId !== null) return `/deals/${entityId}`;
  return null;
}

/**
 * The e-mail of a notification in the recipient's language: a subject and a plain-text body. Dates read B.E. in
 * Thai ("7 ธ.ค. 2569"), en-GB in English; `at` is when it happened (shown as the Bangkok calendar day). `link`: the
 * absolute address of what it is about (null when the server does not know its public address: then the mail
 * says to sign in, rather than give a link that may be wrong).
 */
export function notificationMail(
  kind: NotificationKind,
  params: NotificationParams,
  locale: Locale,
  at: Date,
  link: string | null = null,
): { subject: string; text: string } {
  const words = (locale === "th" ? th : en)[kind];
  const due = params.dueDate && isIsoDate(params.dueDate) ? formatThaiDate(params.dueDate, locale, "long") : "";
  const day = formatThaiDate(toIsoDate(bangkokDateOf(at)), locale, "long");
  const open =
    locale === "th"
      ? link
        ? `ดูรายละเอียดได้ที่ ${link}`
        : "เข้าสู่ระบบ Sainam เพื่อดูรายละเอียดในกล่องข้อความ"
      : link
        ? `See the details at ${link}`
        : "Sign in to Sainam to see the details in your inbox.";
  const closing =
    locale === "th"
      ? `เมื่อ ${day}\n\n${open}\n\n— Sainam (ส่งอัตโนมัติ โปรดอย่าตอบกลับ)`
      : `On ${day}\n\n${open}\n\n— Sainam (sent automatically; please do not reply)`;
  return { subject: `[Sainam] ${words.subject(params)}`, text: `${words.line(params, due)}\n${closing}\n` };
}
