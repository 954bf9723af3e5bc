import type { MeetingDto, MeetingParty, MeetingSuggestionDto } from "@sainam/contract";
import { meetingStatuses } from "@sainam/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { ErrorMessage } from "../components/ErrorMessage";
import { Pagination } from "../components/Pagination";
import { Empty, QueryState } from "../components/QueryState";
import { TableScroll } from "../components/TableScroll";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { RequireRole } from "../features/auth/components/RequireRole";
import { STAFF_ROLES } from "../features/auth/model";
import { AttendanceSelect, MeetingCard, PartyName, ReasonList } from "../features/meetings/components/MeetingParts";
import { useBulkRequest, useCheckIn, useRequestSelected } from "../features/meetings/mutations";
import { MEETING_PAGE_SIZE, useEventMeetings, useNoShows, useSuggestions } from "../features/meetings/queries";
import { useLocale } from "../i18n";
import { formatDateTime, formatNumber } from "../lib/format";

/** นัดหมายเจรจาธุรกิจ of one event, for its organisers: suggestions, requests, and the day itself. */
export function EventMeetingsPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  useDocumentTitle(t("meetings.eventTitle"));
  return (
    <RequireRole roles={STAFF_ROLES}>
      <h1>{t("meetings.eventTitle")}</h1>
      <p className="lead">{t("meetings.eventIntro")}</p>
      <Suggestions eventId={id} />
      <Requests eventId={id} />
      <OnTheDay eventId={id} />
    </RequireRole>
  );
}

const pairKey = (s: MeetingSuggestionDto) => `${s.a.participantId}:${s.b.participantId}`;

/** The seller of the pair's best reason asks: a buyer is met by the firm whose offer matched its need. */
function requesterOf(s: MeetingSuggestionDto): { requesterId: number; targetId: number } {
  const seller = s.reasons[0]?.sellerId ?? s.a.participantId;
  return seller === s.a.participantId
    ? { requesterId: s.a.participantId, targetId: s.b.participantId }
    : { requesterId: s.b.participantId, targetId: s.a.participantId };
}

