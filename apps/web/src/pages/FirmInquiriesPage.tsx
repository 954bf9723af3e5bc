import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { QueryState } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { InquiryList } from "../features/catalogue/components/InquiryList";
import { useInquiries } from "../features/catalogue/queries";

/** Buyers' requests for a quote to a firm (the firm and its coordinators). */
export function FirmInquiriesPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const inquiries = useInquiries(id);
  useDocumentTitle(t("products.inquiries"));
  return (
    <>
      <h1>{t("products.inquiries")}</h1>
      <p>
        <Link to={`/enterprises/${id}/products`}>{t("products.open")}</Link>
      </p>
      <QueryState query={inquiries} isEmpty={(items) => items.length === 0} empty={t("products.noInquiries")}>
        {(items) => <InquiryList enterpriseId={Number(id)} items={items} />}
      </QueryState>
    </>
  );
}
