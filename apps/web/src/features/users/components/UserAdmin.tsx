import { Fragment, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { Pagination } from "../../../components/Pagination";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { formatDate } from "../../../lib/format";
import { isRole, PAGE_SIZE } from "../model";
import { useUsers } from "../queries";
import { CreateUserForm } from "./CreateUserForm";
import { EditUserForm } from "./EditUserForm";
import { ResetPasswordForm } from "./ResetPasswordForm";
import { UserScope } from "./UserScope";
import { TableScroll } from "../../../components/TableScroll";

function pageOf(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** Users: search and page through them (kept in the address), add one, edit role, scope and status, reset a password. */
export function UserAdmin() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const page = pageOf(params.get("page"));
  const users = useUsers(page, q);
  const [draft, setDraft] = useState(q);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<{ id: number; panel: "edit" | "reset" } | null>(null);
  const toggle = (id: number, panel: "edit" | "reset") =>
    setOpen((current) => (current?.id === id && current.panel === panel ? null : { id, panel }));
  const [notice, setNotice] = useState<string | null>(null);
  const searchId = useId();

  const update = (next: { q?: string; page?: number }) => {
    const search = new URLSearchParams(params);
    const nextQ = next.q ?? q;
    const nextPage = next.page ?? page;
    if (nextQ) search.set("q", nextQ);
    else search.delete("q");
    if (nextPage > 1) search.set("page", String(nextPage));
    else search.delete("page");
    setParams(search);
  };

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update({ q: draft.trim(), page: 1 });
  };

  return (
    <>
      <div className="toolbar">
        <form className="search-form" role="search" onSubmit={search}>
          <label htmlFor={searchId}>{t("users.search")}</label>
          <input
            id={searchId}
            type="search"
            placeholder={t("users.searchPlaceholder")}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button button-secondary">
            {t("common.search")}
          </button>
        </form>
        <button
          type="button"
          className="button button-primary"
          aria-expanded={creating}
          onClick={() => setCreating((value) => !value)}
        >
          {t("users.create")}
        </button>
      </div>
      {notice && (
        <div className="alert alert-success" role="status">
          <p>{notice}</p>
        </div>
      )}
      {creating && (
        <CreateUserForm
          onCreated={(email) => {
            setNotice(t("users.created", { email }));
            setCreating(false);
          }}
        />
      )}
      <QueryState
        query={users}
        isEmpty={(data) => data.items.length === 0}
        empty={q ? t("users.noResults") : undefined}
      >
        {(data) => (
          <>
            <TableScroll label={t("users.list")}>
              <table className="table">
                <caption className="visually-hidden">{t("users.list")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("users.displayName")}</th>
                    <th scope="col">{t("users.email")}</th>
                    <th scope="col">{t("users.role")}</th>
                    <th scope="col">{t("users.scope")}</th>
                    <th scope="col">{t("users.status")}</th>
                    <th scope="col">{t("users.createdAt")}</th>
                    <th scope="col">{t("users.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((user) => (
                    <Fragment key={user.id}>
                      <tr className={user.active ? undefined : "row-inactive"}>
                        <th scope="row">{user.displayName || t("common.none")}</th>
                        <td className="break">{user.email}</td>
                        <td>{isRole(user.role) ? t(`roles.${user.role}`) : user.role}</td>
                        <td>
                          <UserScope user={user} />
                        </td>
                        <td>
                          <span className={`tag ${user.active ? "tag-ok" : "tag-off"}`}>
                            {user.active ? t("users.active") : t("users.inactive")}
                          </span>
                          {user.mustChangePassword && (
                            <>
                              {" "}
                              <span className="tag tag-off">{t("users.mustChange")}</span>
                            </>
                          )}
                        </td>
                        <td>{user.createdAt ? formatDate(user.createdAt, locale) : t("common.none")}</td>
                        <td>
                          <div className="button-row">
                            <button
                              type="button"
                              className="button button-small button-secondary"
                              aria-expanded={open?.id === user.id && open.panel === "edit"}
                              aria-label={t("users.editTitle", { email: user.email })}
                              onClick={() => toggle(user.id, "edit")}
                            >
                              {t("common.edit")}
                            </button>
                            <button
                              type="button"
                              className="button button-small button-secondary"
                              aria-expanded={open?.id === user.id && open.panel === "reset"}
                              aria-label={t("users.resetTitle", { email: user.email })}
                              onClick={() => toggle(user.id, "reset")}
                            >
                              {t("users.resetPassword")}
                            </button>
                          </div>
                        </td>
                      </tr>
                      {open?.id === user.id && (
                        <tr className="row-editor">
                          <td colSpan={7}>
                            {open.panel === "edit" ? (
                              <EditUserForm
                                user={user}
                                onDone={(saved) => {
                                  setOpen(null);
                                  if (saved) setNotice(t("users.updated", { email: user.email }));
                                }}
                              />
                            ) : (
                              <ResetPasswordForm
                                user={user}
                                onDone={() => {
                                  setOpen(null);
                                  setNotice(t("users.resetDone", { email: user.email }));
                                }}
                              />
                            )}
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <Pagination
              page={data.page}
              pageSize={data.pageSize || PAGE_SIZE}
              total={data.total}
              onPage={(next) => update({ page: next })}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
