import nodemailer from "nodemailer";

/** One e-mail as the outbox sends it: plain text, to one address. */
export type OutgoingMail = { to: string; subject: string; text: string };

/** Sends one e-mail or throws; the outbox decides about retries. */
export type Mailer = { send(mail: OutgoingMail): Promise<void>; close(): void };

/**
 * A mailer over SMTP (nodemailer) from `SMTP_URL`, e.g. smtp://user:pass@host:587 (STARTTLS when the server offers
 * it) or smtps://host:465. Timeouts are short beside the outbox's lock (five minutes), so a hung server never lets
 * a second sender take a mail that is still being sent.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

/**
 * Why a send failed, fit for the outbox's last_error and the log: the SMTP reply code or the error's code (e.g.
 * ECONNREFUSED), never the server's words, which may repeat the recipient's address.
 */
export function mailErrorSummary(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const record: Record<string, unknown> = { ...error };
    const parts: string[] = [];
    if (typeof record.code === "string" && /^[A-Z_]+$/.test(record.code)) parts.push(record.code);
    if (typeof record.responseCode === "number") parts.push(`smtp ${record.responseCode}`);
    if (parts.length > 0) return parts.join(" ");
  }
  return error instanceof Error ? error.name : "unknown error";
}

/** Whether a failure is worth retrying: permanent SMTP rejections (5xx) are not. */
export function isPermanentMailError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const record: Record<string, unknown> = { ...error };
  return typeof record.responseCode === "number" && record.responseCode >= 500 && record.responseCode < 600;
}
