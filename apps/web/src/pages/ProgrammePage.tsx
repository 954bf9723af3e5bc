import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { QueryState } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useAgencyName } from "../features/agencies/useAgencyName";
import { ActivitySection } from "../features/programmes/components/ActivitySection";
import { BudgetTable } from "../features/programmes/components/BudgetTable";
import { ClaimList } from "../features/programmes/components/ClaimList";
import { FiguresYear } from "../features/programmes/components/FiguresComparison";
import { SupportedPanel } from "../features/programmes/components/SupportedPanel";
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
  const title = programme.data ? pickLocalized(locale, programme.data.nameTh, programme.data.nameEn) : t("programmes.title");
  useDocumentTitle(title);
  return (
    <>
      <p>
        <Link to="/programmes">{t("common.backTo", { page: t("programmes.title") })}</Link>
      </p>
      <QueryState query={programme}>
        {(p) => (
          <>
            <h1>{pickLocalized(locale, p.nameTh, p.nameEn)}</h1>
            <p className="card-meta">
              {agencyName(p.agencyId) ?? ""} · {fiscalYearSpan(p.firstFiscalYear, p.lastFiscalYear ?? p.firstFiscalYear, locale)}
              {p.isExample && <span className="tag"> {t("programmes.example")}</span>}
              {!p.published && <span className="tag"> {t("programmes.unpublished")}</span>}
            </p>
            {pickLocalized(locale, p.descriptionTh, p.descriptionEn) && <p className="lead">{pickLocalized(locale, p.descriptionTh, p.descriptionEn)}</p>}
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
            <SupportedPanel programmeId={p.id} readRecords={p.can.readRecords} />
            <BudgetTable programmeId={p.id} />
            <ActivitySection programmeId={p.id} canRecord={p.can.edit || p.can.readRecords} />
            <ClaimList programmeId={p.id} readRecords={p.can.readRecords} />
          </>
        )}
      </QueryState>
    </>
  );
}
