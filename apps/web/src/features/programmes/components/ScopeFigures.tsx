import { useTranslation } from "react-i18next";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { fiscalYearLabel, formatNumber } from "../../../lib/format";
import { formatBaht } from "../model";
import { useScopeFigures } from "../queries";
import { useRatioText } from "./FiguresComparison";
import { TableScroll } from "../../../components/TableScroll";

/** The de-duplicated figures across an agency's programmes or the nation's, with agencies' reports listed apart. */
export function ScopeFigures({
  agencyId,
  fiscalYear,
  programmeName,
}: {
  agencyId: string;
  fiscalYear: string;
  programmeName: (id: number) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ratio = useRatioText();
  const figures = useScopeFigures(agencyId, fiscalYear);
  return (
    <QueryState query={figures}>
      {(f) => {
        const r = f.recorded;
        const rows: Array<[string, string]> = [
          [t("programmes.programmesCount"), formatNumber(f.programmes, locale)],
          [t("programmes.clusters"), formatNumber(r.clusters, locale)],
          [t("programmes.firms"), formatNumber(r.firms, locale)],
          [t("programmes.budgetAllocated"), formatBaht(r.budgetAllocated, locale)],
          [t("programmes.budgetSpent"), formatBaht(r.budgetSpent, locale)],
          [t("programmes.budgetPerFirm"), ratio(r.budgetPerFirm, "baht")],
          [t("programmes.valueVerified"), formatBaht(r.value.verified, locale)],
          [t("programmes.valueClaimed"), formatBaht(r.value.claimed, locale)],
          [t("programmes.valuePerBaht"), ratio(r.valuePerBaht, "number")],
        ];
        return (
          <>
            <h2>{t("programmes.recorded")}</h2>
            <dl className="facts" data-testid="scope-figures">
              {rows.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            <p className="muted small">
              {t("programmes.basisRecorded", { including: ratio(r.valuePerBahtIncludingClaimed, "number") })}{" "}
              {t("programmes.firmsRecordedNote")}
              {r.anonymousParticipants > 0 &&
                ` ${t("programmes.anonymousParticipants")}: ${formatNumber(r.anonymousParticipants, locale)}.`}
            </p>
            {f.reported.length > 0 && (
              <>
                <h2>{t("programmes.reportedList")}</h2>
                <TableScroll label={t("programmes.reportedList")}>
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">{t("programmes.title")}</th>
                        <th scope="col">{t("programmes.years")}</th>
                        <th scope="col">{t("programmes.clusters")}</th>
                        <th scope="col">{t("programmes.firms")}</th>
                        <th scope="col">{t("programmes.budget")}</th>
                        <th scope="col">{t("programmes.value")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {f.reported.map((rep) => (
                        <tr key={`${rep.programmeId}-${rep.fiscalYear}`}>
                          <td>{programmeName(rep.programmeId)}</td>
                          <td>{fiscalYearLabel(rep.fiscalYear, locale)}</td>
                          <td>
                            {rep.clusters === null ? t("programmes.notReported") : formatNumber(rep.clusters, locale)}
                          </td>
                          <td>{rep.firms === null ? t("programmes.notReported") : formatNumber(rep.firms, locale)}</td>
                          <td>
                            {rep.budget === null
                              ? t("programmes.notReported")
                              : `${formatBaht(rep.budget, locale)} (${rep.budgetKind === "planned" ? t("programmes.budgetPlanned") : t("programmes.budgetAllocated")})`}
                          </td>
                          <td>
                            {rep.value === null
                              ? t("programmes.notReported")
                              : `${formatBaht(rep.value, locale)} (${rep.valueKind === "actual" ? t("programmes.valueActual") : t("programmes.valueExpected")})`}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
