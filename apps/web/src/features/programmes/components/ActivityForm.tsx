import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { hasNameInOneLanguage } from "@sainam/core";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ChoiceField } from "../../../components/ChoiceField";
import { DateInput } from "../../../components/DateInput";
import { datesReady } from "../../../components/date-input-text";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useDebouncedValue } from "../../../components/useDebouncedValue";
import { useLocale } from "../../../i18n";
import { localName, pickLocalized } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import { useClusterMembers } from "../../clusters/queries";
import { formatJuristicId } from "../../enterprises/juristic-id";
import { useEnterpriseFinder, type EnterpriseMatch } from "../../enterprises/queries";
import { ACTIVITY_KINDS, isActivityKind, type ActivityKind, type SupportedCluster } from "../model";
import { useCreateActivityMutation } from "../mutations";

interface ActivityFormProps {
  programmeId: string;
  clusters: readonly SupportedCluster[];
  onCreated: (title: string) => void;
  onCancel: () => void;
}

function numberOrNull(text: string): number | null {
  const value = Number(text.replaceAll(",", ""));
  return text.trim() === "" || !Number.isFinite(value) ? null : value;
}

/** The fields this form shows the server's errors under. */
const PLACED = [
  "kind",
  "clusterId",
  "titleTh",
  "titleEn",
  "startsOn",
  "endsOn",
  "budget",
  "participantCount",
  "participantIds",
];

/**
 * "Add all of this cluster's members" as named participants: its current (approved, not left) members not yet
 * chosen. Nothing is saved until the activity is — one write, audited with the activity.
 */
function AddClusterParticipants({
  clusterId,
  chosen,
  onAdd,
}: {
  clusterId: string;
  chosen: readonly EnterpriseMatch[];
  onAdd: (members: EnterpriseMatch[], skipped: number) => void;
}) {
  const { t } = useTranslation();
  const members = useClusterMembers(clusterId, false);
  const current = (members.data ?? []).filter((m) => m.approved && m.leftOn === null);
  const add = () => {
    const have = new Set(chosen.map((p) => p.id));
    const fresh = current.filter((m) => !have.has(String(m.enterpriseId)));
    onAdd(
      fresh.map((m) => ({
        id: String(m.enterpriseId),
        nameTh: m.nameTh,
        nameEn: m.nameEn,
        juristicId: m.juristicId,
        provinceCode: m.provinceCode,
      })),
      current.length - fresh.length,
    );
  };
  return (
    <button
      type="button"
      className="button button-secondary button-small"
      disabled={!members.isSuccess || current.length === 0}
      onClick={add}
    >
      {members.isPending ? t("common.loading") : t("programmes.addClusterParticipants")}
    </button>
  );
}

