import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { describeTarget, type TargetDescription } from "../target-format";

/** Collapses the gaps left by empty placeholders ("80–90  " → "80–90"). */
function tidy(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\s+\)/g, ")").trim();
}

/** The sentence for a described target, in the language of `t`. */
export function targetSentence(description: TargetDescription, t: TFunction): string {
  switch (description.key) {
    case "range":
    case "atLeast":
    case "atMost":
    case "band":
    case "shareRange":
    case "share":
      return tidy(t(`target.${description.key}`, description.values));
    case "changeRange":
    case "change":
      return tidy(
        t(`target.${description.key}`, {
          ...description.values,
          direction: t(`target.direction.${description.direction}`),
          basis: description.values.basis ? t(`target.basis.${description.values.basis}`) : "",
        }),
      );
    case "directionOnly": {
      const direction = t(`target.direction.${description.direction}`);
      if (description.assessable) return tidy(t("target.withThreshold", { direction, ...description.values }));
      const phrase = description.significant ? tidy(t("target.significant", { direction })) : direction;
      return `${phrase} (${t("target.notAssessable")})`;
    }
  }
}

/** Renders a structured target readably; null when its kind is unknown (the caller shows the text instead). */
export function useTargetText(): (target: unknown) => string | null {
  const { t } = useTranslation();
  const locale = useLocale();
  return (target: unknown) => {
    const description = describeTarget(target, locale);
    return description ? targetSentence(description, t) : null;
  };
}
