import type { Notification } from "@sainam/contract";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Pagination } from "../../../components/Pagination";
import { Empty, QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { formatDate, formatDateTime, formatNumber } from "../../../lib/format";
import { useMarkAllReadMutation, useMarkReadMutation } from "../mutations";
import { notificationLink } from "../model";
import { INBOX_PAGE_SIZE, useInbox } from "../queries";

/** The caller's notifications, newest first, a page at a time; opening one marks it read. */
export function InboxList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useInbox(page, unreadOnly);
  const markAll = useMarkAllReadMutation();
  const markRead = useMarkReadMutation();
  const filterId = useId();
  const unread = inbox.data?.unread ?? 0;

  return (
    <>
      <div className="inbox-tools">
        <p className="muted" aria-live="polite">
          {inbox.data ? t("inbox.unreadCount", { count: unread, n: formatNumber(unread, locale) }) : null}
        </p>
        <label htmlFor={filterId} className="checkbox">
          <input
            id={filterId}
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) => {
              setUnreadOnly(event.target.checked);
              setPage(1);
            }}
          />{" "}
          {t("inbox.unreadOnly")}
        </label>
        <button
          type="button"
          className="button button-secondary"
          disabled={unread === 0 || markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {markAll.isPending ? t("inbox.marking") : t("inbox.markAllRead")}
        </button>
      </div>
      {markAll.isError && <ErrorMessage error={markAll.error} />}
      {markRead.isError && <ErrorMessage error={markRead.error} />}
      <QueryState
        query={inbox}
        isEmpty={(data) => data.items.length === 0}
        empty={<Empty>{unreadOnly ? t("inbox.emptyUnread") : t("inbox.empty")}</Empty>}
      >
        {(data) => (
          <>
            <ul className="inbox-list" aria-label={t("inbox.list")}>
              {data.items.map((notification) => (
                <InboxItem
                  key={notification.id}
                  notification={notification}
                  onRead={() => markRead.mutate(notification.id)}
                  marking={markRead.isPending && markRead.variables === notification.id}
                />
              ))}
            </ul>
            {data.total > INBOX_PAGE_SIZE && (
              <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

function InboxItem({
  notification,
  onRead,
  marking,
}: {
  notification: Notification;
  onRead: () => void;
  marking: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { params } = notification;
  const link = notificationLink(notification);
  const isUnread = notification.readAt === null;
  const title = t(`inbox.kinds.${notification.kind}`);
  const details = [
    params.code ? t("inbox.request", { code: params.code }) : null,
    params.firmName ?? null,
    params.field ? t(`expertFields.${params.field}`, { defaultValue: params.field }) : null,
    params.title ?? null,
    params.dueDate ? t("inbox.due", { date: formatDate(params.dueDate, locale) }) : null,
    params.rating ? t("inbox.rating", { rating: formatNumber(params.rating, locale) }) : null,
  ].filter((part): part is string => part !== null);

  return (
    <li className={isUnread ? "inbox-item inbox-item-unread" : "inbox-item"} data-notification-id={notification.id}>
      <div>
        <p className="inbox-item-title">
          <span className="visually-hidden">{isUnread ? t("inbox.unread") : t("inbox.read")}: </span>
          {link ? (
            <Link to={link} onClick={isUnread ? onRead : undefined}>
              {title}
            </Link>
          ) : (
            title
          )}
        </p>
        {details.length > 0 && <p>{details.join(" · ")}</p>}
        <p className="muted">
          {t("inbox.received", { when: formatDateTime(notification.createdAt, locale, "Asia/Bangkok") })}
        </p>
      </div>
      {isUnread && (
        <button type="button" className="button button-secondary" onClick={onRead} disabled={marking}>
          {marking ? t("inbox.marking") : t("inbox.markRead")}
        </button>
      )}
    </li>
  );
}
