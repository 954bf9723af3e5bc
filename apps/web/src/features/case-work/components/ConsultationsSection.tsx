import { serviceModes, type ServiceMode } from "@sainam/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ChoiceField } from "../../../components/ChoiceField";
import { DateInput } from "../../../components/DateInput";
import type { DateFieldValue } from "../../../components/date-input-text";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useLocale } from "../../../i18n";
import { formatDate, formatNumber } from "../../../lib/format";
import { useSaveConsultationMutation } from "../mutations";
import type { CaseWorkView, ConsultationView } from "../model";

const isServiceMode = (value: string): value is ServiceMode => serviceModes.some((m) => m === value);

/** Hours as people type them: "1.5", "1,5" or "2". Null when empty, "invalid" when not a number. */
function parseHours(text: string): number | null | "invalid" {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : "invalid";
}

const PLACED = ["heldOn", "mode", "hours", "advice", "nextSteps"];

function ConsultationForm({
  requestId,
  editing,
  onDone,
}: {
  requestId: number;
  editing: ConsultationView | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveConsultationMutation(requestId);
  const [heldOn, setHeldOn] = useState<DateFieldValue>(editing?.heldOn ?? "");
  const [mode, setMode] = useState<ServiceMode>(editing && isServiceMode(editing.mode) ? editing.mode : "visit");
  const [hours, setHours] = useState(editing ? String(editing.hours) : "");
  const [advice, setAdvice] = useState(editing?.advice ?? "");
  const [nextSteps, setNextSteps] = useState(editing?.nextSteps ?? "");
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrorsOf(save.error);
  const errorOf = (field: string) => local[field] ?? server[field] ?? null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const hoursValue = parseHours(hours);
    const check: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(heldOn)) check.heldOn = t("caseWork.required");
    if (hoursValue === null) check.hours = t("caseWork.required");
    else if (hoursValue === "invalid" || hoursValue <= 0) check.hours = t("caseWork.hoursPositive");
    if (!advice.trim()) check.advice = t("caseWork.required");
    setLocal(check);
    if (Object.keys(check).length > 0 || typeof hoursValue !== "number") return;
    const fields = { heldOn, mode, hours: hoursValue, advice: advice.trim(), nextSteps: nextSteps.trim() || null };
    save.mutate(editing ? { id: editing.id, changes: fields } : { id: null, body: fields }, {
      onSuccess: () => {
        if (!editing) {
          setHours("");
          setAdvice("");
          setNextSteps("");
        }
        setLocal({});
        onDone();
      },
    });
  };

  const title = editing ? t("caseWork.editConsultation") : t("caseWork.addConsultation");
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={title}>
      <h4>{title}</h4>
      {save.isError && <ErrorMessage error={save.error} placed={PLACED} />}
      <div className="form-grid">
        <DateInput
          label={t("caseWork.heldOn")}
          value={heldOn}
          onChange={setHeldOn}
          error={errorOf("heldOn")}
          required
        />
        <ChoiceField
          label={t("caseWork.mode")}
          value={mode}
          options={serviceModes}
          isOption={isServiceMode}
          labelOf={(m) => t(`caseWork.modes.${m}`)}
          onChange={setMode}
          error={errorOf("mode")}
        />
        <FormField label={t("caseWork.hours")} error={errorOf("hours")}>
          {(control) => (
            <input {...control} inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} />
          )}
        </FormField>
      </div>
      <FormField label={t("caseWork.advice")} error={errorOf("advice")}>
        {(control) => <textarea {...control} rows={3} value={advice} onChange={(e) => setAdvice(e.target.value)} />}
      </FormField>
      <FormField label={t("common.optionalField", { field: t("caseWork.nextSteps") })} error={errorOf("nextSteps")}>
        {(control) => (
          <textarea {...control} rows={2} value={nextSteps} onChange={(e) => setNextSteps(e.target.value)} />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t("common.saving") : title}
        </button>
        {editing && (
          <button type="button" className="button button-secondary" onClick={onDone}>
            {t("common.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

/** The consultations held so far, newest first, and (for those who work the case) the form to record one. */
export function ConsultationsSection({ work }: { work: CaseWorkView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState<ConsultationView | null>(null);
  return (
    <section className="case-work-part" aria-labelledby="case-work-consultations">
      <h3 id="case-work-consultations">{t("caseWork.consultations")}</h3>
      {work.consultations.length === 0 ? (
        <p className="state state-empty">{t("caseWork.consultationsEmpty")}</p>
      ) : (
        <ul className="plain-list case-work-list" data-testid="consultations">
          {work.consultations.map((c) => (
            <li key={c.id}>
              <p>
                <strong>{formatDate(c.heldOn, locale)}</strong> ·{" "}
                {t(`caseWork.modes.${c.mode}`, { defaultValue: c.mode })} ·{" "}
                {t("caseWork.hoursValue", { hours: formatNumber(c.hours, locale) })}
              </p>
              <p>{c.advice}</p>
              {c.nextSteps && (
                <p className="muted">
                  {t("caseWork.nextSteps")}: {c.nextSteps}
                </p>
              )}
              {work.can.work && (
                <button type="button" className="button button-link" onClick={() => setEditing(c)}>
                  {t("caseWork.editThis", { date: formatDate(c.heldOn, locale) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {work.can.work && (
        <ConsultationForm
          key={editing?.id ?? "new"}
          requestId={work.requestId}
          editing={editing}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}
