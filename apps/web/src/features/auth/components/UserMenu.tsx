import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { isRole } from "../model";
import { useLogoutMutation } from "../mutations";
import { useMe } from "../queries";

/** "Sign in" for visitors; for a signed-in user a disclosure menu with their role and "Sign out". */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogoutMutation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const user = me.data ?? null;
  if (me.isPending) return <div className="user-menu" aria-hidden="true" />;
  if (!user) {
    const from = `${location.pathname}${location.search}`;
    return (
      <Link className="button button-primary sign-in-link" to="/login" state={{ from }}>
        {t("nav.signIn")}
      </Link>
    );
  }

  // Leave the page first: a page only signed-in users may see would otherwise bounce to the sign-in form.
  const signOut = () => {
    setOpen(false);
    // The router shows a failed navigation in its error element: nothing to await.
    void navigate("/", { replace: true });
    logout.mutate();
  };

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="visually-hidden">{t("nav.account")}: </span>
        {user.displayName || user.email}
        <span aria-hidden="true"> ▾</span>
      </button>
      <div id={menuId} className="user-menu-popup" hidden={!open}>
        <p className="user-menu-who">
          {t("nav.signedInAs", { name: user.email })}
          <br />
          <span className="muted">{isRole(user.role) ? t(`roles.${user.role}`) : user.role}</span>
        </p>
        <Link className="user-menu-link" to="/account/password" onClick={() => setOpen(false)}>
          {t("nav.changePassword")}
        </Link>
        <button type="button" className="button button-secondary" onClick={signOut} disabled={logout.isPending}>
          {logout.isPending ? t("nav.signingOut") : t("nav.signOut")}
        </button>
      </div>
    </div>
  );
}
