import { useTranslation } from "react-i18next";
import { useLocale } from "../../i18n";
import { localName } from "../../lib/bilingual";
import { useClusterMembers, type RecordId } from "../clusters/queries";
import { formatJuristicId } from "../enterprises/juristic-id";
import { isStage, type Stage } from "./model";

/** Names and stages of a cluster's current members by enterprise id, for the analysis and suggestions. */
export function useMemberDirectory(clusterId: RecordId) {
  const { t } = useTranslation();
  const locale = useLocale();
  const members = useClusterMembers(clusterId, false);
  const find = (id: RecordId) => members.data?.find((m) => String(m.enterpriseId) === String(id)) ?? null;
  return {
    name: (id: RecordId): string => {
      const member = find(id);
      if (!member) return t("analysis.memberFallback", { id });
      return (
        localName(locale, member) ||
        (member.juristicId ? formatJuristicId(member.juristicId) : t("analysis.memberFallback", { id }))
      );
    },
    stage: (id: RecordId): Stage | null => {
      const stage = find(id)?.stage;
      return isStage(stage) ? stage : null;
    },
  };
}
