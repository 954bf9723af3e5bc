import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { QueryState } from "../components/QueryState";
import { TableScroll } from "../components/TableScroll";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useCurrentUser } from "../features/auth/queries";
import { useDeals } from "../features/deals/queries";
import { formatBaht } from "../features/programmes/model";
import { useLocale } from "../i18n";
import { pickLocalized } from "../lib/bilingual";
import { formatDate } from "../lib/format";

/** A member's deals (a keeper's: those they follow), with the follow-ups due first to hand. */
export function DealsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  // A member firm's own deals; staff follow the deals of the events and programmes they keep (an admin, all).
  const title = user?.role === "member" ? t("deals.listTitle") : t("deals.listTitleFollowed");
  useDocumentTitle(title);
  const [params, setParams] = useSearchParams();
  const due = params.get("due") === "true";
  const deals = useDeals(due ? { due: "true" } : {});
  const none = t("deals.none");
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{t("deals.listIntro")}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={due}
          onChange={(e) => setParams(e.target.checked ? { due: "true" } : {}, { replace: true })}
        />{" "}
        {t("deals.onlyDue")}
      </label>
      <QueryState query={deals} isEmpty={(page) => page.items.length === 0} empty={t("deals.empty")}>
        {(page) => (
          <TableScroll label={title}>
            <table className="data-table" data-testid="deals-table">
              <thead>
                <tr>
                  <th scope="col">{t("deals.buyer")}</th>
                  <th scope="col">{t("deals.event")}</th>
                  <th scope="col">{t("deals.stage")}</th>
                  <th scope="col">{t("deals.expected")}</th>
                  <th scope="col">{t("deals.realised")}</th>
                  <th scope="col">{t("deals.nextFollowUp")}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((deal) => {
                  const next = deal.followUps.find((f) => f.doneAt === null);
                  return (
                    <tr key={deal.id}>
                      <td>
                        <Link to={`/deals/${deal.id}`}>{deal.buyerName ?? none}</Link>
                      </td>
                      <td>{pickLocalized(locale, deal.eventTitleTh, deal.eventTitleEn) || none}</td>
                      <td>{t(`deals.stages.${deal.stage}`)}</td>
                      <td>{deal.expectedValue === null ? none : formatBaht(deal.expectedValue, locale)}</td>
                      <td>{formatBaht(deal.realised.total, locale)}</td>
                      <td>
                        {next
                          ? `${t("deals.months", { count: next.months })} · ${formatDate(next.dueOn, locale)}${next.due ? ` · ${t("deals.due")}` : ""}`
                          : none}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryState>
    </>
  );
}
