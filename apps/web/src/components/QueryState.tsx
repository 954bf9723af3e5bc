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

/** A part of the contract the server does not offer yet: said calmly, not as an error. */
export function NotAvailable({ children }: { children: ReactNode }) {
  return (
    <p className="state state-unavailable" role="status">
      {children}
    </p>
  );
}

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
  /** Said instead of an error when the server answers 404 for a route still being built. */
  unavailable?: string;
}

/** The loading, error (with retry), empty and loaded states every data view shares. */
export function QueryState<T>({ query, isEmpty, empty, children, unavailable }: QueryStateProps<T>) {
  if (query.isPending) return <Loading />;
  if (query.isError && unavailable && isApiError(query.error) && query.error.status === 404) {
    return <NotAvailable>{unavailable}</NotAvailable>;
  }
  if (query.isError) {
    // Retrying cannot make a missing record appear; offer retry only for errors that may pass.
    const retry = isApiError(query.error) && query.error.code === "not_found" ? undefined : () => void query.refetch();
    return <ErrorMessage error={query.error} onRetry={retry} />;
  }
  if (isEmpty?.(query.data)) return <Empty>{empty}</Empty>;
  return <>{children(query.data)}</>;
}
