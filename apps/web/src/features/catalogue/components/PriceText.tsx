import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";

/** A price range in baht per unit, or nothing when no price is given. */
export function PriceText({ min, max, unit }: { min: number | null; max: number | null; unit: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const low = min ?? max;
  if (low === null) return null;
  const n = (v: number) => formatNumber(v, locale);
  const per = unit ?? "—";
  return (
    <p className="catalogue-price">
      {max !== null && min !== null && max !== min
        ? t("catalogue.priceRange", { min: n(min), max: n(max), unit: per })
        : t("catalogue.priceFrom", { min: n(low), unit: per })}
    </p>
  );
}
