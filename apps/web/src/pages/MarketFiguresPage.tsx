import { dealStages, isCountryCode, normaliseCountryCode } from "@sainam/core";
import type { MarketFigures } from "@sainam/contract";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { countryCodeErrors } from "../api/field-errors";
import { FormField } from "../components/FormField";
import { QueryState } from "../components/QueryState";
import { TableScroll } from "../components/TableScroll";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useUrlFilters } from "../components/useUrlFilters";
import { FunnelChart } from "../features/deals/components/FunnelChart";
import { marketFiguresXlsxHref, useMarketFigures, type MarketFigureFilters } from "../features/deals/queries";
import { formatBaht } from "../features/programmes/model";
import { useProgrammes } from "../features/programmes/queries";
import { useProvinces } from "../features/provinces/queries";
import { useLocale } from "../i18n";
import { localName, pickLocalized } from "../lib/bilingual";
import { fiscalYearLabel, formatNumber, recentFiscalYears } from "../lib/format";

/**
 * Market linkage figures (issue 14, point 5): participants (firms once), meetings, deals by stage, expected
 * against realised value at 3/6/12 months and per baht of budget, the funnel; filters in the address, the current
 * Thai fiscal year by default; the same figures as XLSX. The public sees published events' aggregates.
 */
export function MarketFiguresPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t("deals.figuresTitle"));
  const { params, setFilter: set } = useUrlFilters({ replace: true });
  const years = recentFiscalYears();
  const filters: MarketFigureFilters = {
    fy: params.get("fy") === "all" ? "" : (params.get("fy") ?? String(years[0])),
    event: params.get("event") ?? "",
    programme: params.get("programme") ?? "",
    province: params.get("province") ?? "",
    market: params.get("market") ?? "",
  };
  const [marketText, setMarketText] = useState(filters.market);
  const typedMarket = normaliseCountryCode(marketText);
  const marketError = typedMarket.length === 2 ? countryCodeErrors("market", [typedMarket], t).market : undefined;
  const programmes = useProgrammes(1, "");
  const provinces = useProvinces();
  const figures = useMarketFigures(filters);
  return (
    <>
      <h1>{t("deals.figuresTitle")}</h1>
      <p className="lead">{t("deals.figuresIntro")}</p>
      <form className="form-grid" onSubmit={(event) => event.preventDefault()}>
        <FormField label={t("deals.fiscalYear")}>
          {(control) => (
            <select {...control} value={filters.fy || "all"} onChange={(e) => set("fy", e.target.value)}>
              <option value="all">{t("deals.allYears")}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {fiscalYearLabel(y, locale)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("deals.programme")}>
          {(control) => (
            <select {...control} value={filters.programme} onChange={(e) => set("programme", e.target.value)}>
              <option value="">{t("deals.allProgrammes")}</option>
              {(programmes.data?.items ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {pickLocalized(locale, p.nameTh, p.nameEn)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("deals.province")}>
          {(control) => (
            <select {...control} value={filters.province} onChange={(e) => set("province", e.target.value)}>
              <option value="">{t("deals.allProvinces")}</option>
              {(provinces.data ?? []).map((p) => (
                <option key={p.code} value={p.code}>
                  {localName(locale, p)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("deals.marketCode")} error={marketError}>
          {(control) => (
            <input
              {...control}
              value={marketText}
              maxLength={2}
              onChange={(e) => {
                // The filter follows once the text is a country code (or empty); "UK" is named as core refuses it.
                setMarketText(e.target.value);
                const code = normaliseCountryCode(e.target.value);
                if (code === "" || isCountryCode(code)) set("market", code);
              }}
            />
          )}
        </FormField>
      </form>
      <p>
        <a className="button button-secondary" href={marketFiguresXlsxHref(filters, locale)} download>
          {t("deals.download")}
        </a>
      </p>
      <QueryState query={figures} isEmpty={(f) => f.events === 0} empty={t("deals.noEvents")}>
        {(f) => <Figures figures={f} />}
      </QueryState>
    </>
  );
}

function Figures({ figures: f }: { figures: MarketFigures }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const none = t("deals.none");
  const facts: [string, string][] = [
    [t("deals.events"), formatNumber(f.events, locale)],
    [t("deals.budget"), formatBaht(f.budget, locale)],
    [t("deals.firms"), formatNumber(f.participants.firms, locale)],
    [t("deals.buyers"), formatNumber(f.participants.buyers, locale)],
    [t("deals.realisedTotal"), formatBaht(f.realisedTotal, locale)],
  ];
  return (
    <>
      <dl className="facts" data-testid="market-totals">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2>{t("deals.funnel")}</h2>
      <FunnelChart funnel={f.funnel} />
      <h2>{t("deals.horizons")}</h2>
      <TableScroll label={t("deals.horizons")}>
        <table className="data-table" data-testid="market-horizons">
          <thead>
            <tr>
              <th scope="col">{t("deals.monthsAfter")}</th>
              <th scope="col">{t("deals.expected")}</th>
              <th scope="col">{t("deals.realised")}</th>
              <th scope="col">{t("deals.perBaht")}</th>
            </tr>
          </thead>
          <tbody>
            {f.horizons.map((h) => (
              <tr key={h.months}>
                <th scope="row">{t("deals.months", { count: h.months })}</th>
                <td>{formatBaht(h.expected, locale)}</td>
                <td>{formatBaht(h.realised, locale)}</td>
                <td>
                  {h.perBaht === null
                    ? none
                    : formatNumber(h.perBaht, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>{t("deals.dealsByStage")}</h2>
      <TableScroll label={t("deals.dealsByStage")}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("deals.stage")}</th>
              <th scope="col">{t("deals.count")}</th>
            </tr>
          </thead>
          <tbody>
            {dealStages.map((stage) => (
              <tr key={stage}>
                <td>{t(`deals.stages.${stage}`)}</td>
                <td>{formatNumber(f.dealsByStage[stage], locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {f.detail === "public" && <p className="muted small">{t("deals.publicNote")}</p>}
    </>
  );
}
