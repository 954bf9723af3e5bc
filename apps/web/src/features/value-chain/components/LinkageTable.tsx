import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";
import type { Linkage, PartyType } from "../model";
import { useRemoveLinkageMutation } from "../mutations";
import { linkColour } from "../palette";
import { useValueChainLabels } from "../useValueChainLabels";
import { TableScroll } from "../../../components/TableScroll";

interface LinkageTableProps {
  clusterId: string;
  linkages: Linkage[];
  partyName: (type: PartyType, id: number) => string;
  canEdit: boolean;
}

/** Every link as a table row: the diagram's content for screen readers and for reading exact values. */
export function LinkageTable({ clusterId, linkages, partyName, canEdit }: LinkageTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useValueChainLabels();
  const remove = useRemoveLinkageMutation(clusterId);
  if (linkages.length === 0) return null;
  return (
    <details className="linkage-table">
      <summary>
        {t("network.table")} ({formatNumber(linkages.length, locale)})
      </summary>
      {remove.isError && <ErrorMessage error={remove.error} />}
      <TableScroll label={t("network.table")}>
        <table className="table">
          <caption className="visually-hidden">{t("network.table")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("network.from")}</th>
              <th scope="col">{t("network.kind")}</th>
              <th scope="col">{t("network.to")}</th>
              <th scope="col">{t("network.product")}</th>
              <th scope="col" className="num">
                {t("network.annualValue")}
              </th>
              {canEdit && <th scope="col">{t("users.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {linkages.map((linkage) => {
              const from = partyName(linkage.from.type, linkage.from.id);
              const to = partyName(linkage.to.type, linkage.to.id);
              return (
                <tr key={linkage.id} data-linkage-id={linkage.id}>
                  <td>{from}</td>
                  <td>
                    <span
                      className="swatch swatch-line"
                      style={{ background: linkColour(linkage.kind) }}
                      aria-hidden="true"
                    />{" "}
                    {labels.linkKind(linkage.kind)}
                  </td>
                  <td>{to}</td>
                  <td>{linkage.product ?? t("common.none")}</td>
                  <td className="num">
                    {linkage.annualValue === null ? t("common.none") : formatNumber(linkage.annualValue, locale)}
                  </td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={remove.isPending}
                        aria-label={t("linkages.removeTitle", { from, to })}
                        onClick={() => remove.mutate(linkage.id)}
                      >
                        {t("linkages.remove")}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}
