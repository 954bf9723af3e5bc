import { useParams, useSearchParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { initialFiscalYear } from "../components/FiscalYearSelect";
import { QueryState } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { DrilldownTable } from "../features/dashboards/components/DrilldownTable";
import { IndicatorMap } from "../features/dashboards/components/IndicatorMap";
import { TrendChart } from "../features/dashboards/components/TrendChart";
import { fiscalYearOfKey, NATION, type UnitRef } from "../features/dashboards/model";
import { useIndicatorTrend } from "../features/dashboards/queries";
import { breakdownChoices } from "../features/indicator-values/model";
import { useBreakdownText } from "../features/indicator-values/useBreakdownText";
import { useLocale } from "../i18n";
import { localName } from "../lib/bilingual";
import { fiscalYearLabel } from "../lib/format";

export function IndicatorPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const requestedPeriod = params.get("period") ?? "";
  const breakdown = params.get("breakdown") ?? "";
  const breakdownLabel = useBreakdownText();
  const unitType = params.get("unitType");
  const unitCode = params.get("unitCode");
  const unit: UnitRef = unitType && unitCode ? { type: unitType, code: unitCode } : NATION;
  const trend = useIndicatorTrend(id, unit);
  const name = trend.data ? localName(locale, trend.data.indicator) : "";
  useDocumentTitle(name || t("indicator.title"));

  const years = trend.data?.items.map((i) => i.fiscalYear) ?? [];
  // Without a period in the address, the page opens on today's fiscal year (or the nearest one with figures).
  const openingYear = requestedPeriod === "" ? initialFiscalYear(years) : null;
  const period = openingYear === null ? requestedPeriod : `FY${openingYear}`;
  const year = fiscalYearOfKey(period);
  const setUnit = (next: UnitRef) => {
    const updated = new URLSearchParams(params);
    if (next.type === "nation") {
      updated.delete("unitType");
      updated.delete("unitCode");
    } else {
      updated.set("unitType", next.type);
      updated.set("unitCode", next.code);
    }
    setParams(updated);
  };
  const setBreakdown = (value: string) => {
    const updated = new URLSearchParams(params);
    if (value === "") updated.delete("breakdown");
    else updated.set("breakdown", value);
    setParams(updated, { replace: true });
  };
  const dimensions = trend.data?.indicator.disaggregations ?? [];
  const setYear = (value: string) => {
    const updated = new URLSearchParams(params);
    updated.set("period", `FY${value}`);
    setParams(updated, { replace: true });
  };

  return (
    <>
      <h1>{name || t("indicator.title")}</h1>
      {trend.data && (
        <p className="lead">
          {trend.data.indicator.code} {trend.data.indicator.unit ? `· ${trend.data.indicator.unit}` : ""}
        </p>
      )}
      {years.length > 0 && (
        <form className="filter-bar" onSubmit={(event) => event.preventDefault()}>
          <label>
            {t("dashboard.year")}
            <select value={year ?? ""} onChange={(event) => setYear(event.target.value)}>
              {year === null && <option value="">{t("indicator.chooseYear")}</option>}
              {years.map((y) => (
                <option key={y} value={y}>
                  {fiscalYearLabel(y, locale)}
                </option>
              ))}
            </select>
          </label>
          {dimensions.length > 0 && (
            <label>
              {t("values.breakdown")}
              <select value={breakdown} onChange={(event) => setBreakdown(event.target.value)}>
                {breakdownChoices(dimensions).map((choice) => (
                  <option key={choice} value={choice}>
                    {breakdownLabel(choice)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </form>
      )}
      <div className="indicator-layout">
        <section aria-labelledby="indicator-map">
          <h2 id="indicator-map">{t("indicator.map")}</h2>
          {period ? (
            <IndicatorMap
              indicatorId={id}
              period={period}
              breakdown={breakdown}
              onProvince={(code) => setUnit({ type: "province", code })}
            />
          ) : (
            <p className="muted">{t("indicator.chooseYear")}</p>
          )}
        </section>
        <section aria-labelledby="indicator-drilldown">
          <h2 id="indicator-drilldown">{t("indicator.drilldown")}</h2>
          {period ? (
            <DrilldownTable indicatorId={id} period={period} unit={unit} onUnit={setUnit} />
          ) : (
            <p className="muted">{t("indicator.chooseYear")}</p>
          )}
        </section>
      </div>
      <section aria-labelledby="indicator-trend">
        <h2 id="indicator-trend">{t("indicator.trend")}</h2>
        <QueryState
          query={trend}
          isEmpty={(data) => data.items.every((i) => i.value === null)}
          empty={t("dashboard.noValues")}
        >
          {(data) => <TrendChart trend={data} />}
        </QueryState>
      </section>
    </>
  );
}
