import { useTranslation } from "react-i18next";
import { isPlanStatus } from "../model";

/** "Draft · not published" / "ฉบับร่าง · ยังไม่เผยแพร่": a plan's status and whether the public sees it. */
export function PlanStatusBadge({ status, published }: { status: string; published: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-${status}`} data-plan-status={status}>
      {isPlanStatus(status) ? t(`planEdit.statuses.${status}`) : status}
      {" · "}
      {published ? t("planEdit.published") : t("planEdit.unpublished")}
    </span>
  );
}
