import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { displayYear } from "../../../lib/format";
import type { IndicatorTrend } from "../model";
import { formatFigure } from "./figures";

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 64, right: 16, top: 16, bottom: 36 };

/** The level a target asks for, when it names one (absolute, range floor, band reference); else null. */
function targetLevel(target: unknown): number | null {
  if (typeof target !== "object" || target === null) return null;
  const record = new Map(Object.entries(target));
  const kind = record.get("kind");
  const pick = (key: string) => {
    const value = record.get(key);
    return typeof value === "number" ? value : null;
  };
  if (kind === "absolute") return pick("value");
  if (kind === "range" || kind === "share") return pick("min");
  if (kind === "band") return pick("reference");
  return null;
}

/**
 * Actual per fiscal year as a line with points, and the target level (where the target names one) as a
 * dashed step line: hand-written SVG (no chart library, nothing added to the bundle), with a table of the
 * same figures for screen readers and keyboard users.
 */
export function TrendChart({ trend }: { trend: IndicatorTrend }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const points = trend.items.map((item) => ({
    year: item.fiscalYear,
    value: item.value,
    target: targetLevel(item.target),
    status: item.achievement.status,
  }));
  const figures = points.flatMap((p) => [p.value, p.target]).filter((v): v is number => v !== null);
  const min = Math.min(0, ...figures);
  const max = Math.max(1, ...figures);
  const span = max - min || 1;
  const x = (index: number) =>
    PAD.left + (points.length <= 1 ? 0 : (index * (WIDTH - PAD.left - PAD.right)) / (points.length - 1));
  const y = (value: number) => PAD.top + ((max - value) * (HEIGHT - PAD.top - PAD.bottom)) / span;
  const line = (pick: (p: (typeof points)[number]) => number | null) => {
    let d = "";
    let pen = false;
    points.forEach((p, index) => {
      const value = pick(p);
      if (value === null) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${x(index).toFixed(1)},${y(value).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };
  const ticks = [min, min + span / 2, max];
  const yearLabel = (year: number) => String(displayYear(year, locale));

  return (
    <figure className="trend-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t("indicator.trendLabel")}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="trend-grid" />
            <text x={PAD.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" className="trend-axis">
              {formatFigure(tick, locale)}
            </text>
          </g>
        ))}
        {points.map((p, index) => (
          <text key={p.year} x={x(index)} y={HEIGHT - 12} textAnchor="middle" className="trend-axis">
            {yearLabel(p.year)}
          </text>
        ))}
        <path d={line((p) => p.target)} className="trend-target" />
        <path d={line((p) => p.value)} className="trend-actual" />
        {points.map((p, index) =>
          p.value === null ? null : (
            <circle key={p.year} cx={x(index)} cy={y(p.value)} r={4} className={`trend-point trend-${p.status}`} />
          ),
        )}
      </svg>
      <figcaption className="small">
        <span className="legend-item">
          <span className="trend-key trend-key-actual" aria-hidden="true" /> {t("indicator.actualLine")}
        </span>
        <span className="legend-item">
          <span className="trend-key trend-key-target" aria-hidden="true" /> {t("indicator.targetLine")}
        </span>
      </figcaption>
      <details>
        <summary>{t("indicator.trendTable")}</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.year")}</th>
              <th scope="col" className="num">
                {t("dashboard.actual")}
              </th>
              <th scope="col" className="num">
                {t("indicator.targetLevel")}
              </th>
              <th scope="col">{t("dashboard.status")}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.year}>
                <th scope="row">{yearLabel(p.year)}</th>
                <td className="num">{formatFigure(p.value, locale)}</td>
                <td className="num">{formatFigure(p.target, locale)}</td>
                <td>{t(`dashboard.statuses.${p.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
