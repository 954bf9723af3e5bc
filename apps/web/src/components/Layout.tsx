import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, ScrollRestoration, useLocation } from "react-router-dom";
import { SiteNav } from "./SiteNav";
import { LanguageSwitch } from "../features/auth/components/LanguageSwitch";
import { LocaleSync } from "../features/auth/components/LocaleSync";
import { UserMenu } from "../features/auth/components/UserMenu";
import { PasswordChangeGuard } from "../features/auth/components/PasswordChangeGuard";
import { HeaderSearch } from "../features/search/components/HeaderSearch";
import { InboxBell } from "../features/inbox/components/InboxBell";
import { useLocale } from "../i18n";
import { otherLocale } from "../lib/bilingual";

export function Layout() {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  // After client-side navigation, move focus to the new content so screen-reader users hear the new page.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <>
      <LocaleSync />
      <ScrollRestoration />
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="header-inner">
          {/* The link's name is its visible words (both spellings, each in its language) and then where it goes:
              a speech-input user says what they see. */}
          <NavLink to="/" className="brand">
            <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="6" />
              <path d="M4 12c4-4 8 4 12 0s8 4 12 0M4 20c4-4 8 4 12 0s8 4 12 0" />
            </svg>
            <span className="brand-name">{t("app.name")}</span>
            <span className="brand-latin" lang={otherLocale(locale)}>
              {t("app.nameLatin")}
            </span>
            <span className="visually-hidden"> — {t("nav.home")}</span>
          </NavLink>
          <div className="header-tools">
            <HeaderSearch />
            <LanguageSwitch />
            <InboxBell />
            <UserMenu />
          </div>
        </div>
        <SiteNav />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <PasswordChangeGuard />
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t("app.footer")}</p>
      </footer>
    </>
  );
}
