import type { EventParticipant, InterestInput, ParticipantImportReport, TradeEvent } from "@sainam/contract";
import { buyerKinds, participantRoles, type BuyerKind, type ParticipantRole } from "@sainam/core";
import type { TFunction } from "i18next";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { Empty } from "../../../components/QueryState";
import { TableScroll } from "../../../components/TableScroll";
import { useDebouncedValue } from "../../../components/useDebouncedValue";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { formatDate } from "../../../lib/format";
import { useEnterpriseFinder } from "../../enterprises/queries";
import { countryName, EVENT_COUNTRIES } from "../model";
import {
  useAddParticipantMutation,
  useImportParticipantsMutation,
  useInterestsMutation,
  useRemoveParticipantMutation,
  useUnavailableMutation,
} from "../mutations";
import { useEventLayout, useEventParticipants } from "../queries";

/**
 * The event's participants: for keepers all of them (with buyers' contacts), adding firms from the registry,
 * buyers, or a whole file; for a participating firm's member their own participation.
 */
export function EventParticipants({ event }: { event: TradeEvent }) {
  const { t } = useTranslation();
  const id = String(event.id);
  const participants = useEventParticipants(id);
  const items = participants.data ?? [];
  // Visitors and members whose firm does not take part have no participants to see: no section for them.
  if (!event.keeper && items.length === 0) return null;
  return (
    <section aria-labelledby="event-participants">
      <h2 id="event-participants">{t("events.participants.title")}</h2>
      {participants.isError && <ErrorMessage error={participants.error} />}
      {participants.isSuccess && items.length === 0 && <Empty>{t("events.participants.empty")}</Empty>}
      {items.length > 0 && <ParticipantTable event={event} items={items} />}
      {event.keeper && event.status !== "closed" && (
        <>
          <AddFirm event={event} />
          <AddBuyer event={event} />
          <BulkAdd event={event} />
        </>
      )}
    </section>
  );
}

function ParticipantTable({ event, items }: { event: TradeEvent; items: EventParticipant[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState<number | null>(null);
  const remove = useRemoveParticipantMutation(String(event.id));
  const chosen = items.find((p) => p.id === open);
  return (
    <>
      {remove.isError && <ErrorMessage error={remove.error} />}
      <TableScroll label={t("events.participants.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("events.participants.name")}</th>
              <th scope="col">{t("events.fields.country")}</th>
              <th scope="col">{t("events.participants.role")}</th>
              <th scope="col">{t("events.participants.language")}</th>
              <th scope="col">{t("events.participants.unavailable")}</th>
              <th scope="col">{t("events.participants.interests")}</th>
              {event.keeper && <th scope="col">{t("events.participants.contact")}</th>}
              <th scope="col">
                <span className="visually-hidden">{t("events.participants.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <th scope="row">{pickLocalized(locale, p.name, p.nameEn)}</th>
                <td>{countryName(p.countryCode, locale)}</td>
                <td>{t(`events.roles.${p.role}`)}</td>
                <td>{p.language === "th" ? t("events.languages.th") : t("events.languages.en")}</td>
                <td>{p.unavailableSlotIds.length}</td>
                <td>{p.interests.map((i) => interestText(i, t)).join("; ")}</td>
                {event.keeper && <td>{[p.contactName, p.contactEmail, p.contactPhone].filter(Boolean).join(" · ")}</td>}
                <td>
                  <button type="button" className="button" onClick={() => setOpen(open === p.id ? null : p.id)}>
                    {t("events.participants.edit", { name: p.name })}
                  </button>
                  {event.keeper && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        if (window.confirm(t("events.participants.confirmRemove", { name: p.name })))
                          remove.mutate(p.id);
                      }}
                    >
                      {t("events.participants.remove")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {chosen && (
        <div className="panel">
          <h3>{pickLocalized(locale, chosen.name, chosen.nameEn)}</h3>
          <Availability event={event} participant={chosen} />
          <Interests event={event} participant={chosen} />
        </div>
      )}
    </>
  );
}

function interestText(i: EventParticipant["interests"][number], t: TFunction): string {
  const parts = [i.text, i.tsicCode && `TSIC ${i.tsicCode}`, i.hsCode && `HS ${i.hsCode}`].filter(Boolean);
  return `${t(`events.directions.${i.direction}`)}: ${parts.join(" ")}`;
}

/** The slots the participant cannot meet in: ticked boxes, saved at once. */
function Availability({ event, participant }: { event: TradeEvent; participant: EventParticipant }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const layout = useEventLayout(String(event.id));
  const save = useUnavailableMutation(String(event.id));
  const [chosen, setChosen] = useState<number[]>(participant.unavailableSlotIds);
  const slots = layout.data?.slots ?? [];
  if (slots.length === 0) return <p className="muted">{t("events.availability.noSlots")}</p>;
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ participantId: participant.id, slotIds: chosen });
      }}
    >
      <fieldset>
        <legend>{t("events.availability.title")}</legend>
        {slots.map((slot) => (
          <label key={slot.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(slot.id)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, slot.id] : chosen.filter((s) => s !== slot.id))}
            />{" "}
            {formatDate(slot.day, locale)} {slot.startsAt}–{slot.endsAt}
          </label>
        ))}
      </fieldset>
      {save.isError && <ErrorMessage error={save.error} />}
      {save.isSuccess && <p role="status">{t("events.saved")}</p>}
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {t("events.availability.save")}
      </button>
    </form>
  );
}

