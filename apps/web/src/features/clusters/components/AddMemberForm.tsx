import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { DateInput } from "../../../components/DateInput";
import { datesReady } from "../../../components/date-input-text";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { ChoiceField } from "../../../components/ChoiceField";
import { FormField } from "../../../components/FormField";
import { useDebouncedValue } from "../../../components/useDebouncedValue";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { formatJuristicId } from "../../enterprises/juristic-id";
import { useEnterpriseFinder, type EnterpriseMatch } from "../../enterprises/queries";
import { useProvinceName } from "../../provinces/useProvinceName";
import { isStage, STAGES, type Stage } from "../../value-chain/model";
import { useValueChainLabels } from "../../value-chain/useValueChainLabels";
import { useAddMemberMutation } from "../mutations";

interface AddMemberFormProps {
  clusterId: string;
  memberIds: readonly string[];
  /** `approved`: false when the membership awaits approval by the cluster's agency or the firm. */
  onAdded: (name: string, approved: boolean) => void;
  onCancel: () => void;
}

/** Find an enterprise (search as you type), choose its stage and add it to the cluster. */
export function AddMemberForm({ clusterId, memberIds, onAdded, onCancel }: AddMemberFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useValueChainLabels();
  const provinceName = useProvinceName();
  const add = useAddMemberMutation(clusterId);
  const [query, setQuery] = useState("");
  const debounced = useDebouncedValue(query, 300);
  const finder = useEnterpriseFinder(debounced);
  const [chosen, setChosen] = useState<EnterpriseMatch | null>(null);
  const [stage, setStage] = useState<Stage>("upstream");
  const [joinedOn, setJoinedOn] = useState("");
  const [missing, setMissing] = useState(false);
  const headingId = useId();
  const resultsId = useId();
  const serverErrors = fieldErrorsOf(add.error);

  const nameOf = (match: EnterpriseMatch) =>
    localName(locale, match) || (match.juristicId ? formatJuristicId(match.juristicId) : `#${match.id}`);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosen) {
      setMissing(true);
      return;
    }
    setMissing(false);
    // A joining date that does not read is shown under its field; nothing is sent until it does.
    if (!datesReady(joinedOn)) return;
    add.mutate(
      { enterpriseId: chosen.id, stage, joinedOn: joinedOn || null },
      { onSuccess: (answer) => onAdded(nameOf(chosen), answer.approved) },
    );
  };

  const matches = debounced.trim().length >= 2 ? (finder.data ?? []) : [];

  return (
    <form className="form inline-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h3 id={headingId} className="form-title">
        {t("members.addTitle")}
      </h3>
      {add.isError && <ErrorMessage error={add.error} />}
      <FormField
        label={t("members.find")}
        hint={t("members.findHint")}
        error={missing ? t("members.enterpriseRequired") : (serverErrors.enterpriseId ?? null)}
      >
        {(control) => (
          <input
            {...control}
            type="search"
            autoComplete="off"
            value={query}
            aria-controls={resultsId}
            onChange={(event) => setQuery(event.target.value)}
          />
        )}
      </FormField>
      <div id={resultsId} className="finder-results" aria-live="polite">
        {finder.isFetching && <p className="muted small">{t("members.searching")}</p>}
        {finder.isError && <ErrorMessage error={finder.error} onRetry={() => void finder.refetch()} />}
        {!finder.isFetching && debounced.trim().length >= 2 && finder.isSuccess && matches.length === 0 && (
          <p className="muted small">{t("members.noMatches")}</p>
        )}
        {matches.length > 0 && (
          <ul className="finder-list" aria-label={t("members.matches")}>
            {matches.map((match) => {
              const isMember = memberIds.includes(match.id);
              const selected = chosen?.id === match.id;
              return (
                <li key={match.id} className={selected ? "is-selected" : undefined}>
                  <span>
                    {nameOf(match)}
                    <span className="muted small">
                      {match.juristicId && ` · ${formatJuristicId(match.juristicId)}`}
                      {match.provinceCode && ` · ${provinceName(match.provinceCode)}`}
                    </span>
                  </span>
                  {isMember ? (
                    <span className="tag">{t("members.alreadyMember")}</span>
                  ) : (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-pressed={selected}
                      aria-label={t("members.chooseTitle", { name: nameOf(match) })}
                      onClick={() => {
                        setChosen(match);
                        setMissing(false);
                      }}
                    >
                      {t("members.choose")}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {chosen && (
        <p className="chosen" role="status">
          {t("members.chosen", { name: nameOf(chosen) })}
        </p>
      )}
      <div className="form-grid">
        <ChoiceField
          label={t("members.stage")}
          error={serverErrors.stage ?? null}
          value={stage}
          options={STAGES}
          isOption={isStage}
          labelOf={labels.stage}
          onChange={setStage}
        />
        <DateInput
          label={t("members.joinedOnLabel")}
          value={joinedOn}
          onChange={setJoinedOn}
          error={serverErrors.joinedOn ?? null}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          {add.isPending ? t("common.saving") : t("members.add")}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
