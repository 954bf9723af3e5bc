import { fiscalYearOf, isIsoDate } from "@sainam/core";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../api/client";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { initialFiscalYear } from "../../../components/FiscalYearSelect";
import { Loading } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import type { PlanNode } from "../../plans/model";
import { usePlan } from "../../plans/queries";
import { useProvinces, useRegions } from "../../provinces/queries";
import { useClusterOptions } from "../../clusters/queries";
import { useProgrammeOptions } from "../../programmes/queries";
import { useProvincialClusters } from "../../provincial-clusters/queries";
import {
  breakdownChoices,
  breakdownOf,
  defaultOrgLevel,
  draftOf,
  isOrgLevel,
  lockedBy,
  ORG_LEVELS,
  periodChoices,
  periodLabel,
  previewRatio,
  rowErrors,
  rowPayload,
  type DraftRow,
  type IndicatorValues,
  type OrgLevel,
} from "../model";
import { useEnterValuesMutation, usePeriodLockMutation, useTransitionMutation, type ValueRowBody } from "../mutations";
import { useIndicatorValues } from "../queries";
import { useBreakdownText } from "../useBreakdownText";
import { ComputedValueNotice } from "../../case-work/components/ComputedValueNotice";
import { ApprovalProgress } from "./ApprovalProgress";
import { StatusChip } from "./StatusChip";
import { TableScroll } from "../../../components/TableScroll";
import { fieldLabel, fieldProblemText } from "../../../api/error-text";

type Unit = { code: string; name: string; group: string | null };

function flattenIndicators(
  nodes: readonly PlanNode[],
): Array<{ id: number; code: string; nameEn: string | null; nameTh: string | null }> {
  return nodes.flatMap((n) => [
    ...n.indicators.map((i) => ({ id: i.id, code: i.code, nameEn: i.nameEn, nameTh: i.nameTh })),
    ...flattenIndicators(n.children),
  ]);
}

function fiscalYearOfDate(iso: string | null, fallback: number): number {
  return iso !== null && isIsoDate(iso) ? fiscalYearOf(iso) : fallback;
}

/** Every fiscal year from one to another, C.E., oldest first. */
function fiscalYearsFrom(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => first + index);
}

/**
 * The org units of a level, provinces grouped by provincial cluster. A cluster plan's clusters are its own
 * cluster only, a programme plan's programmes its own programme; other plans offer every cluster or programme.
 */
function useUnits(
  level: OrgLevel,
  plan: { clusterId: number | null; programmeId: number | null },
): { units: Unit[]; pending: boolean; error: unknown } {
  const locale = useLocale();
  const { t } = useTranslation();
  const provinces = useProvinces();
  const clusters = useProvincialClusters();
  const regions = useRegions();
  const industryClusters = useClusterOptions(level === "cluster");
  const programmes = useProgrammeOptions(level === "programme");
  return useMemo(() => {
    if (level === "nation")
      return { units: [{ code: "TH", name: t("values.nation"), group: null }], pending: false, error: null };
    if (level === "cluster") {
      const all = (industryClusters.data ?? []).map((c) => ({
        code: String(c.id),
        name: `${c.code} — ${pickLocalized(locale, c.nameTh, c.nameEn ?? c.code)}`,
        group: null,
      }));
      return {
        units: plan.clusterId === null ? all : all.filter((u) => u.code === String(plan.clusterId)),
        pending: industryClusters.isPending,
        error: industryClusters.error,
      };
    }
    if (level === "programme") {
      const all = (programmes.data?.items ?? []).map((p) => ({
        code: String(p.id),
        name: `${p.code} — ${pickLocalized(locale, p.nameTh, p.nameEn)}`,
        group: null,
      }));
      return {
        units: plan.programmeId === null ? all : all.filter((u) => u.code === String(plan.programmeId)),
        pending: programmes.isPending,
        error: programmes.error,
      };
    }
    if (level === "region")
      return {
        units: (regions.data ?? []).map((r) => ({
          code: r.code,
          name: pickLocalized(locale, r.nameTh, r.nameEn),
          group: null,
        })),
        pending: regions.isPending,
        error: regions.error,
      };
    if (level === "provincial_cluster") {
      return {
        units: (clusters.data ?? []).map((c) => ({
          code: String(c.id),
          name: `${c.number}. ${pickLocalized(locale, c.nameTh, c.nameEn)}`,
          group: null,
        })),
        pending: clusters.isPending,
        error: clusters.error,
      };
    }
    const clusterName = new Map(
      (clusters.data ?? []).map((c) => [c.id, `${c.number}. ${pickLocalized(locale, c.nameTh, c.nameEn)}`]),
    );
    const order = new Map((clusters.data ?? []).map((c) => [c.id, c.number]));
    const units = (provinces.data ?? [])
      .map((p) => ({
        code: p.code,
        name: pickLocalized(locale, p.nameTh, p.nameEn),
        group: p.provincialClusterId ? (clusterName.get(p.provincialClusterId) ?? null) : null,
        rank: p.provincialClusterId ? (order.get(p.provincialClusterId) ?? 99) : 99,
      }))
      .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, locale))
      .map(({ code, name, group }) => ({ code, name, group: group ?? t("values.noProvincialCluster") }));
    return { units, pending: provinces.isPending || clusters.isPending, error: provinces.error ?? clusters.error };
  }, [
    level,
    plan.clusterId,
    plan.programmeId,
    locale,
    t,
    provinces.data,
    provinces.isPending,
    provinces.error,
    clusters.data,
    clusters.isPending,
    clusters.error,
    regions.data,
    regions.isPending,
    regions.error,
    industryClusters.data,
    industryClusters.isPending,
    industryClusters.error,
    programmes.data,
    programmes.isPending,
    programmes.error,
  ]);
}