function Suggestions({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const suggestions = useSuggestions(eventId);
  const selected = useRequestSelected();
  const bulk = useBulkRequest(eventId);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [perParticipant, setPerParticipant] = useState(3);
  const perId = useId();

  return (
    <section aria-labelledby="event-suggestions">
      <h2 id="event-suggestions">{t("meetings.suggestions")}</h2>
      <QueryState query={suggestions} isEmpty={(data) => data.items.length === 0} empty={t("meetings.noSuggestions")}>
        {(data) => (
          <>
            <TableScroll label={t("meetings.suggestions")}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">{t("meetings.requestMeeting")}</span>
                    </th>
                    <th scope="col">{t("meetings.parties")}</th>
                    <th scope="col">{t("meetings.reasons")}</th>
                    <th scope="col">{t("meetings.score")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((suggestion) => {
                    const key = pairKey(suggestion);
                    return (
                      <tr key={key}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={t("meetings.select", { a: suggestion.a.name, b: suggestion.b.name })}
                            checked={chosen.has(key)}
                            onChange={(event) => {
                              const next = new Set(chosen);
                              if (event.target.checked) next.add(key);
                              else next.delete(key);
                              setChosen(next);
                            }}
                          />
                        </td>
                        <td>
                          <PartyName party={suggestion.a} />
                          <br />
                          <PartyName party={suggestion.b} />
                        </td>
                        <td>
                          <ReasonList reasons={suggestion.reasons} />
                        </td>
                        <td>{formatNumber(suggestion.score, locale, { maximumFractionDigits: 2 })}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
            <div className="button-row">
              <button
                type="button"
                className="button"
                disabled={chosen.size === 0 || selected.isPending}
                onClick={() =>
                  selected.mutate(
                    data.items
                      .filter((s) => chosen.has(pairKey(s)))
                      .map((s) => ({ eventId, ...requesterOf(s), fromSuggestion: true })),
                    { onSuccess: () => setChosen(new Set()) },
                  )
                }
              >
                {selected.isPending ? t("meetings.requesting") : t("meetings.requestSelected", { count: chosen.size })}
              </button>
            </div>
            {selected.data && <p role="status">{t("meetings.requestSelectedDone", selected.data)}</p>}
          </>
        )}
      </QueryState>
      <form
        className="inline-form"
        aria-label={t("meetings.bulkTitle")}
        onSubmit={(event) => {
          event.preventDefault();
          bulk.mutate({ perParticipant });
        }}
      >
        <h3>{t("meetings.bulkTitle")}</h3>
        <label htmlFor={perId}>{t("meetings.perParticipant")}</label>
        <input
          id={perId}
          type="number"
          min={1}
          max={20}
          value={perParticipant}
          onChange={(e) => setPerParticipant(Math.max(1, Math.min(20, Number(e.target.value) || 1)))}
        />
        <button type="submit" className="button button-secondary" disabled={bulk.isPending}>
          {t("meetings.bulkRequest")}
        </button>
      </form>
      {bulk.data && <p role="status">{t("meetings.bulkDone", bulk.data)}</p>}
      {bulk.isError && <ErrorMessage error={bulk.error} />}
    </section>
  );
}

function Requests({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState("");
  const [page, setPage] = useState(1);
  const meetings = useEventMeetings(eventId, status, page);
  const filterId = useId();
  return (
    <section aria-labelledby="event-requests">
      <h2 id="event-requests">{t("meetings.requests")}</h2>
      <label htmlFor={filterId}>{t("meetings.statusFilter")}</label>{" "}
      <select
        id={filterId}
        value={status}
        onChange={(e) => {
          setStatus(e.target.value);
          setPage(1);
        }}
      >
        <option value="">{t("meetings.allStatuses")}</option>
        {meetingStatuses.map((value) => (
          <option key={value} value={value}>
            {t(`meetings.status.${value}`)}
          </option>
        ))}
      </select>
      <QueryState query={meetings} isEmpty={(data) => data.items.length === 0} empty={t("meetings.noMeetings")}>
        {(data) => (
          <>
            <ul className="card-list">
              {data.items.map((meeting) => (
                <MeetingCard key={meeting.id} meeting={meeting} />
              ))}
            </ul>
            {data.total > MEETING_PAGE_SIZE && (
              <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

/** The day itself: check-in of everyone with an accepted meeting, attendance per scheduled meeting, no-shows. */
function OnTheDay({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  // Paged like the requests: a fair has more accepted meetings than one page, and each must be reachable on the day.
  const [page, setPage] = useState(1);
  const accepted = useEventMeetings(eventId, "accepted", page);
  const noShows = useNoShows(eventId);
  return (
    <section aria-labelledby="event-day">
      <h2 id="event-day">{t("meetings.dayTitle")}</h2>
      <QueryState query={accepted} isEmpty={(data) => data.items.length === 0} empty={t("meetings.noAccepted")}>
        {(data) => (
          <>
            <h3>{t("meetings.checkInBoard")}</h3>
            <CheckInBoard eventId={eventId} meetings={data.items} />
            <h3>{t("meetings.markAttendance")}</h3>
            <TableScroll label={t("meetings.markAttendance")}>
              <table className="data-table">
                <tbody>
                  {data.items
                    .filter((meeting) => meeting.slot !== null)
                    .map((meeting) => (
                      <tr key={meeting.id}>
                        <td>
                          {meeting.requester.name} — {meeting.target.name}
                        </td>
                        <td>
                          <AttendanceSelect meeting={meeting} />
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </TableScroll>
            {data.total > MEETING_PAGE_SIZE && (
              <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
            )}
          </>
        )}
      </QueryState>
      <h3>{t("meetings.noShows")}</h3>
      <QueryState
        query={noShows}
        isEmpty={(data) => data.meetings.length === 0 && data.notCheckedIn.length === 0}
        empty={t("meetings.noNoShows")}
      >
        {(data) => (
          <ul data-testid="no-shows">
            {data.meetings.map((meeting) => (
              <li key={`m${meeting.id}`}>
                {meeting.requester.name} — {meeting.target.name}:{" "}
                {meeting.attendance ? t(`meetings.attendance.${meeting.attendance}`) : null}
              </li>
            ))}
            {data.notCheckedIn.map((party) => (
              <li key={`p${party.participantId}`}>
                {party.name}: {t("meetings.notCheckedIn")} ({t("meetings.meetingsDue", { count: party.meetingsDue })})
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function CheckInBoard({ eventId, meetings }: { eventId: string; meetings: MeetingDto[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const checkIn = useCheckIn(eventId);
  const parties = new Map<number, MeetingParty>();
  for (const meeting of meetings) {
    parties.set(meeting.requester.participantId, meeting.requester);
    parties.set(meeting.target.participantId, meeting.target);
  }
  if (parties.size === 0) return <Empty>{t("meetings.noAccepted")}</Empty>;
  return (
    <>
      <ul className="check-in-board">
        {[...parties.values()].map((party) => (
          <li key={party.participantId}>
            <PartyName party={party} />{" "}
            {party.checkedInAt ? (
              <>
                <span>{t("meetings.checkedIn", { time: formatDateTime(party.checkedInAt, locale) })}</span>{" "}
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={checkIn.isPending}
                  onClick={() => checkIn.mutate({ participantId: party.participantId, checkedIn: false })}
                >
                  {t("meetings.undoCheckIn", { name: party.name })}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="button"
                disabled={checkIn.isPending}
                onClick={() => checkIn.mutate({ participantId: party.participantId, checkedIn: true })}
              >
                {t("meetings.checkIn", { name: party.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {checkIn.isError && <ErrorMessage error={checkIn.error} />}
    </>
  );
}
