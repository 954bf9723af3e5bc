import type { UpdateAgencyBody } from "@sainam/contract";
import { useId, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { pickLocalized, otherLocale } from "../../../lib/bilingual";
import { buildAgencyTree, type Agency, type AgencyNode } from "../model";
import { useUpdateAgencyMutation } from "../mutations";
import { useAgencies } from "../queries";

const AGENCY_KINDS = [
  "ministry",
  "department",
  "office",
  "institute",
  "service_centre",
  "service_center",
  "branch",
  "network",
  "agency",
  "state_enterprise",
  "public_organization",
] as const;
type AgencyKind = (typeof AGENCY_KINDS)[number];

function isAgencyKind(kind: string): kind is AgencyKind {
  return AGENCY_KINDS.some((known) => known === kind);
}

interface AgencyTreeProps {
  /** Show the edit buttons (the server still decides, per agency, and answers 403 when not allowed). */
  canEdit: boolean;
}

export function AgencyTree({ canEdit }: AgencyTreeProps) {
  const agencies = useAgencies();
  const locale = useLocale();
  const { t } = useTranslation();
  const tree = useMemo(
    () =>
      buildAgencyTree(agencies.data ?? [], (a, b) =>
        pickLocalized(locale, a.nameTh, a.nameEn).localeCompare(pickLocalized(locale, b.nameTh, b.nameEn), locale),
      ),
    [agencies.data, locale],
  );
  return (
    <QueryState query={agencies} isEmpty={(items) => items.length === 0}>
      {() => (
        <ul className="agency-tree" aria-label={t("agencies.tree")}>
          {tree.map((node) => (
            <AgencyItem key={node.agency.id} node={node} canEdit={canEdit} />
          ))}
        </ul>
      )}
    </QueryState>
  );
}

function AgencyItem({ node, canEdit }: { node: AgencyNode; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const { agency } = node;
  const name = pickLocalized(locale, agency.nameTh, agency.nameEn);
  const other = locale === "th" ? agency.nameEn : agency.nameTh;
  const kind = agency.kind && isAgencyKind(agency.kind) ? t(`agencies.kinds.${agency.kind}`) : agency.kind;

  return (
    <li>
      <div className="agency">
        <div className="agency-names">
          <span className="agency-name">
            {name}
            {agency.abbreviation && <span className="abbr"> ({agency.abbreviation})</span>}
          </span>
          {other && other !== name && (
            <span className="muted secondary-name" lang={otherLocale(locale)}>
              {other}
            </span>
          )}
        </div>
        <div className="agency-meta">
          {kind && <span className="tag">{kind}</span>}
          {canEdit && !editing && (
            <button
              type="button"
              className="button button-small button-secondary"
              onClick={() => setEditing(true)}
              aria-label={t("agencies.editTitle", { name })}
            >
              {t("common.edit")}
            </button>
          )}
        </div>
      </div>
      {editing && <AgencyEditForm agency={agency} onDone={() => setEditing(false)} />}
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <AgencyItem key={child.agency.id} node={child} canEdit={canEdit} />
          ))}
        </ul>
      )}
    </li>
  );
}

function AgencyEditForm({ agency, onDone }: { agency: Agency; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdateAgencyMutation();
  const serverErrors = fieldErrorsOf(update.error);
  const [nameTh, setNameTh] = useState(agency.nameTh ?? "");
  const [nameEn, setNameEn] = useState(agency.nameEn ?? "");
  const [abbreviation, setAbbreviation] = useState(agency.abbreviation ?? "");
  const ids = { abbr: useId(), heading: useId() };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Send only what changed, so an officer's edit does not overwrite a field someone else changed meanwhile.
    // A cleared optional name is sent as null, the contract's "no value" (an empty string would be refused).
    const changes: UpdateAgencyBody = {};
    if (nameTh.trim() !== (agency.nameTh ?? "")) changes.nameTh = nameTh.trim() || null;
    if (nameEn.trim() !== (agency.nameEn ?? "")) changes.nameEn = nameEn.trim() || null;
    if (abbreviation.trim() !== (agency.abbreviation ?? "")) changes.abbreviation = abbreviation.trim() || null;
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate({ id: agency.id, changes }, { onSuccess: onDone });
  };

  return (
    <form className="form inline-form" onSubmit={submit} aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className="form-title">
        {t("agencies.editTitle", { name: pickLocalized(locale, agency.nameTh, agency.nameEn) })}
      </h3>
      <p className="muted small">{t("agencies.editHint")}</p>
      {update.isError && <ErrorMessage error={update.error} placed={["nameTh", "nameEn"]} />}
      <FormField label={t("common.nameTh")} error={serverErrors.nameTh ?? null}>
        {(control) => (
          <input {...control} lang="th" value={nameTh} onChange={(event) => setNameTh(event.target.value)} />
        )}
      </FormField>
      <FormField label={t("common.optionalField", { field: t("common.nameEn") })} error={serverErrors.nameEn ?? null}>
        {(control) => (
          <input {...control} lang="en" value={nameEn} onChange={(event) => setNameEn(event.target.value)} />
        )}
      </FormField>
      <div className="field">
        <label htmlFor={ids.abbr}>{t("agencies.abbreviation")}</label>
        <input id={ids.abbr} value={abbreviation} onChange={(event) => setAbbreviation(event.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {update.isPending ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
