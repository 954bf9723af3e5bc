import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { matchPath, NavLink, useLocation } from "react-router-dom";
import { useCurrentUser } from "../features/auth/queries";
import { isRole } from "../features/auth/model";
import { isNavGroup, navEntries, type NavGroup, type NavLinkItem } from "./site-nav-links";

/** The main navigation: the links and menus of the signed-in role (or a visitor's), one row at desktop widths. */
export function SiteNav() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const role = user && isRole(user.role) ? user.role : null;
  return (
    <nav className="site-nav" aria-label={t("nav.label")}>
      <ul>
        {navEntries(role).map((entry) =>
          isNavGroup(entry) ? (
            <NavMenu key={entry.key} group={entry} />
          ) : (
            <li key={entry.to}>
              <Link item={entry} />
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

function Link({ item, onClick }: { item: NavLinkItem; onClick?: () => void }) {
  const { t } = useTranslation();
  return (
    <NavLink to={item.to} end={item.end} onClick={onClick}>
      {t(item.key)}
    </NavLink>
  );
}

/**
 * A menu button and its links (the disclosure pattern): Enter or Space opens it, Tab walks its links, Escape closes
 * it and returns to the button; a click elsewhere, focus leaving it or following a link closes it. The button is
 * marked current when one of its pages is open.
 */
function NavMenu({ group }: { group: NavGroup }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLLIElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const current = group.links.some((l) => matchPath({ path: l.to, end: l.end }, location.pathname) !== null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <li
      className="nav-group"
      ref={rootRef}
      onBlur={(event) => {
        if (!(event.relatedTarget instanceof Node) || !rootRef.current?.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={current ? "nav-group-button active" : "nav-group-button"}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
      >
        {t(group.key)}
        <span aria-hidden="true"> ▾</span>
      </button>
      <ul id={menuId} className="nav-menu" hidden={!open}>
        {group.links.map((item) => (
          <li key={`${item.to} ${item.key}`}>
            <Link item={item} onClick={() => setOpen(false)} />
          </li>
        ))}
      </ul>
    </li>
  );
}
