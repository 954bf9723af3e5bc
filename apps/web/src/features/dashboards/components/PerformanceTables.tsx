import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { nodesWithIndicators, type IndicatorPerformance, type PlanPerformance } from "../model";
import { formatFigure } from "./figures";
import { StatusChip } from "./StatusChip";
import { TargetLabel } from "./TargetLabel";
import { TableScroll } from "../../../components/TableScroll";

/** One table per strategy (or any node with indicators): target, actual, previous period, status, coverage. */
export function PerformanceTables({ performance }: { performance: PlanPerformance }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const nodes = nodesWithIndicators(performance.nodes);
  return (
    <>
      {nodes.map((node) => (
        <section key={node.nodeId} className="performance-node">
          <h3>
            {node.code ? `${node.code} ` : ""}
            {pickLocalized(locale, node.titleTh, node.titleEn)}
          </h3>
          <TableScroll
            label={`${node.code ? `${node.code} ` : ""}${pickLocalized(locale, node.titleTh, node.titleEn)}`}
          >
            <table className="table performance-table">
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.indicator")}</th>
                  <th scope="col">{t("dashboard.target")}</th>
                  <th scope="col" className="num">
                    {t("dashboard.actual")}
                  </th>
                  <th scope="col" className="num">
                    {t("dashboard.previous")}
                  </th>
                  <th scope="col">{t("dashboard.status")}</th>
                  <th scope="col">{t("dashboard.coverage")}</th>
                </tr>
              </thead>
              <tbody>
                {node.indicators.map((indicator) => (
                  <IndicatorRow key={indicator.indicatorId} indicator={indicator} periodKey={performance.periodKey} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
    </>
  );
}

function IndicatorRow({ indicator, periodKey }: { indicator: IndicatorPerformance; periodKey: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unit = indicator.unit ? ` ${indicator.unit}` : "";
  return (
    <tr data-indicator-code={indicator.code}>
      <th scope="row">
        <Link to={`/indicators/${indicator.indicatorId}?period=${encodeURIComponent(periodKey)}`}>
          {indicator.code ? `${indicator.code} ` : ""}
          {pickLocalized(locale, indicator.nameTh, indicator.nameEn)}
        </Link>
      </th>
      <td>
        <TargetLabel target={indicator.target} textEn={indicator.targetTextEn} textTh={indicator.targetTextTh} />
      </td>
      <td className="num">
        {formatFigure(indicator.value, locale)}
        {indicator.value !== null && unit}
        {indicator.valueSource === "computed" && (
          <span className="small muted block">
            {t(`dashboard.aggregations.${aggregationKey(indicator.aggregation)}`)}
          </span>
        )}
      </td>
      <td className="num">{formatFigure(indicator.previousValue, locale)}</td>
      <td>
        <StatusChip achievement={indicator.achievement} />
        {indicator.aggregationIssue !== null && isIssue(indicator.aggregationIssue) && (
          <span className="small muted block">{t(`dashboard.issues.${indicator.aggregationIssue}`)}</span>
        )}
      </td>
      <td>
        {indicator.coverage
          ? t("dashboard.coverageValue", {
              reported: indicator.coverage.reported,
              expected: indicator.coverage.expected,
            })
          : indicator.valueSource === "reported"
            ? t("dashboard.reportedHere")
            : "–"}
      </td>
    </tr>
  );
}

const ISSUES = [
  "not_aggregable",
  "no_units_reported",
  "no_usable_units",
  "zero_denominator",
  "zero_weight",
  "units_excluded",
] as const;
type Issue = (typeof ISSUES)[number];
function isIssue(value: string): value is Issue {
  return ISSUES.some((issue) => issue === value);
}

const AGGREGATIONS = ["sum", "mean", "weighted_mean", "ratio", "none"] as const;
type Aggregation = (typeof AGGREGATIONS)[number];
export function aggregationKey(value: string): Aggregation {
  return AGGREGATIONS.find((a) => a === value) ?? "none";
}
