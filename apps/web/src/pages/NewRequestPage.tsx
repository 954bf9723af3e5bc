import { expertFields, MAX_NEED_TEXT, serviceModes, type ExpertField, type ServiceMode } from "@sainam/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Provider } from "@sainam/contract";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { fieldErrorsOf } from "../api/field-errors";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/QueryState";
import { FormField } from "../components/FormField";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { RequireRole } from "../features/auth/components/RequireRole";
import { useCurrentUser } from "../features/auth/queries";
import { ROLES, type User } from "../features/auth/model";
import type { EnterpriseMatch } from "../features/enterprises/queries";
import { EnterprisePicker } from "../features/programmes/components/EnterprisePicker";
import { useProvinces } from "../features/provinces/queries";
import { useManagedProviders } from "../features/providers/queries";
import { mayFileRequests } from "../features/service-requests/model";
import { useFileRequestMutation } from "../features/service-requests/mutations";
import { useLocale } from "../i18n";
import { localName } from "../lib/bilingual";

/** The most files and bytes a request takes (the server checks again, by content). */
const MAX_FILES = 5;
const MAX_FILE_MB = 10;

/**
 * Ask for help: a member for their own firm; an officer or coordinator for a firm they pick; a provider's manager
 * (of any role) records a walk-in at one of their centres for a firm they pick (`?walkIn=1` starts there).
 */
export function NewRequestPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <RequireRole roles={ROLES} deniedText={t("serviceRequests.form.notForRole")}>
      {user && <RequestFormFor user={user} />}
    </RequireRole>
  );
}

function RequestFormFor({ user }: { user: User }) {
  const { t } = useTranslation();
  const managed = useManagedProviders(true);
  if (managed.isPending) return <Loading />;
  const centres = managed.data ?? [];
  if (!mayFileRequests(user) && centres.length === 0)
    return (
      <div className="alert alert-error" role="alert">
        <p>{t("serviceRequests.form.notForRole")}</p>
      </div>
    );
  return <RequestForm user={user} centres={centres} />;
}

