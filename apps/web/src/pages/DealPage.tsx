import type { DealOutcome } from "@sainam/core";
import type { DealView } from "@sainam/contract";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { DateInput } from "../components/DateInput";
import { ErrorMessage } from "../components/ErrorMessage";
import { FormField } from "../components/FormField";
import { QueryState } from "../components/QueryState";
import { TableScroll } from "../components/TableScroll";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { readBaht, StageSelect } from "../features/deals/components/StageSelect";
import {
  useClaimOrderMutation,
  useDeal,
  useRecordFollowUpMutation,
  useRecordOrderMutation,
} from "../features/deals/queries";
import { formatBaht } from "../features/programmes/model";
import { useLocale } from "../i18n";
import { pickLocalized } from "../lib/bilingual";
import { formatDate } from "../lib/format";

/** One deal: its follow-ups (record one), its orders (record one, claim one as economic value). */
export function DealPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const deal = useDeal(Number(id));
  useDocumentTitle(deal.data ? t("deals.dealTitle", { buyer: deal.data.buyerName ?? "" }) : t("deals.listTitle"));
  return <QueryState query={deal}>{(d) => <Deal deal={d} />}</QueryState>;
}

function Deal({ deal }: { deal: DealView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const none = t("deals.none");
  const facts: [string, string][] = [
    [t("deals.firm"), pickLocalized(locale, deal.firmNameTh, deal.firmNameEn) || none],
    [t("deals.event"), pickLocalized(locale, deal.eventTitleTh, deal.eventTitleEn) || none],
    [t("deals.openedOn"), formatDate(deal.openedOn, locale)],
    [t("deals.market"), deal.marketCountry ?? none],
    [t("deals.stage"), t(`deals.stages.${deal.stage}`)],
    [t("deals.expected"), deal.expectedValue === null ? none : formatBaht(deal.expectedValue, locale)],
    [t("deals.realised"), formatBaht(deal.realised.total, locale)],
  ];
  return (
    <>
      <h1>{t("deals.dealTitle", { buyer: deal.buyerName ?? none })}</h1>
      <dl className="facts" data-testid="deal-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2>{t("deals.followUps")}</h2>
      <TableScroll label={t("deals.followUps")}>
        <table className="data-table" data-testid="deal-follow-ups">
          <thead>
            <tr>
              <th scope="col">{t("deals.followUpAt")}</th>
              <th scope="col">{t("deals.dueOn")}</th>
              <th scope="col">{t("deals.stage")}</th>
              <th scope="col">{t("deals.expected")}</th>
              <th scope="col">{t("deals.realised")}</th>
            </tr>
          </thead>
          <tbody>
            {deal.followUps.map((f) => (
              <tr key={f.months}>
                <th scope="row">{t("deals.months", { count: f.months })}</th>
                <td>
                  {formatDate(f.dueOn, locale)}
                  {f.due ? ` · ${t("deals.due")}` : ""}
                </td>
                <td>{f.stage ? t(`deals.stages.${f.stage}`) : none}</td>
                <td>{f.expectedValue === null ? none : formatBaht(f.expectedValue, locale)}</td>
                <td>
                  {formatBaht(
                    f.months === 3 ? deal.realised.m3 : f.months === 6 ? deal.realised.m6 : deal.realised.m12,
                    locale,
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {deal.canUpdate && <FollowUpForm deal={deal} />}
      <h2>{t("deals.orders")}</h2>
      {deal.orders.length === 0 ? (
        <p>{t("deals.noOrders")}</p>
      ) : (
        <TableScroll label={t("deals.orders")}>
          <table className="data-table" data-testid="deal-orders">
            <thead>
              <tr>
                <th scope="col">{t("deals.orderedOn")}</th>
                <th scope="col">{t("deals.amount")}</th>
                <th scope="col">{t("deals.evidenceNote")}</th>
                <th scope="col">{t("deals.claim")}</th>
              </tr>
            </thead>
            <tbody>
              {deal.orders.map((o) => (
                <tr key={o.id}>
                  <td>{formatDate(o.orderedOn, locale)}</td>
                  <td>{formatBaht(o.amount, locale)}</td>
                  <td>
                    {o.evidenceUrl ? (
                      <a href={o.evidenceUrl} rel="noreferrer noopener" target="_blank">
                        {o.evidenceNote ?? o.evidenceUrl}
                      </a>
                    ) : (
                      (o.evidenceNote ?? none)
                    )}
                  </td>
                  <td>
                    {o.claimId !== null ? (
                      t("deals.claimed", { verification: o.claimVerification ?? "" })
                    ) : deal.canUpdate && deal.programmeId !== null ? (
                      <ClaimButton orderId={o.id} />
                    ) : (
                      none
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {deal.canUpdate && <OrderForm deal={deal} />}
    </>
  );
}

function ClaimButton({ orderId }: { orderId: number }) {
  const { t } = useTranslation();
  const claim = useClaimOrderMutation();
  return (
    <>
      <button type="button" className="button" disabled={claim.isPending} onClick={() => claim.mutate(orderId)}>
        {t("deals.claim")}
      </button>
      {claim.isSuccess && <p role="status">{t("deals.claimDone")}</p>}
      {claim.isError && <ErrorMessage error={claim.error} />}
    </>
  );
}

function FollowUpForm({ deal }: { deal: DealView }) {
  const { t } = useTranslation();
  const next = deal.followUps.find((f) => f.doneAt === null) ?? deal.followUps[0];
  const [months, setMonths] = useState(String(next?.months ?? 3));
  const [stage, setStage] = useState<DealOutcome>(deal.stage === "lead" ? "follow_up" : deal.stage);
  const [expected, setExpected] = useState("");
  const [note, setNote] = useState("");
  const save = useRecordFollowUpMutation(deal.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      months: Number(months),
      body: { stage, expectedValue: readBaht(expected), ...(note.trim() ? { note: note.trim() } : {}) },
    });
  };
  return (
    <form className="form-grid" onSubmit={submit} aria-label={t("deals.recordFollowUp")} data-testid="follow-up-form">
      <h3>{t("deals.recordFollowUp")}</h3>
      <FormField label={t("deals.followUpAt")}>
        {(control) => (
          <select {...control} value={months} onChange={(e) => setMonths(e.target.value)}>
            {deal.followUps.map((f) => (
              <option key={f.months} value={f.months}>
                {t("deals.months", { count: f.months })}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t("deals.stage")}>
        {(control) => <StageSelect control={control} value={stage} onChange={setStage} />}
      </FormField>
      <FormField label={t("deals.expected")}>
        {(control) => (
          <input {...control} inputMode="decimal" value={expected} onChange={(e) => setExpected(e.target.value)} />
        )}
      </FormField>
      <FormField label={t("deals.note")}>
        {(control) => <input {...control} value={note} onChange={(e) => setNote(e.target.value)} />}
      </FormField>
      <div>
        <button type="submit" className="button" disabled={save.isPending}>
          {t("deals.record")}
        </button>
        {save.isSuccess && <p role="status">{t("deals.saved")}</p>}
        {save.isError && <ErrorMessage error={save.error} />}
      </div>
    </form>
  );
}

function OrderForm({ deal }: { deal: DealView }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState("");
  const [orderedOn, setOrderedOn] = useState("");
  const [evidenceNote, setEvidenceNote] = useState("");
  const [evidenceUrl, setEvidenceUrl] = useState("");
  const [months, setMonths] = useState("");
  const save = useRecordOrderMutation(deal.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const followUp = deal.followUps.find((f) => String(f.months) === months);
    save.mutate(
      {
        amount: readBaht(amount) ?? 0,
        orderedOn,
        ...(evidenceNote.trim() ? { evidenceNote: evidenceNote.trim() } : {}),
        ...(evidenceUrl.trim() ? { evidenceUrl: evidenceUrl.trim() } : {}),
        ...(followUp ? { followUpMonths: followUp.months } : {}),
      },
      {
        onSuccess: () => {
          setAmount("");
          setEvidenceNote("");
          setEvidenceUrl("");
        },
      },
    );
  };
  return (
    <form className="form-grid" onSubmit={submit} aria-label={t("deals.recordOrder")} data-testid="order-form">
      <h3>{t("deals.recordOrder")}</h3>
      <FormField label={t("deals.amount")}>
        {(control) => (
          <input {...control} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required />
        )}
      </FormField>
      <DateInput label={t("deals.orderedOn")} value={orderedOn} onChange={setOrderedOn} required />
      <FormField label={t("deals.followUpAt")}>
        {(control) => (
          <select {...control} value={months} onChange={(e) => setMonths(e.target.value)}>
            <option value="">{t("deals.none")}</option>
            {deal.followUps.map((f) => (
              <option key={f.months} value={f.months}>
                {t("deals.months", { count: f.months })}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t("deals.evidenceNote")}>
        {(control) => <input {...control} value={evidenceNote} onChange={(e) => setEvidenceNote(e.target.value)} />}
      </FormField>
      <FormField label={t("deals.evidenceUrl")}>
        {(control) => (
          <input {...control} type="url" value={evidenceUrl} onChange={(e) => setEvidenceUrl(e.target.value)} />
        )}
      </FormField>
      <div>
        <button type="submit" className="button" disabled={save.isPending}>
          {t("deals.recordOrder")}
        </button>
        {save.isSuccess && <p role="status">{t("deals.saved")}</p>}
        {save.isError && <ErrorMessage error={save.error} />}
      </div>
    </form>
  );
}
