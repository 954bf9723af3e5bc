import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { Pagination } from "../../../components/Pagination";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName, otherLocale, otherName } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import { isStaff } from "../../auth/model";
import { useCurrentUser } from "../../auth/queries";
import { useClusterOptions } from "../../clusters/queries";
import { useProvinces, useRegions } from "../../provinces/queries";
import { useProvinceName } from "../../provinces/useProvinceName";
import { formatJuristicId } from "../juristic-id";
import { enterpriseFiltersFrom, exportHref, SIZE_CLASSES, type EnterpriseFilters } from "../model";
import { ENTERPRISE_PAGE_SIZE, useEnterprises } from "../queries";
import { useEnterpriseLabels } from "../useEnterpriseLabels";
import { TableScroll } from "../../../components/TableScroll";

function pageOf(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The enterprise register: filters in the address, a page of firms, and exports with the same filters. */
export function EnterpriseList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const labels = useEnterpriseLabels();
  const provinceName = useProvinceName();
  const [params, setParams] = useSearchParams();
  const filters = enterpriseFiltersFrom(params);
  const page = pageOf(params.get("page"));
  const enterprises = useEnterprises(filters, page);
  const regions = useRegions();
  const provinces = useProvinces(filters.region || null);
  const clusters = useClusterOptions();
  const [tsicDraft, setTsicDraft] = useState(filters.tsic);
  const [tsicError, setTsicError] = useState(false);
  const ids = {
    region: useId(),
    province: useId(),
    size: useId(),
    tsic: useId(),
    tsicHint: useId(),
    tsicError: useId(),
    cluster: useId(),
  };

  const update = (changes: Partial<EnterpriseFilters>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("page");
    setParams(next, { replace: true });
  };

  const setPage = (next: number) => {
    const search = new URLSearchParams(params);
    if (next > 1) search.set("page", String(next));
    else search.delete("page");
    setParams(search);
  };

  const applyTsic = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = tsicDraft.trim();
    if (value && !/^\d{1,5}$/.test(value)) {
      setTsicError(true);
      return;
    }
    setTsicError(false);
    update({ tsic: value });
  };

  const sortedProvinces = [...(provinces.data ?? [])].sort((a, b) =>
    localName(locale, a).localeCompare(localName(locale, b), locale),
  );

  return (
    <>
      <div className="toolbar">
        <div
          className="export-links"
          role="group"
          aria-label={`${t("enterprises.export")} (${t("enterprises.exportHint")})`}
        >
          <span className="label">{t("enterprises.export")}:</span>
          <a className="button button-secondary button-small" href={exportHref("csv", filters)} download>
            {t("enterprises.exportCsv")}
          </a>
          <a className="button button-secondary button-small" href={exportHref("xlsx", filters)} download>
            {t("enterprises.exportXlsx")}
          </a>
          <span className="muted small">{t("enterprises.exportHint")}</span>
        </div>
        {isStaff(user) && (
          <Link className="button button-primary" to="/enterprises/new">
            {t("enterprises.add")}
          </Link>
        )}
      </div>
      <section className="filter-bar" aria-label={t("registry.filters")}>
        <div className="field">
          <label htmlFor={ids.region}>{t("registry.region")}</label>
          <select
            id={ids.region}
            value={filters.region}
            onChange={(e) => update({ region: e.target.value, province: "" })}
          >
            <option value="">{t("registry.allRegions")}</option>
            {regions.data?.map((r) => (
              <option key={r.code} value={r.code}>
                {localName(locale, r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.province}>{t("enterprises.province")}</label>
          <select id={ids.province} value={filters.province} onChange={(e) => update({ province: e.target.value })}>
            <option value="">{t("registry.allProvinces")}</option>
            {sortedProvinces.map((p) => (
              <option key={p.code} value={p.code}>
                {localName(locale, p)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.size}>{t("enterprises.size")}</label>
          <select id={ids.size} value={filters.size} onChange={(e) => update({ size: e.target.value })}>
            <option value="">{t("enterprises.allSizes")}</option>
            {SIZE_CLASSES.map((size) => (
              <option key={size} value={size}>
                {labels.size(size)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.cluster}>{t("enterprises.cluster")}</label>
          <select id={ids.cluster} value={filters.cluster} onChange={(e) => update({ cluster: e.target.value })}>
            <option value="">{t("enterprises.allClusters")}</option>
            {clusters.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {localName(locale, c) || c.code}
              </option>
            ))}
          </select>
        </div>
        <form className="field tsic-filter" onSubmit={applyTsic} noValidate>
          <label htmlFor={ids.tsic}>{t("enterprises.tsicPrefix")}</label>
          <span className="input-with-button">
            <input
              id={ids.tsic}
              inputMode="numeric"
              value={tsicDraft}
              size={7}
              aria-invalid={tsicError || undefined}
              aria-describedby={tsicError ? `${ids.tsicError} ${ids.tsicHint}` : ids.tsicHint}
              onChange={(e) => setTsicDraft(e.target.value)}
              onBlur={(e) => {
                const value = e.target.value.trim();
                if (value !== filters.tsic && (value === "" || /^\d{1,5}$/.test(value))) {
                  setTsicError(false);
                  update({ tsic: value });
                }
              }}
            />
            <button type="submit" className="button button-secondary button-small">
              {t("common.search")}
            </button>
          </span>
          <span id={ids.tsicHint} className="hint">
            {t("enterprises.tsicPrefixHint")}
          </span>
          {tsicError && (
            <span id={ids.tsicError} className="field-error">
              {t("enterprises.tsicInvalid")}
            </span>
          )}
        </form>
      </section>
      <QueryState query={enterprises} isEmpty={(data) => data.items.length === 0} empty={t("enterprises.noResults")}>
        {(data) => (
          <>
            <p className="muted" aria-live="polite">
              {t("enterprises.count", { count: data.total, n: formatNumber(data.total, locale) })}
            </p>
            <TableScroll label={t("enterprises.list")}>
              <table className="table">
                <caption className="visually-hidden">{t("enterprises.list")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("enterprises.name")}</th>
                    <th scope="col">{t("enterprises.juristicId")}</th>
                    <th scope="col">{t("enterprises.legalForm")}</th>
                    <th scope="col">{t("enterprises.size")}</th>
                    <th scope="col">{t("enterprises.tsic")}</th>
                    <th scope="col">{t("enterprises.province")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((e) => {
                    const other = otherName(locale, e);
                    return (
                      <tr key={e.id} data-enterprise-id={e.id}>
                        <th scope="row">
                          <Link to={`/enterprises/${encodeURIComponent(e.id)}`}>
                            {localName(locale, e) || `#${e.id}`}
                          </Link>
                          {e.isExample && (
                            <>
                              {" "}
                              <span className="tag tag-example" title={t("registry.exampleHint")}>
                                {t("registry.example")}
                              </span>
                            </>
                          )}
                          {other && (
                            <span className="muted small block" lang={otherLocale(locale)}>
                              {other}
                            </span>
                          )}
                        </th>
                        <td className="nowrap num">
                          {e.juristicId ? formatJuristicId(e.juristicId) : (e.ceRegistrationNo ?? t("common.none"))}
                        </td>
                        <td>{labels.legalForm(e.legalForm)}</td>
                        <td>{labels.size(e.sizeClass)}</td>
                        <td className="num">{e.tsicCode ?? t("common.none")}</td>
                        <td>{e.provinceCode ? provinceName(e.provinceCode) : t("common.none")}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
            <Pagination
              page={data.page}
              pageSize={data.pageSize || ENTERPRISE_PAGE_SIZE}
              total={data.total}
              onPage={setPage}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
