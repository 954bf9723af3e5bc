import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { Pagination } from "../components/Pagination";
import { QueryState } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useLocale } from "../i18n";
import { localName } from "../lib/bilingual";
import { CatalogueCards } from "../features/catalogue/components/CatalogueCards";
import { CERTIFICATION_KINDS } from "../features/catalogue/model";
import { CATALOGUE_PAGE_SIZE, useCatalogue, type CatalogueFilters } from "../features/catalogue/queries";
import { useProvinces } from "../features/provinces/queries";

const CATEGORIES = ["A", "C", "G"] as const;

/** The public product catalogue: Thai or English words, province, certification and category, a page of cards. */
export function CataloguePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t("catalogue.title"));
  const [params, setParams] = useSearchParams();
  const filters: CatalogueFilters = {
    q: params.get("q") ?? "",
    province: params.get("province") ?? "",
    certification: params.get("certification") ?? "",
    category: params.get("category") ?? "",
    page: Math.max(1, Number(params.get("page") ?? "1") || 1),
  };
  const [typed, setTyped] = useState(filters.q);
  const results = useCatalogue(filters);
  const provinces = useProvinces();
  const provinceName = (code: string | null) => {
    const found = provinces.data?.find((p) => p.code === code);
    return found ? localName(locale, found) : (code ?? "");
  };
  const update = (changes: Partial<CatalogueFilters>) => {
    const next = { ...filters, page: 1, ...changes };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next))
      if (value !== "" && !(key === "page" && value === 1)) search.set(key, String(value));
    setParams(search);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update({ q: typed.trim() });
  };

  return (
    <>
      <h1>{t("catalogue.title")}</h1>
      <p className="lead">{t("catalogue.intro")}</p>
      <form className="form catalogue-search" role="search" onSubmit={submit}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="catalogue-q">{t("catalogue.searchLabel")}</label>
            <input
              id="catalogue-q"
              type="search"
              value={typed}
              placeholder={t("catalogue.searchPlaceholder")}
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="catalogue-province">{t("catalogue.province")}</label>
            <select
              id="catalogue-province"
              value={filters.province}
              onChange={(e) => update({ province: e.target.value })}
            >
              <option value="">{t("catalogue.anyProvince")}</option>
              {(provinces.data ?? []).map((p) => (
                <option key={p.code} value={p.code}>
                  {localName(locale, p)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="catalogue-certification">{t("catalogue.certification")}</label>
            <select
              id="catalogue-certification"
              value={filters.certification}
              onChange={(e) => update({ certification: e.target.value })}
            >
              <option value="">{t("catalogue.anyCertification")}</option>
              {CERTIFICATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`catalogue.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="catalogue-category">{t("catalogue.category")}</label>
            <select
              id="catalogue-category"
              value={filters.category}
              onChange={(e) => update({ category: e.target.value })}
            >
              <option value="">{t("catalogue.anyCategory")}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`catalogue.categories.${c}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p>
          <button type="submit" className="button button-primary">
            {t("catalogue.search")}
          </button>
        </p>
      </form>
      <QueryState query={results} isEmpty={(r) => r.items.length === 0} empty={t("catalogue.none")}>
        {(r) => (
          <>
            <p aria-live="polite">
              {r.totalIsEstimate
                ? t("catalogue.resultsAbout", { count: r.total })
                : t("catalogue.results", { count: r.total })}
            </p>
            <CatalogueCards items={r.items} provinceName={provinceName} />
            <Pagination
              page={r.page}
              pageSize={CATALOGUE_PAGE_SIZE}
              total={r.total}
              onPage={(page) => update({ page })}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
