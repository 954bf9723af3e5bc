import { expertFields } from "@sainam/core";
import { useTranslation } from "react-i18next";
import { FormField } from "../components/FormField";
import { QueryState } from "../components/QueryState";
import { TableScroll } from "../components/TableScroll";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useUrlFilters } from "../components/useUrlFilters";
import { useProviders } from "../features/providers/queries";
import { useProvinces } from "../features/provinces/queries";
import { useProvinceName } from "../features/provinces/useProvinceName";
import { MonthChart } from "../features/services/components/MonthChart";
import { days, percent, type ServiceFigures } from "../features/services/model";
import { serviceFiguresXlsxHref, useServiceFigures, type ServiceFigureFilters } from "../features/services/queries";
import { useLocale } from "../i18n";
import { localName, pickLocalized } from "../lib/bilingual";
import { fiscalYearLabel, formatNumber, recentFiscalYears } from "../lib/format";

/**
 * The services dashboard (issue 13, point 7): requests by field, province, provider and month; first-response and
 * closure times in working days against targets; breach rates; satisfaction; and, for those who keep providers, the
 * caseload of each expert. The current fiscal year by default; the same figures download as XLSX.
 */
export function ServiceFiguresPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t("serviceFigures.title"));
  const { params, setFilter: set } = useUrlFilters({ replace: true });
  const years = recentFiscalYears();
  const filters: ServiceFigureFilters = {
    // "all" keeps every year; no parameter: the current fiscal year.
    fy: params.get("fy") === "all" ? "" : (params.get("fy") ?? String(years[0])),
    provider: params.get("provider") ?? "",
    province: params.get("province") ?? "",
    field: params.get("field") ?? "",
  };
  const providers = useProviders();
  const provinces = useProvinces();
  const figures = useServiceFigures(filters);
  return (
    <>
      <h1>{t("serviceFigures.title")}</h1>
      <p className="lead">{t("serviceFigures.intro")}</p>
      <form className="form-grid" onSubmit={(event) => event.preventDefault()}>
        <FormField label={t("serviceFigures.fiscalYear")}>
          {(control) => (
            <select {...control} value={filters.fy || "all"} onChange={(e) => set("fy", e.target.value)}>
              <option value="all">{t("serviceFigures.allYears")}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {fiscalYearLabel(y, locale)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("serviceFigures.provider")}>
          {(control) => (
            <select {...control} value={filters.provider} onChange={(e) => set("provider", e.target.value)}>
              <option value="">{t("serviceFigures.allProviders")}</option>
              {(providers.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {pickLocalized(locale, p.nameTh, p.nameEn)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("serviceFigures.province")}>
          {(control) => (
            <select {...control} value={filters.province} onChange={(e) => set("province", e.target.value)}>
              <option value="">{t("serviceFigures.allProvinces")}</option>
              {(provinces.data ?? []).map((p) => (
                <option key={p.code} value={p.code}>
                  {localName(locale, p)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("serviceFigures.field")}>
          {(control) => (
            <select {...control} value={filters.field} onChange={(e) => set("field", e.target.value)}>
              <option value="">{t("serviceFigures.allFields")}</option>
              {expertFields.map((f) => (
                <option key={f} value={f}>
                  {t(`expertFields.${f}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </form>
      <p>
        <a className="button button-secondary" href={serviceFiguresXlsxHref(filters, locale)} download>
          {t("serviceFigures.downloadXlsx")}
        </a>
      </p>
      <QueryState query={figures} isEmpty={(f) => f.totals.requests === 0} empty={t("serviceFigures.empty")}>
        {(f) => <Figures figures={f} />}
      </QueryState>
    </>
  );
}

/** A count beside a bar as long as its share of the largest. */
function Bar({ value, max }: { value: number; max: number }) {
  const locale = useLocale();
  return (
    <span className="bar-cell">
      <span
        className="bar"
        aria-hidden="true"
        style={{
          display: "inline-block",
          height: "0.8em",
          marginInlineEnd: "0.5em",
          width: `${Math.round((value / Math.max(1, max)) * 8)}em`,
          background: "var(--accent, #1f5fa8)",
        }}
      />
      {formatNumber(value, locale)}
    </span>
  );
}

function Figures({ figures: f }: { figures: ServiceFigures }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const provinceName = useProvinceName();
  const none = t("common.none");
  const providerName = (p: { providerId: number | null; nameTh: string | null; nameEn: string | null }) =>
    p.providerId === null ? t("serviceFigures.noProvider") : pickLocalized(locale, p.nameTh, p.nameEn);
  const providers = useProviders();
  const facts: [string, string][] = [
    [t("serviceFigures.requests"), formatNumber(f.totals.requests, locale)],
    [t("serviceFigures.open"), formatNumber(f.totals.open, locale)],
    [t("serviceFigures.closed"), formatNumber(f.totals.closed, locale)],
    [t("serviceFigures.unassigned"), formatNumber(f.totals.unassigned, locale)],
    [t("serviceFigures.withdrawn"), formatNumber(f.totals.withdrawn, locale)],
    [
      t("serviceFigures.meanRating"),
      f.satisfaction.meanRating === null ? none : (days(f.satisfaction.meanRating, locale) ?? none),
    ],
    [t("serviceFigures.shareFourFive"), percent(f.satisfaction.shareFourOrFive, locale) ?? none],
    [t("serviceFigures.rated"), formatNumber(f.satisfaction.rated, locale)],
  ];
  const clocks = [
    { label: t("serviceFigures.response"), clock: f.response, target: f.targets.responseDays },
    { label: t("serviceFigures.closure"), clock: f.closure, target: f.targets.closureDays },
  ];
  const maxField = Math.max(0, ...f.byField.map((r) => r.requests));
  const maxProvince = Math.max(0, ...f.byProvince.map((r) => r.requests));
  const maxProvider = Math.max(0, ...f.byProvider.map((r) => r.requests));
  return (
    <>
      <dl className="facts" data-testid="service-totals">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <h2>{t("serviceFigures.clocks")}</h2>
      <TableScroll label={t("serviceFigures.clocks")}>
        <table className="data-table" data-testid="service-clocks">
          <thead>
            <tr>
              <th scope="col">{t("serviceFigures.clock")}</th>
              <th scope="col">{t("serviceFigures.median")}</th>
              <th scope="col">{t("serviceFigures.p90")}</th>
              <th scope="col">{t("serviceFigures.target")}</th>
              <th scope="col">{t("serviceFigures.breachRate")}</th>
              <th scope="col">{t("serviceFigures.timed")}</th>
            </tr>
          </thead>
          <tbody>
            {clocks.map(({ label, clock, target }) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{days(clock.medianDays, locale) ?? none}</td>
                <td>{days(clock.p90Days, locale) ?? none}</td>
                <td>{t("serviceFigures.workingDays", { days: target })}</td>
                <td>{percent(clock.breachRate, locale) ?? none}</td>
                <td>{formatNumber(clock.timed, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted small">{t("serviceFigures.clocksNote")}</p>

      <h2>{t("serviceFigures.byMonth")}</h2>
      <MonthChart months={f.byMonth} />

      <h2>{t("serviceFigures.byField")}</h2>
      <TableScroll label={t("serviceFigures.byField")}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("serviceFigures.field")}</th>
              <th scope="col">{t("serviceFigures.requests")}</th>
            </tr>
          </thead>
          <tbody>
            {f.byField.map((r) => (
              <tr key={r.field}>
                <td>{t(`expertFields.${r.field}`)}</td>
                <td>
                  <Bar value={r.requests} max={maxField} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2>{t("serviceFigures.byProvince")}</h2>
      <TableScroll label={t("serviceFigures.byProvince")}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("serviceFigures.province")}</th>
              <th scope="col">{t("serviceFigures.requests")}</th>
            </tr>
          </thead>
          <tbody>
            {f.byProvince.map((r) => (
              <tr key={r.provinceCode}>
                <td>{provinceName(r.provinceCode)}</td>
                <td>
                  <Bar value={r.requests} max={maxProvince} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2>{t("serviceFigures.byProvider")}</h2>
      <TableScroll label={t("serviceFigures.byProvider")}>
        <table className="data-table" data-testid="service-providers-figures">
          <thead>
            <tr>
              <th scope="col">{t("serviceFigures.provider")}</th>
              <th scope="col">{t("serviceFigures.requests")}</th>
              <th scope="col">{t("serviceFigures.open")}</th>
              <th scope="col">{t("serviceFigures.closed")}</th>
              <th scope="col">{t("serviceFigures.meanRating")}</th>
              <th scope="col">{t("serviceFigures.targets")}</th>
            </tr>
          </thead>
          <tbody>
            {f.byProvider.map((p) => (
              <tr key={p.providerId ?? "none"}>
                <td>{providerName(p)}</td>
                <td>
                  <Bar value={p.requests} max={maxProvider} />
                </td>
                <td>{formatNumber(p.open, locale)}</td>
                <td>{formatNumber(p.closed, locale)}</td>
                <td>{days(p.meanRating, locale) ?? none}</td>
                <td>
                  {p.responseDays === null || p.closureDays === null
                    ? none
                    : t("providers.serviceLevelsText", { response: p.responseDays, closure: p.closureDays })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      {f.caseload === null ? (
        <p className="muted small">{t("serviceFigures.publicNote")}</p>
      ) : (
        <>
          <h2>{t("serviceFigures.caseload")}</h2>
          <TableScroll label={t("serviceFigures.caseload")}>
            <table className="data-table" data-testid="service-caseload">
              <thead>
                <tr>
                  <th scope="col">{t("serviceFigures.expert")}</th>
                  <th scope="col">{t("serviceFigures.provider")}</th>
                  <th scope="col">{t("serviceFigures.open")}</th>
                  <th scope="col">{t("serviceFigures.closed")}</th>
                </tr>
              </thead>
              <tbody>
                {f.caseload.map((c) => {
                  const p = providers.data?.find((x) => x.id === c.providerId);
                  return (
                    <tr key={c.expertId}>
                      <td>{c.displayName}</td>
                      <td>{p ? pickLocalized(locale, p.nameTh, p.nameEn) : none}</td>
                      <td>{formatNumber(c.open, locale)}</td>
                      <td>{formatNumber(c.closed, locale)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}
