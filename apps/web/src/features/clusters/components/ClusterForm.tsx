import { createClusterBody } from "@sainam/contract";
import { isRecordCode } from "@sainam/core";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf, unplacedErrors } from "../../../api/field-errors";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useLocale } from "../../../i18n";
import { localName, pickLocalized } from "../../../lib/bilingual";
import { useAgencies } from "../../agencies/queries";
import {
  CLUSTER_KINDS,
  CLUSTER_STATUSES,
  isClusterKind,
  isClusterStatus,
  isMaturity,
  MATURITIES,
  POLICY_TAG_OPTIONS,
  type ClusterDetail,
  type ClusterKind,
  type ClusterStatus,
  type Maturity,
} from "../model";
import { useCreateClusterMutation, useUpdateClusterMutation, type ClusterInput } from "../mutations";
import { useClusterOptions } from "../queries";
import { useClusterLabels } from "../useClusterLabels";
import { ProvincePicker } from "./ProvincePicker";

interface Draft {
  code: string;
  kind: ClusterKind;
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  descriptionEn: string;
  tsicCode: string;
  coordinatingAgencyId: string;
  cooperatingAgencyId: string;
  parentId: string;
  maturity: Maturity | "";
  policyTags: string[];
  provinceCodes: string[];
  published: boolean;
  status: ClusterStatus;
}

/** An id as the form's select holds it: text, empty for none. */
const idText = (id: number | null | undefined) => (id === null || id === undefined ? "" : String(id));

function draftOf(cluster: ClusterDetail | null): Draft {
  return {
    code: cluster?.code ?? "",
    kind: cluster && isClusterKind(cluster.kind) ? cluster.kind : "industry_cluster",
    nameTh: cluster?.nameTh ?? "",
    nameEn: cluster?.nameEn ?? "",
    descriptionTh: cluster?.descriptionTh ?? "",
    descriptionEn: cluster?.descriptionEn ?? "",
    tsicCode: cluster?.tsicCode ?? "",
    coordinatingAgencyId: idText(cluster?.coordinatingAgencyId),
    cooperatingAgencyId: idText(cluster?.cooperatingAgencyId),
    parentId: idText(cluster?.parentId),
    maturity: cluster?.maturity && isMaturity(cluster.maturity) ? cluster.maturity : "",
    policyTags: cluster?.policyTags ?? [],
    provinceCodes: [...(cluster?.provinceCodes ?? [])].sort(),
    published: cluster?.published ?? true,
    status: cluster && isClusterStatus(cluster.status) ? cluster.status : "active",
  };
}

const INPUT_KEYS = [
  "code",
  "kind",
  "nameTh",
  "nameEn",
  "descriptionTh",
  "descriptionEn",
  "tsicCode",
  "coordinatingAgencyId",
  "cooperatingAgencyId",
  "parentId",
  "maturity",
  "policyTags",
  "provinceCodes",
  "published",
] as const satisfies readonly (keyof ClusterInput)[];

function copyField<K extends keyof ClusterInput>(to: ClusterInput, from: ClusterInput, key: K): void {
  to[key] = from[key];
}

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());
/** A select's chosen id as the server's number; none chosen is null. */
const idOrNull = (text: string) => (text === "" ? null : Number(text));

/** The body to send: everything when creating; only what changed when editing. */
function changes(draft: Draft, original: Draft, creating: boolean): ClusterInput {
  const full: ClusterInput = {
    code: draft.code.trim(),
    kind: draft.kind,
    nameTh: orNull(draft.nameTh),
    nameEn: orNull(draft.nameEn),
    descriptionTh: orNull(draft.descriptionTh),
    descriptionEn: orNull(draft.descriptionEn),
    tsicCode: orNull(draft.tsicCode),
    coordinatingAgencyId: idOrNull(draft.coordinatingAgencyId),
    cooperatingAgencyId: idOrNull(draft.cooperatingAgencyId),
    parentId: idOrNull(draft.parentId),
    maturity: draft.maturity === "" ? null : draft.maturity,
    policyTags: draft.policyTags,
    provinceCodes: draft.provinceCodes,
    published: draft.published,
  };
  if (creating) return full;
  const out: ClusterInput = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const before = changes(original, original, true);
  for (const key of INPUT_KEYS) {
    if (!same(full[key], before[key])) copyField(out, full, key);
  }
  if (draft.status !== original.status) out.status = draft.status;
  return out;
}

