import { useEffect, useEffectEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Pagination } from "../../../components/Pagination";
import { Loading, NotAvailable } from "../../../components/QueryState";
import { useDebouncedValue } from "../../../components/useDebouncedValue";
import { isApiError } from "../../../api/client";
import { useLocale } from "../../../i18n";
import { localName, otherLocale, otherName, pickLocalized } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import { SIZE_CLASSES } from "../../enterprises/model";
import { useEnterpriseLabels } from "../../enterprises/useEnterpriseLabels";
import { useProvinces, useRegions } from "../../provinces/queries";
import { useProvinceName } from "../../provinces/useProvinceName";
import { useProvincialClusters } from "../../provincial-clusters/queries";
import { STAGES } from "../../value-chain/model";
import { useValueChainLabels } from "../../value-chain/useValueChainLabels";
import {
  groupResults,
  RESULT_TYPES,
  resultHref,
  searchParamsFrom,
  type SearchParams,
  type SearchResult,
} from "../model";
import { SEARCH_PAGE_SIZE, useSearch } from "../queries";

/** The search page: a box that searches as you type (debounced), type and facet filters, results grouped by type. */
export function SearchView() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const current = searchParamsFrom(params);
  const [draft, setDraft] = useState(current.q);
  const debounced = useDebouncedValue(draft, 350);
  const search = useSearch(current);
  const regions = useRegions();
  const provinces = useProvinces(current.region || null);
  const provincialClusters = useProvincialClusters();
  const chain = useValueChainLabels();
  const sizes = useEnterpriseLabels();
  const ids = {
    q: useId(),
    type: useId(),
    province: useId(),
    region: useId(),
    pc: useId(),
    stage: useId(),
    size: useId(),
    sector: useId(),
  };

  const update = (changes: Partial<Omit<SearchParams, "page">>, page = 1) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (page > 1) next.set("page", String(page));
    else next.delete("page");
    setParams(next, { replace: true });
  };

  // Typing settles into the address; an outside change of the address (header box, back button) refills the box.
  // Only a settled draft writes the address: an effect event reads the latest address without re-running on it.
  const writeSettledDraft = useEffectEvent((q: string) => {
    if (q !== current.q.trim()) update({ q });
  });
  useEffect(() => {
    writeSettledDraft(debounced.trim());
  }, [debounced]);
  useEffect(() => {
    setDraft((value) => (value.trim() === current.q.trim() ? value : current.q));
  }, [current.q]);

  const sortedProvinces = [...(provinces.data ?? [])].sort((a, b) =>
    localName(locale, a).localeCompare(localName(locale, b), locale),
  );
  const facet = (
    id: string,
    label: string,
    key: keyof Omit<SearchParams, "page" | "q">,
    options: Array<{ value: string; label: string }>,
    all: string,
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={current[key]} onChange={(e) => update({ [key]: e.target.value })}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <form
        className="search-page-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: draft.trim() });
        }}
      >
        <label htmlFor={ids.q}>{t("search.query")}</label>
        <input
          id={ids.q}
          type="search"
          value={draft}
          placeholder={t("search.placeholder")}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button button-primary">
          {t("search.submit")}
        </button>
      </form>
      <div className="search-layout">
        <aside className="facets" aria-labelledby={`${ids.q}-facets`}>
          <h2 id={`${ids.q}-facets`}>{t("search.facets")}</h2>
          <fieldset className="type-facet">
            <legend>{t("search.type")}</legend>
            <label className="check">
              <input
                type="radio"
                name={ids.type}
                value=""
                checked={current.type === ""}
                onChange={() => update({ type: "" })}
              />
              {t("search.types.all")}
            </label>
            {RESULT_TYPES.map((type) => (
              <label key={type} className="check">
                <input
                  type="radio"
                  name={ids.type}
                  value={type}
                  checked={current.type === type}
                  onChange={() => update({ type })}
                />
                {t(`search.types.${type}`)}
              </label>
            ))}
          </fieldset>
          {facet(
            ids.region,
            t("registry.region"),
            "region",
            (regions.data ?? []).map((r) => ({ value: r.code, label: localName(locale, r) })),
            t("registry.allRegions"),
          )}
          {facet(
            ids.province,
            t("registry.province"),
            "province",
            sortedProvinces.map((p) => ({ value: p.code, label: localName(locale, p) })),
            t("registry.allProvinces"),
          )}
          {facet(
            ids.pc,
            t("registry.provincialCluster"),
            "provincialCluster",
            (provincialClusters.data ?? []).map((c) => ({
              value: String(c.id),
              label: `${formatNumber(c.number, locale)}. ${pickLocalized(locale, c.nameTh, c.nameEn)}`,
            })),
            t("registry.allProvincialClusters"),
          )}
          {facet(
            ids.stage,
            t("search.stage"),
            "stage",
            STAGES.map((s) => ({ value: s, label: chain.stage(s) })),
            t("search.allStages"),
          )}
          {facet(
            ids.size,
            t("enterprises.size"),
            "size",
            SIZE_CLASSES.map((s) => ({ value: s, label: sizes.size(s) })),
            t("enterprises.allSizes"),
          )}
          <div className="field">
            <label htmlFor={ids.sector}>{t("search.sector")}</label>
            <input
              id={ids.sector}
              inputMode="numeric"
              defaultValue={current.sector}
              key={current.sector}
              onBlur={(e) => update({ sector: e.target.value.trim() })}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  update({ sector: e.currentTarget.value.trim() });
                }
              }}
            />
          </div>
        </aside>
        <section
          className="results"
          aria-labelledby={`${ids.q}-results`}
          data-testid="search-results"
          aria-busy={search.isFetching}
        >
          <h2 id={`${ids.q}-results`}>{current.q ? t("search.resultsFor", { q: current.q }) : t("search.results")}</h2>
          <Results query={current} search={search} onPage={(page) => update({}, page)} />
        </section>
      </div>
    </>
  );
}

