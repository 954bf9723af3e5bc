import { parseAmountText } from "@sainam/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ChoiceField } from "../../../components/ChoiceField";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { formatDateTime } from "../../../lib/format";
import { OUTCOME_KINDS, formatBaht, isOutcomeKind, type OutcomeKind } from "../../programmes/model";
import { useClaimOutcomeMutation, useCloseRequestMutation, useRateRequestMutation } from "../mutations";
import type { CaseWorkView, ProgrammeChoice } from "../model";

function ProgrammeSelect({
  choices,
  value,
  onChange,
  error,
  optional,
}: {
  choices: readonly ProgrammeChoice[];
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  optional: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = optional ? t("common.optionalField", { field: t("caseWork.programme") }) : t("caseWork.programme");
  return (
    <FormField label={label} hint={t("caseWork.programmeHint")} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t("caseWork.noProgramme")}</option>
          {choices.map((p) => (
            <option key={p.id} value={p.id}>
              {localName(locale, p) || p.code}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

function CloseForm({ work }: { work: CaseWorkView }) {
  const { t } = useTranslation();
  const close = useCloseRequestMutation(work.requestId);
  const [kind, setKind] = useState<OutcomeKind>("sales");
  const [amount, setAmount] = useState("");
  const [resultText, setResultText] = useState("");
  const [programmeId, setProgrammeId] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrorsOf(close.error);
  const errorOf = (field: string) => local[field] ?? server[field] ?? null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const amountValue = parseAmountText(amount);
    const check: Record<string, string> = {};
    if (amountValue === "invalid") check.amount = t("caseWork.invalidAmount");
    if (!resultText.trim()) check.resultText = t("caseWork.required");
    setLocal(check);
    if (Object.keys(check).length > 0 || amountValue === "invalid") return;
    close.mutate({
      outcomeKind: kind,
      amount: amountValue,
      resultText: resultText.trim(),
      programmeId: programmeId ? Number(programmeId) : null,
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t("caseWork.closeTitle")}>
      <h3>{t("caseWork.closeTitle")}</h3>
      {close.isError && (
        <ErrorMessage error={close.error} placed={["outcomeKind", "amount", "resultText", "programmeId"]} />
      )}
      <div className="form-grid">
        <ChoiceField
          label={t("caseWork.outcomeKind")}
          value={kind}
          options={OUTCOME_KINDS}
          isOption={isOutcomeKind}
          labelOf={(k) => t(`programmes.outcomeKinds.${k}`)}
          onChange={setKind}
          error={errorOf("outcomeKind")}
        />
        <FormField
          label={t("common.optionalField", { field: t("caseWork.amount") })}
          hint={t("caseWork.amountHint")}
          error={errorOf("amount")}
        >
          {(control) => (
            <input {...control} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          )}
        </FormField>
        {work.programme === null && work.programmeChoices.length > 0 && (
          <ProgrammeSelect
            choices={work.programmeChoices}
            value={programmeId}
            onChange={setProgrammeId}
            error={errorOf("programmeId")}
            optional
          />
        )}
      </div>
      <FormField label={t("caseWork.resultText")} error={errorOf("resultText")}>
        {(control) => (
          <textarea {...control} rows={3} value={resultText} onChange={(e) => setResultText(e.target.value)} />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={close.isPending}>
          {close.isPending ? t("common.saving") : t("caseWork.close")}
        </button>
      </div>
    </form>
  );
}

/** Stars as radio buttons: one group, arrow keys move between them, each announced as "4 of 5 stars". */
function RatingForm({ work }: { work: CaseWorkView }) {
  const { t } = useTranslation();
  const rate = useRateRequestMutation(work.requestId);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [local, setLocal] = useState<string | null>(null);
  const server = fieldErrorsOf(rate.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (rating === null) {
      setLocal(t("caseWork.chooseRating"));
      return;
    }
    setLocal(null);
    rate.mutate({ rating, comment: comment.trim() || null });
  };
  const ratingError = local ?? server.rating ?? null;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t("caseWork.rateTitle")}>
      <h3>{t("caseWork.rateTitle")}</h3>
      <p className="muted">{t("caseWork.rateIntro")}</p>
      {rate.isError && <ErrorMessage error={rate.error} placed={["rating", "comment"]} />}
      <fieldset className="rating-stars" aria-describedby={ratingError ? "rating-error" : undefined}>
        <legend>{t("caseWork.ratingLegend")}</legend>
        <div className="radio-row">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="rating-star">
              <input
                type="radio"
                name="rating"
                value={n}
                checked={rating === n}
                onChange={() => setRating(n)}
                aria-label={t("caseWork.stars", { count: n })}
              />
              <span aria-hidden="true">{"★".repeat(n)}</span>
            </label>
          ))}
        </div>
        {ratingError && (
          <p id="rating-error" className="field-error">
            {ratingError}
          </p>
        )}
      </fieldset>
      <FormField label={t("common.optionalField", { field: t("caseWork.comment") })} error={server.comment ?? null}>
        {(control) => <textarea {...control} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={rate.isPending}>
          {rate.isPending ? t("common.saving") : t("caseWork.sendRating")}
        </button>
      </div>
    </form>
  );
}

function ClaimAction({ work }: { work: CaseWorkView }) {
  const { t } = useTranslation();
  const claim = useClaimOutcomeMutation(work.requestId);
  const [programmeId, setProgrammeId] = useState("");
  const server = fieldErrorsOf(claim.error);
  const needsProgramme = work.programme === null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    claim.mutate(needsProgramme ? { programmeId: programmeId ? Number(programmeId) : null } : {});
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t("caseWork.claim")}>
      <p className="muted">{t("caseWork.claimIntro")}</p>
      {claim.isError && <ErrorMessage error={claim.error} placed={["programmeId"]} />}
      {needsProgramme &&
        (work.programmeChoices.length === 0 ? (
          <p className="state state-empty">{t("caseWork.noProgrammes")}</p>
        ) : (
          <ProgrammeSelect
            choices={work.programmeChoices}
            value={programmeId}
            onChange={setProgrammeId}
            error={server.programmeId ?? null}
            optional={false}
          />
        ))}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-secondary"
          disabled={claim.isPending || (needsProgramme && work.programmeChoices.length === 0)}
        >
          {claim.isPending ? t("common.saving") : t("caseWork.claim")}
        </button>
      </div>
    </form>
  );
}

/** The end of the case: the close form while it is open; once closed, the result, the firm's rating and the claim. */
export function ResultSection({ work }: { work: CaseWorkView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const closure = work.closure;
  if (!closure) return work.can.close ? <CloseForm work={work} /> : null;
  return (
    <>
      <section className="case-work-part" aria-labelledby="case-work-result">
        <h3 id="case-work-result">{t("caseWork.result")}</h3>
        <dl className="facts" data-testid="case-result">
          <dt>{t("caseWork.outcomeKind")}</dt>
          <dd>{t(`programmes.outcomeKinds.${closure.outcomeKind}`, { defaultValue: closure.outcomeKind })}</dd>
          <dt>{t("caseWork.amount")}</dt>
          <dd>{closure.amount === null ? t("common.none") : formatBaht(closure.amount, locale)}</dd>
          <dt>{t("caseWork.resultText")}</dt>
          <dd>{closure.resultText}</dd>
          <dt>{t("caseWork.closedAt")}</dt>
          <dd>{formatDateTime(closure.closedAt, locale)}</dd>
          {work.programme && (
            <>
              <dt>{t("caseWork.programme")}</dt>
              <dd>{localName(locale, work.programme) || work.programme.code}</dd>
            </>
          )}
        </dl>
      </section>
      <section className="case-work-part" aria-labelledby="case-work-rating">
        <h3 id="case-work-rating">{t("caseWork.rating")}</h3>
        {work.rating ? (
          <p data-testid="case-rating">
            <span aria-hidden="true">{"★".repeat(work.rating.rating)}</span>{" "}
            {t("caseWork.ratingValue", { rating: work.rating.rating })}
            {work.rating.comment && <> · {work.rating.comment}</>}
          </p>
        ) : work.can.rate ? (
          <RatingForm work={work} />
        ) : (
          <p className="state state-empty">{t("caseWork.notRated")}</p>
        )}
      </section>
      {(work.claim || work.can.claim) && (
        <section className="case-work-part" aria-labelledby="case-work-claim">
          <h3 id="case-work-claim">{t("caseWork.claimTitle")}</h3>
          {work.claim ? (
            <p data-testid="case-claim">
              {t("caseWork.claimed", {
                amount: formatBaht(work.claim.amount, locale),
                state: t(`programmes.verification.${work.claim.verification}`, {
                  defaultValue: work.claim.verification,
                }),
              })}
            </p>
          ) : (
            <ClaimAction work={work} />
          )}
        </section>
      )}
    </>
  );
}
