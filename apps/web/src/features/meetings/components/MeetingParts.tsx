import type { MeetingDto, MeetingParty, MeetingReasonDto } from "@sainam/contract";
import { meetingAttendance, type MeetingAttendance } from "@sainam/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useLocale } from "../../../i18n";
import { formatDate } from "../../../lib/format";
import { useAnswerMeeting, useCancelMeeting, useRecordAttendance } from "../mutations";

/** Why a pair was suggested: each reason as one sentence in the reader's language. */
export function ReasonList({ reasons }: { reasons: readonly MeetingReasonDto[] }) {
  const locale = useLocale();
  if (reasons.length === 0) return null;
  return (
    <ul className="reason-list">
      {reasons.map((reason) => (
        <li key={`${reason.sellerId}-${reason.needId}-${reason.offer}-${reason.need}`}>
          {locale === "th" ? reason.th : reason.en}
        </li>
      ))}
    </ul>
  );
}

export function PartyName({ party }: { party: MeetingParty }) {
  const { t } = useTranslation();
  return (
    <>
      {party.name}{" "}
      <span className="muted">
        ({party.kind === "buyer" ? t("meetings.buyer") : t("meetings.firm")}
        {party.kind === "buyer" && party.countryCode ? `, ${party.countryCode}` : ""})
      </span>
    </>
  );
}

/** The contacts the server chose to send (null: hidden by policy until the meeting is accepted). */
function Contacts({ party, contacts }: { party: MeetingParty; contacts: MeetingDto["requesterContacts"] }) {
  const { t } = useTranslation();
  if (contacts === null) return null;
  return (
    <section className="meeting-contacts" aria-label={t("meetings.contacts", { name: party.name })}>
      <h4>{t("meetings.contacts", { name: party.name })}</h4>
      {contacts.length === 0 ? (
        <p className="muted">{t("meetings.noContacts")}</p>
      ) : (
        <ul>
          {contacts.map((contact, index) => (
            <li key={index}>
              {[contact.name, contact.position, contact.email, contact.phone].filter(Boolean).join(" · ")}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One meeting: sides, status, when, reasons, message, contacts as allowed, and the caller's actions. */
export function MeetingCard({ meeting, showEvent = false }: { meeting: MeetingDto; showEvent?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const answer = useAnswerMeeting();
  const cancel = useCancelMeeting();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const reasonId = useId();
  const title = `${meeting.requester.name} — ${meeting.target.name}`;
  const hiddenContacts =
    meeting.mySide !== null &&
    (meeting.mySide === "requester" ? meeting.targetContacts : meeting.requesterContacts) === null;

  return (
    <li className="card meeting-card" data-testid={`meeting-${meeting.id}`} aria-label={title}>
      <h3 className="card-title">{title}</h3>
      <p className="card-meta">
        <span className={`status status-${meeting.status}`}>{t(`meetings.status.${meeting.status}`)}</span>
        {" · "}
        {t(`meetings.origin.${meeting.origin}`)}
        {showEvent && (
          <>
            {" · "}
            {locale === "en" && meeting.eventTitleEn ? meeting.eventTitleEn : meeting.eventTitleTh} (
            {formatDate(meeting.eventStartsOn, locale)})
          </>
        )}
      </p>
      <dl className="facts">
        <dt>{t("meetings.requester")}</dt>
        <dd>
          <PartyName party={meeting.requester} />
        </dd>
        <dt>{t("meetings.target")}</dt>
        <dd>
          <PartyName party={meeting.target} />
        </dd>
        <dt>{t("meetings.when")}</dt>
        <dd>
          {meeting.slot
            ? `${formatDate(meeting.slot.day, locale)} ${meeting.slot.startsAt}–${meeting.slot.endsAt}${
                meeting.tableNumber === null ? "" : ` · ${t("meetings.table", { number: meeting.tableNumber })}`
              }`
            : t("meetings.notScheduled")}
        </dd>
        {meeting.attendance && (
          <>
            <dt>{t("meetings.markAttendance")}</dt>
            <dd>{t(`meetings.attendance.${meeting.attendance}`)}</dd>
          </>
        )}
      </dl>
      <ReasonList reasons={meeting.reasons} />
      {meeting.message && <p>{t("meetings.messageFrom", { message: meeting.message })}</p>}
      {meeting.declineReason && (
        <p className="muted">
          {t("meetings.declineReason")}: {meeting.declineReason}
        </p>
      )}
      <Contacts party={meeting.requester} contacts={meeting.requesterContacts} />
      <Contacts party={meeting.target} contacts={meeting.targetContacts} />
      {hiddenContacts && meeting.status === "requested" && <p className="muted">{t("meetings.contactsHidden")}</p>}
      <div className="button-row">
        {meeting.canRespond && !declining && (
          <>
            <button
              type="button"
              className="button"
              disabled={answer.isPending}
              onClick={() => answer.mutate({ id: meeting.id, accept: true })}
            >
              {t("meetings.accept")}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setDeclining(true)}>
              {t("meetings.decline")}
            </button>
          </>
        )}
        {declining && (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              answer.mutate({ id: meeting.id, accept: false, reason }, { onSuccess: () => setDeclining(false) });
            }}
          >
            <label htmlFor={reasonId}>{t("meetings.declineReason")}</label>
            <input id={reasonId} value={reason} required maxLength={1000} onChange={(e) => setReason(e.target.value)} />
            <button type="submit" className="button" disabled={answer.isPending}>
              {t("meetings.confirmDecline")}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setDeclining(false)}>
              {t("meetings.back")}
            </button>
          </form>
        )}
        {meeting.canCancel && !declining && meeting.attendance === null && (
          <button
            type="button"
            className="button button-secondary"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(meeting.id)}
          >
            {t("meetings.cancel")}
          </button>
        )}
      </div>
      {answer.isError && <ErrorMessage error={answer.error} />}
      {cancel.isError && <ErrorMessage error={cancel.error} />}
    </li>
  );
}

/** Keepers record who came to a scheduled, accepted meeting. */
export function AttendanceSelect({ meeting }: { meeting: MeetingDto }) {
  const { t } = useTranslation();
  const record = useRecordAttendance();
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="visually-hidden">
        {t("meetings.attendanceOf", { a: meeting.requester.name, b: meeting.target.name })}
      </label>
      <select
        id={id}
        value={meeting.attendance ?? ""}
        disabled={record.isPending}
        onChange={(event) => {
          const value = meetingAttendance.find((a) => a === event.target.value);
          if (value) record.mutate({ id: meeting.id, attendance: value as MeetingAttendance });
        }}
      >
        <option value="">{t("meetings.markAttendance")}</option>
        {meetingAttendance.map((value) => (
          <option key={value} value={value}>
            {t(`meetings.attendance.${value}`)}
          </option>
        ))}
      </select>
      {record.isError && <ErrorMessage error={record.error} />}
    </div>
  );
}
