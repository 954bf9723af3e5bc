import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { Pagination } from "../../../components/Pagination";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";
import { useCurrentUser } from "../../auth/queries";
import { useProvinceName } from "../../provinces/useProvinceName";
import { clusterFiltersFrom, type ClusterFilters } from "../model";
import { CLUSTER_PAGE_SIZE, useClusters } from "../queries";
import { ClusterFilterBar } from "./ClusterFilterBar";
import { ClusterProvinceMap } from "./ClusterProvinceMap";
import { ClusterTable } from "./ClusterTable";

const FILTER_PARAMS: Record<keyof ClusterFilters, string> = {
  kind: "kind",
  region: "region",
  province: "province",
  provincialCluster: "provincialCluster",
  status: "status",
  topLevel: "top",
};

const FILTER_KEYS = [
  "kind",
  "region",
  "province",
  "provincialCluster",
  "status",
  "topLevel",
] as const satisfies readonly (keyof ClusterFilters)[];

function pageOf(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The cluster directory: filters, a list or a map (by province) view, and pages — all kept in the address. */
export function ClusterDirectory() {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const provinceName = useProvinceName();
  const [params, setParams] = useSearchParams();
  const filters = clusterFiltersFrom(params);
  const page = pageOf(params.get("page"));
  const view = params.get("view") === "map" ? "map" : "list";
  const clusters = useClusters(filters, page);

  const update = (changes: Partial<ClusterFilters>, extra: Record<string, string | null> = {}) => {
    const next = new URLSearchParams(params);
    for (const key of FILTER_KEYS) {
      const value = changes[key];
      if (value === undefined) continue;
      const name = FILTER_PARAMS[key];
      if (value === "" || value === false) next.delete(name);
      else next.set(name, value === true ? "1" : String(value));
    }
    next.delete("page");
    for (const [key, value] of Object.entries(extra)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const setPage = (next: number) => {
    const search = new URLSearchParams(params);
    if (next > 1) search.set("page", String(next));
    else search.delete("page");
    setParams(search);
  };

  const clear = () => {
    const next = new URLSearchParams();
    if (view === "map") next.set("view", "map");
    setParams(next, { replace: true });
  };

  const canCreate = user?.role === "admin" || user?.role === "agency_officer";

  const list = (
    <QueryState query={clusters} isEmpty={(data) => data.items.length === 0} empty={t("registry.noResults")}>
      {(data) => (
        <>
          <p className="muted" aria-live="polite">
            {filters.province && `${t("registry.filteredByProvince", { province: provinceName(filters.province) })} · `}
            {t("registry.count", { count: data.total, n: formatNumber(data.total, locale) })}
          </p>
          <ClusterTable clusters={data.items} />
          <Pagination
            page={data.page}
            pageSize={data.pageSize || CLUSTER_PAGE_SIZE}
            total={data.total}
            onPage={setPage}
          />
        </>
      )}
    </QueryState>
  );

  return (
    <>
      <div className="toolbar">
        <div className="view-switch" role="group" aria-label={t("registry.view")}>
          <button
            type="button"
            className="button button-secondary button-small"
            aria-pressed={view === "list"}
            onClick={() => update({}, { view: null })}
          >
            {t("registry.listView")}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            aria-pressed={view === "map"}
            onClick={() => update({}, { view: "map" })}
          >
            {t("registry.mapView")}
          </button>
        </div>
        {canCreate && (
          <Link className="button button-primary" to="/clusters/new">
            {t("registry.create")}
          </Link>
        )}
      </div>
      <ClusterFilterBar filters={filters} onChange={(changes) => update(changes)} onClear={clear} />
      {view === "map" ? (
        <div className="map-layout cluster-map-layout">
          <ClusterProvinceMap
            filters={filters}
            onProvince={(code) => update({ province: code === filters.province ? "" : code })}
          />
          <div>{list}</div>
        </div>
      ) : (
        list
      )}
    </>
  );
}
