import { useTranslation } from "react-i18next";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { fiscalYearLabel } from "../../../lib/format";
import { formatBaht } from "../model";
import { useProgrammeBudgets } from "../queries";

/** Allocations and spending per fiscal year and cluster; spending above the allocation is flagged. */
export function BudgetTable({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const budgets = useProgrammeBudgets(programmeId);
  return (
    <section aria-labelledby="budget-title">
      <h2 id="budget-title">{t("programmes.budgetTitle")}</h2>
      <QueryState query={budgets} isEmpty={(items) => items.length === 0} empty={t("programmes.budgetEmpty")}>
        {(items) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("programmes.years")}</th>
                  <th scope="col">{t("programmes.cluster")}</th>
                  <th scope="col">{t("programmes.budgetAllocated")}</th>
                  <th scope="col">{t("programmes.budgetSpent")}</th>
                  <th scope="col">{t("programmes.note")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((b) => (
                  <tr key={b.id}>
                    <td>{fiscalYearLabel(b.fiscalYear, locale)}</td>
                    <td>{b.clusterId === null ? t("programmes.programmeWide") : localName(locale, { nameTh: b.clusterNameTh, nameEn: b.clusterNameEn })}</td>
                    <td>{formatBaht(b.allocated, locale)}</td>
                    <td>
                      {b.spent === null ? t("common.none") : formatBaht(b.spent, locale)}
                      {b.overspent && <span className="tag tag-warning"> {t("programmes.overspent")}</span>}
                    </td>
                    <td>{b.note ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
