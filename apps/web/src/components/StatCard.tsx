import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useLocale } from "../i18n";
import { formatNumber } from "../lib/format";

interface StatCardProps {
  label: string;
  to: string;
  query: UseQueryResult<readonly unknown[]>;
}

/** A headline figure (how many of something) that links to the list it counts. */
export function StatCard({ label, to, query }: StatCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  let value: string;
  if (query.isPending) value = "…";
  else if (query.isError) value = t("common.none");
  else value = formatNumber(query.data.length, locale);
  return (
    <Link className="stat" to={to}>
      <span className="stat-value" aria-busy={query.isPending}>
        {value}
      </span>
      <span className="stat-label">{label}</span>
      {query.isError && (
        <span className="stat-error" role="alert">
          {t("errors.title")}
        </span>
      )}
    </Link>
  );
}
