import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { ChoiceField } from "../../../components/ChoiceField";
import { FormField } from "../../../components/FormField";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName, otherLocale, otherName } from "../../../lib/bilingual";
import { useProvinceName } from "../../provinces/useProvinceName";
import { INSTITUTION_KINDS, isInstitutionKind, type Institution, type InstitutionKind } from "../model";
import { useCreateInstitutionMutation, useLinkInstitutionMutation, useUnlinkInstitutionMutation } from "../mutations";
import { useClusterInstitutions, useInstitutions } from "../queries";
import { useClusterLabels } from "../useClusterLabels";

interface InstitutionsPanelProps {
  clusterId: string;
  canEdit: boolean;
}

/** The support institutions linked to the cluster (its horizontal links); editors link and unlink them. */
export function InstitutionsPanel({ clusterId, canEdit }: InstitutionsPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useClusterLabels();
  const provinceName = useProvinceName();
  const linked = useClusterInstitutions(clusterId);
  const unlink = useUnlinkInstitutionMutation(clusterId);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="institutions">
      <p className="muted">{t("institutions.intro")}</p>
      {canEdit && (
        <div className="toolbar">
          <span />
          <button
            type="button"
            className="button button-primary"
            aria-expanded={adding}
            onClick={() => setAdding((v) => !v)}
          >
            {t("institutions.link")}
          </button>
        </div>
      )}
      {notice && (
        <div className="alert alert-success" role="status">
          <p>{notice}</p>
        </div>
      )}
      {canEdit && adding && (
        <LinkInstitutionForm
          clusterId={clusterId}
          linkedIds={linked.data?.map((i) => i.id) ?? []}
          onLinked={() => {
            setNotice(t("institutions.linked"));
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {unlink.isError && <ErrorMessage error={unlink.error} />}
      <QueryState query={linked} isEmpty={(items) => items.length === 0} empty={t("institutions.none")}>
        {(items) => (
          <ul className="card-list">
            {items.map((institution) => {
              const name = localName(locale, institution) || `#${institution.id}`;
              const other = otherName(locale, institution);
              return (
                <li key={institution.id} className="card" data-institution-id={institution.id}>
                  <h3 className="card-title">{name}</h3>
                  {other && (
                    <p className="card-subtitle" lang={otherLocale(locale)}>
                      {other}
                    </p>
                  )}
                  <p className="card-meta">
                    <span className="tag">{labels.institutionKind(institution.kind)}</span>
                    {institution.provinceCode && ` ${provinceName(institution.provinceCode)}`}
                  </p>
                  {institution.description && <p>{institution.description}</p>}
                  {canEdit && (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={unlink.isPending}
                      aria-label={t("institutions.unlinkTitle", { name })}
                      onClick={() => unlink.mutate(institution.id)}
                    >
                      {t("institutions.unlink")}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

interface LinkInstitutionFormProps {
  clusterId: string;
  linkedIds: readonly number[];
  onLinked: () => void;
  onCancel: () => void;
}

function LinkInstitutionForm({ clusterId, linkedIds, onLinked, onCancel }: LinkInstitutionFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useClusterLabels();
  const all = useInstitutions();
  const link = useLinkInstitutionMutation(clusterId);
  const create = useCreateInstitutionMutation();
  const [institutionId, setInstitutionId] = useState("");
  const [role, setRole] = useState("");
  const [missing, setMissing] = useState(false);
  const [creating, setCreating] = useState(false);
  const [kind, setKind] = useState<InstitutionKind>("research");
  const [nameTh, setNameTh] = useState("");
  const [nameEn, setNameEn] = useState("");
  const [nameMissing, setNameMissing] = useState(false);
  const headingId = useId();
  const createHeadingId = useId();
  const server = fieldErrorsOf(link.error);
  const createServer = fieldErrorsOf(create.error);
  const options = (all.data ?? []).filter((i: Institution) => !linkedIds.includes(i.id));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!institutionId) {
      setMissing(true);
      return;
    }
    setMissing(false);
    link.mutate({ institutionId, role: role.trim() || null }, { onSuccess: onLinked });
  };

  const register = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!nameTh.trim() && !nameEn.trim()) {
      setNameMissing(true);
      return;
    }
    setNameMissing(false);
    create.mutate(
      { kind, nameTh: nameTh.trim() || null, nameEn: nameEn.trim() || null },
      {
        onSuccess: (institution) => {
          setInstitutionId(String(institution.id));
          setCreating(false);
          setNameTh("");
          setNameEn("");
        },
      },
    );
  };

  return (
    <div className="inline-form">
      <form className="form" onSubmit={submit} aria-labelledby={headingId} noValidate>
        <h3 id={headingId} className="form-title">
          {t("institutions.linkTitle")}
        </h3>
        {link.isError && <ErrorMessage error={link.error} />}
        {all.isError && <ErrorMessage error={all.error} onRetry={() => void all.refetch()} />}
        <div className="form-grid">
          <FormField
            label={t("institutions.choose")}
            error={missing ? t("institutions.required") : (server.institutionId ?? null)}
          >
            {(control) => (
              <select {...control} value={institutionId} onChange={(event) => setInstitutionId(event.target.value)}>
                <option value="">{t("institutions.chooseNone")}</option>
                {options.map((institution) => (
                  <option key={institution.id} value={institution.id}>
                    {`${localName(locale, institution) || `#${institution.id}`} (${labels.institutionKind(institution.kind)})`}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t("institutions.role")} error={server.role ?? null}>
            {(control) => (
              <input {...control} value={role} maxLength={200} onChange={(event) => setRole(event.target.value)} />
            )}
          </FormField>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={link.isPending}>
            {link.isPending ? t("common.saving") : t("institutions.link")}
          </button>
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={creating}
            onClick={() => setCreating((v) => !v)}
          >
            {t("institutions.create")}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
      {creating && (
        <form className="form nested-form" onSubmit={register} aria-labelledby={createHeadingId} noValidate>
          <h4 id={createHeadingId} className="form-title">
            {t("institutions.createTitle")}
          </h4>
          {create.isError && <ErrorMessage error={create.error} />}
          <div className="form-grid">
            <ChoiceField
              label={t("institutions.kind")}
              error={createServer.kind ?? null}
              value={kind}
              options={INSTITUTION_KINDS}
              isOption={isInstitutionKind}
              labelOf={labels.institutionKind}
              onChange={setKind}
            />
            <FormField
              label={t("common.nameTh")}
              error={nameMissing ? t("registry.nameRequired") : (createServer.nameTh ?? null)}
            >
              {(control) => (
                <input {...control} lang="th" value={nameTh} onChange={(event) => setNameTh(event.target.value)} />
              )}
            </FormField>
            <FormField
              label={t("common.optionalField", { field: t("common.nameEn") })}
              error={createServer.nameEn ?? null}
            >
              {(control) => (
                <input {...control} lang="en" value={nameEn} onChange={(event) => setNameEn(event.target.value)} />
              )}
            </FormField>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {create.isPending ? t("common.saving") : t("institutions.create")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
