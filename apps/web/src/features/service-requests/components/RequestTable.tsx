import type { ServiceRequestListItem } from "@sainam/contract";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { TableScroll } from "../../../components/TableScroll";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { formatDate } from "../../../lib/format";
import { useProvinceName } from "../../provinces/useProvinceName";
import { useRequestAction } from "../mutations";

/**
 * Requests as a table: code (to the request), firm, field, province, state, expert, filed date (with the channel
 * when someone other than the firm filed it: an officer, a coordinator, a walk-in at a centre) and due date. `answer`:
 * the expert's list, where an offer awaiting their answer can be accepted in place (declining needs a reason: on
 * the request's page).
 */
export function RequestTable({
  items,
  caption,
  answer = false,
}: {
  items: ServiceRequestListItem[];
  caption: string;
  answer?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const provinceName = useProvinceName();
  return (
    <TableScroll label={caption}>
      <table className="data-table request-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("serviceRequests.code")}</th>
            <th scope="col">{t("serviceRequests.firm")}</th>
            <th scope="col">{t("serviceRequests.field")}</th>
            <th scope="col">{t("serviceRequests.province")}</th>
            <th scope="col">{t("serviceRequests.status")}</th>
            <th scope="col">{t("serviceRequests.expert")}</th>
            <th scope="col">{t("serviceRequests.filedAt")}</th>
            <th scope="col">{t("serviceRequests.responseDueOn")}</th>
            {answer && <th scope="col">{t("serviceRequests.actionsTitle")}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id} data-request-id={r.id} data-status={r.status}>
              <th scope="row">
                <Link to={`/requests/${r.id}`}>{r.code}</Link>
              </th>
              <td>{localName(locale, r.enterprise)}</td>
              <td>{t(`expertFields.${r.field}`)}</td>
              <td>{provinceName(r.provinceCode)}</td>
              <td>
                <span className={`request-status request-status-${r.status}`}>
                  {t(`serviceRequests.statuses.${r.status}`)}
                </span>
              </td>
              <td>{r.expert?.displayName ?? "—"}</td>
              <td>
                {formatDate(r.filedAt, locale)}
                {r.filedVia !== "member" && (
                  <span className={`request-channel request-channel-${r.filedVia}`}>
                    {t(`serviceRequests.channels.${r.filedVia}`)}
                  </span>
                )}
              </td>
              <td>{r.status === "assigned" && r.responseDueOn ? formatDate(r.responseDueOn, locale) : "—"}</td>
              {answer && <td>{r.awaitingAnswer && <AnswerCell request={r} />}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function AnswerCell({ request }: { request: ServiceRequestListItem }) {
  const { t } = useTranslation();
  const action = useRequestAction(request.id);
  return (
    <span className="answer-cell">
      <button
        type="button"
        className="button button-small"
        aria-label={`${t("serviceRequests.actions.accept")} ${request.code}`}
        disabled={action.isPending}
        onClick={() => action.mutate({ kind: "accept" })}
      >
        {t("serviceRequests.actions.accept")}
      </button>{" "}
      <Link to={`/requests/${request.id}`}>{t("serviceRequests.actions.decline")}…</Link>
      {action.isError && <ErrorMessage error={action.error} />}
    </span>
  );
}
