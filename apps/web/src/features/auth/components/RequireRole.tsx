import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router-dom";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/QueryState";
import type { Role } from "../model";
import { useMe } from "../queries";

interface RequireRoleProps {
  roles: readonly Role[];
  children: ReactNode;
  /** Said to a signed-in user without one of the roles (default: "administrators only"). */
  deniedText?: string;
}

/**
 * Keeps a page out of sight of those who may not use it. This is a courtesy only: the server checks every
 * request itself.
 */
export function RequireRole({ roles, children, deniedText }: RequireRoleProps) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  const user = me.data;
  if (!user) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  if (!roles.some((role) => role === user.role)) {
    return (
      <div className="alert alert-error" role="alert">
        <p>{deniedText ?? t("access.adminOnly")}</p>
      </div>
    );
  }
  return <>{children}</>;
}
