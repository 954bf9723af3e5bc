import type { MeetingDto } from "@sainam/contract";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../components/ErrorMessage";
import { Empty, QueryState } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { RequireRole } from "../features/auth/components/RequireRole";
import { MeetingCard, PartyName, ReasonList } from "../features/meetings/components/MeetingParts";
import { useRequestMeeting } from "../features/meetings/mutations";
import { useMyMeetings, useSuggestions } from "../features/meetings/queries";
import { useLocale } from "../i18n";
import { formatDateRange } from "../lib/format";

type MyEvent = {
  id: number;
  titleTh: string;
  titleEn: string | null;
  startsOn: string;
  endsOn: string;
  status: string;
  participantId: number;
};

/** นัดหมายของฉัน: a member firm's suggested partners, the requests it received and sent, its accepted meetings. */
export function MyMeetingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("meetings.myTitle"));
  return (
    <RequireRole roles={["member"]}>
      <h1>{t("meetings.myTitle")}</h1>
      <p className="lead">{t("meetings.myIntro")}</p>
      <MyMeetings />
    </RequireRole>
  );
}

function MyMeetings() {
  const { t } = useTranslation();
  const mine = useMyMeetings();
  return (
    <QueryState query={mine}>
      {(data) => {
        const incoming = data.meetings.filter((m) => m.mySide === "target" && m.status === "requested");
        const outgoing = data.meetings.filter((m) => m.mySide === "requester" && m.status !== "accepted");
        const accepted = data.meetings.filter((m) => m.status === "accepted");
        return (
          <>
            <section aria-labelledby="my-incoming">
              <h2 id="my-incoming">{t("meetings.incoming")}</h2>
              <MeetingList meetings={incoming} empty={t("meetings.noIncoming")} />
            </section>
            <section aria-labelledby="my-accepted">
              <h2 id="my-accepted">{t("meetings.acceptedList")}</h2>
              <MeetingList meetings={accepted} empty={t("meetings.noAccepted")} />
            </section>
            <section aria-labelledby="my-suggestions">
              <h2 id="my-suggestions">{t("meetings.suggestions")}</h2>
              {data.events.length === 0 ? (
                <Empty>{t("meetings.noEvents")}</Empty>
              ) : (
                data.events
                  .filter((event) => event.status === "open")
                  .map((event) => <EventSuggestions key={event.id} event={event} />)
              )}
            </section>
            <section aria-labelledby="my-outgoing">
              <h2 id="my-outgoing">{t("meetings.outgoing")}</h2>
              <MeetingList meetings={outgoing} empty={t("meetings.noOutgoing")} />
            </section>
          </>
        );
      }}
    </QueryState>
  );
}

function MeetingList({ meetings, empty }: { meetings: MeetingDto[]; empty: string }) {
  if (meetings.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul className="card-list">
      {meetings.map((meeting) => (
        <MeetingCard key={meeting.id} meeting={meeting} showEvent />
      ))}
    </ul>
  );
}

/** The firm's suggested partners at one event it takes part in, each with "ขอนัดหมาย". */
function EventSuggestions({ event }: { event: MyEvent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const suggestions = useSuggestions(String(event.id));
  const request = useRequestMeeting();
  const [message, setMessage] = useState("");
  const messageId = useId();
  const title = locale === "en" && event.titleEn ? event.titleEn : event.titleTh;
  return (
    <section className="event-suggestions" aria-label={title}>
      <h3>
        {title} <span className="muted">({formatDateRange(event.startsOn, event.endsOn, locale)})</span>
      </h3>
      <QueryState query={suggestions} isEmpty={(data) => data.items.length === 0} empty={t("meetings.noSuggestions")}>
        {(data) => (
          <>
            <label htmlFor={messageId}>{t("meetings.message")}</label>
            <input id={messageId} value={message} maxLength={1000} onChange={(e) => setMessage(e.target.value)} />
            <ul className="card-list">
              {data.items.map((suggestion) => {
                const partner = suggestion.a.participantId === event.participantId ? suggestion.b : suggestion.a;
                const pending = request.isPending && request.variables.targetId === partner.participantId;
                return (
                  <li key={partner.participantId} className="card" aria-label={partner.name}>
                    <h4 className="card-title">
                      <PartyName party={partner} />
                    </h4>
                    <ReasonList reasons={suggestion.reasons} />
                    <button
                      type="button"
                      className="button"
                      disabled={request.isPending}
                      onClick={() =>
                        request.mutate({
                          eventId: String(event.id),
                          requesterId: event.participantId,
                          targetId: partner.participantId,
                          fromSuggestion: true,
                          ...(message.trim() ? { message: message.trim() } : {}),
                        })
                      }
                    >
                      {pending ? t("meetings.requesting") : t("meetings.requestMeeting")}
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </QueryState>
      {request.isError && <ErrorMessage error={request.error} />}
    </section>
  );
}
