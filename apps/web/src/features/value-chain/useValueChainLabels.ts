import { useTranslation } from "react-i18next";
import { isLinkageKind, isStage } from "./model";

/** Stage and link-kind names in the interface language; unknown values are shown as they came. */
export function useValueChainLabels() {
  const { t } = useTranslation();
  return {
    stage: (stage: string) => (isStage(stage) ? t(`stages.${stage}`) : stage),
    linkKind: (kind: string) => (isLinkageKind(kind) ? t(`linkKinds.${kind}`) : kind),
  };
}
