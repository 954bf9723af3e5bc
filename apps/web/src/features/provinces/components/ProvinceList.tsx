import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName, otherName, otherLocale } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import { useProvinces, useRegions } from "../queries";
import { TableScroll } from "../../../components/TableScroll";

interface ProvinceListProps {
  /** Name of a provincial cluster by id, when the page has them; adds a column. */
  clusterName?: (id: number) => string | null;
}

/** Provinces with a region filter kept in the address (`?region=`), so a filtered list can be shared. */
export function ProvinceList({ clusterName }: ProvinceListProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const region = params.get("region");
  const regions = useRegions();
  const provinces = useProvinces(region);
  const selectId = useId();

  const regionName = (code: string) => {
    const found = regions.data?.find((r) => r.code === code);
    return found ? localName(locale, found) : code;
  };

  return (
    <>
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor={selectId}>{t("provinces.region")}</label>
          <select
            id={selectId}
            value={region ?? ""}
            onChange={(event) => {
              const next = new URLSearchParams(params);
              if (event.target.value) next.set("region", event.target.value);
              else next.delete("region");
              setParams(next, { replace: true });
            }}
          >
            <option value="">{t("provinces.allRegions")}</option>
            {regions.data?.map((r) => (
              <option key={r.code} value={r.code}>
                {localName(locale, r)}
              </option>
            ))}
          </select>
        </div>
        {provinces.data && (
          <p className="muted" aria-live="polite">
            {t("provinces.count", { count: provinces.data.length, n: formatNumber(provinces.data.length, locale) })}
          </p>
        )}
      </div>
      <QueryState query={provinces} isEmpty={(items) => items.length === 0}>
        {(items) => (
          <TableScroll label={t("provinces.title")}>
            <table className="table">
              <caption className="visually-hidden">{t("provinces.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("provinces.code")}</th>
                  <th scope="col">{t("common.name")}</th>
                  <th scope="col">{t("provinces.region")}</th>
                  {clusterName && <th scope="col">{t("provinces.cluster")}</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((province) => (
                  <tr key={province.code}>
                    <td className="num">{province.code}</td>
                    <td>
                      <Link to={`/provinces/${province.code}`}>{localName(locale, province)}</Link>
                      {otherName(locale, province) && (
                        <span className="muted secondary-name" lang={otherLocale(locale)}>
                          · {otherName(locale, province)}
                        </span>
                      )}
                    </td>
                    <td>{regionName(province.regionCode)}</td>
                    {clusterName && (
                      <td>
                        {province.provincialClusterId ? (
                          <Link to={`/provincial-clusters/${province.provincialClusterId}`}>
                            {clusterName(province.provincialClusterId) ?? province.provincialClusterId}
                          </Link>
                        ) : (
                          <span className="muted">{t("provinces.noCluster")}</span>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryState>
    </>
  );
}
