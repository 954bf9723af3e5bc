import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client";
import { detailText } from "../api/error-text";
import { useErrorText } from "./useErrorText";

interface ErrorMessageProps {
  error: unknown;
  /** Shown instead of the generic sentence for this error (e.g. wrong credentials on sign-in). */
  override?: string | null;
  onRetry?: () => void;
  /** Fields the form shows its own errors under: their details are not repeated here, only the rest. */
  placed?: readonly string[];
}

/**
 * An error box announced to screen readers, with the server's field details (but those shown under their own
 * field, `placed`) and an optional retry.
 */
export function ErrorMessage({ error, override, onRetry, placed = [] }: ErrorMessageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const details = isApiError(error) ? error.details.filter((d) => d.message && !placed.includes(d.path)) : [];
  return (
    <div className="alert alert-error" role="alert">
      <p>{override ?? errorText(error)}</p>
      {details.length > 0 && (
        <ul>
          {details.map((detail, index) => (
            <li key={`${detail.path}-${index}`}>{detailText(detail, t)}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}
