import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { breakdownText, DIMENSION_OPTIONS } from "./model";

type Dimension = "size_class" | "owner_sex" | "stage";
type Option =
  "micro" | "small" | "medium" | "large" | "female" | "male" | "unknown" | "upstream" | "midstream" | "downstream";

const DIMENSIONS: readonly Dimension[] = ["size_class", "owner_sex", "stage"];
const OPTIONS: readonly Option[] = [
  "micro",
  "small",
  "medium",
  "large",
  "female",
  "male",
  "unknown",
  "upstream",
  "midstream",
  "downstream",
];

function isDimension(code: string): code is Dimension {
  return DIMENSIONS.some((d) => d === code) && code in DIMENSION_OPTIONS;
}
function isOption(code: string): code is Option {
  return OPTIONS.some((o) => o === code);
}

/** Shows a canonical breakdown ("size_class=small") in words in the reader's language ("Size class: Small"). */
export function useBreakdownText(): (canonical: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (canonical: string) =>
      breakdownText(canonical, {
        dimension: (code) => (isDimension(code) ? t(`values.dimensions.${code}`) : null),
        option: (code) => (isOption(code) ? t(`values.options.${code}`) : null),
        total: t("values.total"),
      }),
    [t],
  );
}
