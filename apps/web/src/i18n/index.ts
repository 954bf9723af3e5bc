import i18next from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import { isLocale, type Locale } from "../lib/format";
import type { Catalogue } from "./th";

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

/**
 * One language's wording, fetched when it is first needed: a visitor downloads only the language they read (each
 * catalogue is about 20 KB compressed), and the other one only if they switch.
 */
async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  return locale === "th" ? (await import("./th")).th : (await import("./en")).en;
}

async function ensureCatalogue(locale: Locale): Promise<void> {
  if (i18n.hasResourceBundle(locale, "translation")) return;
  i18n.addResourceBundle(locale, "translation", await loadCatalogue(locale));
}

export async function initI18n(): Promise<void> {
  const locale = readStoredLocale() ?? DEFAULT_LOCALE;
  i18n.on("languageChanged", reflectOnDocument);
  await i18n.use(initReactI18next).init({
    resources: { [locale]: { translation: await loadCatalogue(locale) } },
    // Both catalogues have the same keys (catalogue.test.ts), so no fallback language is needed or loaded.
    partialBundledLanguages: true,
    lng: locale,
    fallbackLng: false,
    supportedLngs: ["th", "en"],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  reflectOnDocument(i18n.language);
}

/** Switches the interface language (fetching its wording the first time) and remembers it on this device. */
export async function setLocale(locale: Locale): Promise<void> {
  storeLocale(locale);
  await ensureCatalogue(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

/** The current interface language, for Intl formatting and bilingual fields. */
export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  const language = instance.resolvedLanguage ?? instance.language;
  return isLocale(language) ? language : DEFAULT_LOCALE;
}
