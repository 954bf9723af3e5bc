import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { fiscalYearLabel, formatNumber } from "../../../lib/format";
import {
  formatBaht,
  formatRatio,
  type ProgrammeFigures,
  type Ratio,
  type RecordedFigures,
  type ReportedFigures,
} from "../model";
import { TableScroll } from "../../../components/TableScroll";

/** Says why a ratio has no value (no firms, no budget) instead of showing a division by zero. */
export function useRatioText() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (ratio: Ratio, kind: "baht" | "number", missing?: string): string => {
    const text = formatRatio(ratio, locale, kind);
    if (text !== null) return text;
    if (ratio.reason === "no_firms") return t("programmes.noFirms");
    if (ratio.reason === "no_budget") return t("programmes.noBudget");
    return missing ?? t("programmes.notReported");
  };
}

function useReportedColumn({ reported }: { reported: ReportedFigures | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ratio = useRatioText();
  const none = t("programmes.notReported");
  const n = (value: number | null) => (value === null ? none : formatNumber(value, locale));
  const baht = (value: number | null) => (value === null ? none : formatBaht(value, locale));
  if (!reported)
    return {
      clusters: none,
      firms: none,
      budget: none,
      spent: none,
      perFirm: none,
      value: none,
      claimed: none,
      perBaht: none,
      basis: null,
    };
  const budgetLabel =
    reported.budgetKind === "planned" ? t("programmes.budgetPlanned") : t("programmes.budgetAllocated");
  const valueLabel = reported.valueKind === "actual" ? t("programmes.valueActual") : t("programmes.valueExpected");
  return {
    clusters: n(reported.clusters),
    firms: n(reported.firms),
    budget: reported.budget === null ? none : `${baht(reported.budget)} (${budgetLabel})`,
    spent: none,
    perFirm: reported.budget === null ? none : ratio(reported.budgetPerFirm, "baht"),
    value: reported.value === null ? none : `${baht(reported.value)} (${valueLabel})`,
    claimed: none,
    perBaht: reported.value === null ? none : ratio(reported.valuePerBaht, "number"),
    basis: reported.value === null ? null : t("programmes.basisReported", { value: valueLabel, budget: budgetLabel }),
  };
}

function recordedColumn(recorded: RecordedFigures, locale: "th" | "en", ratio: ReturnType<typeof useRatioText>) {
  return {
    clusters: formatNumber(recorded.clusters, locale),
    firms: formatNumber(recorded.firms, locale),
    budget: formatBaht(recorded.budgetAllocated, locale),
    spent: formatBaht(recorded.budgetSpent, locale),
    perFirm: ratio(recorded.budgetPerFirm, "baht"),
    value: formatBaht(recorded.value.verified, locale),
    claimed: formatBaht(recorded.value.claimed, locale),
    perBaht: ratio(recorded.valuePerBaht, "number"),
  };
}

/** One fiscal year's figures: the agency's reported aggregates beside what Sainam recorded, clearly labelled. */
export function FiguresYear({ year }: { year: ProgrammeFigures["years"][number] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ratio = useRatioText();
  const reported = useReportedColumn({ reported: year.reported });
  const recorded = recordedColumn(year.recorded, locale, ratio);
  const rows: Array<[string, string, string]> = [
    [t("programmes.clusters"), reported.clusters, recorded.clusters],
    [t("programmes.firms"), reported.firms, recorded.firms],
    [t("programmes.budget"), reported.budget, recorded.budget],
    [t("programmes.budgetSpent"), reported.spent, recorded.spent],
    [t("programmes.budgetPerFirm"), reported.perFirm, recorded.perFirm],
    [t("programmes.value"), reported.value, `${recorded.value} (${t("programmes.valueVerified")})`],
    [t("programmes.valueClaimed"), reported.claimed, recorded.claimed],
    [t("programmes.valuePerBaht"), reported.perBaht, recorded.perBaht],
  ];
  const headingId = `fy-${year.fiscalYear}`;
  return (
    <section className="figures-year" aria-labelledby={headingId} data-fiscal-year={year.fiscalYear}>
      <h3 id={headingId}>{fiscalYearLabel(year.fiscalYear, locale)}</h3>
      <TableScroll label={fiscalYearLabel(year.fiscalYear, locale)}>
        <table className="table figures-table">
          <thead>
            <tr>
              <th scope="col">{t("programmes.metric")}</th>
              <th scope="col">{t("programmes.reported")}</th>
              <th scope="col">{t("programmes.recorded")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, left, right]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td data-column="reported">{left}</td>
                <td data-column="recorded">{right}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ul className="muted small figure-notes">
        <li>
          <strong>{t("programmes.reported")}:</strong> {t("programmes.reportedNote")}
          {year.reported && ` ${t("programmes.source")}: ${year.reported.source}`}
        </li>
        {reported.basis && <li>{reported.basis}</li>}
        <li>
          <strong>{t("programmes.recorded")}:</strong> {t("programmes.recordedNote")}{" "}
          {t("programmes.basisRecorded", { including: ratio(year.recorded.valuePerBahtIncludingClaimed, "number") })}
        </li>
        <li>{t("programmes.firmsRecordedNote")}</li>
        {year.recorded.anonymousParticipants > 0 && (
          <li>
            {t("programmes.anonymousParticipants")}: {formatNumber(year.recorded.anonymousParticipants, locale)}
          </li>
        )}
        {year.recorded.overspentLines > 0 && <li className="field-error">{t("programmes.overspent")}</li>}
      </ul>
      {year.recorded.outcomes.length > 0 && (
        <p className="small">
          {t("programmes.outcomesTitle")}:{" "}
          {year.recorded.outcomes
            .map(
              (o) =>
                `${t(`programmes.outcomeKinds.${o.kind}`, { defaultValue: o.kind })} ${o.amount > 0 ? formatBaht(o.amount, locale) : formatNumber(o.count, locale)}`,
            )
            .join(" · ")}
        </p>
      )}
    </section>
  );
}
