import { useTranslation } from "react-i18next";
import { isClusterKind, isClusterStatus, isInstitutionKind, isMaturity, parsePolicyTag } from "./model";

/** Names of cluster kinds, statuses, maturities, institution kinds and policy tags in the interface language. */
export function useClusterLabels() {
  const { t } = useTranslation();
  return {
    kind: (kind: string) => (isClusterKind(kind) ? t(`registry.kinds.${kind}`) : kind),
    status: (status: string) => (isClusterStatus(status) ? t(`registry.statuses.${status}`) : status),
    maturity: (maturity: string) => (isMaturity(maturity) ? t(`registry.maturities.${maturity}`) : maturity),
    institutionKind: (kind: string) => (isInstitutionKind(kind) ? t(`institutions.kinds.${kind}`) : kind),
    /** A policy tag's short label and its full name (for a tooltip); unknown tags show as written. */
    policyTag: (tag: string): { label: string; title: string } => {
      const parsed = parsePolicyTag(tag);
      if (!parsed) return { label: tag, title: tag };
      switch (parsed.kind) {
        case "bcg": {
          const label =
            parsed.part === "bio"
              ? t("policy.bcgBio")
              : parsed.part === "circular"
                ? t("policy.bcgCircular")
                : parsed.part === "green"
                  ? t("policy.bcgGreen")
                  : t("policy.bcg");
          return { label, title: t("policy.bcgTitle") };
        }
        case "sdg":
          return { label: t("policy.sdg", { goal: parsed.goal }), title: t("policy.sdgTitle", { goal: parsed.goal }) };
        case "th40":
          return { label: t("policy.th40"), title: t("policy.th40") };
        case "sep":
          return { label: t("policy.sep"), title: t("policy.sep") };
      }
    },
  };
}
