import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client";
import { forbiddenText } from "../api/error-text";

/** Turns any error from the API client into a sentence in the interface language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (!isApiError(error)) return t("errors.unknown");
    if (error.code === "too_many_requests" && error.retryAfterSeconds !== null) {
      const seconds = Math.ceil(error.retryAfterSeconds);
      return seconds >= 90
        ? t("errors.too_many_requests_wait_minutes", { minutes: Math.ceil(seconds / 60) })
        : t("errors.too_many_requests_wait", { seconds });
    }
    if (error.code === "forbidden" && error.reason !== null)
      return forbiddenText(error.reason, t) ?? t("errors.forbidden");
    return t(`errors.${error.code}`);
  };
}
