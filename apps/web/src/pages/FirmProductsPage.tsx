import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { QueryState } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useLocale } from "../i18n";
import { localName } from "../lib/bilingual";
import { ProductEditor } from "../features/catalogue/components/ProductEditor";
import { ProductForm } from "../features/catalogue/components/ProductForm";
import { useFirmProducts } from "../features/catalogue/queries";
import { useEnterprise } from "../features/enterprises/queries";

/** "สินค้าของเรา": a firm's products for its editors (the firm, its coordinators, officers): add, edit, publish. */
export function FirmProductsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = "" } = useParams();
  const firm = useEnterprise(id);
  const products = useFirmProducts(id);
  const [adding, setAdding] = useState(false);
  const firmName = firm.data ? localName(locale, firm.data) : "";
  useDocumentTitle(t("products.title"));
  const enterpriseId = Number(id);
  return (
    <>
      <p className="eyebrow">{firmName}</p>
      <h1>{t("products.title")}</h1>
      <p className="lead">{t("products.intro")}</p>
      <p className="button-row">
        {!adding && (
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            {t("products.add")}
          </button>
        )}{" "}
        <Link to={`/enterprises/${id}/inquiries`}>{t("products.inquiries")}</Link>
      </p>
      {adding && <ProductForm enterpriseId={enterpriseId} onDone={() => setAdding(false)} />}
      <QueryState query={products} isEmpty={(items) => items.length === 0} empty={t("products.none")}>
        {(items) => (
          <ul className="card-list product-editors">
            {items.map((p) => (
              <ProductEditor key={p.id} product={p} />
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}
