import type { ApprovalState } from "@sainam/contract";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { intlLocale } from "../../../lib/format";

/**
 * Where a submitted value stands in its approval: the level it waits on (when the plan asks for more than one),
 * the levels approved so far, and who can approve it now — each office with its officers' names, or a word that
 * the office has no officer yet.
 */
export function ApprovalProgress({ state }: { state: ApprovalState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = (items: string[]) => new Intl.ListFormat(intlLocale(locale), { type: "conjunction" }).format(items);
  const agencies = state.approvers.map((a) => {
    const name = pickLocalized(locale, a.nameTh, a.nameEn);
    return a.officers.length === 0 ? t("values.noOfficer", { agency: name }) : `${name} (${list(a.officers)})`;
  });
  const steps = state.steps.map((s) =>
    t("values.stepLabel", {
      level: s.level,
      agency: s.agencyNameEn === null ? t("values.stepByAdmin") : pickLocalized(locale, s.agencyNameTh, s.agencyNameEn),
    }),
  );
  return (
    <div className="small muted approval-progress" data-approval-level={state.level}>
      {state.levels > 1 && <div>{t("values.approvalLevel", { level: state.level, levels: state.levels })}</div>}
      {steps.length > 0 && <div>{t("values.approvedSteps", { steps: list(steps) })}</div>}
      {agencies.length > 0 && (
        <div className="approvers">{t("values.whoCanApprove", { agencies: list(agencies) })}</div>
      )}
    </div>
  );
}
