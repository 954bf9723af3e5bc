import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Pagination } from "../../../components/Pagination";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { fiscalYearLabel } from "../../../lib/format";
import { formatJuristicId } from "../../enterprises/juristic-id";
import { useProgrammeClusters, useProgrammeEnterprises } from "../queries";

/** The clusters a programme supports per fiscal year, and — for its scope — the firms, one by one. */
export function SupportedPanel({ programmeId, readRecords }: { programmeId: string; readRecords: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const clusters = useProgrammeClusters(programmeId);
  const firms = useProgrammeEnterprises(programmeId, page, readRecords);
  return (
    <div className="two-columns">
      <section aria-labelledby="supported-clusters">
        <h2 id="supported-clusters">{t("programmes.clustersTitle")}</h2>
        <QueryState query={clusters} isEmpty={(items) => items.length === 0} empty={t("programmes.clustersEmpty")}>
          {(items) => (
            <ul className="plain-list">
              {items.map((c) => (
                <li key={`${c.clusterId}-${c.fiscalYear}`}>
                  <Link to={`/clusters/${c.clusterId}`}>{localName(locale, c) || c.code}</Link>{" "}
                  <span className="muted small">{fiscalYearLabel(c.fiscalYear, locale)}</span>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="supported-firms">
        <h2 id="supported-firms">{t("programmes.firmsTitle")}</h2>
        {readRecords ? (
          <QueryState query={firms} isEmpty={(p) => p.items.length === 0} empty={t("programmes.firmsEmpty")}>
            {(p) => (
              <>
                <ul className="plain-list">
                  {p.items.map((e) => (
                    <li key={`${e.enterpriseId}-${e.fiscalYear}`}>
                      <Link to={`/enterprises/${e.enterpriseId}`}>{localName(locale, e) || `#${e.enterpriseId}`}</Link>{" "}
                      <span className="muted small">
                        {e.juristicId ? `${formatJuristicId(e.juristicId)} · ` : ""}
                        {fiscalYearLabel(e.fiscalYear, locale)}
                      </span>
                    </li>
                  ))}
                </ul>
                <Pagination page={p.page} pageSize={p.pageSize} total={p.total} onPage={setPage} />
              </>
            )}
          </QueryState>
        ) : (
          <p className="muted">{t("programmes.firmsHidden")}</p>
        )}
      </section>
    </div>
  );
}
