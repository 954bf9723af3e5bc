import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { apiSend } from "../../../api/client";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";
import { valueKeys } from "../../indicator-values/queries";

/**
 * Above the value grid of an indicator computed from the firms' service ratings: says so (people do not type its
 * values), and lets those who enter the plan's values compute the period's value, which is then a draft to submit
 * for approval like any other.
 */
export function ComputedValueNotice({
  indicatorId,
  periodKey,
  periodText,
  canCompute,
}: {
  indicatorId: number;
  periodKey: string;
  periodText: string;
  canCompute: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const compute = useMutation({
    mutationFn: () =>
      apiSend("POST", `/api/indicators/${indicatorId}/computed-values`, { periodKey }, (c) => c.computedValueResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: valueKeys.all }),
  });
  const answer = compute.data;
  return (
    <div className="alert alert-info" role="status">
      <p>{t("caseWork.computedNotice")}</p>
      {compute.isError && <ErrorMessage error={compute.error} />}
      {answer && (
        <p>
          {answer.percent === null
            ? t("caseWork.computedNone", { period: periodText })
            : t("caseWork.computedResult", {
                period: periodText,
                percent: formatNumber(answer.percent, locale, { maximumFractionDigits: 1 }),
                count: answer.ratings,
              })}
        </p>
      )}
      {canCompute && (
        <button
          type="button"
          className="button button-secondary"
          disabled={compute.isPending}
          onClick={() => compute.mutate()}
        >
          {compute.isPending ? t("common.saving") : t("caseWork.compute", { period: periodText })}
        </button>
      )}
    </div>
  );
}
