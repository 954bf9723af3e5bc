import type { EventSchedule, ScheduleRun } from "@sainam/contract";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading, QueryState } from "../components/QueryState";
import { TableScroll } from "../components/TableScroll";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useScheduleEventMutation } from "../features/event-schedule/mutations";
import { agendaHref, useEventSchedule } from "../features/event-schedule/queries";
import { useLocale } from "../i18n";
import { pickLocalized } from "../lib/bilingual";
import { formatDate, formatNumber } from "../lib/format";

type Participant = EventSchedule["participants"][number];

/**
 * An event's meeting schedule (issue 14, point 3), for its organisers: run the scheduler over the accepted
 * meetings, see what it placed against the most any schedule could hold and why the rest could not be placed, the
 * slot × table grid, and each participant's agenda as PDF or iCalendar in the interface's language.
 */
export function EventSchedulePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = "" } = useParams();
  const grid = useEventSchedule(id);
  const schedule = useScheduleEventMutation(id);
  useDocumentTitle(t("eventSchedule.title"));
  const nameOf = (participants: readonly Participant[], participantId: number | null) => {
    const p = participants.find((x) => x.id === participantId);
    return p ? (pickLocalized(locale, p.nameTh, p.nameEn) ?? "") : "";
  };
  return (
    <>
      <h1>{t("eventSchedule.title")}</h1>
      <QueryState query={grid}>
        {(data) => (
          <>
            <p className="lead">
              {pickLocalized(locale, data.event.titleTh, data.event.titleEn)} ·{" "}
              {formatDate(data.event.startsOn, locale)}
            </p>
            <p>
              {t("eventSchedule.summary", {
                meetings: formatNumber(data.meetings.length, locale),
                slots: formatNumber(data.slots.length, locale),
                tables: formatNumber(data.tables.length, locale),
              })}
            </p>
            <p>
              <button type="button" className="button" disabled={schedule.isPending} onClick={() => schedule.mutate()}>
                {t("eventSchedule.run")}
              </button>
            </p>
            {schedule.isPending && <Loading label={t("eventSchedule.running")} />}
            {schedule.isError && <ErrorMessage error={schedule.error} />}
            {schedule.data && (
              <RunResult run={schedule.data} nameOf={(p) => nameOf(data.participants, p)} data={data} />
            )}
            <ScheduleGrid data={data} nameOf={(p) => nameOf(data.participants, p)} />
            <AgendaLinks data={data} nameOf={(p) => nameOf(data.participants, p)} />
          </>
        )}
      </QueryState>
    </>
  );
}

function RunResult({
  run,
  data,
  nameOf,
}: {
  run: ScheduleRun;
  data: EventSchedule;
  nameOf: (participantId: number | null) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const meeting = (id: number) => data.meetings.find((m) => m.id === id);
  return (
    <section aria-labelledby="schedule-result" data-testid="schedule-result">
      <h2 id="schedule-result">{t("eventSchedule.resultTitle")}</h2>
      <p role="status">
        {t("eventSchedule.scheduledOf", {
          scheduled: formatNumber(run.scheduled, locale),
          meetings: formatNumber(run.meetings, locale),
          bound: formatNumber(run.bound, locale),
        })}
      </p>
      {run.kept > 0 && <p>{t("eventSchedule.kept", { kept: formatNumber(run.kept, locale) })}</p>}
      {run.unscheduledMeetings.length > 0 && (
        <>
          <h3>{t("eventSchedule.unscheduledTitle")}</h3>
          <ul>
            {run.unscheduledMeetings.map((u) => {
              const m = meeting(u.meetingId);
              return (
                <li key={u.meetingId}>
                  {m ? `${nameOf(m.requesterId)} — ${nameOf(m.targetId)}: ` : ""}
                  {t(`eventSchedule.reasons.${u.reason}`, { name: nameOf(u.participantId) })}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function ScheduleGrid({ data, nameOf }: { data: EventSchedule; nameOf: (participantId: number) => string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const at = new Map(data.meetings.map((m) => [`${m.slotId}:${m.tableId}`, m]));
  return (
    <section aria-labelledby="schedule-grid">
      <h2 id="schedule-grid">{t("eventSchedule.gridTitle")}</h2>
      <TableScroll label={t("eventSchedule.gridTitle")}>
        <table data-testid="schedule-grid">
          <thead>
            <tr>
              <th scope="col">{t("eventSchedule.slot")}</th>
              {data.tables.map((table) => (
                <th scope="col" key={table.id}>
                  {t("eventSchedule.table", { table: table.label ?? table.number })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.slots.map((slot) => (
              <tr key={slot.id}>
                <th scope="row">
                  {formatDate(slot.day, locale)} {slot.startsAt}–{slot.endsAt}
                </th>
                {data.tables.map((table) => {
                  const m = at.get(`${slot.id}:${table.id}`);
                  return <td key={table.id}>{m ? `${nameOf(m.requesterId)} — ${nameOf(m.targetId)}` : ""}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function AgendaLinks({ data, nameOf }: { data: EventSchedule; nameOf: (participantId: number) => string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="agendas">
      <h2 id="agendas">{t("eventSchedule.agendasTitle")}</h2>
      <ul data-testid="agenda-links">
        {data.participants.map((p) => (
          <li key={p.id}>
            {nameOf(p.id)}{" "}
            <a
              href={agendaHref(data.event.id, p.id, "pdf", locale)}
              aria-label={t("eventSchedule.agendaPdf", { name: nameOf(p.id) })}
              download
            >
              PDF
            </a>{" "}
            <a
              href={agendaHref(data.event.id, p.id, "ics", locale)}
              aria-label={t("eventSchedule.agendaIcs", { name: nameOf(p.id) })}
              download
            >
              ICS
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