function RequestForm({ user, centres }: { user: User; centres: Provider[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  // Only a walk-in for someone who may file nothing else; a choice for those who may file both ways.
  const onlyWalkIn = !mayFileRequests(user);
  const [walkIn, setWalkIn] = useState(centres.length > 0 && (onlyWalkIn || search.get("walkIn") === "1"));
  const [centreId, setCentreId] = useState(centres[0] ? String(centres[0].id) : "");
  const title = walkIn ? t("serviceRequests.form.walkInTitle") : t("serviceRequests.form.title");
  useDocumentTitle(title);
  const provinces = useProvinces();
  const file = useFileRequestMutation();
  const ownFirm = user.role === "member" && !walkIn ? user.enterpriseId : null;
  const [firm, setFirm] = useState<EnterpriseMatch | null>(null);
  const [field, setField] = useState<ExpertField | "">("");
  const [needText, setNeedText] = useState("");
  const [provinceCode, setProvinceCode] = useState("");
  const [mode, setMode] = useState<ServiceMode>("visit");
  const [consent, setConsent] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrorsOf(file.error, t);
  const errors = { ...server, ...local };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const enterpriseId = ownFirm ?? (firm ? Number(firm.id) : null);
    const problems: Record<string, string> = {};
    if (enterpriseId === null) problems["enterpriseId"] = t("serviceRequests.form.chooseEnterprise");
    if (field === "") problems["field"] = t("serviceRequests.form.chooseField");
    if (files.length > MAX_FILES) problems["file"] = t("serviceRequests.form.tooMany", { count: MAX_FILES });
    setLocal(problems);
    if (enterpriseId === null || field === "" || Object.keys(problems).length > 0) return;
    file.mutate(
      {
        body: {
          enterpriseId,
          field,
          needText,
          mode,
          consent,
          ...(provinceCode ? { provinceCode } : {}),
          ...(walkIn && centreId ? { walkInProviderId: Number(centreId) } : {}),
        },
        files,
      },
      {
        onSuccess: ({ request, failed }) => {
          if (failed.length === 0) void navigate(`/requests/${request.id}`);
        },
      },
    );
  };

  const done = file.data;
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{walkIn ? t("serviceRequests.form.walkInIntro") : t("serviceRequests.form.intro")}</p>
      {done && done.failed.length > 0 && (
        <div className="notice" role="alert">
          {done.failed.map((f) => (
            <p key={f.name}>{t("serviceRequests.form.uploadFailed", { name: f.name })}</p>
          ))}
          {done.failed.map((f) => (
            <ErrorMessage key={`${f.name}-error`} error={f.error} />
          ))}
          <p>
            <Link to={`/requests/${done.request.id}`}>{done.request.code}</Link>
          </p>
        </div>
      )}
      <form className="form request-form" onSubmit={submit} noValidate>
        {file.isError && (
          <ErrorMessage
            error={file.error}
            placed={["enterpriseId", "field", "needText", "provinceCode", "mode", "consent", "walkInProviderId"]}
          />
        )}
        {centres.length > 0 && !onlyWalkIn && (
          <div className="field">
            <label className="choice">
              <input type="checkbox" checked={walkIn} onChange={(e) => setWalkIn(e.target.checked)} />{" "}
              {t("serviceRequests.form.walkIn")}
            </label>
          </div>
        )}
        {walkIn && (
          <FormField label={t("serviceRequests.form.walkInCentre")} error={errors["walkInProviderId"] ?? null}>
            {(control) => (
              <select {...control} value={centreId} onChange={(e) => setCentreId(e.target.value)}>
                {centres.map((c) => (
                  <option key={c.id} value={c.id}>
                    {localName(locale, c) || c.code}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {ownFirm === null && (
          <EnterprisePicker
            label={t("serviceRequests.form.enterprise")}
            value={firm}
            onChange={setFirm}
            error={errors["enterpriseId"] ?? null}
          />
        )}
        <FormField label={t("serviceRequests.form.field")} error={errors["field"] ?? null}>
          {(control) => (
            <select {...control} value={field} onChange={(e) => setField(e.target.value as ExpertField | "")}>
              <option value="">{t("serviceRequests.form.chooseField")}</option>
              {expertFields.map((f) => (
                <option key={f} value={f}>
                  {t(`expertFields.${f}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label={t("serviceRequests.form.needText")}
          hint={t("serviceRequests.form.needHint", { max: MAX_NEED_TEXT })}
          error={errors["needText"] ?? null}
        >
          {(control) => (
            <textarea
              {...control}
              rows={5}
              maxLength={MAX_NEED_TEXT}
              value={needText}
              onChange={(e) => setNeedText(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t("serviceRequests.form.province")} error={errors["provinceCode"] ?? null}>
          {(control) => (
            <select {...control} value={provinceCode} onChange={(e) => setProvinceCode(e.target.value)}>
              <option value="">{t("serviceRequests.form.provinceDefault")}</option>
              {(provinces.data ?? []).map((p) => (
                <option key={p.code} value={p.code}>
                  {localName(locale, p)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <fieldset className="field">
          <legend>{t("serviceRequests.form.mode")}</legend>
          {serviceModes.map((m) => (
            <label key={m} className="choice">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />{" "}
              {t(`serviceRequests.modes.${m}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="choice">
            <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />{" "}
            {t("serviceRequests.form.consent")}
          </label>
          <p className="hint">{t("serviceRequests.form.consentHint")}</p>
        </div>
        <FormField
          label={t("serviceRequests.form.attachments", { count: MAX_FILES, size: MAX_FILE_MB })}
          error={errors["file"] ?? null}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              multiple
              accept="image/*,application/pdf"
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
            />
          )}
        </FormField>
        <p>
          <button type="submit" className="button button-primary" disabled={file.isPending}>
            {file.isPending ? t("serviceRequests.form.submitting") : t("serviceRequests.form.submit")}
          </button>
        </p>
      </form>
    </>
  );
}
