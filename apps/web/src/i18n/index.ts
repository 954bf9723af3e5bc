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
 * A language's wording comes in two parts (see shell.ts): the shell, which the first screen needs, and the rest. A
 * visitor downloads only the language they read, and the other one only if they switch.
 */
async function loadShell(locale: Locale): Promise<object> {
  const part = locale === "th" ? import("virtual:catalogue/th/shell") : import("virtual:catalogue/en/shell");
  return (await part).default;
}

async function loadRest(locale: Locale): Promise<object> {
  const part = locale === "th" ? import("virtual:catalogue/th/rest") : import("virtual:catalogue/en/rest");
  return (await part).default;
}

const complete = new Map<Locale, Promise<void>>();

/** Settles when `initI18n` has run: the router asks for its first page's wording before that. */
let markStarted: () => void = () => undefined;
const started = new Promise<void>((resolve) => {
  markStarted = resolve;
});

/** Resolves once a language's whole catalogue is loaded: pages other than the first screen wait for it. */
export async function wholeCatalogue(locale?: Locale): Promise<void> {
  await started;
  return loadWhole(locale ?? currentLocale());
}

function loadWhole(locale: Locale): Promise<void> {
  let loading = complete.get(locale);
  if (!loading) {
    loading = (async () => {
      const [shell, rest] = await Promise.all([
        i18n.hasResourceBundle(locale, "translation") ? null : loadShell(locale),
        loadRest(locale),
      ]);
      if (shell) i18n.addResourceBundle(locale, "translation", shell, true, true);
      i18n.addResourceBundle(locale, "translation", rest, true, true);
    })();
    // A failed download is tried again by the next page that needs it.
    loading.catch(() => complete.delete(locale));
    complete.set(locale, loading);
  }
  return loading;
}

function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

export async function initI18n(): Promise<void> {
  const locale = readStoredLocale() ?? DEFAULT_LOCALE;
  i18n.on("languageChanged", reflectOnDocument);
  await i18n.use(initReactI18next).init({
    resources: { [locale]: { translation: await loadShell(locale) } },
    // Both catalogues have the same keys (catalogue.test.ts), so no fallback language is needed or loaded.
    partialBundledLanguages: true,
    lng: locale,
    fallbackLng: false,
    supportedLngs: ["th", "en"],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  reflectOnDocument(i18n.language);
  markStarted();
  // The rest follows at once, while the first screen paints.
  void loadWhole(locale).catch(() => undefined);
}

/** Switches the interface language (fetching its wording the first time) and remembers it on this device. */
export async function setLocale(locale: Locale): Promise<void> {
  storeLocale(locale);
  await loadWhole(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

/** The current interface language, for Intl formatting and bilingual fields. */
export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  const language = instance.resolvedLanguage ?? instance.language;
  return isLocale(language) ? language : DEFAULT_LOCALE;
}
