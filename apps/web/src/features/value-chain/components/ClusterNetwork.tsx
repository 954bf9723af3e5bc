import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Empty, Loading } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { formatNumber, type Locale } from "../../../lib/format";
import { formatJuristicId } from "../../enterprises/juristic-id";
import type { Institution, Member } from "../../clusters/model";
import { useClusterInstitutions, useClusterMembers } from "../../clusters/queries";
import { isStage, type Linkage } from "../model";
import { layoutNetwork } from "../network-layout";
import { useClusterLinkages } from "../queries";
import { AddLinkageForm } from "./AddLinkageForm";
import { LinkageTable } from "./LinkageTable";
import { NetworkDiagram } from "./NetworkDiagram";

interface ClusterNetworkProps {
  clusterId: string;
  clusterName: string;
  canEdit: boolean;
}

/** The cluster's members, institutions and links: the lane diagram, the links as a table, and the editors' form. */
export function ClusterNetwork({ clusterId, clusterName, canEdit }: ClusterNetworkProps) {
  const members = useClusterMembers(clusterId, false);
  const institutions = useClusterInstitutions(clusterId);
  const linkages = useClusterLinkages(clusterId);
  const queries = [members, institutions, linkages];
  const failed = queries.find((q) => q.isError);
  if (failed?.isError) {
    return <ErrorMessage error={failed.error} onRetry={() => queries.forEach((q) => void q.refetch())} />;
  }
  if (!members.data || !institutions.data || !linkages.data) return <Loading />;
  return (
    <NetworkContent
      clusterId={clusterId}
      clusterName={clusterName}
      canEdit={canEdit}
      members={members.data}
      institutions={institutions.data}
      linkages={linkages.data}
    />
  );
}

function memberLabel(member: Member, locale: Locale): string {
  return (
    localName(locale, member) || (member.juristicId ? formatJuristicId(member.juristicId) : `#${member.enterpriseId}`)
  );
}

interface NetworkContentProps extends ClusterNetworkProps {
  members: Member[];
  institutions: Institution[];
  linkages: Linkage[];
}

function NetworkContent({ clusterId, clusterName, canEdit, members, institutions, linkages }: NetworkContentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const memberName = (member: Member) => memberLabel(member, locale);
  const institutionName = (institution: Institution) => localName(locale, institution) || `#${institution.id}`;

  const layout = useMemo(
    () =>
      layoutNetwork(
        members.flatMap((m) =>
          isStage(m.stage) ? [{ id: String(m.enterpriseId), stage: m.stage, label: memberLabel(m, locale) }] : [],
        ),
        institutions.map((i) => ({ id: String(i.id), label: localName(locale, i) || `#${i.id}` })),
        linkages.map((link) => ({
          ...link,
          id: String(link.id),
          from: { type: link.from.type, id: String(link.from.id) },
          to: { type: link.to.type, id: String(link.to.id) },
        })),
      ),
    [members, institutions, linkages, locale],
  );

  const partyName = (type: "enterprise" | "institution", id: number): string => {
    if (type === "enterprise") {
      const member = members.find((m) => m.enterpriseId === id);
      return member ? memberName(member) : t("network.outside", { id });
    }
    const institution = institutions.find((i) => i.id === id);
    return institution ? institutionName(institution) : t("network.outside", { id });
  };

  const memberCount = layout.lanes.reduce((sum, lane) => sum + lane.total, 0);
  const shownCount = layout.lanes.reduce((sum, lane) => sum + lane.shown, 0);

  return (
    <section className="cluster-network">
      {canEdit && (
        <div className="toolbar">
          <span />
          <button
            type="button"
            className="button button-primary"
            aria-expanded={adding}
            onClick={() => setAdding((v) => !v)}
          >
            {t("linkages.add")}
          </button>
        </div>
      )}
      {notice && (
        <div className="alert alert-success" role="status">
          <p>{notice}</p>
        </div>
      )}
      {canEdit && adding && (
        <AddLinkageForm
          clusterId={clusterId}
          members={members.map((m) => ({ id: m.enterpriseId, name: memberName(m) }))}
          institutions={institutions.map((i) => ({ id: i.id, name: institutionName(i) }))}
          onAdded={() => {
            setNotice(t("linkages.added"));
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {layout.nodes.length === 0 ? (
        <Empty>{t("network.empty")}</Empty>
      ) : (
        <>
          {layout.reduced && (
            <p className="alert alert-info">
              {t("network.reducedNote", {
                n: formatNumber(memberCount, locale),
                shown: formatNumber(shownCount, locale),
              })}
            </p>
          )}
          <NetworkDiagram
            layout={layout}
            title={t("network.label", { name: clusterName })}
            // The router shows a failed navigation in its error element: nothing to await.
            onOpen={(node) => void navigate(`/enterprises/${encodeURIComponent(node.id)}`)}
          />
          {layout.hiddenLinks > 0 && (
            <p className="muted small">
              {t("network.hiddenLinks", { count: layout.hiddenLinks, n: formatNumber(layout.hiddenLinks, locale) })}
            </p>
          )}
        </>
      )}
      <LinkageTable clusterId={clusterId} linkages={linkages} partyName={partyName} canEdit={canEdit} />
    </section>
  );
}
