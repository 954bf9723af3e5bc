import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import {
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearSpan,
  formatDateRange,
  formatYearSpan,
  type Locale,
} from "../../../lib/format";
import { isPlanLevel } from "../model";

interface PlanMetaProps {
  level: string;
  periodStart: string | null;
  periodEnd: string | null;
  ownerName: string | null;
}

/** Level, period (calendar years, dates and fiscal years) and owner of a plan, as a description list. */
export function PlanMeta({ level, periodStart, periodEnd, ownerName }: PlanMetaProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const period = periodStart && periodEnd ? describePeriod(periodStart, periodEnd, locale) : null;
  return (
    <dl className="facts">
      {level && (
        <div>
          <dt>{t("plans.level")}</dt>
          <dd>{isPlanLevel(level) ? t(`plans.levels.${level}`) : level.replace(/_/g, " ")}</dd>
        </div>
      )}
      {period && (
        <div>
          <dt>{t("plans.period")}</dt>
          <dd>
            {period.years}
            <br />
            <span className="muted small">{period.detail}</span>
          </dd>
        </div>
      )}
      {ownerName && (
        <div>
          <dt>{t("plans.owner")}</dt>
          <dd>{ownerName}</dd>
        </div>
      )}
    </dl>
  );
}

function describePeriod(start: string, end: string, locale: Locale): { years: string; detail: string } {
  const dates = formatDateRange(start, end, locale);
  // A plan that runs whole fiscal years (1 Oct – 30 Sep) is named by them, as its owners do: "FY2017–FY2021".
  if (start.endsWith("-10-01") && end.endsWith("-09-30")) {
    const from = fiscalYearOf(start);
    const to = fiscalYearOf(end);
    const years = from === to ? fiscalYearLabel(from, locale) : fiscalYearSpan(from, to, locale);
    return { years, detail: dates };
  }
  return { years: formatYearSpan(start, end, locale), detail: dates };
}