/** Records an activity of the programme, with named participants found through the enterprise search. */
export function ActivityForm({ programmeId, clusters, onCreated, onCancel }: ActivityFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateActivityMutation(programmeId);
  const [kind, setKind] = useState<ActivityKind>("training");
  const [titleEn, setTitleEn] = useState("");
  const [titleTh, setTitleTh] = useState("");
  const [clusterId, setClusterId] = useState("");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [budget, setBudget] = useState("");
  const [participantCount, setParticipantCount] = useState("");
  const [participants, setParticipants] = useState<EnterpriseMatch[]>([]);
  const [participantNotice, setParticipantNotice] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [missing, setMissing] = useState<{ title: boolean; date: boolean }>({ title: false, date: false });
  const debounced = useDebouncedValue(query, 300);
  const finder = useEnterpriseFinder(debounced);
  const headingId = useId();
  const serverErrors = fieldErrorsOf(create.error);
  const clusterOptions = [...new Map(clusters.map((c) => [c.clusterId, c])).values()];
  const nameOf = (m: EnterpriseMatch) =>
    localName(locale, m) || (m.juristicId ? formatJuristicId(m.juristicId) : `#${m.id}`);
  const matches = debounced.trim().length >= 2 ? (finder.data ?? []) : [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Thai first, English optional: a name in either language is enough.
    const check = { title: !hasNameInOneLanguage(titleTh, titleEn), date: startsOn === "" };
    setMissing(check);
    // A date that does not read is shown under its field; nothing is sent until it does.
    if (check.title || check.date || !datesReady(startsOn, endsOn)) return;
    create.mutate(
      {
        programmeId: Number(programmeId),
        // Select values and the picker's matches carry ids as text; the contract wants the numbers.
        clusterId: clusterId ? Number(clusterId) : null,
        kind,
        titleEn: titleEn.trim() || null,
        titleTh: titleTh.trim() || null,
        startsOn,
        endsOn: endsOn || null,
        budget: numberOrNull(budget),
        participantCount: numberOrNull(participantCount),
        participantIds: participants.map((p) => Number(p.id)),
      },
      { onSuccess: () => onCreated(pickLocalized(locale, titleTh.trim(), titleEn.trim())) },
    );
  };

  return (
    <form className="form inline-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h3 id={headingId} className="form-title">
        {t("programmes.addActivity")}
      </h3>
      {create.isError && <ErrorMessage error={create.error} placed={PLACED} />}
      <div className="form-grid">
        <ChoiceField
          label={t("programmes.activityKind")}
          error={serverErrors.kind ?? null}
          value={kind}
          options={ACTIVITY_KINDS}
          isOption={isActivityKind}
          labelOf={(k) => t(`programmes.kinds.${k}`)}
          onChange={setKind}
        />
        <FormField label={t("programmes.cluster")} error={serverErrors.clusterId ?? null}>
          {(control) => (
            <select {...control} value={clusterId} onChange={(e) => setClusterId(e.target.value)}>
              <option value="">{t("programmes.programmeWide")}</option>
              {clusterOptions.map((c) => (
                <option key={c.clusterId} value={c.clusterId}>
                  {localName(locale, c) || c.code}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label={t("programmes.activityTitleTh")}
          error={missing.title ? t("programmes.titleRequired") : (serverErrors.titleTh ?? null)}
        >
          {(control) => <input {...control} lang="th" value={titleTh} onChange={(e) => setTitleTh(e.target.value)} />}
        </FormField>
        <FormField
          label={t("common.optionalField", { field: t("programmes.activityTitleEn") })}
          error={serverErrors.titleEn ?? null}
        >
          {(control) => <input {...control} lang="en" value={titleEn} onChange={(e) => setTitleEn(e.target.value)} />}
        </FormField>
        <DateInput
          label={t("programmes.startsOn")}
          hint={t("programmes.startsOnHint")}
          value={startsOn}
          onChange={setStartsOn}
          error={missing.date ? t("programmes.dateRequired") : (serverErrors.startsOn ?? null)}
          required
        />
        <DateInput
          label={t("programmes.endsOn")}
          value={endsOn}
          onChange={setEndsOn}
          error={serverErrors.endsOn ?? null}
        />
        <FormField label={t("programmes.activityBudget")} error={serverErrors.budget ?? null}>
          {(control) => (
            <input {...control} inputMode="decimal" value={budget} onChange={(e) => setBudget(e.target.value)} />
          )}
        </FormField>
        <FormField label={t("programmes.participantCount")} error={serverErrors.participantCount ?? null}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={participantCount}
              onChange={(e) => setParticipantCount(e.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormField
        label={t("programmes.participants")}
        hint={t("members.findHint")}
        error={serverErrors.participantIds ?? null}
      >
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
      <div className="finder-results" aria-live="polite">
        {finder.isFetching && <p className="muted small">{t("members.searching")}</p>}
        {finder.isError && <ErrorMessage error={finder.error} onRetry={() => void finder.refetch()} />}
        {matches.length > 0 && (
          <ul className="finder-list" aria-label={t("members.matches")}>
            {matches.map((m) => {
              const chosen = participants.some((p) => p.id === m.id);
              return (
                <li key={m.id}>
                  <span>{nameOf(m)}</span>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={chosen}
                    aria-label={t("members.chooseTitle", { name: nameOf(m) })}
                    onClick={() => setParticipants((list) => [...list, m])}
                  >
                    {t("members.choose")}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {clusterId !== "" && (
        <p>
          <AddClusterParticipants
            clusterId={clusterId}
            chosen={participants}
            onAdd={(members, skipped) => {
              setParticipants((list) => [...list, ...members]);
              setParticipantNotice(
                t("programmes.clusterParticipantsAdded", {
                  count: members.length,
                  n: formatNumber(members.length, locale),
                  skipped: formatNumber(skipped, locale),
                }),
              );
            }}
          />
        </p>
      )}
      {participantNotice && (
        <p className="notice" role="status">
          {participantNotice}
        </p>
      )}
      {participants.length === 0 ? (
        <p className="muted small">{t("programmes.noParticipants")}</p>
      ) : (
        <ul className="chip-list">
          {participants.map((p) => (
            <li key={p.id} className="tag">
              {nameOf(p)}{" "}
              <button
                type="button"
                className="button-link"
                aria-label={t("programmes.removeParticipant", { name: nameOf(p) })}
                onClick={() => setParticipants((list) => list.filter((x) => x.id !== p.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
