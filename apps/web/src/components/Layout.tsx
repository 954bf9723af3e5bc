import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, ScrollRestoration, useLocation } from "react-router-dom";
import { LanguageSwitch } from "../features/auth/components/LanguageSwitch";
import { LocaleSync } from "../features/auth/components/LocaleSync";
import { UserMenu } from "../features/auth/components/UserMenu";
import { PasswordChangeGuard } from "../features/auth/components/PasswordChangeGuard";
import { isStaff } from "../features/auth/model";
import { HeaderSearch } from "../features/search/components/HeaderSearch";
import { InboxBell } from "../features/inbox/components/InboxBell";
import { useCurrentUser } from "../features/auth/queries";
import { useLocale } from "../i18n";
import { otherLocale } from "../lib/bilingual";

const PUBLIC_LINKS = [
  { to: "/", key: "nav.home", end: true },
  { to: "/clusters", key: "nav.clusters", end: false },
  { to: "/enterprises", key: "nav.enterprises", end: false },
  { to: "/catalogue", key: "nav.catalogue", end: false },
  { to: "/map", key: "nav.map", end: false },
  { to: "/provincial-clusters", key: "nav.provincialClusters", end: false },
  { to: "/provinces", key: "nav.provinces", end: false },
  { to: "/agencies", key: "nav.agencies", end: false },
  { to: "/plans", key: "nav.plans", end: false },
  { to: "/dashboard", key: "nav.dashboard", end: false },
  { to: "/services/figures", key: "nav.serviceFigures", end: false },
  { to: "/market/figures", key: "nav.marketFigures", end: false },
  { to: "/programmes", key: "nav.programmes", end: false },
  // Trade events: visitors see the published ones, signed-in users theirs too.
  { to: "/events", key: "nav.events", end: false },
] as const;

const STAFF_LINKS = [
  { to: "/service-providers", key: "nav.providers", end: false },
  { to: "/import", key: "nav.import", end: true },
  { to: "/import/history", key: "nav.importHistory", end: false },
  { to: "/values", key: "nav.values", end: false },
] as const;

// Members and experts reach their own work from the header, not through the public directory.
const HOME_LINKS = {
  member: { to: "/my-business", key: "nav.myBusiness", end: false },
  expert: { to: "/my-work", key: "nav.myWork", end: false },
} as const;

// A member firm's meetings at trade events (issue 14): suggested partners, requests, accepted meetings.
const MY_MEETINGS_LINK = { to: "/my-meetings", key: "nav.myMeetings", end: false } as const;

// Requests for help: each signed-in user sees their own scope of them (a firm its own, an expert those assigned).
const REQUESTS_LINK = { to: "/requests", key: "nav.requests", end: false } as const;

// Deals followed to value (issue 14): a member its firm's, staff those they keep.
const DEALS_LINK = { to: "/deals", key: "nav.deals", end: false } as const;

const ADMIN_LINKS = [
  { to: "/admin/users", key: "nav.users", end: false },
  { to: "/admin/audit", key: "nav.audit", end: false },
  { to: "/admin/holidays", key: "nav.holidays", end: false },
  { to: "/admin/mail", key: "nav.failedMail", end: false },
] as const;

export function Layout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
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

  const [homeLink, ...publicLinks] = PUBLIC_LINKS;
  const ownLink = user?.role === "member" || user?.role === "expert" ? [HOME_LINKS[user.role]] : [];
  const links = [
    homeLink,
    ...ownLink,
    ...(user?.role === "member" ? [MY_MEETINGS_LINK] : []),
    ...(user ? [REQUESTS_LINK] : []),
    ...(user && user.role !== "expert" ? [DEALS_LINK] : []),
    ...publicLinks,
    ...(isStaff(user) ? STAFF_LINKS : []),
    ...(user?.role === "admin" ? ADMIN_LINKS : []),
  ];

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
        <nav className="site-nav" aria-label={t("nav.label")}>
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end}>
                  {t(link.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
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
