import { HOLIDAY_KINDS, type Holiday, type HolidayKind } from "@sainam/contract";
import { bangkokDateOf } from "@sainam/core";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../api/field-errors";
import { ConfirmButton } from "../components/ConfirmButton";
import { DateInput } from "../components/DateInput";
import { ErrorMessage } from "../components/ErrorMessage";
import { FormField } from "../components/FormField";
import { QueryState } from "../components/QueryState";
import { TableScroll } from "../components/TableScroll";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useCurrentUser } from "../features/auth/queries";
import {
  useCreateHolidayMutation,
  useDeleteHolidayMutation,
  useUpdateHolidayMutation,
} from "../features/holidays/mutations";
import { useHolidays } from "../features/holidays/queries";
import { useLocale } from "../i18n";
import { pickLocalized } from "../lib/bilingual";
import { displayYear, formatDate } from "../lib/format";

/** วันหยุดราชการ: the admin-kept days off that working-day clocks skip (with weekends). */
export function HolidaysPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t("holidays.title"));
  const user = useCurrentUser();
  const thisYear = bangkokDateOf(new Date()).year;
  const [year, setYear] = useState(thisYear);
  const [adding, setAdding] = useState(false);
  const holidays = useHolidays(year);
  const yearId = useId();
  const canEdit = user?.role === "admin";
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];

  return (
    <>
      <h1>{t("holidays.title")}</h1>
      <p className="lead">{t("holidays.intro")}</p>
      <div className="field">
        <label htmlFor={yearId}>{t("holidays.year")}</label>
        <select id={yearId} value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {displayYear(y, locale)}
            </option>
          ))}
        </select>
      </div>
      {canEdit &&
        (adding ? (
          <HolidayForm onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            {t("holidays.add")}
          </button>
        ))}
      <QueryState query={holidays} isEmpty={(items) => items.length === 0}>
        {(items) => (
          <TableScroll label={t("holidays.table", { year: displayYear(year, locale) })}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("holidays.date")}</th>
                  <th scope="col">{t("holidays.name")}</th>
                  <th scope="col">{t("holidays.kind")}</th>
                  {canEdit && <th scope="col">{t("holidays.actions")}</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((holiday) => (
                  <HolidayRow key={holiday.id} holiday={holiday} canEdit={canEdit} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryState>
    </>
  );
}

function HolidayRow({ holiday, canEdit }: { holiday: Holiday; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteHolidayMutation();
  const name = pickLocalized(locale, holiday.nameTh, holiday.nameEn);
  const date = formatDate(holiday.date, locale);
  if (editing) {
    return (
      <tr>
        <td colSpan={4}>
          <HolidayForm holiday={holiday} onDone={() => setEditing(false)} />
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <td>{date}</td>
      <td>{name}</td>
      <td>{t(`holidays.kinds.${holiday.kind}`)}</td>
      {canEdit && (
        <td>
          <button
            type="button"
            className="button button-small button-secondary"
            aria-label={t("holidays.actionOn", { action: t("common.edit"), date })}
            onClick={() => setEditing(true)}
          >
            {t("common.edit")}
          </button>{" "}
          <ConfirmButton
            label={t("common.remove")}
            accessibleLabel={t("holidays.actionOn", { action: t("common.remove"), date })}
            question={t("holidays.removeQuestion", { date, name })}
            confirmLabel={t("common.remove")}
            pending={remove.isPending}
            onConfirm={() => remove.mutate(holiday.id)}
          />
          {remove.isError && <ErrorMessage error={remove.error} />}
        </td>
      )}
    </tr>
  );
}

/** Adds a holiday, or changes `holiday` when given. */
function HolidayForm({ holiday, onDone }: { holiday?: Holiday; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateHolidayMutation();
  const update = useUpdateHolidayMutation();
  const mutation = holiday ? update : create;
  const serverErrors = fieldErrorsOf(mutation.error);
  const [date, setDate] = useState(holiday?.date ?? "");
  const [nameTh, setNameTh] = useState(holiday?.nameTh ?? "");
  const [nameEn, setNameEn] = useState(holiday?.nameEn ?? "");
  const [kind, setKind] = useState<HolidayKind>(holiday?.kind ?? "special");
  const ids = { heading: useId(), kind: useId() };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = { date, nameTh: nameTh.trim(), nameEn: nameEn.trim() || null, kind };
    if (holiday) update.mutate({ id: holiday.id, changes: body }, { onSuccess: onDone });
    else create.mutate(body, { onSuccess: onDone });
  };

  return (
    <form className="form inline-form" onSubmit={submit} aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="form-title">
        {holiday ? t("holidays.editHeading") : t("holidays.addHeading")}
      </h2>
      {mutation.isError && <ErrorMessage error={mutation.error} placed={["date", "nameTh", "nameEn", "kind"]} />}
      <DateInput label={t("holidays.date")} value={date} onChange={setDate} error={serverErrors.date} required />
      <FormField label={t("common.nameTh")} error={serverErrors.nameTh ?? null}>
        {(control) => (
          <input {...control} lang="th" required value={nameTh} onChange={(e) => setNameTh(e.target.value)} />
        )}
      </FormField>
      <FormField label={t("common.optionalField", { field: t("common.nameEn") })} error={serverErrors.nameEn ?? null}>
        {(control) => <input {...control} lang="en" value={nameEn} onChange={(e) => setNameEn(e.target.value)} />}
      </FormField>
      <div className="field">
        <label htmlFor={ids.kind}>{t("holidays.kind")}</label>
        <select
          id={ids.kind}
          value={kind}
          onChange={(e) => setKind(HOLIDAY_KINDS.find((k) => k === e.target.value) ?? "special")}
        >
          {HOLIDAY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`holidays.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
