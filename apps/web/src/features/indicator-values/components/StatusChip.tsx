import { useTranslation } from "react-i18next";

const TONE: Record<string, string> = {
  draft: "tag",
  submitted: "tag",
  approved: "tag tag-ok",
  rejected: "tag tag-off",
};

/** The workflow state of a value, in words (draft, submitted, approved, rejected). */
export function StatusChip({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = status === "draft" || status === "submitted" || status === "approved" || status === "rejected";
  return (
    <span className={`${TONE[status] ?? "tag"} status-${status}`}>
      {known ? t(`values.statuses.${status}`) : status}
    </span>
  );
}
