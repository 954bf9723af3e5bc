import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Pagination } from "../../../components/Pagination";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { fiscalYearLabel, formatDate, formatNumber } from "../../../lib/format";
import { formatBaht } from "../model";
import { useProgrammeActivities, useProgrammeClusters } from "../queries";
import { ActivityForm } from "./ActivityForm";
import { ActivityOutcomes } from "./ActivityOutcomes";

/** A programme's activities, newest first, with the form to record one for those who may. */
export function ActivitySection({ programmeId, canRecord }: { programmeId: string; canRecord: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [openOutcomes, setOpenOutcomes] = useState<number | null>(null);
  const activities = useProgrammeActivities(programmeId, page);
  const clusters = useProgrammeClusters(programmeId);
  return (
    <section aria-labelledby="activities-title">
      <h2 id="activities-title">{t("programmes.activitiesTitle")}</h2>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {canRecord && !adding && (
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setAdding(true);
            setNotice(null);
          }}
        >
          {t("programmes.addActivity")}
        </button>
      )}
      {adding && (
        <ActivityForm
          programmeId={programmeId}
          clusters={clusters.data ?? []}
          onCreated={(title) => {
            setAdding(false);
            setNotice(t("programmes.activityCreated", { title }));
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <QueryState query={activities} isEmpty={(p) => p.items.length === 0} empty={t("programmes.activitiesEmpty")}>
        {(p) => (
          <>
            <ul className="card-list">
              {p.items.map((a) => (
                <li key={a.id} className="card">
                  <h3 className="card-title">{pickLocalized(locale, a.titleTh, a.titleEn)}</h3>
                  <p className="card-meta">
                    {t(`programmes.kinds.${a.kind}`, { defaultValue: a.kind })} · {formatDate(a.startsOn, locale)}
                    {a.endsOn && ` – ${formatDate(a.endsOn, locale)}`} · {fiscalYearLabel(a.fiscalYear, locale)}
                  </p>
                  <p className="small">
                    {t("programmes.participantsCount", {
                      named: formatNumber(a.participants, locale),
                      anonymous: formatNumber(a.participantCount ?? 0, locale),
                    })}
                    {a.budget !== null && ` · ${t("programmes.budget")}: ${formatBaht(a.budget, locale)}`}
                  </p>
                  <button
                    type="button"
                    className="button-link small"
                    aria-expanded={openOutcomes === a.id}
                    onClick={() => setOpenOutcomes((current) => (current === a.id ? null : a.id))}
                  >
                    {openOutcomes === a.id
                      ? t("programmeAdmin.hideOutcomes")
                      : t("programmeAdmin.showOutcomes", { title: pickLocalized(locale, a.titleTh, a.titleEn) })}
                  </button>
                  {openOutcomes === a.id && <ActivityOutcomes activityId={a.id} />}
                </li>
              ))}
            </ul>
            <Pagination page={p.page} pageSize={p.pageSize} total={p.total} onPage={setPage} />
          </>
        )}
      </QueryState>
    </section>
  );
}
