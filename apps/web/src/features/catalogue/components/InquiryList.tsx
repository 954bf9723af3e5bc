import type { Inquiry } from "@sainam/contract";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useLocale } from "../../../i18n";
import { formatDateTime } from "../../../lib/format";
import { productName } from "../model";
import { useInquiryStatusMutation } from "../mutations";

/** Buyers' requests for a quote to a firm, newest first, with the contacts the buyers gave. */
export function InquiryList({ enterpriseId, items }: { enterpriseId: number; items: Inquiry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const status = useInquiryStatusMutation(enterpriseId);
  return (
    <>
      {status.isError && <ErrorMessage error={status.error} />}
      <ul className="card-list inquiry-list">
        {items.map((inquiry) => (
          <li key={inquiry.id} className="card">
            <h2 className="card-title">
              <Link to={`/catalogue/${inquiry.productId}`}>
                {productName(locale, { nameTh: inquiry.productNameTh, nameEn: inquiry.productNameEn })}
              </Link>
            </h2>
            <p className="card-meta">
              {t("products.received", { date: formatDateTime(inquiry.createdAt, locale) })} ·{" "}
              <span className={`tag${inquiry.status === "new" ? "" : " tag-off"}`}>
                {t(`products.inquiryStatuses.${inquiry.status}`)}
              </span>
            </p>
            <dl className="facts">
              <div>
                <dt>{t("products.from")}</dt>
                <dd>
                  {inquiry.buyerOrganisation} ({inquiry.buyerCountry})
                </dd>
              </div>
              <div>
                <dt>{t("catalogue.quote.contactName")}</dt>
                <dd>{inquiry.contactName}</dd>
              </div>
              <div>
                <dt>{t("catalogue.quote.email")}</dt>
                <dd>
                  <a href={`mailto:${inquiry.contactEmail}`}>{inquiry.contactEmail}</a>
                </dd>
              </div>
              {inquiry.contactPhone && (
                <div>
                  <dt>{t("catalogue.quote.phone")}</dt>
                  <dd>{inquiry.contactPhone}</dd>
                </div>
              )}
              {inquiry.quantity && (
                <div>
                  <dt>{t("products.quantity")}</dt>
                  <dd>{inquiry.quantity}</dd>
                </div>
              )}
            </dl>
            <p>{inquiry.message}</p>
            {inquiry.status === "new" && (
              <p className="button-row">
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={status.isPending}
                  onClick={() => status.mutate({ id: inquiry.id, status: "answered" })}
                >
                  {t("products.markAnswered")}
                </button>{" "}
                <button
                  type="button"
                  className="button button-link"
                  disabled={status.isPending}
                  onClick={() => status.mutate({ id: inquiry.id, status: "closed" })}
                >
                  {t("products.markClosed")}
                </button>
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
