import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router-dom";

/** The search box in the header of every page: Enter opens the results page. */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const inputId = useId();
  const current = location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  const [q, setQ] = useState(current);

  // Follow the results page's own box, and clear after leaving it.
  useEffect(() => setQ(current), [current]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = q.trim();
    // The router shows a failed navigation in its error element: nothing to await.
    void navigate(query ? `/search?q=${encodeURIComponent(query)}` : "/search");
  };

  return (
    <form className="header-search" role="search" aria-label={t("search.label")} onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        {t("search.label")}
      </label>
      <input
        id={inputId}
        type="search"
        name="q"
        value={q}
        placeholder={t("search.placeholder")}
        autoComplete="off"
        onChange={(event) => setQ(event.target.value)}
      />
      {/* A plain button (not type=submit): Enter in the box already submits, and the page's own forms keep the only
          submit button on the page, so "the form's submit button" stays unambiguous for them. */}
      <button
        type="button"
        className="header-search-button"
        onClick={(event) => event.currentTarget.form?.requestSubmit()}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="M13 13l4.5 4.5" />
        </svg>
        <span className="visually-hidden">{t("search.submit")}</span>
      </button>
    </form>
  );
}