function Results({
  query,
  search,
  onPage,
}: {
  query: SearchParams;
  search: ReturnType<typeof useSearch>;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!query.q.trim()) return <p className="state state-empty">{t("search.enterQuery")}</p>;
  if (search.isPending) return <Loading />;
  if (search.isError) {
    if (isApiError(search.error) && search.error.status === 404)
      return <NotAvailable>{t("search.notAvailable")}</NotAvailable>;
    return <ErrorMessage error={search.error} onRetry={() => void search.refetch()} />;
  }
  const data = search.data;
  if (data.items.length === 0) return <p className="state state-empty">{t("search.none", { q: query.q })}</p>;
  return (
    <>
      <p className="muted" aria-live="polite">
        {t(data.totalIsEstimate ? "search.countAbout" : "search.count", {
          count: data.total,
          n: formatNumber(data.total, locale),
        })}
      </p>
      {groupResults(data.items).map((group) => (
        <section key={group.type} className="result-group" data-result-type={group.type}>
          <h3>
            {t(`search.types.${group.type}`)}{" "}
            <span className="muted count">({formatNumber(group.items.length, locale)})</span>
          </h3>
          <ul className="result-list">
            {group.items.map((item) => (
              <ResultItem key={`${item.type}-${item.id}`} item={item} />
            ))}
          </ul>
        </section>
      ))}
      <Pagination page={data.page} pageSize={data.pageSize || SEARCH_PAGE_SIZE} total={data.total} onPage={onPage} />
    </>
  );
}

function ResultItem({ item }: { item: SearchResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const provinceName = useProvinceName();
  const href = resultHref(item);
  const name = localName(locale, item) || `#${item.id}`;
  const other = otherName(locale, item);
  return (
    <li className="result" data-result-id={item.id}>
      {href ? (
        <Link to={href} className="result-name">
          {name}
        </Link>
      ) : (
        <span className="result-name">{name}</span>
      )}
      {other && (
        <span className="muted secondary-name" lang={otherLocale(locale)}>
          {other}
        </span>
      )}
      <span className="result-meta muted small">
        {item.type === "institution" && `${t("search.institutionNoPage")} · `}
        {item.provinceCode && provinceName(item.provinceCode)}
      </span>
      {item.snippet && <p className="result-snippet">{item.snippet}</p>}
    </li>
  );
}