type ClientErrors = Partial<Record<"code" | "nameTh" | "tsicCode", string>>;

interface ClusterFormProps {
  /** The cluster to edit; null to create a new one. */
  cluster: ClusterDetail | null;
  onDone: (saved: { id: string } | null) => void;
}

/** Create or edit a cluster: names, descriptions, kind, TSIC, agencies, provinces, policy tags, published, archive. */
export function ClusterForm({ cluster, onDone }: ClusterFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useClusterLabels();
  const agencies = useAgencies();
  const parents = useClusterOptions();
  const create = useCreateClusterMutation();
  const update = useUpdateClusterMutation(cluster?.id ?? "");
  const mutation = cluster ? update : create;
  const [original] = useState(() => draftOf(cluster));
  const [draft, setDraft] = useState(original);
  const [errors, setErrors] = useState<ClientErrors>({});
  const [nothing, setNothing] = useState(false);
  const headingId = useId();
  const server = fieldErrorsOf(mutation.error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const fieldError = (key: string, client?: string) => client ?? server[key] ?? null;
  const placed = [
    "code",
    "kind",
    "nameTh",
    "nameEn",
    "descriptionTh",
    "descriptionEn",
    "tsicCode",
    "coordinatingAgencyId",
    "cooperatingAgencyId",
    "parentId",
    "maturity",
    "provinceCodes",
    "policyTags",
    "status",
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: ClientErrors = {};
    if (!isRecordCode(draft.code.trim())) next.code = t("registry.codeInvalid");
    if (!draft.nameTh.trim() && !draft.nameEn.trim()) next.nameTh = t("registry.nameRequired");
    if (draft.tsicCode.trim() && !createClusterBody.shape.tsicCode.safeParse(draft.tsicCode.trim()).success)
      next.tsicCode = t("registry.tsicInvalid");
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const body = changes(draft, original, cluster === null);
    if (Object.keys(body).length === 0) {
      setNothing(true);
      return;
    }
    setNothing(false);
    mutation.mutate(body, { onSuccess: (saved) => onDone({ id: String(saved.id) }) });
  };

  const agencyOptions = [...(agencies.data ?? [])].sort((a, b) =>
    pickLocalized(locale, a.nameTh, a.nameEn).localeCompare(pickLocalized(locale, b.nameTh, b.nameEn), locale),
  );
  const extra = unplacedErrors(mutation.error, placed);

  return (
    <form className="form panel cluster-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h2 id={headingId} className={cluster ? undefined : "visually-hidden"}>
        {cluster
          ? t("registry.editTitle", { name: localName(locale, cluster) || cluster.code })
          : t("registry.createTitle")}
      </h2>
      <p className="muted small">{t("registry.editorsOnly")}</p>
      {mutation.isError && <ErrorMessage error={mutation.error} />}
      {extra.length > 0 && (
        <ul className="field-error">
          {extra.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {nothing && (
        <p className="alert alert-info" role="status">
          {t("registry.noChanges")}
        </p>
      )}
      <div className="form-grid">
        <FormField label={t("registry.nameTh")} error={fieldError("nameTh", errors.nameTh)}>
          {(control) => (
            <input {...control} lang="th" value={draft.nameTh} onChange={(e) => set("nameTh", e.target.value)} />
          )}
        </FormField>
        <FormField label={t("common.optionalField", { field: t("registry.nameEn") })} error={fieldError("nameEn")}>
          {(control) => (
            <input {...control} lang="en" value={draft.nameEn} onChange={(e) => set("nameEn", e.target.value)} />
          )}
        </FormField>
        <FormField label={t("registry.code")} hint={t("registry.codeHint")} error={fieldError("code", errors.code)}>
          {(control) => (
            <input
              {...control}
              required
              value={draft.code}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => set("code", e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t("registry.kind")} error={fieldError("kind")}>
          {(control) => (
            <select
              {...control}
              value={draft.kind}
              onChange={(e) => {
                if (isClusterKind(e.target.value)) set("kind", e.target.value);
              }}
            >
              {CLUSTER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {labels.kind(kind)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label={t("registry.tsic")}
          hint={t("registry.tsicHint")}
          error={fieldError("tsicCode", errors.tsicCode)}
        >
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={draft.tsicCode}
              onChange={(e) => set("tsicCode", e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t("registry.maturity")} error={fieldError("maturity")}>
          {(control) => (
            <select
              {...control}
              value={draft.maturity}
              onChange={(e) => set("maturity", isMaturity(e.target.value) ? e.target.value : "")}
            >
              <option value="">{t("registry.noMaturity")}</option>
              {MATURITIES.map((m) => (
                <option key={m} value={m}>
                  {labels.maturity(m)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("registry.coordinatingAgency")} error={fieldError("coordinatingAgencyId")}>
          {(control) => (
            <select
              {...control}
              value={draft.coordinatingAgencyId}
              onChange={(e) => set("coordinatingAgencyId", e.target.value)}
            >
              <option value="">{t("registry.chooseAgency")}</option>
              {agencyOptions.map((a) => (
                <option key={a.id} value={a.id}>
                  {pickLocalized(locale, a.nameTh, a.nameEn)}
                  {a.abbreviation ? ` (${a.abbreviation})` : ""}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("registry.cooperatingAgency")} error={fieldError("cooperatingAgencyId")}>
          {(control) => (
            <select
              {...control}
              value={draft.cooperatingAgencyId}
              onChange={(e) => set("cooperatingAgencyId", e.target.value)}
            >
              <option value="">{t("registry.chooseAgency")}</option>
              {agencyOptions.map((a) => (
                <option key={a.id} value={a.id}>
                  {pickLocalized(locale, a.nameTh, a.nameEn)}
                  {a.abbreviation ? ` (${a.abbreviation})` : ""}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("registry.parent")} error={fieldError("parentId")}>
          {(control) => (
            <select {...control} value={draft.parentId} onChange={(e) => set("parentId", e.target.value)}>
              <option value="">{t("registry.chooseAgency")}</option>
              {(parents.data ?? [])
                .filter((c) => c.id !== cluster?.id)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {localName(locale, c) || c.code}
                  </option>
                ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="form-grid form-grid-wide">
        <FormField label={t("registry.descriptionTh")} error={fieldError("descriptionTh")}>
          {(control) => (
            <textarea
              {...control}
              lang="th"
              rows={3}
              value={draft.descriptionTh}
              onChange={(e) => set("descriptionTh", e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t("registry.descriptionEn")} error={fieldError("descriptionEn")}>
          {(control) => (
            <textarea
              {...control}
              lang="en"
              rows={3}
              value={draft.descriptionEn}
              onChange={(e) => set("descriptionEn", e.target.value)}
            />
          )}
        </FormField>
      </div>
      <ProvincePicker
        legend={t("registry.provinces")}
        selected={draft.provinceCodes}
        onChange={(codes) => set("provinceCodes", codes)}
        error={server.provinceCodes ?? null}
      />
      <fieldset className="tag-picker">
        <legend>{t("registry.policyTags")}</legend>
        <div className="check-grid">
          {POLICY_TAG_OPTIONS.map((tag) => {
            const { label, title } = labels.policyTag(tag);
            return (
              <label key={tag} className="check" title={title}>
                <input
                  type="checkbox"
                  checked={draft.policyTags.includes(tag)}
                  onChange={(e) =>
                    set(
                      "policyTags",
                      e.target.checked
                        ? [...draft.policyTags, tag]
                        : draft.policyTags.filter((existing) => existing !== tag),
                    )
                  }
                />
                {label}
              </label>
            );
          })}
        </div>
        {server.policyTags && <p className="field-error">{server.policyTags}</p>}
      </fieldset>
      <div className="form-grid">
        <div className="field field-checkbox">
          <input
            id={`${headingId}-published`}
            type="checkbox"
            checked={draft.published}
            onChange={(e) => set("published", e.target.checked)}
          />
          <label htmlFor={`${headingId}-published`}>{t("registry.published")}</label>
        </div>
        {cluster && (
          <FormField label={t("registry.status")} hint={t("registry.archiveHint")} error={fieldError("status")}>
            {(control) => (
              <select
                {...control}
                value={draft.status}
                onChange={(e) => {
                  if (isClusterStatus(e.target.value)) set("status", e.target.value);
                }}
              >
                {CLUSTER_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {labels.status(status)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t("common.saving") : cluster ? t("common.save") : t("registry.create")}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
