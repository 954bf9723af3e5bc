import type { Product } from "@sainam/contract";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { formatDate, formatNumber } from "../../../lib/format";
import { productName } from "../model";
import { PriceText } from "./PriceText";

/** A product as the catalogue shows it: photos, names, maker, price, order and capacity, certifications, markets. */
export function ProductDetails({
  product,
  provinceName,
}: {
  product: Product;
  provinceName: (code: string | null) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = productName(locale, product);
  const other = locale === "th" ? product.nameEn : product.nameTh;
  const description =
    locale === "th"
      ? (product.descriptionTh ?? product.descriptionEn)
      : (product.descriptionEn ?? product.descriptionTh);
  const firm =
    (locale === "th" ? (product.firmNameTh ?? product.firmNameEn) : (product.firmNameEn ?? product.firmNameTh)) ?? "";
  const n = (v: number) => formatNumber(v, locale);
  return (
    <article className="product-details">
      <h1>{name}</h1>
      {other && other !== name && <p className="muted">{other}</p>}
      {product.photos.length > 0 && (
        <div className="product-photos">
          {product.photos.map((photo) => (
            <img key={photo.id} src={photo.url} alt={name} width={photo.width} height={photo.height} loading="lazy" />
          ))}
        </div>
      )}
      {description && <p>{description}</p>}
      <dl className="facts">
        <div>
          <dt>{t("catalogue.seller")}</dt>
          <dd>
            {firm}
            {product.provinceCode ? ` · ${provinceName(product.provinceCode)}` : ""}
          </dd>
        </div>
        {(product.priceMin !== null || product.priceMax !== null) && (
          <div>
            <dt>{t("catalogue.price")}</dt>
            <dd>
              <PriceText min={product.priceMin} max={product.priceMax} unit={product.priceUnit} />
            </dd>
          </div>
        )}
        {product.minOrder !== null && (
          <div>
            <dt>{t("catalogue.minOrder")}</dt>
            <dd>
              {n(product.minOrder)} {product.minOrderUnit ?? ""}
            </dd>
          </div>
        )}
        {product.capacityPerMonth !== null && (
          <div>
            <dt>{t("catalogue.capacity")}</dt>
            <dd>
              {n(product.capacityPerMonth)} {product.capacityUnit ?? ""}
            </dd>
          </div>
        )}
        {product.hsCode && (
          <div>
            <dt>{t("catalogue.hsCode")}</dt>
            <dd>{product.hsCode}</dd>
          </div>
        )}
        {product.exportMarkets.length > 0 && (
          <div>
            <dt>{t("catalogue.exportMarkets")}</dt>
            <dd>{product.exportMarkets.join(", ")}</dd>
          </div>
        )}
      </dl>
      {product.certifications.length > 0 && (
        <ul className="tags">
          {product.certifications.map((c) => (
            <li key={c.id} className={`tag${c.expired ? " tag-off" : ""}`}>
              {t(`catalogue.kinds.${c.kind}`)}
              {c.number ? ` ${c.number}` : ""}
              {c.otopStars ? ` · ${t("catalogue.stars", { count: c.otopStars })}` : ""}
              {c.expiresOn
                ? ` · ${c.expired ? t("catalogue.expired") : t("catalogue.expires", { date: formatDate(c.expiresOn, locale) })}`
                : ""}
            </li>
          ))}
        </ul>
      )}
      {product.bcgTags.length > 0 && (
        <p className="tags">
          {product.bcgTags.map((tag) => (
            <span key={tag} className="tag">
              {t(`catalogue.bcg.${tag}`)}
            </span>
          ))}
        </p>
      )}
    </article>
  );
}
