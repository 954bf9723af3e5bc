import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { useTargetText } from "../../plans/components/TargetView";

/** The target in words from its structured form, else its text as written; "no target" when there is none. */
export function TargetLabel({
  target,
  textEn,
  textTh,
}: {
  target: unknown;
  textEn: string | null;
  textTh: string | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const targetText = useTargetText();
  const structured = target === null ? null : targetText(target);
  const written = pickLocalized(locale, textTh, textEn);
  return <>{structured ?? (written || t("dashboard.noTarget"))}</>;
}
