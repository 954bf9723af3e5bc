import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router-dom";
import { QueryState } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useAgencyName } from "../features/agencies/useAgencyName";
import { ActivitySection } from "../features/programmes/components/ActivitySection";
import { BudgetTable } from "../features/programmes/components/BudgetTable";
import { ClaimList } from "../features/programmes/components/ClaimList";
import { FiguresYear } from "../features/programmes/components/FiguresComparison";
import { ProgrammeForm } from "../features/programmes/components/ProgrammeForm";
import { ReportedFiguresForm } from "../features/programmes/components/ReportedFiguresForm";
import { SupportedPanel } from "../features/programmes/components/SupportedPanel";
import { programmeYears } from "../features/programmes/model";
import { useProgramme, useProgrammeFigures } from "../features/programmes/queries";
import { useLocale } from "../i18n";
import { pickLocalized } from "../lib/bilingual";
import { fiscalYearSpan } from "../lib/format";

export function ProgrammePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const programme = useProgramme(id);
  const figures = useProgrammeFigures(id);
  const agencyName = useAgencyName();
  const location = useLocation();
  const justCreated = typeof location.state === "object" && location.state !== null && "created" in location.state;
  const [editing, setEditing] = useState<"programme" | "reported" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const title = programme.data
    ? pickLocalized(locale, programme.data.nameTh, programme.data.nameEn)
    : t("programmes.title");
  useDocumentTitle(title);
  return (
    <>
      <p>
        <Link to="/programmes">{t("common.backTo", { page: t("programmes.title") })}</Link>
      </p>
      <QueryState query={programme}>
        {(p) => {
          const years = programmeYears(p.firstFiscalYear, p.lastFiscalYear, new Date());
          return (
            <>
              <h1>{pickLocalized(locale, p.nameTh, p.nameEn)}</h1>
              <p className="card-meta">
                {agencyName(p.agencyId) ?? ""} ·{" "}
                {fiscalYearSpan(p.firstFiscalYear, p.lastFiscalYear ?? p.firstFiscalYear, locale)}
                {p.isExample && <span className="tag"> {t("programmes.example")}</span>}
                {!p.published && <span className="tag"> {t("programmes.unpublished")}</span>}
              </p>
              {(notice ?? (justCreated ? t("programmeAdmin.created") : null)) && (
                <p className="notice" role="status">
                  {notice ?? t("programmeAdmin.created")}
                </p>
              )}
              {pickLocalized(locale, p.descriptionTh, p.descriptionEn) && (
                <p className="lead">{pickLocalized(locale, p.descriptionTh, p.descriptionEn)}</p>
              )}
              {p.can.edit && editing === null && (
                <p className="button-row">
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => {
                      setEditing("programme");
                      setNotice(null);
                    }}
                  >
                    {t("programmeAdmin.editProgramme")}
                  </button>{" "}
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => {
                      setEditing("reported");
                      setNotice(null);
                    }}
                  >
                    {t("programmeAdmin.editReported")}
                  </button>
                </p>
              )}
              {editing === "programme" && (
                <ProgrammeForm
                  mode={{
                    kind: "edit",
                    programme: p,
                    onSaved: () => {
                      setEditing(null);
                      setNotice(t("programmeAdmin.saved"));
                    },
                  }}
                  onCancel={() => setEditing(null)}
                />
              )}
              {editing === "reported" && (
                <ReportedFiguresForm
                  programmeId={String(p.id)}
                  years={years}
                  onSaved={(year) => {
                    setEditing(null);
                    setNotice(t("programmeAdmin.reportedSaved", { year }));
                  }}
                  onCancel={() => setEditing(null)}
                />
              )}
              <section aria-labelledby="figures-title">
                <h2 id="figures-title">{t("programmes.figuresTitle")}</h2>
                <QueryState query={figures} isEmpty={(f) => f.years.length === 0} empty={t("programmes.noFigures")}>
                  {(f) => (
                    <>
                      {f.years.map((year) => (
                        <FiguresYear key={year.fiscalYear} year={year} />
                      ))}
                    </>
                  )}
                </QueryState>
              </section>
              <SupportedPanel
                programmeId={String(p.id)}
                readRecords={p.can.readRecords}
                canEdit={p.can.edit}
                years={years}
              />
              <BudgetTable programmeId={String(p.id)} canEdit={p.can.edit} years={years} />
              <ActivitySection programmeId={String(p.id)} canRecord={p.can.edit || p.can.readRecords} />
              <ClaimList
                programmeId={String(p.id)}
                readRecords={p.can.readRecords}
                canEdit={p.can.edit}
                years={years}
              />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
