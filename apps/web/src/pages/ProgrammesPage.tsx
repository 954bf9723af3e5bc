import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { FormField } from "../components/FormField";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useAgencies } from "../features/agencies/queries";
import { useAgencyName } from "../features/agencies/useAgencyName";
import { ProgrammeList } from "../features/programmes/components/ProgrammeList";
import { useLocale } from "../i18n";
import { pickLocalized } from "../lib/bilingual";

export function ProgrammesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t("programmes.title"));
  const agencyName = useAgencyName();
  const agencies = useAgencies();
  const [params, setParams] = useSearchParams();
  const agencyId = params.get("agency") ?? "";
  return (
    <>
      <h1>{t("programmes.title")}</h1>
      <p className="lead">{t("programmes.intro")}</p>
      <p>
        <Link to="/figures">{t("programmes.figuresLink")}</Link>
      </p>
      <FormField label={t("programmes.agency")}>
        {(control) => (
          <select {...control} value={agencyId} onChange={(e) => setParams(e.target.value ? { agency: e.target.value } : {})}>
            <option value="">{t("programmes.allAgencies")}</option>
            {(agencies.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {pickLocalized(locale, a.nameTh, a.nameEn)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <ProgrammeList key={agencyId} agencyId={agencyId} agencyName={agencyName} />
    </>
  );
}
