import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { QueryState } from "../../../components/QueryState";
import { TableScroll } from "../../../components/TableScroll";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { formatDate } from "../../../lib/format";
import type { User } from "../../auth/model";
import { formatJuristicId } from "../../enterprises/juristic-id";
import type { PendingMembership } from "../model";
import { useApprovePendingMembershipMutation } from "../mutations";
import { usePendingMemberships } from "../queries";

/** Those who approve memberships (admins, officers of the cluster's agency, the firm's member). */
const APPROVERS: readonly string[] = ["admin", "agency_officer", "member"];

/**
 * "Memberships awaiting approval": for those who approve them, the ones waiting for them, with an Approve button
 * each; for a coordinator, their own clusters' requests still waiting (shown only when there are some).
 */
export function PendingMemberships({ user }: { user: User }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const approver = APPROVERS.includes(user.role);
  const coordinator = user.role === "cluster_coordinator";
  const pending = usePendingMemberships(approver || coordinator);
  const approve = useApprovePendingMembershipMutation();
  const [notice, setNotice] = useState<string | null>(null);
  const headingId = useId();
  if (!approver && !(coordinator && (pending.data?.length ?? 0) > 0)) return null;

  const firmName = (m: PendingMembership) =>
    localName(locale, m.enterprise) ||
    (m.enterprise.juristicId ? formatJuristicId(m.enterprise.juristicId) : `#${m.enterprise.id}`);
  const clusterName = (m: PendingMembership) => localName(locale, m.cluster) || m.cluster.code;

  return (
    <section className="pending-memberships" aria-labelledby={headingId} data-testid="pending-memberships">
      <h2 id={headingId}>{t("members.pendingTitle")}</h2>
      <p className="muted">{t(approver ? "members.pendingIntroApprover" : "members.pendingIntroCoordinator")}</p>
      {notice && (
        <div className="alert alert-success" role="status">
          <p>{notice}</p>
        </div>
      )}
      {approve.isError && <ErrorMessage error={approve.error} />}
      <QueryState query={pending} isEmpty={(items) => items.length === 0} empty={t("members.pendingNone")}>
        {(items) => (
          <TableScroll label={t("members.pendingTitle")}>
            <table className="table">
              <caption className="visually-hidden">{t("members.pendingTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("members.pendingCluster")}</th>
                  <th scope="col">{t("members.pendingEnterprise")}</th>
                  <th scope="col">{t("members.pendingAddedBy")}</th>
                  <th scope="col">{t("members.pendingAddedAt")}</th>
                  <th scope="col">{t("members.pendingAction")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr
                    key={m.membershipId}
                    data-membership-id={m.membershipId}
                    data-cluster-id={m.cluster.id}
                    data-enterprise-id={m.enterprise.id}
                  >
                    <td>
                      <Link to={`/clusters/${encodeURIComponent(m.cluster.id)}`}>{clusterName(m)}</Link>
                    </td>
                    <td>
                      <Link to={`/enterprises/${encodeURIComponent(m.enterprise.id)}`}>{firmName(m)}</Link>
                      {m.enterprise.juristicId && (
                        <span className="muted small"> · {formatJuristicId(m.enterprise.juristicId)}</span>
                      )}
                    </td>
                    <td>
                      {m.addedBy ? (m.addedBy.displayName ?? `#${m.addedBy.id}`) : t("members.pendingUnknownUser")}
                    </td>
                    <td>{formatDate(m.addedAt, locale, "Asia/Bangkok")}</td>
                    <td>
                      {m.canApprove ? (
                        <button
                          type="button"
                          className="button button-primary button-small"
                          disabled={approve.isPending}
                          aria-label={t("members.approveTitle", { name: firmName(m) })}
                          onClick={() =>
                            approve.mutate(
                              { clusterId: m.cluster.id, enterpriseId: m.enterprise.id },
                              {
                                onSuccess: () =>
                                  setNotice(
                                    t("members.pendingApproved", { name: firmName(m), cluster: clusterName(m) }),
                                  ),
                              },
                            )
                          }
                        >
                          {t("members.approve")}
                        </button>
                      ) : (
                        <span className="member-approval small badge-pending">{t("members.pendingWaiting")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryState>
    </section>
  );
}
