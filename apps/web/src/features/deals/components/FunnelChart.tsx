import type { MarketFigures } from "@sainam/contract";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";

const WIDTH = 640;
const ROW = 30;
const LABEL = 190;

/**
 * The funnel from participants to orders as horizontal bars: hand-written SVG like the services and dashboard
 * charts (no chart library), with the same figures in a table for screen readers and keyboard users.
 */
export function FunnelChart({ funnel }: { funnel: MarketFigures["funnel"] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const max = Math.max(1, ...funnel.map((row) => row.count));
  const barWidth = (n: number) => (n * (WIDTH - LABEL - 70)) / max;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${funnel.length * ROW + 8}`}
        role="img"
        aria-label={t("deals.funnelChart")}
        className="trend-chart"
        data-testid="funnel-chart"
      >
        {funnel.map((row, i) => {
          const y = 4 + i * ROW;
          const w = barWidth(row.count);
          return (
            <g key={row.step}>
              <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end" fontSize="12">
                {t(`deals.steps.${row.step}`)}
              </text>
              <rect x={LABEL} y={y + 4} width={w} height={ROW - 10} fill="var(--accent, #1f5fa8)">
                <title>{`${t(`deals.steps.${row.step}`)}: ${formatNumber(row.count, locale)}`}</title>
              </rect>
              <text x={LABEL + w + 6} y={y + ROW / 2 + 4} fontSize="12">
                {formatNumber(row.count, locale)}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{t("serviceFigures.asTable")}</summary>
        <table className="data-table" data-testid="funnel-table">
          <thead>
            <tr>
              <th scope="col">{t("deals.funnel")}</th>
              <th scope="col">{t("deals.count")}</th>
              <th scope="col">{t("deals.firms")}</th>
            </tr>
          </thead>
          <tbody>
            {funnel.map((row) => (
              <tr key={row.step}>
                <th scope="row">{t(`deals.steps.${row.step}`)}</th>
                <td>{formatNumber(row.count, locale)}</td>
                <td>{formatNumber(row.firms, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
