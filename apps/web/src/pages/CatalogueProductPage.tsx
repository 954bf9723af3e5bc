import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { QueryState } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useLocale } from "../i18n";
import { localName } from "../lib/bilingual";
import { ProductDetails } from "../features/catalogue/components/ProductDetails";
import { QuoteForm } from "../features/catalogue/components/QuoteForm";
import { productName } from "../features/catalogue/model";
import { useProduct } from "../features/catalogue/queries";
import { useProvinces } from "../features/provinces/queries";

/** A product of the catalogue and its "request a quote" form. */
export function CatalogueProductPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = "" } = useParams();
  const product = useProduct(id);
  const provinces = useProvinces();
  useDocumentTitle(product.data ? productName(locale, product.data) : t("catalogue.title"));
  const provinceName = (code: string | null) => {
    const found = provinces.data?.find((p) => p.code === code);
    return found ? localName(locale, found) : (code ?? "");
  };
  return (
    <>
      <p>
        <Link to="/catalogue">{t("catalogue.back")}</Link>
      </p>
      <QueryState query={product}>
        {(p) => (
          <>
            <ProductDetails product={p} provinceName={provinceName} />
            {p.status === "published" && <QuoteForm productId={p.id} />}
          </>
        )}
      </QueryState>
    </>
  );
}
