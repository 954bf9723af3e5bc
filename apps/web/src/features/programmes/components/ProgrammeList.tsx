import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Pagination } from "../../../components/Pagination";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { fiscalYearSpan } from "../../../lib/format";
import { useProgrammes } from "../queries";

/** Programmes, paged: optionally of one agency, or those supporting one cluster (its page lists them). */
export function ProgrammeList({
  agencyId,
  clusterId = "",
  agencyName,
  empty,
}: {
  agencyId: string;
  clusterId?: string;
  agencyName: (id: number) => string | null;
  /** What an empty list says; the programmes page's wording by default. */
  empty?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const programmes = useProgrammes(page, agencyId, clusterId);
  return (
    <QueryState query={programmes} isEmpty={(p) => p.items.length === 0} empty={empty ?? t("programmes.listEmpty")}>
      {(p) => (
        <>
          <ul className="card-list">
            {p.items.map((programme) => (
              <li key={programme.id} className="card">
                <h2 className="card-title">
                  <Link to={`/programmes/${programme.id}`}>
                    {pickLocalized(locale, programme.nameTh, programme.nameEn)}
                  </Link>
                </h2>
                <p className="card-meta">
                  {agencyName(programme.agencyId) ?? ""} ·{" "}
                  {fiscalYearSpan(
                    programme.firstFiscalYear,
                    programme.lastFiscalYear ?? programme.firstFiscalYear,
                    locale,
                  )}
                  {programme.isExample && <span className="tag"> {t("programmes.example")}</span>}
                  {!programme.published && <span className="tag"> {t("programmes.unpublished")}</span>}
                </p>
              </li>
            ))}
          </ul>
          <Pagination page={p.page} pageSize={p.pageSize} total={p.total} onPage={setPage} />
        </>
      )}
    </QueryState>
  );
}