/** The value-entry screen of a plan: choose indicator, period, level and breakdown; enter, save as draft, submit. */
export function ValueEntry({ planId }: { planId: string | number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const plan = usePlan(planId);
  const breakdownLabel = useBreakdownText();
  const ids = { indicator: useId(), period: useId(), level: useId(), breakdown: useId() };
  const indicators = useMemo(() => flattenIndicators(plan.data?.nodes ?? []), [plan.data]);
  const [chosen, setChosen] = useState<string | null>(null);
  const indicatorId = chosen ?? indicators[0]?.id ?? null;
  const firstYear = fiscalYearOfDate(plan.data?.periodStart ?? null, 2017);
  const lastYear = fiscalYearOfDate(plan.data?.periodEnd ?? null, firstYear + 4);
  const periods = useMemo(() => periodChoices(firstYear, lastYear, true), [firstYear, lastYear]);
  const [periodKey, setPeriodKey] = useState<string | null>(null);
  const period = periodKey ?? `FY${initialFiscalYear(fiscalYearsFrom(firstYear, lastYear)) ?? lastYear}`;
  const [chosenLevel, setLevel] = useState<OrgLevel | null>(null);
  const planUnits = { clusterId: plan.data?.clusterId ?? null, programmeId: plan.data?.programmeId ?? null };
  const level = chosenLevel ?? defaultOrgLevel(planUnits);
  const [breakdown, setBreakdown] = useState("");
  const values = useIndicatorValues(indicatorId, period);
  const { units, pending, error } = useUnits(level, planUnits);

  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorMessage error={plan.error} onRetry={() => void plan.refetch()} />;
  if (indicators.length === 0) return <p className="muted">{t("values.noIndicators")}</p>;

  return (
    <div className="value-entry">
      <div className="filter-bar">
        <div className="field">
          <label htmlFor={ids.indicator}>{t("values.indicator")}</label>
          <select
            id={ids.indicator}
            value={indicatorId ?? ""}
            onChange={(e) => {
              setChosen(e.target.value);
              setBreakdown("");
            }}
          >
            {indicators.map((i) => (
              <option key={i.id} value={i.id}>{`${i.code} ${pickLocalized(locale, i.nameTh, i.nameEn)}`}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.period}>{t("values.period")}</label>
          <select id={ids.period} value={period} onChange={(e) => setPeriodKey(e.target.value)}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {periodLabel(p, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.level}>{t("values.level")}</label>
          <select
            id={ids.level}
            value={level}
            onChange={(e) => {
              if (isOrgLevel(e.target.value)) setLevel(e.target.value);
            }}
          >
            {ORG_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`values.levels.${l}`)}
              </option>
            ))}
          </select>
        </div>
        {values.data && values.data.indicator.disaggregations.length > 0 && (
          <div className="field">
            <label htmlFor={ids.breakdown}>{t("values.breakdown")}</label>
            <select id={ids.breakdown} value={breakdown} onChange={(e) => setBreakdown(e.target.value)}>
              {breakdownChoices(values.data.indicator.disaggregations).map((b) => (
                <option key={b} value={b}>
                  {breakdownLabel(b)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {values.isPending || pending ? (
        <Loading />
      ) : values.isError ? (
        <ErrorMessage error={values.error} onRetry={() => void values.refetch()} />
      ) : error ? (
        <ErrorMessage error={error} />
      ) : (
        <>
          {values.data.indicator.computedFrom !== null && (
            <ComputedValueNotice
              indicatorId={values.data.indicator.id}
              periodKey={period}
              periodText={periodLabel(period, locale)}
              canCompute={values.data.access.enter}
            />
          )}
          <ValueGrid
            key={`${indicatorId ?? ""}|${period}|${level}|${breakdown}`}
            data={values.data}
            units={units}
            level={level}
            periodKey={period}
            breakdown={breakdown}
          />
        </>
      )}
    </div>
  );
}

function ValueGrid({
  data,
  units,
  level,
  periodKey,
  breakdown,
}: {
  data: IndicatorValues;
  units: Unit[];
  level: OrgLevel;
  periodKey: string;
  breakdown: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { indicator, access } = data;
  // Who can approve each submitted value (and at which level), by value id.
  const approvals = useMemo(() => new Map(data.approvals.map((a) => [a.valueId, a])), [data.approvals]);
  const stored = useMemo(
    () =>
      new Map(
        data.items
          .filter((v) => v.orgUnitType === level && v.disaggregation === breakdown)
          .map((v) => [v.orgUnitCode, v]),
      ),
    [data.items, level, breakdown],
  );
  const [drafts, setDrafts] = useState<Map<string, DraftRow>>(
    () => new Map(units.map((u) => [u.code, draftOf(stored.get(u.code))])),
  );
  const [errors, setErrors] = useState<Map<string, Record<string, string>>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const enter = useEnterValuesMutation();
  const transition = useTransitionMutation();
  const periodLock = usePeriodLockMutation();
  const lock = lockedBy(periodKey, data.lockedPeriods);
  const readOnly = lock !== null || !access.enter;
  const ratio = indicator.aggregation === "ratio";
  const weighted = indicator.aggregation === "weighted_mean";
  const decimals = indicator.decimals ?? 2;

  const changed = units.filter((u) => {
    const draft = drafts.get(u.code);
    return draft !== undefined && JSON.stringify(draft) !== JSON.stringify(draftOf(stored.get(u.code)));
  });
  const submittable = [...stored.values()].some((v) => v.status === "draft" || v.status === "rejected");

  const update = (code: string, field: keyof DraftRow, text: string) => {
    setDrafts((previous) =>
      new Map(previous).set(code, { ...(previous.get(code) ?? draftOf(undefined)), [field]: text }),
    );
    setMessage(null);
  };

  const save = () => {
    const sent: Array<{ code: string; row: ValueRowBody }> = [];
    for (const unit of changed) {
      const payload = rowPayload(indicator.aggregation, drafts.get(unit.code) ?? draftOf(undefined));
      if (payload)
        sent.push({
          code: unit.code,
          row: { orgUnitType: level, orgUnitCode: unit.code, periodKey, breakdown: breakdownOf(breakdown), ...payload },
        });
    }
    if (sent.length === 0) return;
    enter.mutate(
      { indicatorId: indicator.id, rows: sent.map((s) => s.row) },
      {
        onSuccess: (answer) => {
          // Show the figures as stored ("1,250" typed reads back as 1250), so the rows count as saved.
          setDrafts((previous) => {
            const next = new Map(previous);
            for (const item of answer.items)
              if (item.orgUnitType === level && item.disaggregation === breakdown)
                next.set(item.orgUnitCode, draftOf(item));
            return next;
          });
          setErrors(new Map());
          setMessage(t("values.saved", { count: answer.counts.created + answer.counts.updated }));
        },
        onError: (cause) => {
          // Each cell's problem in the interface language, by the server's code.
          const details = isApiError(cause)
            ? cause.details.map((d) => ({
                path: d.path,
                message: fieldProblemText(d, fieldLabel(d.path, t), t) ?? d.message,
              }))
            : [];
          const byIndex = rowErrors(details);
          setErrors(new Map([...byIndex].map(([index, fields]) => [sent[index]?.code ?? "", fields])));
        },
      },
    );
  };

  const submit = () => {
    transition.mutate(
      { step: "submit", indicatorId: indicator.id, periodKey },
      { onSuccess: (answer) => setMessage(t("values.submitted", { count: answer.count })) },
    );
  };

  const cellError = (code: string, field: string) => errors.get(code)?.[field];
  const input = (unit: Unit, field: keyof DraftRow, label: string, type: "number" | "text" = "number") => {
    const problem = cellError(unit.code, field);
    const errorId = `${unit.code}-${field}-error`;
    return (
      <>
        <input
          className="select-small"
          inputMode={type === "number" ? "decimal" : undefined}
          type={type === "number" ? "text" : field === "evidenceUrl" ? "url" : "text"}
          aria-label={`${label} — ${unit.name}`}
          value={drafts.get(unit.code)?.[field] ?? ""}
          disabled={readOnly}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(e) => update(unit.code, field, e.target.value)}
        />
        {problem && (
          <span id={errorId} className="field-error">
            {problem}
          </span>
        )}
      </>
    );
  };

  let lastGroup: string | null = null;
  return (
    <div className="value-grid">
      {lock !== null && (
        <div className="alert alert-info" role="status">
          {t("values.locked", { period: periodLabel(lock, locale) })}
        </div>
      )}
      {access.lock && (
        <div className="form-actions">
          {/* A quarter locked through its fiscal year is unlocked by unlocking the year. */}
          <button
            type="button"
            className="button button-secondary"
            disabled={periodLock.isPending}
            onClick={() =>
              periodLock.mutate(
                { planId: indicator.planId, periodKey: lock ?? periodKey, lock: lock === null },
                {
                  onSuccess: () =>
                    setMessage(
                      t(lock === null ? "values.lockedNow" : "values.unlockedNow", {
                        period: periodLabel(lock ?? periodKey, locale),
                      }),
                    ),
                },
              )
            }
          >
            {t(lock === null ? "values.lockPeriod" : "values.unlockPeriod", {
              period: periodLabel(lock ?? periodKey, locale),
            })}
          </button>
          <span className="hint">{t("values.lockHint")}</span>
        </div>
      )}
      {periodLock.isError && <ErrorMessage error={periodLock.error} />}
      {!access.enter && lock === null && <p className="muted">{t("values.readOnly")}</p>}
      {enter.isError && <ErrorMessage error={enter.error} override={t("values.saveFailed")} />}
      {transition.isError && <ErrorMessage error={transition.error} />}
      {message && (
        <div className="alert alert-success" role="status">
          {message}
        </div>
      )}
      <p className="hint">
        {t(`values.rules.${ratio ? "ratio" : weighted ? "weighted_mean" : "value"}`, {
          scale: indicator.ratioScale ?? 1,
        })}
        {indicator.unit ? ` · ${t("values.unit", { unit: indicator.unit })}` : ""}
      </p>
      <TableScroll label={t("values.gridLabel")}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t(`values.levels.${level}`)}</th>
              {ratio ? (
                <>
                  <th scope="col">{t("values.numerator")}</th>
                  <th scope="col">{t("values.denominator")}</th>
                  <th scope="col">{t("values.ratio")}</th>
                </>
              ) : (
                <th scope="col">{t("values.value")}</th>
              )}
              {weighted && <th scope="col">{t("values.weight")}</th>}
              <th scope="col">{t("values.source")}</th>
              <th scope="col">{t("values.note")}</th>
              <th scope="col">{t("values.evidence")}</th>
              <th scope="col">{t("values.status")}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => {
              const value = stored.get(unit.code);
              const approval = value?.status === "submitted" ? approvals.get(value.id) : undefined;
              const header = unit.group !== null && unit.group !== lastGroup;
              lastGroup = unit.group;
              const preview = previewRatio(drafts.get(unit.code) ?? draftOf(undefined), indicator.ratioScale);
              return [
                header ? (
                  <tr key={`group-${unit.group ?? ""}`}>
                    <th scope="colgroup" colSpan={ratio ? 8 : weighted ? 7 : 6}>
                      {unit.group}
                    </th>
                  </tr>
                ) : null,
                <tr key={unit.code} data-unit={unit.code}>
                  <th scope="row">{unit.name}</th>
                  {ratio ? (
                    <>
                      <td>{input(unit, "numerator", t("values.numerator"))}</td>
                      <td>{input(unit, "denominator", t("values.denominator"))}</td>
                      <td className="nowrap" aria-live="polite">
                        {preview === null ? "—" : formatNumber(preview, locale, { maximumFractionDigits: decimals })}
                      </td>
                    </>
                  ) : (
                    <td>{input(unit, "value", t("values.value"))}</td>
                  )}
                  {weighted && <td>{input(unit, "weight", t("values.weight"))}</td>}
                  <td>{input(unit, "source", t("values.source"), "text")}</td>
                  <td>{input(unit, "note", t("values.note"), "text")}</td>
                  <td>{input(unit, "evidenceUrl", t("values.evidence"), "text")}</td>
                  <td>
                    {value ? (
                      <StatusChip status={value.status} />
                    ) : (
                      <span className="muted">{t("values.noValue")}</span>
                    )}
                    {value?.status === "rejected" && value.reviewNote && (
                      <div className="small">{value.reviewNote}</div>
                    )}
                    {approval && <ApprovalProgress state={approval} />}
                  </td>
                </tr>,
              ];
            })}
          </tbody>
        </table>
      </TableScroll>
      {!readOnly && (
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={changed.length === 0 || enter.isPending}
            onClick={save}
          >
            {enter.isPending ? t("common.saving") : t("values.saveDraft")}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={!submittable || changed.length > 0 || transition.isPending}
            onClick={submit}
          >
            {t("values.submit")}
          </button>
          {changed.length > 0 && <span className="hint">{t("values.unsaved", { count: changed.length })}</span>}
        </div>
      )}
    </div>
  );
}
