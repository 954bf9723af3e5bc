import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { Pagination } from "../../../components/Pagination";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { formatDateTime } from "../../../lib/format";
import { changedKeys, KNOWN_ENTITY_TYPES, PAGE_SIZE, prettyJson, type AuditEntry } from "../model";
import { useAuditLog } from "../queries";
import { TableScroll } from "../../../components/TableScroll";

function pageOf(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export function AuditLog() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const entityType = params.get("entityType") ?? "";
  const page = pageOf(params.get("page"));
  const audit = useAuditLog(page, entityType);
  const [draft, setDraft] = useState(entityType);
  const filterId = useId();
  const listId = useId();

  const update = (next: { entityType?: string; page?: number }) => {
    const search = new URLSearchParams(params);
    const type = next.entityType ?? entityType;
    const nextPage = next.page ?? page;
    if (type) search.set("entityType", type);
    else search.delete("entityType");
    if (nextPage > 1) search.set("page", String(nextPage));
    else search.delete("page");
    setParams(search);
  };

  const filter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update({ entityType: draft.trim(), page: 1 });
  };

  return (
    <>
      <div className="toolbar">
        <form className="search-form" onSubmit={filter}>
          <label htmlFor={filterId}>{t("audit.entityType")}</label>
          <input
            id={filterId}
            list={listId}
            placeholder={t("audit.allTypes")}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <datalist id={listId}>
            {KNOWN_ENTITY_TYPES.map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
          <button type="submit" className="button button-secondary">
            {t("common.search")}
          </button>
        </form>
      </div>
      <QueryState query={audit} isEmpty={(data) => data.items.length === 0}>
        {(data) => (
          <>
            <TableScroll label={t("audit.list")}>
              <table className="table audit-table">
                <caption className="visually-hidden">{t("audit.list")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("audit.when")}</th>
                    <th scope="col">{t("audit.who")}</th>
                    <th scope="col">{t("audit.action")}</th>
                    <th scope="col">{t("audit.entity")}</th>
                    <th scope="col">{t("audit.changes")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((entry) => (
                    <AuditRow key={entry.id} entry={entry} />
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

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const before = prettyJson(entry.before);
  const after = prettyJson(entry.after);
  const changed = entry.before !== null && entry.after !== null ? changedKeys(entry.before, entry.after) : [];
  return (
    <tr>
      <td className="nowrap">
        <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
      </td>
      <td className="break">{entry.actorEmail ?? (entry.actorId ? `#${entry.actorId}` : t("audit.system"))}</td>
      <td>
        <code>{entry.action}</code>
      </td>
      <td>
        <code>{entry.entityType}</code>
        {entry.entityId && <span className="muted"> #{entry.entityId}</span>}
      </td>
      <td>
        {before === null && after === null ? (
          <span className="muted">{t("audit.noChanges")}</span>
        ) : (
          <details className="json-details">
            <summary>
              {t("audit.showChanges")}
              {changed.length > 0 && changed.length <= 6 && <span className="muted"> ({changed.join(", ")})</span>}
            </summary>
            <div className="json-pair">
              <div>
                <h4>{t("audit.before")}</h4>
                <pre>{before ?? t("common.none")}</pre>
              </div>
              <div>
                <h4>{t("audit.after")}</h4>
                <pre>{after ?? t("common.none")}</pre>
              </div>
            </div>
          </details>
        )}
      </td>
    </tr>
  );
}
