import { useTranslation } from "react-i18next";
import { isAchievementReason, type Achievement } from "../model";
import { STATUS_CLASS } from "../shading";

/** The achievement status as a coloured chip with its word, and the reason in words beside it. */
export function StatusChip({ achievement, showReason = true }: { achievement: Achievement; showReason?: boolean }) {
  const { t } = useTranslation();
  const reason = isAchievementReason(achievement.reason)
    ? t(`dashboard.reasons.${achievement.reason}`)
    : achievement.reason;
  return (
    <span className="status-cell">
      <span
        className={`status-chip ${STATUS_CLASS[achievement.status]}`}
        data-status={achievement.status}
        title={reason}
      >
        {t(`dashboard.statuses.${achievement.status}`)}
      </span>
      {showReason && <span className="status-reason small muted">{reason}</span>}
    </span>
  );
}
