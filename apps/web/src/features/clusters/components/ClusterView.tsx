import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { QueryState } from "../../../components/QueryState";
import { Tabs } from "../../../components/Tabs";
import { useDocumentTitle } from "../../../components/useDocumentTitle";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { useAgencyName } from "../../agencies/useAgencyName";
import { isStaff } from "../../auth/model";
import { useCurrentUser } from "../../auth/queries";
import { ProgrammeList } from "../../programmes/components/ProgrammeList";
import { AnalysisPanel } from "../../value-chain/components/AnalysisPanel";
import { ClusterNetwork } from "../../value-chain/components/ClusterNetwork";
import { SuggestionList } from "../../value-chain/components/SuggestionList";
import type { ClusterDetail } from "../model";
import { useCluster } from "../queries";
import { ClusterForm } from "./ClusterForm";
import { ClusterHeader } from "./ClusterHeader";
import { InstitutionsPanel } from "./InstitutionsPanel";
import { MembersByStage } from "./MembersByStage";

const TAB_KEYS = ["members", "network", "analysis", "suggestions", "institutions", "programmes"] as const;
type TabKey = (typeof TAB_KEYS)[number];

function isTabKey(value: unknown): value is TabKey {
  return TAB_KEYS.some((key) => key === value);
}

export function ClusterView({ id }: { id: string }) {
  const cluster = useCluster(id);
  return <QueryState query={cluster}>{(data) => <ClusterContent cluster={data} />}</QueryState>;
}

/**
 * One cluster: its header, editors' form, and the members / network / analysis / suggestions / institutions /
 * supporting programmes tabs.
 */
function ClusterContent({ cluster }: { cluster: ClusterDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const agencyName = useAgencyName();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const name = localName(locale, cluster) || cluster.code;
  useDocumentTitle(name);
  // Edit controls are offered to signed-in staff; the server decides per cluster and answers 403 otherwise.
  const canEdit = isStaff(user);
  const requested = params.get("tab");
  const tab: TabKey = isTabKey(requested) ? requested : "members";

  const select = (key: TabKey) => {
    const next = new URLSearchParams(params);
    if (key === "members") next.delete("tab");
    else next.set("tab", key);
    setParams(next, { replace: true });
  };

  return (
    <article className="cluster-page">
      <ClusterHeader cluster={cluster} />
      {canEdit && !editing && (
        <p>
          <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
            {t("registry.edit")}
          </button>
        </p>
      )}
      {notice && (
        <div className="alert alert-success" role="status">
          <p>{notice}</p>
        </div>
      )}
      {canEdit && editing && (
        <ClusterForm
          cluster={cluster}
          onDone={(saved) => {
            setEditing(false);
            setNotice(saved ? t("registry.saved") : null);
          }}
        />
      )}
      <Tabs
        label={t("registry.sections")}
        tabs={TAB_KEYS.map((key) => ({ key, label: t(`registry.tabs.${key}`) }))}
        selected={tab}
        onSelect={select}
      >
        {tab === "members" && <MembersByStage clusterId={String(cluster.id)} canEdit={canEdit} />}
        {tab === "network" && <ClusterNetwork clusterId={String(cluster.id)} clusterName={name} canEdit={canEdit} />}
        {tab === "analysis" && <AnalysisPanel clusterId={String(cluster.id)} />}
        {tab === "suggestions" && <SuggestionList clusterId={String(cluster.id)} canEdit={canEdit} />}
        {tab === "institutions" && <InstitutionsPanel clusterId={String(cluster.id)} canEdit={canEdit} />}
        {tab === "programmes" && (
          <ProgrammeList
            agencyId=""
            clusterId={String(cluster.id)}
            agencyName={agencyName}
            empty={t("registry.noProgrammes")}
          />
        )}
      </Tabs>
      <p>
        <Link to="/clusters">{t("common.backTo", { page: t("registry.backToList") })}</Link>
      </p>
    </article>
  );
}
