import type { CreateTradeEventBody, TradeEvent } from "@sainam/contract";
import { eventKinds, type EventKind } from "@sainam/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf, unplacedErrors } from "../../../api/field-errors";
import { DateInput } from "../../../components/DateInput";
import { FormField } from "../../../components/FormField";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { useAgencies } from "../../agencies/queries";
import { useCurrentUser } from "../../auth/queries";
import { useProgrammes } from "../../programmes/queries";
import { useProvinces } from "../../provinces/queries";
import { countryName, EVENT_COUNTRIES, EVENT_FORM_FIELDS } from "../model";

interface EventFormProps {
  /** The event being edited, whose fields the form starts from; none for a new event. */
  event?: TradeEvent;
  /** The save's error: a 400's details are shown beside their fields. */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  /** The whole event as the form holds it (the edit page sends only what changed). */
  onSubmit: (body: CreateTradeEventBody) => void;
}

const text = (value: string | null | undefined) => value ?? "";

/**
 * A trade event's fields, to create one or edit it: kind, titles, organiser and funding programme, in Thailand (a
 * province) or abroad (country and city), venue, dates typed in the interface's calendar (B.E. in Thai), budget and
 * agenda; the server's field errors beside their fields.
 */
export function EventForm({ event, error, pending, submitLabel, onSubmit }: EventFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const agencies = useAgencies();
  const provinces = useProvinces();
  const [kind, setKind] = useState<EventKind>(event?.kind ?? "business_matching");
  const [titleTh, setTitleTh] = useState(text(event?.titleTh));
  const [titleEn, setTitleEn] = useState(text(event?.titleEn));
  const [agencyId, setAgencyId] = useState(
    event ? text(event.organiserAgencyId?.toString()) : text(user?.agencyId?.toString()),
  );
  const [programmeId, setProgrammeId] = useState(text(event?.programmeId?.toString()));
  const [abroad, setAbroad] = useState(event !== undefined && event.countryCode !== "TH");
  const [provinceCode, setProvinceCode] = useState(text(event?.provinceCode));
  const [countryCode, setCountryCode] = useState(event && event.countryCode !== "TH" ? event.countryCode : "JP");
  const [city, setCity] = useState(text(event?.city));
  const [venue, setVenue] = useState(text(event?.venue));
  const [startsOn, setStartsOn] = useState(text(event?.startsOn));
  const [endsOn, setEndsOn] = useState(text(event?.endsOn));
  const [budget, setBudget] = useState(event === undefined || event.budget === null ? "" : String(event.budget));
  const [agendaTh, setAgendaTh] = useState(text(event?.agendaTh));
  const [agendaEn, setAgendaEn] = useState(text(event?.agendaEn));
  const programmes = useProgrammes(1, agencyId);
  const errors = fieldErrorsOf(error, t);
  // Errors of fields the form has no place for (none expected) are listed above it.
  const other = unplacedErrors(error, EVENT_FORM_FIELDS, t);
  const orNull = (value: string) => (value.trim() === "" ? null : value.trim());
  // The event's own programme stays a choice while its organiser is unchanged, even when the list does not hold it.
  const listed = programmes.data?.items ?? [];
  const ownProgramme =
    event?.programme &&
    String(event.organiserAgencyId ?? "") === agencyId &&
    !listed.some((p) => p.id === event.programme?.id)
      ? [event.programme]
      : [];
  const countries: readonly string[] =
    event && event.countryCode !== "TH" && !EVENT_COUNTRIES.some((c) => c === event.countryCode)
      ? [event.countryCode, ...EVENT_COUNTRIES]
      : EVENT_COUNTRIES;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({
      kind,
      titleTh: titleTh.trim(),
      titleEn: orNull(titleEn),
      organiserAgencyId: agencyId === "" ? null : Number(agencyId),
      programmeId: programmeId === "" ? null : Number(programmeId),
      countryCode: abroad ? countryCode : "TH",
      provinceCode: abroad ? null : orNull(provinceCode),
      city: abroad ? orNull(city) : null,
      venue: orNull(venue),
      startsOn,
      endsOn: endsOn || startsOn,
      budget: budget.trim() === "" ? null : Number(budget.replaceAll(",", "")),
      agendaTh: orNull(agendaTh),
      agendaEn: orNull(agendaEn),
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {other.length > 0 && (
        <div role="alert" className="error">
          {other.join(" ")}
        </div>
      )}
      <FormField label={t("events.fields.kind")} error={errors.kind}>
        {(control) => (
          <select {...control} value={kind} onChange={(e) => setKind(e.target.value as EventKind)}>
            {eventKinds.map((k) => (
              <option key={k} value={k}>
                {t(`events.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t("events.fields.titleTh")} error={errors.titleTh}>
        {(control) => <input {...control} value={titleTh} onChange={(e) => setTitleTh(e.target.value)} required />}
      </FormField>
      <FormField label={t("events.fields.titleEn")} error={errors.titleEn}>
        {(control) => <input {...control} lang="en" value={titleEn} onChange={(e) => setTitleEn(e.target.value)} />}
      </FormField>
      <FormField label={t("events.fields.organiser")} error={errors.organiserAgencyId}>
        {(control) => (
          <select
            {...control}
            value={agencyId}
            onChange={(e) => {
              setAgencyId(e.target.value);
              setProgrammeId("");
            }}
          >
            <option value="">{t("events.none")}</option>
            {(agencies.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {pickLocalized(locale, a.nameTh, a.nameEn)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t("events.fields.programme")} error={errors.programmeId} hint={t("events.programmeHint")}>
        {(control) => (
          <select {...control} value={programmeId} onChange={(e) => setProgrammeId(e.target.value)}>
            <option value="">{t("events.none")}</option>
            {[...ownProgramme, ...listed].map((p) => (
              <option key={p.id} value={p.id}>
                {pickLocalized(locale, p.nameTh, p.nameEn)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <fieldset>
        <legend>{t("events.fields.where")}</legend>
        <label>
          <input type="radio" name="where" checked={!abroad} onChange={() => setAbroad(false)} />{" "}
          {t("events.inThailand")}
        </label>{" "}
        <label>
          <input type="radio" name="where" checked={abroad} onChange={() => setAbroad(true)} /> {t("events.abroad")}
        </label>
      </fieldset>
      {abroad ? (
        <>
          <FormField label={t("events.fields.country")} error={errors.countryCode}>
            {(control) => (
              <select {...control} value={countryCode} onChange={(e) => setCountryCode(e.target.value)}>
                {countries.map((code) => (
                  <option key={code} value={code}>
                    {countryName(code, locale)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t("events.fields.city")} error={errors.city}>
            {(control) => <input {...control} value={city} onChange={(e) => setCity(e.target.value)} />}
          </FormField>
        </>
      ) : (
        <FormField label={t("events.fields.province")} error={errors.provinceCode}>
          {(control) => (
            <select {...control} value={provinceCode} onChange={(e) => setProvinceCode(e.target.value)}>
              <option value="">{t("events.choose")}</option>
              {(provinces.data ?? []).map((p) => (
                <option key={p.code} value={p.code}>
                  {pickLocalized(locale, p.nameTh, p.nameEn)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField label={t("events.fields.venue")} error={errors.venue}>
        {(control) => <input {...control} value={venue} onChange={(e) => setVenue(e.target.value)} />}
      </FormField>
      <DateInput
        label={t("events.fields.startsOn")}
        value={startsOn}
        onChange={setStartsOn}
        error={errors.startsOn}
        required
      />
      <DateInput label={t("events.fields.endsOn")} value={endsOn} onChange={setEndsOn} error={errors.endsOn} />
      <FormField label={t("events.fields.budget")} error={errors.budget}>
        {(control) => (
          <input {...control} inputMode="decimal" value={budget} onChange={(e) => setBudget(e.target.value)} />
        )}
      </FormField>
      <FormField label={t("events.fields.agendaTh")} error={errors.agendaTh}>
        {(control) => <textarea {...control} rows={4} value={agendaTh} onChange={(e) => setAgendaTh(e.target.value)} />}
      </FormField>
      <FormField label={t("events.fields.agendaEn")} error={errors.agendaEn}>
        {(control) => (
          <textarea {...control} lang="en" rows={4} value={agendaEn} onChange={(e) => setAgendaEn(e.target.value)} />
        )}
      </FormField>
      <p>
        <button type="submit" className="button button-primary" disabled={pending}>
          {submitLabel}
        </button>
      </p>
    </form>
  );
}
