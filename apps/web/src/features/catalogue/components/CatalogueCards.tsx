import type { CatalogueCard } from "@sainam/contract";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";
import { productName } from "../model";
import { PriceText } from "./PriceText";

/** Catalogue results as cards: thumbnail, names, maker, price, valid certifications. */
export function CatalogueCards({
  items,
  provinceName,
}: {
  items: CatalogueCard[];
  provinceName: (code: string | null) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="card-list catalogue-cards">
      {items.map((item) => {
        const name = productName(locale, item);
        const firm =
          (locale === "th" ? (item.firmNameTh ?? item.firmNameEn) : (item.firmNameEn ?? item.firmNameTh)) ?? "";
        return (
          <li key={item.id} className="card catalogue-card">
            {item.thumbnailUrl ? (
              <img
                className="catalogue-thumb"
                src={item.thumbnailUrl}
                alt={name}
                loading="lazy"
                width={320}
                height={240}
              />
            ) : (
              <div className="catalogue-thumb catalogue-thumb-empty" aria-hidden="true">
                {t("catalogue.noPhoto")}
              </div>
            )}
            <h2 className="card-title">
              <Link to={`/catalogue/${item.id}`}>{name}</Link>
            </h2>
            <p className="card-meta">
              {firm}
              {item.provinceCode ? ` · ${provinceName(item.provinceCode)}` : ""}
            </p>
            <PriceText min={item.priceMin} max={item.priceMax} unit={item.priceUnit} />
            {item.certifications.length > 0 && (
              <p className="tags">
                {item.certifications.map((kind) => (
                  <span key={kind} className="tag">
                    {t(`catalogue.kinds.${kind}`)}
                  </span>
                ))}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** A count in the reader's language. */
export function useCount() {
  const locale = useLocale();
  return (n: number) => formatNumber(n, locale);
}
