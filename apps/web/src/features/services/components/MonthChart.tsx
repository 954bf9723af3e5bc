import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";
import { monthLabel } from "../model";

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 48, right: 8, top: 12, bottom: 40 };

/**
 * Requests filed per month as bars: hand-written SVG like the dashboard's trend chart (no chart library), with the
 * same figures in a table for screen readers and keyboard users.
 */
export function MonthChart({ months }: { months: readonly { month: string; requests: number }[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const max = Math.max(1, ...months.map((m) => m.requests));
  const band = (WIDTH - PAD.left - PAD.right) / Math.max(1, months.length);
  const height = (n: number) => (n * (HEIGHT - PAD.top - PAD.bottom)) / max;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t("serviceFigures.byMonthChart")}
        className="trend-chart"
      >
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={HEIGHT - PAD.bottom}
          y2={HEIGHT - PAD.bottom}
          stroke="currentColor"
        />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11">
          {formatNumber(max, locale)}
        </text>
        {months.map((m, i) => {
          const h = height(m.requests);
          const x = PAD.left + i * band + band * 0.15;
          return (
            <g key={m.month}>
              <rect x={x} y={HEIGHT - PAD.bottom - h} width={band * 0.7} height={h} fill="var(--accent, #1f5fa8)">
                <title>{`${monthLabel(m.month, locale)}: ${formatNumber(m.requests, locale)}`}</title>
              </rect>
              {(months.length <= 12 || i % Math.ceil(months.length / 12) === 0) && (
                <text x={x + band * 0.35} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" fontSize="10">
                  {monthLabel(m.month, locale)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{t("serviceFigures.asTable")}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("serviceFigures.month")}</th>
              <th scope="col">{t("serviceFigures.requests")}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <td>{monthLabel(m.month, locale)}</td>
                <td>{formatNumber(m.requests, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
