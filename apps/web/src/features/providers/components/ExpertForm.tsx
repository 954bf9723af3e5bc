import type { UpdateExpertBody } from "@sainam/contract";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { isExpertField, type ExpertField } from "../../users/model";
import type { Expert } from "../model";
import { useSaveExpertMutation } from "../mutations";
import { FieldsChoice } from "./FieldsChoice";
import { ProvincesChoice } from "./ProvincesChoice";

interface ExpertFormProps {
  providerId: number;
  /** The expert to change; none to add one. */
  expert?: Expert;
  onDone: (saved: boolean) => void;
}

/**
 * Adds or changes an expert of a provider: name, fields, provinces served (regions are kept as they are), capacity
 * (open cases at once) and availability.
 */
export function ExpertForm({ providerId, expert, onDone }: ExpertFormProps) {
  const { t } = useTranslation();
  const save = useSaveExpertMutation();
  const [displayName, setDisplayName] = useState(expert?.displayName ?? "");
  const [fields, setFields] = useState<ExpertField[]>((expert?.fields ?? []).filter(isExpertField));
  const [provinces, setProvinces] = useState<string[]>(
    (expert?.areas ?? []).filter((a) => a.type === "province").map((a) => a.code),
  );
  const [capacity, setCapacity] = useState(String(expert?.capacity ?? 1));
  const [available, setAvailable] = useState(expert?.available ?? true);
  const ids = { heading: useId(), available: useId() };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const regions = (expert?.areas ?? []).filter((a) => a.type === "region");
    const changes: UpdateExpertBody = {
      displayName: displayName.trim(),
      fields,
      areas: [...regions, ...provinces.map((code) => ({ type: "province" as const, code }))],
      capacity: Number(capacity),
      available,
    };
    const done = { onSuccess: () => onDone(true) };
    if (expert) save.mutate({ id: expert.id, changes }, done);
    else save.mutate({ id: null, body: { ...changes, providerId, displayName: displayName.trim() } }, done);
  };

  return (
    <form className="form inline-form" onSubmit={submit} aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className="form-title">
        {expert ? t("providers.editExpertTitle", { name: expert.displayName }) : t("providers.addExpertTitle")}
      </h3>
      {save.isError && <ErrorMessage error={save.error} />}
      <div className="form-grid">
        <FormField label={t("providers.expertName")}>
          {(control) => (
            <input {...control} required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          )}
        </FormField>
        <FormField label={t("providers.capacity")} hint={t("providers.capacityHint")}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={50}
              required
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
            />
          )}
        </FormField>
        <div className="field field-checkbox">
          <input
            id={ids.available}
            type="checkbox"
            checked={available}
            onChange={(e) => setAvailable(e.target.checked)}
          />
          <label htmlFor={ids.available}>{t("providers.available")}</label>
        </div>
        <ProvincesChoice label={t("providers.expertProvinces")} value={provinces} onChange={setProvinces} />
      </div>
      <FieldsChoice legend={t("providers.expertFields")} value={fields} onChange={setFields} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
