import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Empty, Loading } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import { useProvinces, useRegions } from "../../provinces/queries";
import { useProvincialClusters } from "../../provincial-clusters/queries";
import { periodLabel } from "../model";
import { useTransitionMutation } from "../mutations";
import { useApprovalQueue } from "../queries";
import { useBreakdownText } from "../useBreakdownText";
import { ApprovalProgress } from "./ApprovalProgress";
import { StatusChip } from "./StatusChip";
import { TableScroll } from "../../../components/TableScroll";

const UNIT_TYPES = ["nation", "region", "provincial_cluster", "province", "cluster", "programme"] as const;
type UnitType = (typeof UNIT_TYPES)[number];
const unitTypeOf = (type: string): UnitType => UNIT_TYPES.find((u) => u === type) ?? "province";

/** Why a value in the queue is not the viewer's to approve, as a catalogue key. */
const REASON_KEYS = {
  own_entry: "values.ownEntry",
  approved_earlier_level: "values.approvedEarlierLevel",
  other_agency: "values.otherAgency",
} as const;

/** Names org units for people: "Province: Chiang Mai", not "province 50"; the code where no name is known. */
function useUnitLabel(): (
  type: string,
  code: string,
  named?: { nameEn: string | null; nameTh: string | null } | null,
) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  const provinces = useProvinces();
  const regions = useRegions();
  const clusters = useProvincialClusters();
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of provinces.data ?? []) map.set(`province:${p.code}`, pickLocalized(locale, p.nameTh, p.nameEn));
    for (const r of regions.data ?? []) map.set(`region:${r.code}`, pickLocalized(locale, r.nameTh, r.nameEn));
    for (const c of clusters.data ?? [])
      map.set(`provincial_cluster:${c.id}`, `${c.number}. ${pickLocalized(locale, c.nameTh, c.nameEn)}`);
    map.set("nation:TH", t("values.nation"));
    return map;
  }, [provinces.data, regions.data, clusters.data, locale, t]);
  return (type, code, named) =>
    `${t(`indicator.unitTypes.${unitTypeOf(type)}`)}: ${named ? pickLocalized(locale, named.nameTh, named.nameEn) : (names.get(`${type}:${code}`) ?? code)}`;
}

/** Submitted values the user may review: select some or all, approve, or reject with a note. */
export function ApprovalQueue() {
  const { t } = useTranslation();
  const locale = useLocale();
  const breakdownLabel = useBreakdownText();
  const queue = useApprovalQueue();
  const transition = useTransitionMutation();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const noteId = useId();
  const unitLabel = useUnitLabel();

  if (queue.isPending) return <Loading />;
  if (queue.isError) return <ErrorMessage error={queue.error} onRetry={() => void queue.refetch()} />;
  const approvable = queue.data.items.filter((v) => v.approvable);
  if (queue.data.items.length === 0) return <Empty>{done ?? t("values.queueEmpty")}</Empty>;
  const allSelected = approvable.length > 0 && approvable.every((v) => selected.has(v.id));

  const run = (step: "approve" | "reject") => {
    if (step === "reject" && note.trim() === "") {
      setNoteError(t("values.noteRequired"));
      return;
    }
    setNoteError(null);
    transition.mutate(
      { step, ids: [...selected], ...(step === "reject" ? { note: note.trim() } : {}) },
      {
        onSuccess: (answer) => {
          setSelected(new Set());
          setNote("");
          if (step === "reject") {
            setDone(t("values.rejectedCount", { count: answer.count }));
            return;
          }
          // A plan with more than one level keeps a value submitted until its last level: say which moved how far.
          const approved = answer.items.filter((v) => v.status === "approved").length;
          const advanced = answer.count - approved;
          setDone(
            [
              approved > 0 || advanced === 0 ? t("values.approvedCount", { count: approved }) : null,
              advanced > 0 ? t("values.levelApprovedCount", { count: advanced }) : null,
            ]
              .filter((part) => part !== null)
              .join(" "),
          );
        },
      },
    );
  };

  return (
    <div className="approval-queue">
      {done && (
        <div className="alert alert-success" role="status">
          {done}
        </div>
      )}
      {transition.isError && <ErrorMessage error={transition.error} />}
      <TableScroll label={t("values.queueTitle")}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t("values.selectAll")}
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set<number>() : new Set(approvable.map((v) => v.id)))}
                />
              </th>
              <th scope="col">{t("values.indicator")}</th>
              <th scope="col">{t("values.orgUnit")}</th>
              <th scope="col">{t("values.period")}</th>
              <th scope="col">{t("values.value")}</th>
              <th scope="col">{t("values.source")}</th>
              <th scope="col">{t("values.status")}</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.items.map((v) => (
              <tr key={v.id} data-value={v.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t("values.select", {
                      code: v.indicator?.code ?? "",
                      unit: unitLabel(v.orgUnitType, v.orgUnitCode, v.unitName),
                    })}
                    disabled={!v.approvable}
                    title={v.notApprovableBecause ? t(REASON_KEYS[v.notApprovableBecause]) : undefined}
                    checked={selected.has(v.id)}
                    onChange={() =>
                      setSelected((previous) => {
                        const next = new Set(previous);
                        if (next.has(v.id)) next.delete(v.id);
                        else next.add(v.id);
                        return next;
                      })
                    }
                  />
                </td>
                <td>
                  {v.indicator
                    ? `${v.indicator.planCode} · ${v.indicator.code} ${pickLocalized(locale, v.indicator.nameTh, v.indicator.nameEn)}`
                    : v.indicatorId}
                </td>
                <td
                  data-unit={`${v.orgUnitType}:${v.orgUnitCode}`}
                  data-breakdown={v.disaggregation}
                >{`${unitLabel(v.orgUnitType, v.orgUnitCode, v.unitName)}${v.disaggregation ? ` (${breakdownLabel(v.disaggregation)})` : ""}`}</td>
                <td>{periodLabel(v.periodKey, locale)}</td>
                <td className="nowrap">
                  {v.value === null ? "—" : formatNumber(v.value, locale, { maximumFractionDigits: 2 })}
                  {v.numerator !== null && v.denominator !== null && (
                    <span className="muted small">{` (${formatNumber(v.numerator, locale)}/${formatNumber(v.denominator, locale)})`}</span>
                  )}
                </td>
                <td>{v.source ?? ""}</td>
                <td>
                  <StatusChip status={v.status} />
                  {v.notApprovableBecause && (
                    <div className="small muted not-approvable">{t(REASON_KEYS[v.notApprovableBecause])}</div>
                  )}
                  <ApprovalProgress state={v.approval} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="field">
        <label htmlFor={noteId}>{t("values.rejectNote")}</label>
        <textarea
          id={noteId}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={noteError ? true : undefined}
          rows={2}
        />
        {noteError && <p className="field-error">{noteError}</p>}
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={selected.size === 0 || transition.isPending}
          onClick={() => run("approve")}
        >
          {t("values.approve", { count: selected.size })}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={selected.size === 0 || transition.isPending}
          onClick={() => run("reject")}
        >
          {t("values.reject", { count: selected.size })}
        </button>
      </div>
    </div>
  );
}
