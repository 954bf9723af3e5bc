import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { isPlanNodeKind, type PlanNode } from "../model";

/** "ยุทธศาสตร์" / "Strategy" for a node's kind; an unknown kind is shown as it came. */
export function useNodeKindLabel(): (kind: string) => string {
  const { t } = useTranslation();
  return (kind: string) => (isPlanNodeKind(kind) ? t(`plans.kinds.${kind}`) : kind.replace(/_/g, " "));
}

export function useNodeTitle(): (node: PlanNode) => string {
  const locale = useLocale();
  return (node: PlanNode) => pickLocalized(locale, node.titleTh, node.titleEn);
}
