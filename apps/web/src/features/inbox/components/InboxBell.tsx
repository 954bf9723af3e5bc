import { useTranslation } from "react-i18next";
import { NavLink } from "react-router-dom";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";
import { useMe } from "../../auth/queries";
import { useInboxCount } from "../queries";

/**
 * The header's way to the inbox, with the number of unread notifications; only for a signed-in user. Its name says
 * the count in words ("กล่องข้อความ ยังไม่อ่าน 3 รายการ"), the badge shows it to the eye.
 */
export function InboxBell() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const signedIn = Boolean(me.data);
  const count = useInboxCount(signedIn);
  if (!signedIn) return null;
  const unread = count.data ?? 0;
  const label = unread > 0 ? t("nav.inboxUnread", { count: unread, n: formatNumber(unread, locale) }) : t("nav.inbox");
  return (
    <NavLink to="/inbox" className="inbox-bell" aria-label={label} title={label} data-unread={unread}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
      </svg>
      {unread > 0 && (
        <span className="inbox-bell-count" aria-hidden="true">
          {unread > 99 ? "99+" : formatNumber(unread, locale)}
        </span>
      )}
    </NavLink>
  );
}
