import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useDocumentTitle } from "../../../components/useDocumentTitle";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName, otherName, otherLocale } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import type { ProvinceDetail as ProvinceDetailData } from "../model";
import { useProvince, useRegions } from "../queries";

export function ProvinceDetail({ code }: { code: string }) {
  const province = useProvince(code);
  return <QueryState query={province}>{(data) => <ProvinceView province={data} />}</QueryState>;
}

function ProvinceView({ province }: { province: ProvinceDetailData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const regions = useRegions();
  const name = localName(locale, province);
  useDocumentTitle(name);
  const region = regions.data?.find((r) => r.code === province.regionCode);
  const cluster = province.provincialCluster;
  const districts = [...province.districts].sort((a, b) => a.code.localeCompare(b.code));

  return (
    <article>
      <h1>
        {name}
        {otherName(locale, province) && (
          <span className="subtitle" lang={otherLocale(locale)}>
            {otherName(locale, province)}
          </span>
        )}
      </h1>
      <dl className="facts">
        <div>
          <dt>{t("provinces.code")}</dt>
          <dd>{province.code}</dd>
        </div>
        <div>
          <dt>{t("provinces.iso")}</dt>
          <dd>{province.iso || `TH-${province.code}`}</dd>
        </div>
        <div>
          <dt>{t("provinces.region")}</dt>
          <dd>{region ? localName(locale, region) : province.regionCode}</dd>
        </div>
        <div>
          <dt>{t("provinces.cluster")}</dt>
          <dd>
            {cluster ? (
              <Link to={`/provincial-clusters/${cluster.id}`}>
                {t("clusters.number", { number: formatNumber(cluster.number, locale) })} · {localName(locale, cluster)}
              </Link>
            ) : (
              t("provinces.noCluster")
            )}
          </dd>
        </div>
        <div>
          {/* The way on from the map to the firms' clusters here: the directory filtered to this province. */}
          <dt>{t("provinces.industryClusters")}</dt>
          <dd>
            <Link to={`/clusters?province=${encodeURIComponent(province.code)}`}>
              {t("provinces.industryClustersLink", { province: name })}
            </Link>
          </dd>
        </div>
      </dl>
      <section aria-labelledby="districts-heading">
        <h2 id="districts-heading">
          {t("provinces.districts")}{" "}
          <span className="muted count">
            ({t("provinces.districtCount", { count: districts.length, n: formatNumber(districts.length, locale) })})
          </span>
        </h2>
        {districts.length === 0 ? (
          <p className="state state-empty">{t("common.empty")}</p>
        ) : (
          <ul className="district-list">
            {districts.map((district) => (
              <li key={district.code}>
                <span>{localName(locale, district)}</span>
                {otherName(locale, district) && (
                  <span className="muted secondary-name" lang={otherLocale(locale)}>
                    {otherName(locale, district)}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link to="/provinces">{t("common.backTo", { page: t("provinces.backToList") })}</Link>
      </p>
    </article>
  );
}
