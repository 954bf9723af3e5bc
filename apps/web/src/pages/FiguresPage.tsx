import { useTranslation } from "react-i18next";
import { FormField } from "../components/FormField";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useUrlFilters } from "../components/useUrlFilters";
import { useAgencies } from "../features/agencies/queries";
import { ScopeFigures } from "../features/programmes/components/ScopeFigures";
import { useProgrammes } from "../features/programmes/queries";
import { useLocale } from "../i18n";
import { pickLocalized } from "../lib/bilingual";
import { fiscalYearLabel } from "../lib/format";

const YEARS = Array.from({ length: 12 }, (_, i) => 2030 - i);

/** Figures across programmes: the nation's, or one agency's, for a fiscal year or all years. */
export function FiguresPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t("programmes.nationTitle"));
  const agencies = useAgencies();
  const programmes = useProgrammes(1, "");
  const { params, setFilter: set } = useUrlFilters();
  const agencyId = params.get("agency") ?? "";
  const fiscalYear = params.get("fy") ?? "";
  const programmeName = (id: number) => {
    const p = programmes.data?.items.find((x) => x.id === id);
    return p ? pickLocalized(locale, p.nameTh, p.nameEn) : `#${id}`;
  };
  return (
    <>
      <h1>{t("programmes.nationTitle")}</h1>
      <p className="lead">{t("programmes.nationIntro")}</p>
      <div className="form-grid">
        <FormField label={t("programmes.agency")}>
          {(control) => (
            <select {...control} value={agencyId} onChange={(e) => set("agency", e.target.value)}>
              <option value="">{t("programmes.allAgencies")}</option>
              {(agencies.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {pickLocalized(locale, a.nameTh, a.nameEn)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("programmes.years")}>
          {(control) => (
            <select {...control} value={fiscalYear} onChange={(e) => set("fy", e.target.value)}>
              <option value="">{t("programmes.allYears")}</option>
              {YEARS.map((y) => (
                <option key={y} value={y}>
                  {fiscalYearLabel(y, locale)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <ScopeFigures agencyId={agencyId} fiscalYear={fiscalYear} programmeName={programmeName} />
    </>
  );
}
