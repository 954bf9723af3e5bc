import { parseAmountText } from "@sainam/core";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { ChoiceField } from "../../../components/ChoiceField";
import { FormField } from "../../../components/FormField";
import { isLinkageKind, LINKAGE_KINDS, parsePartyKey, type LinkageKind } from "../model";
import { useAddLinkageMutation } from "../mutations";
import { useValueChainLabels } from "../useValueChainLabels";

interface PartyOption {
  id: number;
  name: string;
}

interface AddLinkageFormProps {
  clusterId: string;
  members: PartyOption[];
  institutions: PartyOption[];
  onAdded: () => void;
  onCancel: () => void;
}

type Errors = Partial<Record<"from" | "to" | "annualValue", string>>;

/** Records a directed link between two parties of the cluster, with kind, product and annual value. */
export function AddLinkageForm({ clusterId, members, institutions, onAdded, onCancel }: AddLinkageFormProps) {
  const { t } = useTranslation();
  const labels = useValueChainLabels();
  const add = useAddLinkageMutation(clusterId);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [kind, setKind] = useState<LinkageKind>("supplies");
  const [product, setProduct] = useState("");
  const [annualValue, setAnnualValue] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const headingId = useId();
  const server = fieldErrorsOf(add.error);

  const options = (
    <>
      <option value="">{t("linkages.choose")}</option>
      <optgroup label={t("linkages.membersGroup")}>
        {members.map((m) => (
          <option key={m.id} value={`enterprise:${m.id}`}>
            {m.name}
          </option>
        ))}
      </optgroup>
      {institutions.length > 0 && (
        <optgroup label={t("linkages.institutionsGroup")}>
          {institutions.map((i) => (
            <option key={i.id} value={`institution:${i.id}`}>
              {i.name}
            </option>
          ))}
        </optgroup>
      )}
    </>
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Errors = {};
    const fromParty = parsePartyKey(from);
    const toParty = parsePartyKey(to);
    if (!fromParty) next.from = t("linkages.partyRequired");
    if (!toParty) next.to = t("linkages.partyRequired");
    if (fromParty && toParty && from === to) next.to = t("linkages.sameParty");
    const read = parseAmountText(annualValue);
    if (read === "invalid") next.annualValue = t("linkages.valueInvalid");
    const value = read === "invalid" ? null : read;
    setErrors(next);
    if (Object.keys(next).length > 0 || !fromParty || !toParty) return;
    add.mutate(
      { from: fromParty, to: toParty, kind, product: product.trim() || null, annualValue: value },
      { onSuccess: onAdded },
    );
  };

  return (
    <form className="form inline-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h3 id={headingId} className="form-title">
        {t("linkages.addTitle")}
      </h3>
      {add.isError && <ErrorMessage error={add.error} />}
      <div className="form-grid">
        <FormField label={t("linkages.from")} error={errors.from ?? server["from.id"] ?? server.from ?? null}>
          {(control) => (
            <select {...control} value={from} onChange={(event) => setFrom(event.target.value)}>
              {options}
            </select>
          )}
        </FormField>
        <ChoiceField
          label={t("linkages.kind")}
          error={server.kind ?? null}
          value={kind}
          options={LINKAGE_KINDS}
          isOption={isLinkageKind}
          labelOf={labels.linkKind}
          onChange={setKind}
        />
        <FormField label={t("linkages.to")} error={errors.to ?? server["to.id"] ?? server.to ?? null}>
          {(control) => (
            <select {...control} value={to} onChange={(event) => setTo(event.target.value)}>
              {options}
            </select>
          )}
        </FormField>
        <FormField label={t("linkages.product")} error={server.product ?? null}>
          {(control) => (
            <input {...control} value={product} maxLength={300} onChange={(event) => setProduct(event.target.value)} />
          )}
        </FormField>
        <FormField label={t("linkages.annualValue")} error={errors.annualValue ?? server.annualValue ?? null}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              value={annualValue}
              onChange={(event) => setAnnualValue(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          {add.isPending ? t("common.saving") : t("linkages.add")}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
