import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { FormField } from "../components/FormField";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useAgencies } from "../features/agencies/queries";
import { useAgencyName } from "../features/agencies/useAgencyName";
import { useCurrentUser } from "../features/auth/queries";
import { ProgrammeForm } from "../features/programmes/components/ProgrammeForm";
import { ProgrammeList } from "../features/programmes/components/ProgrammeList";
import { useProgrammes } from "../features/programmes/queries";
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
  const navigate = useNavigate();
  const user = useCurrentUser();
  // The server says whether the caller may create a programme; it still decides for the chosen agency.
  const canCreate = useProgrammes(1, "").data?.can.create ?? false;
  const [creating, setCreating] = useState(false);
  return (
    <>
      <h1>{t("programmes.title")}</h1>
      <p className="lead">{t("programmes.intro")}</p>
      {canCreate &&
        (creating ? (
          <ProgrammeForm
            // The router shows a failed navigation in its error element: nothing to await.
            mode={{
              kind: "create",
              defaultAgencyId: user?.agencyId ?? null,
              onCreated: (programme) => void navigate(`/programmes/${programme.id}`, { state: { created: true } }),
            }}
            onCancel={() => setCreating(false)}
          />
        ) : (
          <p>
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              {t("programmeAdmin.newProgramme")}
            </button>
          </p>
        ))}
      <p>
        <Link to="/figures">{t("programmes.figuresLink")}</Link>
      </p>
      <FormField label={t("programmes.agency")}>
        {(control) => (
          <select
            {...control}
            value={agencyId}
            onChange={(e) => setParams(e.target.value ? { agency: e.target.value } : {})}
          >
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
