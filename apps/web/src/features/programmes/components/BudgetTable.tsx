import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { fiscalYearLabel } from "../../../lib/format";
import { formatBaht, overspendOf } from "../model";
import { useDeleteBudgetMutation } from "../mutations";
import { useProgrammeBudgets } from "../queries";
import { BudgetForm } from "./BudgetForm";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { TableScroll } from "../../../components/TableScroll";

/** Allocations and spending per fiscal year and cluster; spending above the allocation is flagged in words. Editors add, edit and delete lines. */
export function BudgetTable({
  programmeId,
  canEdit,
  years,
}: {
  programmeId: string;
  canEdit: boolean;
  years: readonly number[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const budgets = useProgrammeBudgets(programmeId);
  const remove = useDeleteBudgetMutation(programmeId);
  // "new" adds a line; an id edits that line.
  // The line being edited, "new" for a line being added, or null.
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const lines = budgets.data ?? [];
  const editedLine = editing === null || editing === "new" ? null : (lines.find((b) => b.id === editing) ?? null);
  const saved = () => {
    setEditing(null);
    setNotice(t("programmeAdmin.budgetSaved"));
  };
  return (
    <section aria-labelledby="budget-title">
      <h2 id="budget-title">{t("programmes.budgetTitle")}</h2>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {remove.isError && <ErrorMessage error={remove.error} />}
      {canEdit && editing === null && (
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setEditing("new");
            setNotice(null);
          }}
        >
          {t("programmeAdmin.addBudget")}
        </button>
      )}
      {editing !== null && (editing === "new" || editedLine) && (
        <BudgetForm
          key={editing}
          programmeId={programmeId}
          years={years}
          line={editedLine}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      <QueryState query={budgets} isEmpty={(items) => items.length === 0} empty={t("programmes.budgetEmpty")}>
        {(items) => (
          <TableScroll label={t("programmes.budgetTitle")}>
            <table className="table" data-testid="budget-lines">
              <thead>
                <tr>
                  <th scope="col">{t("programmes.years")}</th>
                  <th scope="col">{t("programmes.cluster")}</th>
                  <th scope="col">{t("programmes.budgetAllocated")}</th>
                  <th scope="col">{t("programmes.budgetSpent")}</th>
                  <th scope="col">{t("programmes.note")}</th>
                  {canEdit && <th scope="col">{t("programmeAdmin.actions")}</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((b) => {
                  const year = fiscalYearLabel(b.fiscalYear, locale);
                  const cluster =
                    b.clusterId === null
                      ? t("programmes.programmeWide")
                      : localName(locale, { nameTh: b.clusterNameTh, nameEn: b.clusterNameEn }) ||
                        (b.clusterCode ?? "");
                  const over = overspendOf(b);
                  return (
                    <tr key={b.id} className={over !== null ? "row-warning" : undefined}>
                      <td>{year}</td>
                      <td>{cluster}</td>
                      <td>{formatBaht(b.allocated, locale)}</td>
                      <td>
                        {b.spent === null ? t("common.none") : formatBaht(b.spent, locale)}
                        {b.overspent && (
                          <strong className="tag tag-warning">
                            {" ⚠ "}
                            {over === null
                              ? t("programmes.overspent")
                              : t("programmeAdmin.overspentBy", { amount: formatBaht(over, locale) })}
                          </strong>
                        )}
                      </td>
                      <td>{b.note ?? ""}</td>
                      {canEdit && (
                        <td>
                          <button
                            type="button"
                            className="button button-small button-secondary"
                            aria-label={t("programmeAdmin.editBudgetLabel", { year, cluster })}
                            onClick={() => {
                              setEditing(b.id);
                              setNotice(null);
                            }}
                          >
                            {t("common.edit")}
                          </button>{" "}
                          <ConfirmButton
                            label={t("programmeAdmin.delete")}
                            accessibleLabel={t("programmeAdmin.deleteBudgetLabel", { year, cluster })}
                            question={t("programmeAdmin.confirmDeleteBudget", {
                              year,
                              cluster,
                              amount: formatBaht(b.allocated, locale),
                            })}
                            confirmLabel={t("programmeAdmin.confirmDeleteYes")}
                            pending={remove.isPending}
                            onConfirm={() =>
                              remove.mutate(b.id, { onSuccess: () => setNotice(t("programmeAdmin.budgetDeleted")) })
                            }
                          />
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryState>
    </section>
  );
}
