import { useTranslation } from "react-i18next";
import { formatNumber } from "../lib/format";
import { useLocale } from "../i18n";

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

export function Pagination({ page, pageSize, total, onPage }: PaginationProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const n = (value: number) => formatNumber(value, locale);
  return (
    <nav className="pagination" aria-label={t("common.pagination")}>
      <p aria-live="polite">{t("common.showing", { from: n(from), to: n(to), total: n(total) })}</p>
      <div className="pagination-buttons">
        <button type="button" className="button button-secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t("common.previous")}
        </button>
        <span>{t("common.pageOf", { page: n(page), pages: n(pages) })}</span>
        <button
          type="button"
          className="button button-secondary"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
        >
          {t("common.next")}
        </button>
      </div>
    </nav>
  );
}
