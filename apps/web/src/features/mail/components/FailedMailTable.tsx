import type { FailedMail } from "@sainam/contract";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Pagination } from "../../../components/Pagination";
import { QueryState } from "../../../components/QueryState";
import { TableScroll } from "../../../components/TableScroll";
import { useLocale } from "../../../i18n";
import { formatDateTime, formatNumber } from "../../../lib/format";
import { useRetryMailMutation } from "../mutations";
import { FAILED_MAIL_PAGE_SIZE, useFailedMail } from "../queries";

/**
 * Mail that gave up: to whom (masked by the server), what about, how many attempts, the last error and when; each
 * with "ส่งอีกครั้ง", which queues it for a fresh round of attempts.
 */
export function FailedMailTable() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const failed = useFailedMail(page);
  const retry = useRetryMailMutation();
  const [retried, setRetried] = useState<string | null>(null);
  const send = (mail: FailedMail) =>
    retry.mutate(mail.id, {
      onSuccess: () => setRetried(mail.subject),
    });
  return (
    <>
      <div role="status" aria-live="polite">
        {retried && <p className="notice">{t("failedMail.retried", { subject: retried })}</p>}
      </div>
      {retry.isError && <ErrorMessage error={retry.error} />}
      <QueryState query={failed} isEmpty={(p) => p.items.length === 0} empty={t("failedMail.empty")}>
        {(p) => (
          <>
            <TableScroll label={t("failedMail.list")}>
              <table className="data-table failed-mail-table">
                <caption className="visually-hidden">{t("failedMail.list")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("failedMail.recipient")}</th>
                    <th scope="col">{t("failedMail.subject")}</th>
                    <th scope="col">{t("failedMail.attempts")}</th>
                    <th scope="col">{t("failedMail.lastError")}</th>
                    <th scope="col">{t("failedMail.when")}</th>
                    <th scope="col">{t("failedMail.action")}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.items.map((mail) => (
                    <tr key={mail.id} data-mail-id={mail.id}>
                      <td>{mail.recipient}</td>
                      <td>
                        {mail.kind && <span className="failed-mail-kind">{t(`inbox.kinds.${mail.kind}`)}</span>}
                        {mail.subject}
                      </td>
                      <td>{formatNumber(mail.attempts, locale)}</td>
                      <td>
                        <code>{mail.lastError ?? "—"}</code>
                      </td>
                      <td>
                        {formatDateTime(mail.lastAttemptAt ?? mail.createdAt, locale)}
                        <span className="failed-mail-queued">
                          {t("failedMail.queuedAt", { when: formatDateTime(mail.createdAt, locale) })}
                        </span>
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t("failedMail.retryOne", { subject: mail.subject })}
                          disabled={retry.isPending}
                          onClick={() => send(mail)}
                        >
                          {t("failedMail.retry")}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <Pagination page={p.page} pageSize={FAILED_MAIL_PAGE_SIZE} total={p.total} onPage={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}
