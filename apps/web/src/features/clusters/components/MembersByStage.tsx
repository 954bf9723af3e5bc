import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { formatDate, formatNumber } from "../../../lib/format";
import { useEnterpriseLabels } from "../../enterprises/useEnterpriseLabels";
import { formatJuristicId } from "../../enterprises/juristic-id";
import { isStage, STAGES, type Stage } from "../../value-chain/model";
import { useValueChainLabels } from "../../value-chain/useValueChainLabels";
import type { Member } from "../model";
import { useApproveMemberMutation, useUpdateMemberMutation } from "../mutations";
import { useClusterMemberList, useClusterMembers } from "../queries";
import { AddMemberForm } from "./AddMemberForm";

/** Today's date as YYYY-MM-DD in Thailand, the date a firm is recorded as having left. */
function todayInBangkok(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" }).format(new Date());
}

interface MembersByStageProps {
  clusterId: string;
  canEdit: boolean;
}

/** Members in three columns, upstream → midstream → downstream; editors change a stage or record that a firm left. */
export function MembersByStage({ clusterId, canEdit }: MembersByStageProps) {
  const { t } = useTranslation();
  const [past, setPast] = useState(false);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const members = useClusterMembers(clusterId, past);
  // The same request (one cache entry): how many current members the list leaves out for this viewer.
  const notListed = useClusterMemberList(clusterId, past).data?.notListed ?? 0;
  const locale = useLocale();
  const update = useUpdateMemberMutation(clusterId);
  const approve = useApproveMemberMutation(clusterId);
  const pastId = useId();

  return (
    <section className="members-by-stage">
      <div className="toolbar">
        <div className="field field-inline">
          <input id={pastId} type="checkbox" checked={past} onChange={(event) => setPast(event.target.checked)} />
          <label htmlFor={pastId}>{t("members.showPast")}</label>
        </div>
        {canEdit && (
          <button
            type="button"
            className="button button-primary"
            aria-expanded={adding}
            onClick={() => setAdding((value) => !value)}
          >
            {t("members.add")}
          </button>
        )}
      </div>
      {notice && (
        <div className="alert alert-success" role="status">
          <p>{notice}</p>
        </div>
      )}
      {canEdit && adding && (
        <AddMemberForm
          clusterId={clusterId}
          memberIds={members.data?.map((m) => String(m.enterpriseId)) ?? []}
          onAdded={(name, approved) => {
            setNotice(t(approved ? "members.added" : "members.addedPending", { name }));
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {update.isError && <ErrorMessage error={update.error} />}
      {approve.isError && <ErrorMessage error={approve.error} />}
      <QueryState query={members}>
        {(items) => (
          <div className="stage-columns">
            {STAGES.map((stage) => (
              <StageColumn
                key={stage}
                stage={stage}
                members={items.filter((m) => m.stage === stage)}
                canEdit={canEdit}
                busy={update.isPending || approve.isPending}
                onApprove={(member) => approve.mutate(member.enterpriseId)}
                onStage={(member, next) =>
                  update.mutate({ enterpriseId: member.enterpriseId, changes: { stage: next } })
                }
                onLeft={(member) =>
                  update.mutate({ enterpriseId: member.enterpriseId, changes: { leftOn: todayInBangkok() } })
                }
                onRejoin={(member) => update.mutate({ enterpriseId: member.enterpriseId, changes: { leftOn: null } })}
              />
            ))}
          </div>
        )}
      </QueryState>
      {notListed > 0 && (
        <p className="muted small" data-testid="members-not-listed">
          {t("members.notListed", { count: notListed, n: formatNumber(notListed, locale) })}
        </p>
      )}
    </section>
  );
}

interface StageColumnProps {
  stage: Stage;
  members: Member[];
  canEdit: boolean;
  busy: boolean;
  onApprove: (member: Member) => void;
  onStage: (member: Member, stage: Stage) => void;
  onLeft: (member: Member) => void;
  onRejoin: (member: Member) => void;
}

function StageColumn({ stage, members, canEdit, busy, onApprove, onStage, onLeft, onRejoin }: StageColumnProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useValueChainLabels();
  const headingId = useId();
  const sorted = [...members].sort((a, b) => localName(locale, a).localeCompare(localName(locale, b), locale));
  return (
    <section className={`stage-column stage-${stage}`} data-stage={stage} aria-labelledby={headingId}>
      <h3 id={headingId} className="stage-heading">
        {labels.stage(stage)}{" "}
        <span className="count muted">
          ({t("members.stageCount", { count: members.length, n: formatNumber(members.length, locale) })})
        </span>
      </h3>
      {sorted.length === 0 ? (
        <p className="muted small">{t("members.noneAtStage")}</p>
      ) : (
        <ul className="member-list" aria-label={t("members.memberList", { stage: labels.stage(stage) })}>
          {sorted.map((member) => (
            <MemberItem
              key={member.membershipId || member.enterpriseId}
              member={member}
              canEdit={canEdit}
              busy={busy}
              onApprove={onApprove}
              onStage={onStage}
              onLeft={onLeft}
              onRejoin={onRejoin}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function MemberItem({
  member,
  canEdit,
  busy,
  onApprove,
  onStage,
  onLeft,
  onRejoin,
}: {
  member: Member;
  canEdit: boolean;
  busy: boolean;
  onApprove: (member: Member) => void;
  onStage: (member: Member, stage: Stage) => void;
  onLeft: (member: Member) => void;
  onRejoin: (member: Member) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useValueChainLabels();
  const enterpriseLabels = useEnterpriseLabels();
  const selectId = useId();
  const name =
    localName(locale, member) || (member.juristicId ? formatJuristicId(member.juristicId) : `#${member.enterpriseId}`);
  return (
    <li
      className={`member${member.leftOn ? " member-left" : ""}${member.approved ? "" : " member-pending"}`}
      data-enterprise-id={member.enterpriseId}
      data-approved={member.approved}
    >
      <Link to={`/enterprises/${encodeURIComponent(member.enterpriseId)}`} className="member-name">
        {name}
      </Link>
      <span className="member-meta muted small">
        {member.sizeClass && enterpriseLabels.size(member.sizeClass)}
        {member.tsicCode && ` · TSIC ${member.tsicCode}`}
        {member.joinedOn && ` · ${t("members.joinedOn", { date: formatDate(member.joinedOn, locale) })}`}
        {member.leftOn && ` · ${t("members.leftOn", { date: formatDate(member.leftOn, locale) })}`}
      </span>
      <span
        className={`member-approval small${member.approved ? " muted" : " badge-pending"}`}
        title={member.approved ? undefined : t("members.pendingHint")}
      >
        {member.approved ? t("members.approved") : t("members.pending")}
      </span>
      {!member.approved && member.canApprove && (
        <span className="member-actions">
          <button
            type="button"
            className="button button-primary button-small"
            disabled={busy}
            aria-label={t("members.approveTitle", { name })}
            onClick={() => onApprove(member)}
          >
            {t("members.approve")}
          </button>
        </span>
      )}
      {canEdit && !member.leftOn && (
        <span className="member-actions">
          <label htmlFor={selectId} className="visually-hidden">
            {t("members.changeStage", { name })}
          </label>
          <select
            id={selectId}
            className="select-small"
            value={member.stage}
            disabled={busy}
            onChange={(event) => {
              if (isStage(event.target.value)) onStage(member, event.target.value);
            }}
          >
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {labels.stage(stage)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={busy}
            aria-label={t("members.markLeftTitle", { name })}
            onClick={() => onLeft(member)}
          >
            {t("members.markLeft")}
          </button>
        </span>
      )}
      {canEdit && member.leftOn && (
        <span className="member-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={busy}
            aria-label={t("members.rejoinTitle", { name })}
            onClick={() => onRejoin(member)}
          >
            {t("members.rejoin")}
          </button>
        </span>
      )}
    </li>
  );
}
