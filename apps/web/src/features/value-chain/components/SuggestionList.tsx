import type { SuggestionGap } from "@sainam/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";
import type { Suggestion } from "../model";
import { useAddLinkageMutation } from "../mutations";
import { useClusterAnalysis } from "../queries";
import { reasonText, suggestedProduct } from "../suggestion-text";
import { useMemberDirectory } from "../useMemberDirectory";

interface SuggestionListProps {
  clusterId: string;
  canEdit: boolean;
}

/** Links the analysis suggests, each with its reasons; editors record one as a "supplies" link in a click. */
export function SuggestionList({ clusterId, canEdit }: SuggestionListProps) {
  const { t } = useTranslation();
  const analysis = useClusterAnalysis(clusterId);
  const add = useAddLinkageMutation(clusterId);
  const members = useMemberDirectory(clusterId);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  const record = (suggestion: Suggestion) => {
    const key = `${suggestion.from}-${suggestion.to}`;
    setPending(key);
    setNotice(null);
    add.mutate(
      {
        from: { type: "enterprise", id: suggestion.from },
        to: { type: "enterprise", id: suggestion.to },
        kind: "supplies",
        product: suggestedProduct(suggestion.reasons),
        annualValue: null,
      },
      {
        onSuccess: () =>
          setNotice(
            t("suggestions.recorded", { from: members.name(suggestion.from), to: members.name(suggestion.to) }),
          ),
        onSettled: () => setPending(null),
      },
    );
  };

  return (
    <section className="suggestions">
      <p className="muted">{t("suggestions.intro")}</p>
      {notice && (
        <div className="alert alert-success" role="status">
          <p>{notice}</p>
        </div>
      )}
      {add.isError && <ErrorMessage error={add.error} />}
      <QueryState query={analysis} unavailable={t("analysis.notAvailable")}>
        {(data) =>
          data.suggestions.length === 0 ? (
            <NoSuggestions gaps={data.suggestionData.gaps} />
          ) : (
            <ol className="suggestion-list">
              {data.suggestions.map((suggestion) => (
                <SuggestionItem
                  key={`${suggestion.from}-${suggestion.to}`}
                  suggestion={suggestion}
                  canEdit={canEdit}
                  busy={pending === `${suggestion.from}-${suggestion.to}`}
                  disabled={add.isPending}
                  onRecord={() => record(suggestion)}
                  members={members}
                />
              ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}

interface SuggestionItemProps {
  suggestion: Suggestion;
  canEdit: boolean;
  busy: boolean;
  disabled: boolean;
  onRecord: () => void;
  members: ReturnType<typeof useMemberDirectory>;
}

function SuggestionItem({ suggestion, canEdit, busy, disabled, onRecord, members }: SuggestionItemProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const from = members.name(suggestion.from);
  const to = members.name(suggestion.to);
  const parties = { from, to, fromStage: members.stage(suggestion.from), toStage: members.stage(suggestion.to) };
  return (
    <li className="suggestion" data-suggestion={`${suggestion.from}-${suggestion.to}`}>
      <div className="suggestion-head">
        <p className="suggestion-pair">
          <Link to={`/enterprises/${encodeURIComponent(suggestion.from)}`}>{from}</Link>
          <span aria-hidden="true"> → </span>
          <span className="visually-hidden"> {t("linkKinds.supplies")} </span>
          <Link to={`/enterprises/${encodeURIComponent(suggestion.to)}`}>{to}</Link>
        </p>
        <span className="tag">
          {t("suggestions.score", { value: formatNumber(suggestion.score, locale, { maximumFractionDigits: 2 }) })}
        </span>
      </div>
      {suggestion.reasons.length > 0 && (
        <ul className="bullets compact" aria-label={t("suggestions.reasonsLabel")}>
          {suggestion.reasons.map((reason, index) => (
            <li key={`${reason.code}-${index}`} data-reason={reason.code}>
              {reasonText(reason, parties, t)}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={disabled}
          aria-label={t("suggestions.recordTitle", { from, to })}
          onClick={onRecord}
        >
          {busy ? t("suggestions.recording") : t("suggestions.record")}
        </button>
      )}
    </li>
  );
}

/**
 * Why there is no suggestion, so a coordinator knows what to record: suggestions match a member's products with
 * another's inputs, or guess from TSIC codes; without that data there can be none.
 */
function NoSuggestions({ gaps }: { gaps: readonly SuggestionGap[] }) {
  const { t } = useTranslation();
  if (gaps.length === 0) return <p className="state state-empty">{t("suggestions.noneMatched")}</p>;
  return (
    <div className="state state-empty">
      <p>{t("suggestions.noneMissing")}</p>
      <ul className="bullets compact">
        {gaps.map((gap) => (
          <li key={gap}>{t(`suggestions.gaps.${gap}`)}</li>
        ))}
      </ul>
    </div>
  );
}
