import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { TableScroll } from "../../../components/TableScroll";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { useProvinceName } from "../../provinces/useProvinceName";
import type { Provider } from "../model";

/** How many province names a row shows before summing up the rest ("and 70 more"). */
const PROVINCES_SHOWN = 5;

/** The providers with their kind, provinces and services; a branch's row names its centre. */
export function ProviderTable({ providers }: { providers: readonly Provider[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const provinceName = useProvinceName();
  const byId = new Map(providers.map((p) => [p.id, p]));
  const provincesText = (codes: readonly string[]) => {
    if (codes.length === 0) return t("providers.noProvinces");
    const shown = codes.slice(0, PROVINCES_SHOWN).map(provinceName).join(", ");
    return codes.length > PROVINCES_SHOWN
      ? t("providers.moreProvinces", { shown, count: codes.length - PROVINCES_SHOWN })
      : shown;
  };
  return (
    <TableScroll label={t("providers.title")}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("providers.name")}</th>
            <th scope="col">{t("providers.kind")}</th>
            <th scope="col">{t("providers.provinces")}</th>
            <th scope="col">{t("providers.services")}</th>
            <th scope="col">{t("providers.experts")}</th>
          </tr>
        </thead>
        <tbody>
          {providers.map((p) => {
            const parent = p.parentId === null ? undefined : byId.get(p.parentId);
            return (
              <tr key={p.id}>
                <td>
                  <Link to={`/service-providers/${p.id}`}>{pickLocalized(locale, p.nameTh, p.nameEn)}</Link>
                  {parent && (
                    <div className="hint">
                      {t("providers.branchOf", { name: pickLocalized(locale, parent.nameTh, parent.nameEn) })}
                    </div>
                  )}
                </td>
                <td>{t(`providers.kinds.${p.kind}`)}</td>
                <td>{provincesText(p.provinceCodes)}</td>
                <td>{p.services.map((s) => t(`expertFields.${s}`)).join(", ")}</td>
                <td>{p.expertCount}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
