import type { TradeEvent } from "@sainam/contract";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { DateInput } from "../../../components/DateInput";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useLocale } from "../../../i18n";
import { formatDate, formatNumber } from "../../../lib/format";
import { useGenerateSlotsMutation, useSetTablesMutation } from "../mutations";
import { useEventLayout } from "../queries";

type Session = { start: string; end: string };

/**
 * Slots from the event's day(s), sessions (09:00-12:00 and 13:00-16:30: the gap is the break) and minutes per
 * meeting; and the number of tables. The server refuses to drop slots or tables scheduled meetings use.
 */
export function EventLayoutSetup({ event }: { event: TradeEvent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = String(event.id);
  const layout = useEventLayout(id);
  const slots = useGenerateSlotsMutation(id);
  const tables = useSetTablesMutation(id);
  const [firstDay, setFirstDay] = useState(event.startsOn);
  const [lastDay, setLastDay] = useState(event.startsOn);
  const [sessions, setSessions] = useState<Session[]>([
    { start: "09:00", end: "12:00" },
    { start: "13:00", end: "16:30" },
  ]);
  const [minutes, setMinutes] = useState("30");
  const [pause, setPause] = useState("0");
  const [tableCount, setTableCount] = useState("");
  const slotErrors = fieldErrorsOf(slots.error, t);
  const tableErrors = fieldErrorsOf(tables.error, t);

  const days = () => {
    const out: string[] = [];
    const end = lastDay && lastDay >= firstDay ? lastDay : firstDay;
    for (let day = new Date(`${firstDay}T00:00:00Z`); day.toISOString().slice(0, 10) <= end;) {
      out.push(day.toISOString().slice(0, 10));
      day = new Date(day.getTime() + 86_400_000);
    }
    return out;
  };
  const generate = (e: FormEvent) => {
    e.preventDefault();
    slots.mutate({ days: days(), sessions, minutes: Number(minutes), pauseMinutes: Number(pause) });
  };
  const saveTables = (e: FormEvent) => {
    e.preventDefault();
    tables.mutate({ count: Number(tableCount) });
  };
  const setSession = (index: number, part: keyof Session, value: string) =>
    setSessions(sessions.map((s, i) => (i === index ? { ...s, [part]: value } : s)));

  return (
    <section aria-labelledby="event-layout">
      <h3 id="event-layout">{t("events.layout.title")}</h3>
      {layout.data && (
        <p>
          {t("events.layout.summary", {
            slots: formatNumber(layout.data.slots.length, locale),
            tables: formatNumber(layout.data.tables.length, locale),
          })}
          {layout.data.slots[0] &&
            ` (${formatDate(layout.data.slots[0].day, locale)} ${layout.data.slots[0].startsAt}–${layout.data.slots.at(-1)?.endsAt ?? ""}, ${event.timeZone})`}
        </p>
      )}
      <form className="form" onSubmit={generate} aria-label={t("events.layout.slotsForm")}>
        <DateInput
          label={t("events.layout.firstDay")}
          value={firstDay}
          onChange={setFirstDay}
          error={slotErrors["days.0"]}
        />
        <DateInput label={t("events.layout.lastDay")} value={lastDay} onChange={setLastDay} />
        {sessions.map((session, index) => (
          <fieldset key={index}>
            <legend>{t("events.layout.session", { n: index + 1 })}</legend>
            <FormField label={t("events.layout.start")} error={slotErrors[`sessions.${index}.start`]}>
              {(control) => (
                <input
                  {...control}
                  type="time"
                  value={session.start}
                  onChange={(e) => setSession(index, "start", e.target.value)}
                />
              )}
            </FormField>
            <FormField label={t("events.layout.end")} error={slotErrors[`sessions.${index}.end`]}>
              {(control) => (
                <input
                  {...control}
                  type="time"
                  value={session.end}
                  onChange={(e) => setSession(index, "end", e.target.value)}
                />
              )}
            </FormField>
            {sessions.length > 1 && (
              <button
                type="button"
                className="button"
                onClick={() => setSessions(sessions.filter((_, i) => i !== index))}
              >
                {t("events.layout.removeSession")}
              </button>
            )}
          </fieldset>
        ))}
        <p>
          <button type="button" className="button" onClick={() => setSessions([...sessions, { start: "", end: "" }])}>
            {t("events.layout.addSession")}
          </button>
        </p>
        <FormField label={t("events.layout.minutes")} error={slotErrors.minutes}>
          {(control) => (
            <input {...control} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          )}
        </FormField>
        <FormField label={t("events.layout.pause")} error={slotErrors.pauseMinutes}>
          {(control) => (
            <input {...control} inputMode="numeric" value={pause} onChange={(e) => setPause(e.target.value)} />
          )}
        </FormField>
        {slots.isError && Object.keys(slotErrors).length === 0 && <ErrorMessage error={slots.error} />}
        {slotErrors.sessions && <p role="alert">{slotErrors.sessions}</p>}
        <button type="submit" className="button button-primary" disabled={slots.isPending}>
          {t("events.layout.generate")}
        </button>
      </form>
      <form className="form" onSubmit={saveTables} aria-label={t("events.layout.tablesForm")}>
        <FormField label={t("events.layout.tableCount")} error={tableErrors.count}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={tableCount}
              placeholder={layout.data ? String(layout.data.tables.length) : ""}
              onChange={(e) => setTableCount(e.target.value)}
            />
          )}
        </FormField>
        <button type="submit" className="button button-primary" disabled={tables.isPending || tableCount === ""}>
          {t("events.layout.saveTables")}
        </button>
      </form>
    </section>
  );
}
