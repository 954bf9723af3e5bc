import type { RecordId } from "../../clusters/queries";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { useTrace } from "../queries";
import { useNodeKindLabel } from "./useNodeLabel";

/** How a node serves the plans above it: its parents, then each higher-plan node it serves, up to the top. */
export function TracePanel({ nodeId }: { nodeId: RecordId }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const kindLabel = useNodeKindLabel();
  const trace = useTrace(nodeId);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="trace-panel">
      <h3 id={headingId}>{t("planEdit.trace")}</h3>
      <QueryState
        query={trace}
        isEmpty={(data) => data.items.length <= 1 && !data.truncated}
        empty={t("planEdit.traceEmpty")}
      >
        {(data) => (
          <ol className="trace" data-testid="trace">
            {data.items.map((step) => (
              <li key={step.nodeId} data-trace-code={step.code} data-trace-via={step.via}>
                {step.via === "serves" && <span className="trace-via">{t("planEdit.serves")} </span>}
                <span className={`kind-badge kind-${step.kind}`}>{kindLabel(step.kind)}</span>{" "}
                <span className="node-code">{step.code}</span>{" "}
                <Link to={`/plans/${step.planId}?node=${step.nodeId}`}>
                  {pickLocalized(locale, step.titleTh, step.titleEn)}
                </Link>
                <span className="muted small"> — {pickLocalized(locale, step.planTitleTh, step.planTitleEn)}</span>
              </li>
            ))}
            {data.truncated && <li className="muted">{t("planEdit.traceTruncated")}</li>}
          </ol>
        )}
      </QueryState>
    </section>
  );
}
