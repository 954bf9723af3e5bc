import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName, pickLocalized } from "../../../lib/bilingual";
import { isAchievementReason } from "../model";
import { useProvincialClusterMatrix } from "../queries";
import { STATUS_CLASS } from "../shading";
import { formatFigure } from "./figures";
import { TableScroll } from "../../../components/TableScroll";

/** Indicators × the 18 provincial clusters: each cell the rolled-up value, coloured and titled by its status. */
export function ProvincialClusterMatrix({
  planId,
  period,
  includeUnapproved,
}: {
  planId: string;
  period: string;
  includeUnapproved: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useProvincialClusterMatrix(planId, period, includeUnapproved);
  return (
    <QueryState query={query} isEmpty={(data) => data.indicators.length === 0} empty={t("dashboard.noIndicators")}>
      {(data) => (
        <TableScroll label={t("dashboard.matrixCaption")}>
          <table className="table matrix-table">
            <caption className="small muted">{t("dashboard.matrixCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dashboard.indicator")}</th>
                {data.provincialClusters.map((c) => (
                  <th key={c.id} scope="col" className="num" title={localName(locale, c)}>
                    <Link to={`/provincial-clusters/${c.id}`} aria-label={`${c.number} ${localName(locale, c)}`}>
                      {c.number}
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.indicators.map((indicator) => (
                <tr key={indicator.id}>
                  <th scope="row">
                    <Link to={`/indicators/${indicator.id}?period=${encodeURIComponent(data.periodKey)}`}>
                      {indicator.code || pickLocalized(locale, indicator.nameTh, indicator.nameEn)}
                    </Link>
                  </th>
                  {indicator.cells.map((cell) => {
                    const status = t(`dashboard.statuses.${cell.achievement.status}`);
                    const reason = isAchievementReason(cell.achievement.reason)
                      ? t(`dashboard.reasons.${cell.achievement.reason}`)
                      : "";
                    const cluster = data.provincialClusters.find((c) => c.id === cell.provincialClusterId);
                    return (
                      <td
                        key={cell.provincialClusterId}
                        className={`num matrix-cell ${STATUS_CLASS[cell.achievement.status]}`}
                        title={`${cluster ? localName(locale, cluster) : ""}: ${status} — ${reason}`}
                      >
                        {formatFigure(cell.value, locale)}
                        <span className="visually-hidden"> {status}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </QueryState>
  );
}