type InterestRow = { direction: "offer" | "need"; text: string; tsicCode: string; hsCode: string };

/** What the participant offers and needs: a list of rows of words, a TSIC code and/or an HS code. */
function Interests({ event, participant }: { event: TradeEvent; participant: EventParticipant }) {
  const { t } = useTranslation();
  const save = useInterestsMutation(String(event.id));
  const [rows, setRows] = useState<InterestRow[]>(
    participant.interests.map((i) => ({
      direction: i.direction,
      text: i.text ?? "",
      tsicCode: i.tsicCode ?? "",
      hsCode: i.hsCode ?? "",
    })),
  );
  const errors = fieldErrorsOf(save.error, t);
  const update = (index: number, patch: Partial<InterestRow>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const items: InterestInput[] = rows.map((row) => ({
      direction: row.direction,
      text: row.text.trim() || null,
      tsicCode: row.tsicCode.trim() || null,
      hsCode: row.hsCode.trim() || null,
    }));
    save.mutate({ participantId: participant.id, items });
  };
  return (
    <form className="form" onSubmit={submit}>
      <h4>{t("events.interests.title")}</h4>
      {rows.map((row, index) => (
        <fieldset key={index}>
          <legend>{t("events.interests.item", { n: index + 1 })}</legend>
          <FormField label={t("events.interests.direction")}>
            {(control) => (
              <select
                {...control}
                value={row.direction}
                onChange={(e) => update(index, { direction: e.target.value as InterestRow["direction"] })}
              >
                <option value="offer">{t("events.directions.offer")}</option>
                <option value="need">{t("events.directions.need")}</option>
              </select>
            )}
          </FormField>
          <FormField label={t("events.interests.text")} error={errors[`items.${index}.text`]}>
            {(control) => (
              <input {...control} value={row.text} onChange={(e) => update(index, { text: e.target.value })} />
            )}
          </FormField>
          <FormField label={t("events.interests.tsic")} error={errors[`items.${index}.tsicCode`]}>
            {(control) => (
              <input
                {...control}
                inputMode="numeric"
                value={row.tsicCode}
                onChange={(e) => update(index, { tsicCode: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={t("events.interests.hs")} error={errors[`items.${index}.hsCode`]}>
            {(control) => (
              <input
                {...control}
                inputMode="numeric"
                value={row.hsCode}
                onChange={(e) => update(index, { hsCode: e.target.value })}
              />
            )}
          </FormField>
          <button type="button" className="button" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
            {t("events.interests.remove")}
          </button>
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button"
          onClick={() => setRows([...rows, { direction: "offer", text: "", tsicCode: "", hsCode: "" }])}
        >
          {t("events.interests.add")}
        </button>
      </p>
      {save.isError && Object.keys(errors).length === 0 && <ErrorMessage error={save.error} />}
      {save.isSuccess && <p role="status">{t("events.saved")}</p>}
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {t("events.interests.save")}
      </button>
    </form>
  );
}

/** A member firm found in the registry (by name or juristic ID), added as a seller. */
function AddFirm({ event }: { event: TradeEvent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [query, setQuery] = useState("");
  const debounced = useDebouncedValue(query, 300);
  const finder = useEnterpriseFinder(debounced);
  const add = useAddParticipantMutation(String(event.id));
  const [role, setRole] = useState<ParticipantRole>("seller");
  const matches = debounced.trim().length >= 2 ? (finder.data ?? []) : [];
  return (
    <section className="form" aria-labelledby="add-firm">
      <h3 id="add-firm">{t("events.addFirm.title")}</h3>
      <FormField label={t("events.addFirm.find")}>
        {(control) => (
          <input
            {...control}
            type="search"
            autoComplete="off"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        )}
      </FormField>
      <RoleSelect value={role} onChange={setRole} />
      {add.isError && <ErrorMessage error={add.error} />}
      {finder.isSuccess && debounced.trim().length >= 2 && matches.length === 0 && (
        <p className="muted">{t("events.addFirm.noMatches")}</p>
      )}
      {matches.length > 0 && (
        <ul className="finder-list" aria-label={t("events.addFirm.matches")}>
          {matches.map((match) => (
            <li key={match.id}>
              <span>{pickLocalized(locale, match.nameTh, match.nameEn)}</span>{" "}
              <button
                type="button"
                className="button"
                disabled={add.isPending}
                onClick={() =>
                  add.mutate(
                    { enterpriseId: Number(match.id), role, language: "th" },
                    { onSuccess: () => setQuery("") },
                  )
                }
              >
                {t("events.addFirm.add", { name: pickLocalized(locale, match.nameTh, match.nameEn) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RoleSelect({ value, onChange }: { value: ParticipantRole; onChange: (role: ParticipantRole) => void }) {
  const { t } = useTranslation();
  return (
    <FormField label={t("events.participants.role")}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as ParticipantRole)}>
          {participantRoles.map((r) => (
            <option key={r} value={r}>
              {t(`events.roles.${r}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** A buyer without a Thai juristic ID: found again by the server when its name and country match one it knows. */
function AddBuyer({ event }: { event: TradeEvent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useAddParticipantMutation(String(event.id));
  const empty = {
    name: "",
    countryCode: event.countryCode === "TH" ? "JP" : event.countryCode,
    kind: "company" as BuyerKind,
    city: "",
    website: "",
    contactName: "",
    contactEmail: "",
    contactPhone: "",
  };
  const [form, setForm] = useState(empty);
  const [language, setLanguage] = useState<"th" | "en">("en");
  const errors = fieldErrorsOf(add.error, t);
  const field = (key: keyof typeof empty) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  const orNull = (text: string) => (text.trim() === "" ? null : text.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        buyer: {
          name: form.name.trim(),
          countryCode: form.countryCode,
          kind: form.kind,
          city: orNull(form.city),
          website: orNull(form.website),
          contactName: orNull(form.contactName),
          contactEmail: orNull(form.contactEmail),
          contactPhone: orNull(form.contactPhone),
        },
        role: "buyer",
        language,
      },
      { onSuccess: () => setForm(empty) },
    );
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="add-buyer" noValidate>
      <h3 id="add-buyer">{t("events.addBuyer.title")}</h3>
      <FormField label={t("events.addBuyer.name")} error={errors["buyer.name"]}>
        {(control) => <input {...control} lang="en" {...field("name")} />}
      </FormField>
      <FormField label={t("events.fields.country")} error={errors["buyer.countryCode"]}>
        {(control) => (
          <select {...control} {...field("countryCode")}>
            {EVENT_COUNTRIES.map((code) => (
              <option key={code} value={code}>
                {countryName(code, locale)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t("events.addBuyer.kind")}>
        {(control) => (
          <select {...control} {...field("kind")}>
            {buyerKinds.map((k) => (
              <option key={k} value={k}>
                {t(`events.buyerKinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t("events.fields.city")} error={errors["buyer.city"]}>
        {(control) => <input {...control} {...field("city")} />}
      </FormField>
      <FormField label={t("events.addBuyer.website")} error={errors["buyer.website"]}>
        {(control) => <input {...control} type="url" {...field("website")} />}
      </FormField>
      <FormField label={t("events.addBuyer.contactName")} error={errors["buyer.contactName"]}>
        {(control) => <input {...control} {...field("contactName")} />}
      </FormField>
      <FormField label={t("events.addBuyer.contactEmail")} error={errors["buyer.contactEmail"]}>
        {(control) => <input {...control} type="email" {...field("contactEmail")} />}
      </FormField>
      <FormField label={t("events.addBuyer.contactPhone")} error={errors["buyer.contactPhone"]}>
        {(control) => <input {...control} type="tel" {...field("contactPhone")} />}
      </FormField>
      <FormField label={t("events.participants.language")}>
        {(control) => (
          <select {...control} value={language} onChange={(e) => setLanguage(e.target.value as "th" | "en")}>
            <option value="th">{t("events.languages.th")}</option>
            <option value="en">{t("events.languages.en")}</option>
          </select>
        )}
      </FormField>
      {add.isError && !Object.keys(errors).some((k) => k.startsWith("buyer.")) && <ErrorMessage error={add.error} />}
      <button type="submit" className="button button-primary" disabled={add.isPending}>
        {t("events.addBuyer.submit")}
      </button>
    </form>
  );
}

/** Participants from a CSV or XLSX file: the server checks every row first and writes all or none. */
function BulkAdd({ event }: { event: TradeEvent }) {
  const { t } = useTranslation();
  const upload = useImportParticipantsMutation(String(event.id));
  const [file, setFile] = useState<File | null>(null);
  return (
    <form
      className="form"
      aria-labelledby="bulk-add"
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate(file);
      }}
    >
      <h3 id="bulk-add">{t("events.bulk.title")}</h3>
      <p className="muted">{t("events.bulk.hint")}</p>
      <FormField label={t("events.bulk.file")}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </FormField>
      {upload.isError && <ErrorMessage error={upload.error} />}
      <button type="submit" className="button button-primary" disabled={!file || upload.isPending}>
        {t("events.bulk.submit")}
      </button>
      {upload.data && <ImportReport report={upload.data} />}
    </form>
  );
}

function ImportReport({ report }: { report: ParticipantImportReport }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="import-report">
      <p>
        {report.ok
          ? t("events.bulk.added", { n: report.counts.added })
          : t("events.bulk.failed", { n: report.counts.errors })}
      </p>
      <TableScroll label={t("events.bulk.report")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("events.bulk.row")}</th>
              <th scope="col">{t("events.bulk.key")}</th>
              <th scope="col">{t("events.bulk.result")}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.rowNumber}>
                <td>{row.rowNumber}</td>
                <td>{row.key ?? ""}</td>
                <td>
                  {row.status === "added"
                    ? t("events.bulk.rowAdded")
                    : row.issues
                        .map(
                          (issue) =>
                            `${t(`events.bulk.columns.${issue.field}`, { defaultValue: issue.field })}: ${t(`events.bulk.issues.${issue.code}`, { defaultValue: issue.message })}${issue.value ? ` (${issue.value})` : ""}`,
                        )
                        .join("; ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
