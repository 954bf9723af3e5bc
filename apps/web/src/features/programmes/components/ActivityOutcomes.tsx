import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ChoiceField } from "../../../components/ChoiceField";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import { formatJuristicId } from "../../enterprises/juristic-id";
import {
  OUTCOME_KINDS,
  formatBaht,
  isOutcomeKind,
  parseAmount,
  parseCount,
  type ActivityDetail,
  type OutcomeKind,
} from "../model";
import { useAddOutcomeMutation } from "../mutations";
import { useActivityDetail } from "../queries";

type Participant = NonNullable<ActivityDetail["participantList"]>[number];

function OutcomeForm({
  activityId,
  participants,
  onAdded,
}: {
  activityId: number;
  participants: readonly Participant[];
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useAddOutcomeMutation(activityId);
  const [kind, setKind] = useState<OutcomeKind>("sales");
  const [enterpriseId, setEnterpriseId] = useState("");
  const [amount, setAmount] = useState("");
  const [count, setCount] = useState("");
  const [note, setNote] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrorsOf(add.error);
  const errorOf = (field: string) => local[field] ?? server[field] ?? null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const amountValue = parseAmount(amount);
    const countValue = parseCount(count);
    const check: Record<string, string> = {};
    if (amountValue === "invalid") check.amount = t("programmeAdmin.invalidAmount");
    if (countValue === "invalid") check.count = t("programmeAdmin.invalidCount");
    if (amountValue === null && countValue === null) check.amount = t("programmeAdmin.amountOrCount");
    setLocal(check);
    if (Object.keys(check).length > 0 || amountValue === "invalid" || countValue === "invalid") return;
    add.mutate(
      {
        kind,
        enterpriseId: enterpriseId ? Number(enterpriseId) : null,
        amount: amountValue,
        count: countValue,
        note: note.trim() || null,
      },
      {
        onSuccess: () => {
          setAmount("");
          setCount("");
          setNote("");
          onAdded();
        },
      },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t("programmeAdmin.addOutcome")}>
      {add.isError && <ErrorMessage error={add.error} />}
      <div className="form-grid">
        <ChoiceField
          label={t("programmeAdmin.outcomeKind")}
          error={errorOf("kind")}
          value={kind}
          options={OUTCOME_KINDS}
          isOption={isOutcomeKind}
          labelOf={(k) => t(`programmes.outcomeKinds.${k}`)}
          onChange={setKind}
        />
        <FormField label={t("programmeAdmin.enterprise")} error={errorOf("enterpriseId")}>
          {(control) => (
            <select {...control} value={enterpriseId} onChange={(e) => setEnterpriseId(e.target.value)}>
              <option value="">{t("programmeAdmin.wholeActivity")}</option>
              {participants.map((p) => (
                <option key={p.enterpriseId} value={p.enterpriseId}>
                  {localName(locale, p) || (p.juristicId ? formatJuristicId(p.juristicId) : `#${p.enterpriseId}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("programmeAdmin.outcomeAmount")} error={errorOf("amount")}>
          {(control) => (
            <input {...control} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          )}
        </FormField>
        <FormField label={t("programmeAdmin.outcomeCount")} error={errorOf("count")}>
          {(control) => (
            <input {...control} inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />
          )}
        </FormField>
      </div>
      <FormField label={t("programmes.note")} error={errorOf("note")}>
        {(control) => <input {...control} value={note} onChange={(e) => setNote(e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          {add.isPending ? t("common.saving") : t("programmeAdmin.addOutcome")}
        </button>
      </div>
    </form>
  );
}

/** An activity's outcomes (sales, deals, new products, certifications…), with the form to add one for its keepers. */
export function ActivityOutcomes({ activityId }: { activityId: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const detail = useActivityDetail(activityId);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="activity-outcomes">
      <QueryState query={detail}>
        {(activity) => {
          const nameOf = (enterpriseId: number | null) => {
            if (enterpriseId === null) return t("programmeAdmin.wholeActivity");
            const p = activity.participantList?.find((x) => x.enterpriseId === enterpriseId);
            return p ? localName(locale, p) || `#${enterpriseId}` : `#${enterpriseId}`;
          };
          return (
            <>
              <h4>{t("programmeAdmin.outcomes")}</h4>
              {activity.outcomes.length === 0 ? (
                <p className="muted small">{t("programmeAdmin.outcomesEmpty")}</p>
              ) : (
                <ul className="plain-list" data-testid="outcomes">
                  {activity.outcomes.map((o) => (
                    <li key={o.id}>
                      {t(`programmes.outcomeKinds.${o.kind}`, { defaultValue: o.kind })}:{" "}
                      {[
                        o.amount === null ? null : formatBaht(o.amount, locale),
                        o.count === null ? null : formatNumber(o.count, locale),
                      ]
                        .filter((x) => x !== null)
                        .join(" · ")}{" "}
                      <span className="muted small">
                        {nameOf(o.enterpriseId)}
                        {o.note ? ` · ${o.note}` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {notice && (
                <p className="notice" role="status">
                  {notice}
                </p>
              )}
              {activity.can.edit && (
                <OutcomeForm
                  activityId={activityId}
                  participants={activity.participantList ?? []}
                  onAdded={() => setNotice(t("programmeAdmin.outcomeAdded"))}
                />
              )}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
