import type { CreateTradeEventBody } from "@sainam/contract";
import { eventKinds, type EventKind } from "@sainam/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { fieldErrorsOf, unplacedErrors } from "../api/field-errors";
import { DateInput } from "../components/DateInput";
import { FormField } from "../components/FormField";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useAgencies } from "../features/agencies/queries";
import { useCurrentUser } from "../features/auth/queries";
import { countryName, EVENT_COUNTRIES } from "../features/events/model";
import { useCreateEventMutation } from "../features/events/mutations";
import { useProgrammes } from "../features/programmes/queries";
import { useProvinces } from "../features/provinces/queries";
import { useLocale } from "../i18n";
import { pickLocalized } from "../lib/bilingual";

const PLACED = [
  "kind",
  "titleTh",
  "titleEn",
  "organiserAgencyId",
  "programmeId",
  "provinceCode",
  "countryCode",
  "city",
  "venue",
  "startsOn",
  "endsOn",
  "budget",
  "agendaTh",
  "agendaEn",
];

/** A new trade event: kind, titles, organiser and funding, in Thailand (a province) or abroad (country and city). */
export function NewEventPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t("events.new"));
  const user = useCurrentUser();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const provinces = useProvinces();
  const [kind, setKind] = useState<EventKind>("business_matching");
  const [titleTh, setTitleTh] = useState("");
  const [titleEn, setTitleEn] = useState("");
  const [agencyId, setAgencyId] = useState(user?.agencyId ? String(user.agencyId) : "");
  const [programmeId, setProgrammeId] = useState("");
  const [abroad, setAbroad] = useState(false);
  const [provinceCode, setProvinceCode] = useState("");
  const [countryCode, setCountryCode] = useState("JP");
  const [city, setCity] = useState("");
  const [venue, setVenue] = useState("");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [budget, setBudget] = useState("");
  const [agendaTh, setAgendaTh] = useState("");
  const [agendaEn, setAgendaEn] = useState("");
  const programmes = useProgrammes(1, agencyId);
  const create = useCreateEventMutation();
  const errors = fieldErrorsOf(create.error, t);
  const other = unplacedErrors(create.error, PLACED, t);
  const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: CreateTradeEventBody = {
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
    };
    create.mutate(body, { onSuccess: (created) => void navigate(`/events/${created.id}`) });
  };

  return (
    <>
      <h1>{t("events.new")}</h1>
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
              {(programmes.data?.items ?? []).map((p) => (
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
                  {EVENT_COUNTRIES.map((code) => (
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
          {(control) => (
            <textarea {...control} rows={4} value={agendaTh} onChange={(e) => setAgendaTh(e.target.value)} />
          )}
        </FormField>
        <FormField label={t("events.fields.agendaEn")} error={errors.agendaEn}>
          {(control) => (
            <textarea {...control} lang="en" rows={4} value={agendaEn} onChange={(e) => setAgendaEn(e.target.value)} />
          )}
        </FormField>
        <p>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {t("events.create")}
          </button>
        </p>
      </form>
    </>
  );
}
