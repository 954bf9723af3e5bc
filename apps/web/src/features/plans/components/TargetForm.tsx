import { isOrgUnitType, isTarget, parseAmountText, type ChangeThreshold } from "@sainam/core";
import type { RecordId } from "../../clusters/queries";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useDebouncedValue } from "../../../components/useDebouncedValue";
import { useLocale } from "../../../i18n";
import { PeriodSelect } from "../../../components/PeriodSelect";
import { targetPeriodKeys, type FiscalSpan, type IndicatorTarget } from "../model";
import { useSaveTargetMutation } from "../mutations";
import { useTargetPreview } from "../queries";

const ORG_UNIT_TYPES = ["nation", "region", "provincial_cluster", "province", "cluster", "programme"] as const;
const MEASURES = ["percent", "difference"] as const;
const BASES = ["previous_period", "baseline"] as const;

/** The server's reading of a text as the owner types it: the label in the interface language, or why it cannot be read. */
function TargetPreview({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const debounced = useDebouncedValue(text, 250);
  const preview = useTargetPreview(debounced);
  if (debounced.trim() === "") return null;
  let body: string;
  let className = "target-preview";
  if (preview.isError) {
    body = t("planEdit.previewFailed");
    className += " is-error";
  } else if (!preview.data) {
    body = t("common.loading");
  } else if (preview.data.labels === null) {
    body = t("planEdit.previewUnreadable");
    className += " is-error";
  } else {
    const kind = preview.data.kind ?? "";
    body = `${t(`planEdit.targetKinds.${kind}`, { defaultValue: kind })}: ${locale === "th" ? preview.data.labels.th : preview.data.labels.en}`;
  }
  return (
    <p className={className} aria-live="polite" data-testid="target-preview">
      <span className="muted">{label}: </span>
      {body}
    </p>
  );
}

/** The owner's threshold on a stored direction-only target (core's Target), if set. */
function thresholdOf(target: unknown): ChangeThreshold | null {
  return isTarget(target) && target.kind === "direction" ? target.threshold : null;
}

interface TargetFormProps {
  indicatorId: RecordId;
  target: IndicatorTarget | null;
  /** The plan's fiscal years: a target's period is one of them or one of their quarters. */
  span: FiscalSpan;
  onDone: () => void;
}

/**
 * A target per period (and optionally per org unit) written in Thai and/or English and read by the server, with
 * a live preview of how it was understood; a direction-only target ("increase significantly") takes the threshold
 * its owner sets.
 */
export function TargetForm({ indicatorId, target, span, onDone }: TargetFormProps) {
  const { t } = useTranslation();
  const save = useSaveTargetMutation(indicatorId, target?.id ?? null);
  const errors = fieldErrorsOf(save.error);
  const headingId = useId();
  const threshold = thresholdOf(target?.target);
  const [form, setForm] = useState({
    periodKey: target?.periodKey ?? "",
    orgUnitType: target?.orgUnitType ?? "",
    orgUnitCode: target?.orgUnitCode ?? "",
    textTh: target?.textTh ?? "",
    textEn: target?.textEn ?? "",
    measure: threshold?.measure ?? "percent",
    against: threshold?.against ?? "previous_period",
    amount: threshold ? String(threshold.amount) : "",
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));
  const previewEn = useTargetPreview(useDebouncedValue(form.textEn, 250));
  const previewTh = useTargetPreview(useDebouncedValue(form.textTh, 250));
  const isDirection = (previewEn.data?.kind ?? previewTh.data?.kind ?? target?.kind) === "direction";
  const [amountError, setAmountError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const amount = parseAmountText(form.amount);
    if (amount === "invalid") {
      setAmountError(t("planEdit.notANumber"));
      return;
    }
    setAmountError(null);
    const textsChanged = !target || form.textEn !== (target.textEn ?? "") || form.textTh !== (target.textTh ?? "");
    save.mutate(
      {
        periodKey: form.periodKey || null,
        orgUnitType: isOrgUnitType(form.orgUnitType) ? form.orgUnitType : null,
        orgUnitCode: form.orgUnitCode.trim() || null,
        ...(textsChanged && { textEn: form.textEn.trim() || null, textTh: form.textTh.trim() || null }),
        ...(isDirection && {
          threshold: amount === null ? null : { measure: form.measure, against: form.against, amount },
        }),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="inline-form target-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h5 id={headingId} className="form-title">
        {target ? t("planEdit.editTarget") : t("planEdit.addTarget")}
      </h5>
      {save.error !== null && <ErrorMessage error={save.error} />}
      <div className="form-grid">
        <FormField label={t("planEdit.targetTextTh")} error={errors.textTh ?? null} hint={t("planEdit.targetTextHint")}>
          {(control) => (
            <input {...control} value={form.textTh} onChange={(event) => set("textTh")(event.target.value)} />
          )}
        </FormField>
        <FormField label={t("planEdit.targetTextEn")} error={errors.textEn ?? errors.target ?? null}>
          {(control) => (
            <input {...control} value={form.textEn} onChange={(event) => set("textEn")(event.target.value)} />
          )}
        </FormField>
        <PeriodSelect
          label={t("plans.targetPeriod")}
          keys={targetPeriodKeys(span, target?.periodKey ?? null)}
          value={form.periodKey}
          onChange={set("periodKey")}
          emptyLabel={t("plans.wholePlan")}
          error={errors.periodKey ?? null}
        />
        <FormField label={t("planEdit.orgUnitType")} error={errors.orgUnitType ?? null}>
          {(control) => (
            <select {...control} value={form.orgUnitType} onChange={(event) => set("orgUnitType")(event.target.value)}>
              <option value="">{t("planEdit.everyUnit")}</option>
              {ORG_UNIT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`planEdit.orgUnits.${type}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {form.orgUnitType && (
          <FormField label={t("planEdit.orgUnitCode")} error={errors.orgUnitCode ?? null}>
            {(control) => (
              <input
                {...control}
                value={form.orgUnitCode}
                onChange={(event) => set("orgUnitCode")(event.target.value)}
              />
            )}
          </FormField>
        )}
      </div>
      <TargetPreview text={form.textTh} label={t("planEdit.previewTh")} />
      <TargetPreview text={form.textEn} label={t("planEdit.previewEn")} />
      {isDirection && (
        <fieldset className="threshold">
          <legend>{t("planEdit.threshold")}</legend>
          <p className="hint">{t("planEdit.thresholdHint")}</p>
          <div className="form-grid">
            <FormField
              label={t("planEdit.thresholdAmount")}
              error={amountError ?? errors.threshold ?? errors["threshold.amount"] ?? null}
            >
              {(control) => (
                <input
                  {...control}
                  inputMode="decimal"
                  value={form.amount}
                  onChange={(event) => set("amount")(event.target.value)}
                />
              )}
            </FormField>
            <FormField label={t("planEdit.thresholdMeasure")}>
              {(control) => (
                <select {...control} value={form.measure} onChange={(event) => set("measure")(event.target.value)}>
                  {MEASURES.map((measure) => (
                    <option key={measure} value={measure}>
                      {t(`planEdit.measures.${measure}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t("planEdit.thresholdAgainst")}>
              {(control) => (
                <select {...control} value={form.against} onChange={(event) => set("against")(event.target.value)}>
                  {BASES.map((basis) => (
                    <option key={basis} value={basis}>
                      {t(`planEdit.bases.${basis}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </div>
        </fieldset>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
