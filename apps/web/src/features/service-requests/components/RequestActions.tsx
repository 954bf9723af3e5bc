import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { Loading } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { useProvinceName } from "../../provinces/useProvinceName";
import { reasonInWords, type ServiceRequestDetail } from "../model";
import { useRequestAction } from "../mutations";
import { useRequestCandidates } from "../queries";

/**
 * What the caller may do on the request now, as the server said (`can`): the assigned expert accepts or declines
 * with a reason; a provider's keepers hand it to a chosen expert (candidates with reasons); the firm withdraws it.
 */
export function RequestActions({ request }: { request: ServiceRequestDetail }) {
  const { t } = useTranslation();
  const { can } = request;
  if (!can.respond && !can.assign && !can.withdraw) return null;
  return (
    <section aria-labelledby="request-actions-heading" className="request-actions">
      <h2 id="request-actions-heading">{t("serviceRequests.actionsTitle")}</h2>
      {can.respond && <Respond request={request} />}
      {can.assign && <Reassign request={request} />}
      {can.withdraw && <Withdraw request={request} />}
    </section>
  );
}

function Respond({ request }: { request: ServiceRequestDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useRequestAction(request.id);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const errors = fieldErrorsOf(action.error, t);
  const decline = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A declined request leaves the expert's list: back to their work.
    action.mutate({ kind: "decline", reason }, { onSuccess: () => void navigate("/my-work") });
  };
  return (
    <div className="respond">
      {action.isError && <ErrorMessage error={action.error} placed={["reason"]} />}
      {!declining ? (
        <p className="button-row">
          <button
            type="button"
            className="button"
            disabled={action.isPending}
            onClick={() => action.mutate({ kind: "accept" })}
          >
            {t("serviceRequests.actions.accept")}
          </button>{" "}
          <button type="button" className="button button-secondary" onClick={() => setDeclining(true)}>
            {t("serviceRequests.actions.decline")}
          </button>
        </p>
      ) : (
        <form className="form inline-form" onSubmit={decline}>
          <FormField label={t("serviceRequests.actions.declineReason")} error={errors["reason"] ?? null}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                maxLength={1000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </FormField>
          <p className="button-row">
            <button type="submit" className="button" disabled={action.isPending}>
              {t("serviceRequests.actions.confirmDecline")}
            </button>{" "}
            <button type="button" className="button button-secondary" onClick={() => setDeclining(false)}>
              {t("serviceRequests.actions.cancel")}
            </button>
          </p>
        </form>
      )}
    </div>
  );
}

function Reassign({ request }: { request: ServiceRequestDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <p>
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t("serviceRequests.actions.reassign")}
        </button>
      </p>
    );
  return <CandidateChoice request={request} onDone={() => setOpen(false)} />;
}

function CandidateChoice({ request, onDone }: { request: ServiceRequestDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const provinceName = useProvinceName();
  const candidates = useRequestCandidates(String(request.id), true);
  const action = useRequestAction(request.id);
  const [chosen, setChosen] = useState<number | null>(null);
  const errors = fieldErrorsOf(action.error, t);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (chosen !== null) action.mutate({ kind: "reassign", expertId: chosen }, { onSuccess: onDone });
  };
  if (candidates.isPending) return <Loading />;
  if (candidates.isError) return <ErrorMessage error={candidates.error} onRetry={() => void candidates.refetch()} />;
  const others = candidates.data.filter((c) => c.expertId !== request.expert?.id);
  return (
    <form className="form inline-form" onSubmit={submit}>
      <fieldset>
        <legend>{t("serviceRequests.actions.chooseExpert")}</legend>
        {others.length === 0 && <p className="state state-empty">{t("serviceRequests.actions.noCandidates")}</p>}
        {others.map((c) => (
          <label key={c.expertId} className="choice candidate">
            <input
              type="radio"
              name="expert"
              value={c.expertId}
              disabled={!c.available}
              checked={chosen === c.expertId}
              onChange={() => setChosen(c.expertId)}
            />{" "}
            <strong>{c.displayName}</strong> · {localName(locale, c.provider)}
            <br />
            <span className="routing-reason">{reasonInWords(c.reason, t, provinceName)}</span>
            {!c.available && <> · {t("serviceRequests.actions.unavailable")}</>}
            {c.available && !c.hasRoom && <> · {t("serviceRequests.actions.full")}</>}
          </label>
        ))}
      </fieldset>
      {errors["expertId"] && <p className="field-error">{errors["expertId"]}</p>}
      {action.isError && <ErrorMessage error={action.error} placed={["expertId"]} />}
      <p className="button-row">
        <button type="submit" className="button" disabled={chosen === null || action.isPending}>
          {t("serviceRequests.actions.assignTo")}
        </button>{" "}
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t("serviceRequests.actions.cancel")}
        </button>
      </p>
    </form>
  );
}

function Withdraw({ request }: { request: ServiceRequestDetail }) {
  const { t } = useTranslation();
  const action = useRequestAction(request.id);
  return (
    <div className="withdraw">
      {action.isError && <ErrorMessage error={action.error} />}
      <ConfirmButton
        label={t("serviceRequests.actions.withdraw")}
        accessibleLabel={`${t("serviceRequests.actions.withdraw")} ${request.code}`}
        question={t("serviceRequests.actions.withdrawQuestion")}
        confirmLabel={t("serviceRequests.actions.confirmWithdraw")}
        pending={action.isPending}
        onConfirm={() => action.mutate({ kind: "withdraw" })}
      />
    </div>
  );
}
