import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";
import type { Analysis } from "../model";
import { STAGES } from "../model";
import { useClusterAnalysis } from "../queries";
import { useMemberDirectory } from "../useMemberDirectory";
import { useValueChainLabels } from "../useValueChainLabels";

function percent(value: number, locale: "th" | "en"): string {
  return formatNumber(value, locale, { style: "percent", maximumFractionDigits: 1 });
}

/** The value-chain analysis in plain words: gaps in the chain, how linked the members are, where value stays. */
export function AnalysisPanel({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation();
  const analysis = useClusterAnalysis(clusterId);
  return (
    <QueryState query={analysis} unavailable={t("analysis.notAvailable")}>
      {(data) => <AnalysisView clusterId={clusterId} analysis={data} />}
    </QueryState>
  );
}

function Figure({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="figure-card">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function AnalysisView({ clusterId, analysis }: { clusterId: string; analysis: Analysis }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useValueChainLabels();
  const members = useMemberDirectory(clusterId);
  const n = (value: number) => formatNumber(value, locale);

  return (
    <div className="analysis">
      <div className="figure-grid">
        <Figure title={t("analysis.membersPerStage")}>
          <ul className="plain-list">
            {STAGES.map((stage) => (
              <li key={stage}>
                {t("analysis.stageLine", { stage: labels.stage(stage), n: n(analysis.membersPerStage[stage]) })}
              </li>
            ))}
          </ul>
          {analysis.emptyStages.length === 0 ? (
            <p className="ok-text">{t("analysis.completeChain")}</p>
          ) : (
            <ul className="warning-list">
              {analysis.emptyStages.map((stage) => (
                <li key={stage} data-empty-stage={stage}>
                  {t("analysis.emptyStage", { stage: t(`stagesInText.${stage}`) })}
                </li>
              ))}
            </ul>
          )}
        </Figure>
        <Figure title={t("analysis.linkDensity")}>
          <p className="big-figure">{percent(analysis.linkDensity, locale)}</p>
          <p>{t("analysis.linkDensityText", { value: percent(analysis.linkDensity, locale) })}</p>
        </Figure>
        <Figure title={t("analysis.insideShare")}>
          {analysis.insideValueShare === null ? (
            <p>{t("analysis.insideShareUnknown")}</p>
          ) : (
            <>
              <p className="big-figure">{percent(analysis.insideValueShare, locale)}</p>
              <p>{t("analysis.insideShareText", { value: percent(analysis.insideValueShare, locale) })}</p>
            </>
          )}
        </Figure>
        <Figure title={t("analysis.links")}>
          <p>
            {t("analysis.linksText", { vertical: n(analysis.verticalLinks), horizontal: n(analysis.horizontalLinks) })}
          </p>
        </Figure>
      </div>
      <section>
        <h3>{t("analysis.singleSupplier")}</h3>
        {analysis.singleSupplierProducts.length === 0 ? (
          <p>{t("analysis.noSingleSupplier")}</p>
        ) : (
          <ul className="bullets">
            {analysis.singleSupplierProducts.map((item) => (
              <li key={`${item.product}-${item.supplierId}`}>
                {t("analysis.singleSupplierItem", { product: item.product, supplier: members.name(item.supplierId) })}
                {item.buyerIds.length > 0 && (
                  <span className="muted">
                    {" "}
                    — {t("analysis.dependents", { names: item.buyerIds.map(members.name).join(", ") })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3>{t("analysis.unsupplied")}</h3>
        {analysis.unsuppliedInputs.length === 0 ? (
          <p>{t("analysis.noUnsupplied")}</p>
        ) : (
          <ul className="bullets">
            {analysis.unsuppliedInputs.map((item) => (
              <li key={item.product}>
                {t("analysis.unsuppliedItem", {
                  product: item.product,
                  names: item.neededBy.map(members.name).join(", "),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3>{t("analysis.unlinked")}</h3>
        {analysis.unlinkedMemberIds.length === 0 ? (
          <p>{t("analysis.noUnlinked")}</p>
        ) : (
          <ul className="chip-list">
            {analysis.unlinkedMemberIds.map((id) => (
              <li key={id} data-enterprise-id={id}>
                <Link className="chip" to={`/enterprises/${encodeURIComponent(id)}`}>
                  {members.name(id)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
