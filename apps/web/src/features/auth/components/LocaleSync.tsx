import { useEffect } from "react";
import { setLocale } from "../../../i18n";
import { isLocale } from "../../../lib/format";
import { useCurrentUser } from "../queries";

/** Restores a signed-in user's saved language whenever the account (or its saved choice) changes. */
export function LocaleSync() {
  const user = useCurrentUser();
  const saved = user?.locale;
  useEffect(() => {
    if (isLocale(saved)) void setLocale(saved);
  }, [user?.id, saved]);
  return null;
}
