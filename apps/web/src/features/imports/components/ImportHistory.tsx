import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Pagination } from "../../../components/Pagination";
import { QueryState } from "../../../components/QueryState";
import { TableScroll } from "../../../components/TableScroll";
import { useLocale } from "../../../i18n";
import { formatDateTime, formatNumber } from "../../../lib/format";
import { useCurrentUser } from "../../auth/queries";
import { batchStatusKey, HISTORY_PAGE_SIZE, isBatchKind, type BatchListItem, type HistoryOwner } from "../model";
import { useTakeOverImportMutation } from "../mutations";
import { useImportHistory } from "../queries";

function pageOf(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The import batches of the signed-in user, newest first; an admin may show every user's and take one over. */
export function ImportHistory() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const isAdmin = user?.role === "admin";
  const owner: HistoryOwner = isAdmin && params.get("owner") === "all" ? "all" : "mine";
  const page = pageOf(params.get("page"));
  const history = useImportHistory(owner, page);
  const takeOver = useTakeOverImportMutation();
  const navigate = useNavigate();
  const allId = useId();

  const update = (next: { owner?: HistoryOwner; page?: number }) => {
    const search = new URLSearchParams(params);
    const nextOwner = next.owner ?? owner;
    const nextPage = next.page ?? page;
    if (nextOwner === "all") search.set("owner", "all");
    else search.delete("owner");
    if (nextPage > 1) search.set("page", String(nextPage));
    else search.delete("page");
    setParams(search);
  };

  const take = (batchId: string) =>
    takeOver.mutate(batchId, {
      onSuccess: (batch) => void navigate(`/import?batch=${encodeURIComponent(batch.batchId)}`),
    });

  return (
    <>
      {isAdmin && (
        <div className="toolbar">
          <span className="check">
            <input
              id={allId}
              type="checkbox"
              checked={owner === "all"}
              onChange={(e) => update({ owner: e.target.checked ? "all" : "mine", page: 1 })}
            />
            <label htmlFor={allId}>{t("imports.history.allUsers")}</label>
          </span>
        </div>
      )}
      {takeOver.isError && <ErrorMessage error={takeOver.error} />}
      <QueryState
        query={history}
        isEmpty={(data) => data.items.length === 0}
        empty={t(owner === "all" ? "imports.history.emptyAll" : "imports.history.empty")}
      >
        {(data) => (
          <>
            <TableScroll label={t("imports.history.list")}>
              <table className="table">
                <caption className="visually-hidden">{t("imports.history.list")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("imports.history.file")}</th>
                    <th scope="col">{t("imports.history.kind")}</th>
                    <th scope="col">{t("imports.history.status")}</th>
                    <th scope="col">{t("imports.history.counts")}</th>
                    <th scope="col">{t("imports.history.created")}</th>
                    <th scope="col">{t("imports.history.finished")}</th>
                    {owner === "all" && <th scope="col">{t("imports.history.owner")}</th>}
                    <th scope="col">
                      <span className="visually-hidden">{t("imports.history.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((batch) => (
                    <BatchRow
                      key={batch.batchId}
                      batch={batch}
                      showOwner={owner === "all"}
                      pending={takeOver.isPending}
                      onTakeOver={take}
                    />
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <Pagination
              page={data.page}
              pageSize={data.pageSize || HISTORY_PAGE_SIZE}
              total={data.total}
              onPage={(next) => update({ page: next })}
            />
          </>
        )}
      </QueryState>
    </>
  );
}

interface BatchRowProps {
  batch: BatchListItem;
  showOwner: boolean;
  pending: boolean;
  onTakeOver: (batchId: string) => void;
}

function BatchRow({ batch, showOwner, pending, onTakeOver }: BatchRowProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  const link = `/import?batch=${encodeURIComponent(batch.batchId)}`;
  return (
    <tr>
      <td className="break">{batch.mine ? <Link to={link}>{batch.fileName}</Link> : batch.fileName}</td>
      <td>{isBatchKind(batch.kind) ? t(`imports.history.kinds.${batch.kind}`) : batch.kind}</td>
      <td>{t(`imports.history.statuses.${batchStatusKey(batch)}`)}</td>
      <td className="small">
        {batch.counts
          ? t("imports.history.countsValue", {
              imported: n(batch.counts.imported),
              updated: n(batch.counts.updated),
              skipped: n(batch.counts.skipped),
            })
          : "—"}
      </td>
      <td className="nowrap">
        <time dateTime={batch.createdAt}>{formatDateTime(batch.createdAt, locale)}</time>
      </td>
      <td className="nowrap">
        {batch.finishedAt ? <time dateTime={batch.finishedAt}>{formatDateTime(batch.finishedAt, locale)}</time> : "—"}
      </td>
      {showOwner && (
        <td>{batch.mine ? t("imports.history.you") : (batch.owner?.displayName ?? t("imports.history.system"))}</td>
      )}
      <td>
        {batch.mine && batch.canRunAgain && (
          <Link
            className="button button-small"
            to={link}
            aria-label={t("imports.history.continueNamed", { file: batch.fileName })}
          >
            {batch.status === "uploaded" ? t("imports.history.continue") : t("imports.runAgain")}
          </Link>
        )}
        {batch.mine && !batch.canRunAgain && (
          <Link to={link} aria-label={t("imports.history.openNamed", { file: batch.fileName })}>
            {t("imports.history.open")}
          </Link>
        )}
        {!batch.mine && batch.canTakeOver && (
          <ConfirmButton
            label={t("imports.history.takeOver")}
            accessibleLabel={t("imports.history.takeOverNamed", { file: batch.fileName })}
            question={t("imports.history.takeOverQuestion", {
              owner: batch.owner?.displayName ?? t("imports.history.system"),
            })}
            confirmLabel={t("imports.history.takeOverConfirm")}
            pending={pending}
            onConfirm={() => onTakeOver(String(batch.batchId))}
          />
        )}
      </td>
    </tr>
  );
}
