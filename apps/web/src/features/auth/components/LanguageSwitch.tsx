import { useState } from "react";
import { useTranslation } from "react-i18next";
import { setLocale, useLocale } from "../../../i18n";
import { LOCALES, type Locale } from "../../../lib/format";
import { useUpdateMeMutation } from "../mutations";
import { useCurrentUser } from "../queries";

/** TH/EN switch: applies at once; a signed-in user's choice is also saved on the account. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const updateMe = useUpdateMeMutation();
  const [failed, setFailed] = useState(false);

  const choose = (next: Locale) => {
    if (next === locale) return;
    setFailed(false);
    void setLocale(next);
    if (user) updateMe.mutate({ locale: next }, { onError: () => setFailed(true) });
  };

  return (
    <div className="language-switch" role="group" aria-label={t("language.label")}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="language-option"
          aria-pressed={option === locale}
          onClick={() => choose(option)}
        >
          <span aria-hidden="true">{option === "th" ? t("language.thShort") : t("language.enShort")}</span>
          <span className="visually-hidden">{option === "th" ? t("language.th") : t("language.en")}</span>
        </button>
      ))}
      {failed && (
        <span className="language-error" role="alert">
          {t("language.saveFailed")}
        </span>
      )}
    </div>
  );
}
