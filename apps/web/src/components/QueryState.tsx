import type { ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client";
import { ErrorMessage } from "./ErrorMessage";

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t("common.loading")}
    </p>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return <p className="state state-empty">{children ?? t("common.empty")}</p>;
}

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** The loading, error (with retry), empty and loaded states every data view shares. */
export function QueryState<T>({ query, isEmpty, empty, children }: QueryStateProps<T>) {
  if (query.isPending) return <Loading />;
  if (query.isError) {
    // Retrying cannot make a missing record appear; offer retry only for errors that may pass.
    const retry = isApiError(query.error) && query.error.code === "not_found" ? undefined : () => void query.refetch();
    return <ErrorMessage error={query.error} onRetry={retry} />;
  }
  if (isEmpty?.(query.data)) return <Empty>{empty}</Empty>;
  return <>{children(query.data)}</>;
}
