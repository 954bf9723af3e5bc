import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Empty, Loading } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { ProvinceShapes } from "../../provinces/components/ProvinceShapes";
import type { ProvinceFeature } from "../../provinces/model";
import { useProvinceBoundaries } from "../../provinces/queries";
import { useBreakdownText } from "../../indicator-values/useBreakdownText";
import { useIndicatorMap } from "../queries";
import { classColour, NO_VALUE_COLOUR } from "../shading";
import { formatFigure } from "./figures";

/** Provinces shaded by the indicator's value for the period (quantile classes); click or Enter drills down. */
export function IndicatorMap({
  indicatorId,
  period,
  breakdown = "",
  onProvince,
}: {
  indicatorId: string;
  period: string;
  breakdown?: string;
  onProvince: (code: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const breakdownLabel = useBreakdownText();
  const boundaries = useProvinceBoundaries();
  const map = useIndicatorMap(indicatorId, period, breakdown);

  if (boundaries.isPending || map.isPending) return <Loading />;
  if (boundaries.isError) return <ErrorMessage error={boundaries.error} onRetry={() => void boundaries.refetch()} />;
  if (map.isError) return <ErrorMessage error={map.error} onRetry={() => void map.refetch()} />;

  const data = map.data;
  const byCode = new Map(data.items.map((item) => [item.code, item]));
  const item = (feature: ProvinceFeature) => byCode.get(feature.properties.code);
  const classCount = data.classes.length;
  const hasValues = data.items.some((i) => i.value !== null);

  return (
    <figure className="map-figure indicator-map">
      {!hasValues && <Empty>{t("dashboard.noValues")}</Empty>}
      <ProvinceShapes
        boundaries={boundaries.data}
        title={t("indicator.mapLabel", {
          indicator: data.breakdown
            ? `${localName(locale, data.indicator)} (${breakdownLabel(data.breakdown)})`
            : localName(locale, data.indicator),
        })}
        width={420}
        height={760}
        fill={(feature) => classColour(item(feature)?.classIndex ?? null, classCount)}
        label={(feature) => {
          const found = item(feature);
          const value = found?.value ?? null;
          const status = found ? t(`dashboard.statuses.${found.achievement.status}`) : "";
          return t("indicator.mapProvince", {
            province: localName(locale, feature.properties),
            value: value === null ? t("indicator.noValue") : formatFigure(value, locale),
            status,
          });
        }}
        onActivate={(feature) => onProvince(feature.properties.code)}
      />
      <figcaption>
        <p className="muted small">{t("indicator.mapHint")}</p>
        <div className="count-legend" role="group" aria-label={t("indicator.legend")}>
          <span className="muted small">{t("indicator.legend")}:</span>
          <span className="legend-item">
            <span className="swatch" style={{ background: NO_VALUE_COLOUR }} aria-hidden="true" />
            {t("indicator.noValue")}
          </span>
          {data.classes.map((c, index) => (
            <span key={`${c.from}-${c.to}`} className="legend-item" data-legend-class={index}>
              <span className="swatch" style={{ background: classColour(index, classCount) }} aria-hidden="true" />
              {c.from === c.to
                ? formatFigure(c.from, locale)
                : `${formatFigure(c.from, locale)}–${formatFigure(c.to, locale)}`}
              <span className="muted small"> ({t("indicator.provinces", { count: c.count, n: c.count })})</span>
            </span>
          ))}
        </div>
        <p className="map-credit">{t("map.credit")}</p>
      </figcaption>
    </figure>
  );
}
