import type { DealOutcome } from "@sainam/core";
import type { EventOutcomes } from "@sainam/contract";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ErrorMessage } from "../components/ErrorMessage";
import { FormField } from "../components/FormField";
import { QueryState } from "../components/QueryState";
import { TableScroll } from "../components/TableScroll";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { readBaht, StageSelect } from "../features/deals/components/StageSelect";
import { useEventOutcomes, useRecordOutcomeMutation } from "../features/deals/queries";
import { formatBaht } from "../features/programmes/model";
import { useLocale } from "../i18n";
import { pickLocalized } from "../lib/bilingual";
import { formatDate } from "../lib/format";

/** An event's held meetings with their outcome entry (organisers: all; a firm: its own), and the deals they opened. */
export function EventDealsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = "" } = useParams();
  const outcomes = useEventOutcomes(Number(id));
  useDocumentTitle(t("deals.eventDealsTitle"));
  return (
    <QueryState query={outcomes}>
      {(o) => (
        <>
          <h1>{t("deals.eventDealsTitle")}</h1>
          <p className="lead">{pickLocalized(locale, o.titleTh, o.titleEn)}</p>
          <p>{t("deals.eventDealsIntro")}</p>
          <Outcomes outcomes={o} />
        </>
      )}
    </QueryState>
  );
}

function Outcomes({ outcomes }: { outcomes: EventOutcomes }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const none = t("deals.none");
  if (outcomes.items.length === 0) return <p>{t("deals.noHeld")}</p>;
  return (
    <TableScroll label={t("deals.eventDealsTitle")}>
      <table className="data-table" data-testid="event-outcomes">
        <thead>
          <tr>
            <th scope="col">{t("deals.meetingDay")}</th>
            <th scope="col">{t("deals.sides")}</th>
            <th scope="col">{t("deals.outcome")}</th>
            <th scope="col">{t("deals.expected")}</th>
            <th scope="col">{t("deals.recordOutcome")}</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.items.map((m) => (
            <tr key={m.meetingId}>
              <td>{formatDate(m.day, locale)}</td>
              <td>
                {m.sides
                  .map(
                    (s) =>
                      `${pickLocalized(locale, s.nameTh, s.nameEn) || none}${s.countryCode ? ` (${s.countryCode})` : ""}`,
                  )
                  .join(" – ")}
              </td>
              <td>
                {m.stage ? t(`deals.stages.${m.stage}`) : none}
                {m.dealId !== null && (
                  <>
                    {" · "}
                    <Link to={`/deals/${m.dealId}`}>{t("deals.openDeal")}</Link>
                  </>
                )}
              </td>
              <td>{m.expectedValue === null ? none : formatBaht(m.expectedValue, locale)}</td>
              <td>
                <OutcomeForm meetingId={m.meetingId} stage={m.stage} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function OutcomeForm({ meetingId, stage: current }: { meetingId: number; stage: string | null }) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<DealOutcome>(
    current === null || current === "lead" ? "follow_up" : (current as DealOutcome),
  );
  const [expected, setExpected] = useState("");
  const save = useRecordOutcomeMutation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ meetingId, body: { stage, expectedValue: readBaht(expected) } });
  };
  return (
    <form onSubmit={submit} aria-label={t("deals.recordOutcome")} data-testid={`outcome-form-${meetingId}`}>
      <FormField label={t("deals.outcome")}>
        {(control) => <StageSelect control={control} value={stage} onChange={setStage} />}
      </FormField>
      <FormField label={t("deals.expected")}>
        {(control) => (
          <input {...control} inputMode="decimal" value={expected} onChange={(e) => setExpected(e.target.value)} />
        )}
      </FormField>
      <button type="submit" className="button" disabled={save.isPending}>
        {t("deals.recordOutcome")}
      </button>
      {save.isSuccess && <p role="status">{t("deals.saved")}</p>}
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}
