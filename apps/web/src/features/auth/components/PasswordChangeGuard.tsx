import { Navigate, useLocation } from "react-router-dom";
import { useCurrentUser } from "../queries";

export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * Sends a user whose password an admin reset to the change-password page, wherever they were going. A courtesy:
 * the server refuses their writes (403 password_change_required) until they change it.
 */
export function PasswordChangeGuard() {
  const user = useCurrentUser();
  const location = useLocation();
  if (!user?.mustChangePassword || location.pathname === CHANGE_PASSWORD_PATH) return null;
  return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
}
