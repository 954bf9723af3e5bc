import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";
import { ACHIEVEMENT_STATUSES, type PlanPerformance } from "../model";
import { STATUS_CLASS } from "../shading";

/** How many indicators fall in each achievement status. */
export function StatusSummary({ summary }: { summary: PlanPerformance["summary"] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="status-summary" aria-label={t("dashboard.summary")}>
      {ACHIEVEMENT_STATUSES.map((status) => (
        <li key={status} className={`status-count ${STATUS_CLASS[status]}`} data-status={status}>
          <span className="status-count-n">{formatNumber(summary[status], locale)}</span>
          <span className="status-count-label">{t(`dashboard.statuses.${status}`)}</span>
        </li>
      ))}
    </ul>
  );
}
