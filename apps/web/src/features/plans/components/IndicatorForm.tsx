import type { RecordId } from "../../clusters/queries";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ChoiceField } from "../../../components/ChoiceField";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { PeriodSelect } from "../../../components/PeriodSelect";
import {
  AGGREGATIONS,
  baselinePeriodKeys,
  DISAGGREGATIONS,
  INDICATOR_DIRECTIONS,
  isAggregation,
  isIndicatorDirection,
  type Aggregation,
  type FiscalSpan,
  type Indicator,
  type IndicatorDirection,
} from "../model";
import { useComputedSourceMutation, useCreateIndicatorMutation, useUpdateIndicatorMutation } from "../mutations";

function numberOrNull(text: string): number | null {
  const trimmed = text.trim().replaceAll(",", "");
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** The fields this form shows the server's errors under. */
const PLACED = [
  "code",
  "nameTh",
  "nameEn",
  "unit",
  "direction",
  "aggregation",
  "ratioScale",
  "baselineValue",
  "baselinePeriod",
  "disaggregations",
  "decimals",
  "descriptionTh",
  "descriptionEn",
];

/** Every field of an indicator: code, names, unit, direction, aggregation (a ratio needs its scale), baseline, disaggregations, decimals, description. */
export function IndicatorForm({
  nodeId,
  indicator,
  span,
  onDone,
}: {
  nodeId: RecordId;
  indicator: Indicator | null;
  /** The plan's fiscal years: the baseline period is chosen from the years before and during the plan. */
  span: FiscalSpan;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateIndicatorMutation(nodeId);
  const update = useUpdateIndicatorMutation(indicator?.id ?? "");
  const mutation = indicator ? update : create;
  const computedSource = useComputedSourceMutation();
  const [computed, setComputed] = useState(indicator?.computedFrom === "service_ratings");
  const serverErrors = fieldErrorsOf(mutation.error);
  const headingId = useId();
  const [direction, setDirection] = useState<IndicatorDirection>(
    indicator && isIndicatorDirection(indicator.direction) ? indicator.direction : "increase",
  );
  const [aggregation, setAggregation] = useState<Aggregation>(
    indicator && isAggregation(indicator.aggregation) ? indicator.aggregation : "sum",
  );
  const [dimensions, setDimensions] = useState<string[]>(indicator?.disaggregations ?? []);
  const [form, setForm] = useState({
    code: indicator?.code ?? "",
    nameTh: indicator?.nameTh ?? "",
    nameEn: indicator?.nameEn ?? "",
    unit: indicator?.unit ?? "",
    ratioScale: indicator?.ratioScale?.toString() ?? "",
    baselineValue: indicator?.baselineValue?.toString() ?? "",
    baselinePeriod: indicator?.baselinePeriod ?? "",
    decimals: indicator?.decimals?.toString() ?? "",
    descriptionTh: indicator?.descriptionTh ?? "",
    descriptionEn: indicator?.descriptionEn ?? "",
  });
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...serverErrors, ...localErrors };
  const set = (key: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const numbers = {
      ratioScale: numberOrNull(form.ratioScale),
      baselineValue: numberOrNull(form.baselineValue),
      decimals: numberOrNull(form.decimals),
    };
    const problems: Record<string, string> = {};
    for (const [key, value] of Object.entries(numbers))
      if (Number.isNaN(value)) problems[key] = t("planEdit.notANumber");
    if (aggregation === "ratio" && numbers.ratioScale === null) problems.ratioScale = t("planEdit.ratioScaleRequired");
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    mutation.mutate(
      {
        code: form.code.trim(),
        nameEn: form.nameEn.trim() || null,
        nameTh: form.nameTh.trim() || null,
        unit: form.unit.trim() || null,
        direction,
        aggregation,
        ratioScale: aggregation === "ratio" ? numbers.ratioScale : null,
        baselineValue: numbers.baselineValue,
        baselinePeriod: form.baselinePeriod || null,
        disaggregations: dimensions,
        decimals: numbers.decimals,
        descriptionEn: form.descriptionEn.trim() || null,
        descriptionTh: form.descriptionTh.trim() || null,
      },
      {
        // Whether values are computed from service ratings is kept by its own call, once the indicator exists.
        onSuccess: (saved) => {
          if (computed === (indicator?.computedFrom === "service_ratings")) onDone();
          else computedSource.mutate({ indicatorId: saved.id, computed }, { onSuccess: onDone });
        },
      },
    );
  };

  const text = (key: keyof typeof form, label: string, hint?: string) => (
    <FormField label={label} hint={hint} error={errors[key] ?? null}>
      {(control) => <input {...control} value={form[key]} onChange={(event) => set(key)(event.target.value)} />}
    </FormField>
  );

  return (
    <form className="inline-form indicator-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h4 id={headingId} className="form-title">
        {indicator ? t("planEdit.editIndicator") : t("planEdit.addIndicator")}
      </h4>
      {mutation.error !== null && <ErrorMessage error={mutation.error} placed={PLACED} />}
      {computedSource.error !== null && <ErrorMessage error={computedSource.error} />}
      <div className="form-grid">
        {text("code", t("common.code"))}
        {text("nameTh", t("planEdit.nameTh"))}
        {text("nameEn", t("common.optionalField", { field: t("planEdit.nameEn") }))}
        {text("unit", t("plans.unit"), t("planEdit.unitHint"))}
        <ChoiceField
          label={t("planEdit.direction")}
          error={errors.direction ?? null}
          value={direction}
          options={INDICATOR_DIRECTIONS}
          isOption={isIndicatorDirection}
          labelOf={(option) => t(`planEdit.directions.${option}`)}
          onChange={setDirection}
        />
        <ChoiceField
          label={t("planEdit.aggregation")}
          error={errors.aggregation ?? null}
          value={aggregation}
          options={AGGREGATIONS}
          isOption={isAggregation}
          labelOf={(option) => t(`planEdit.aggregations.${option}`)}
          onChange={setAggregation}
        />
        {aggregation === "ratio" && text("ratioScale", t("planEdit.ratioScale"), t("planEdit.ratioScaleHint"))}
        {text("baselineValue", t("planEdit.baselineValue"))}
        <PeriodSelect
          label={t("planEdit.baselinePeriod")}
          keys={baselinePeriodKeys(span, indicator?.baselinePeriod ?? null)}
          value={form.baselinePeriod}
          onChange={set("baselinePeriod")}
          emptyLabel={t("planEdit.noBaselinePeriod")}
          error={errors.baselinePeriod ?? null}
        />
        {text("decimals", t("planEdit.decimals"))}
        <fieldset className="field">
          <legend>{t("planEdit.disaggregations")}</legend>
          {DISAGGREGATIONS.map((dimension) => (
            <label key={dimension} className="field-checkbox">
              <input
                type="checkbox"
                checked={dimensions.includes(dimension)}
                onChange={(event) =>
                  setDimensions((current) =>
                    event.target.checked ? [...current, dimension] : current.filter((d) => d !== dimension),
                  )
                }
              />
              {t(`planEdit.dimensions.${dimension}`)}
            </label>
          ))}
          {errors.disaggregations && <p className="field-error">{errors.disaggregations}</p>}
        </fieldset>
        <label className="field-checkbox">
          <input type="checkbox" checked={computed} onChange={(event) => setComputed(event.target.checked)} />
          {t("planEdit.computedFromRatings")}
        </label>
        <FormField label={t("planEdit.descriptionTh")} error={errors.descriptionTh ?? null}>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={form.descriptionTh}
              onChange={(event) => set("descriptionTh")(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t("planEdit.descriptionEn")} error={errors.descriptionEn ?? null}>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={form.descriptionEn}
              onChange={(event) => set("descriptionEn")(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending || computedSource.isPending}
        >
          {mutation.isPending || computedSource.isPending ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
