import i18next from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import { isLocale, type Locale } from "../lib/format";
import { en } from "./en";
import { th, type Catalogue } from "./th";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Catalogue };
  }
}

export const DEFAULT_LOCALE: Locale = "th";
const STORAGE_KEY = "sainam.locale";

/** The visitor's last choice on this device (anonymous visitors keep it only here). */
export function readStoredLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    // Storage can be disabled (private mode, policies); the default language then applies.
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not being able to remember the choice is harmless: the session still shows the chosen language.
  }
}

function reflectOnDocument(locale: string): void {
  document.documentElement.lang = isLocale(locale) ? locale : DEFAULT_LOCALE;
}

export const i18n = i18next.createInstance();

export async function initI18n(): Promise<void> {
  i18n.on("languageChanged", reflectOnDocument);
  await i18n.use(initReactI18next).init({
    resources: { th: { translation: th }, en: { translation: en } },
    lng: readStoredLocale() ?? DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: ["th", "en"],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  reflectOnDocument(i18n.language);
}

/** Switches the interface language and remembers it on this device. */
export async function setLocale(locale: Locale): Promise<void> {
  storeLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

/** The current interface language, for Intl formatting and bilingual fields. */
export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  const language = instance.resolvedLanguage ?? instance.language;
  return isLocale(language) ? language : DEFAULT_LOCALE;
}
