import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { fieldErrorsOf } from "../api/field-errors";
import { ErrorMessage } from "../components/ErrorMessage";
import { FormField } from "../components/FormField";
import { QueryState } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { RequestActions } from "../features/service-requests/components/RequestActions";
import { attachmentUrl, fileSize, reasonInWords, type ServiceRequestDetail } from "../features/service-requests/model";
import { useAttachMutation } from "../features/service-requests/mutations";
import { useServiceRequest } from "../features/service-requests/queries";
import { useProvinceName } from "../features/provinces/useProvinceName";
import { useLocale } from "../i18n";
import { localName } from "../lib/bilingual";
import { formatDate, formatDateTime } from "../lib/format";
import { CaseWorkSlot } from "./requests/CaseWorkSlot";

/** One request for help: its state, the firm's need, attachments, who it went to and why, the timeline, actions. */
export function RequestPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const request = useServiceRequest(id);
  return (
    <>
      <p>
        <Link to="/requests">{t("serviceRequests.back")}</Link>
      </p>
      <QueryState query={request}>{(r) => <RequestDetail request={r} />}</QueryState>
    </>
  );
}

function RequestDetail({ request: r }: { request: ServiceRequestDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const provinceName = useProvinceName();
  useDocumentTitle(`${r.code} ${t(`expertFields.${r.field}`)}`);
  const current = [...r.assignments].reverse().find((a) => a.response === "pending" || a.response === "accepted");
  return (
    <article className="service-request" data-request-id={r.id}>
      <header>
        <p className="eyebrow">{r.code}</p>
        <h1>
          {t("serviceRequests.titleOf", { field: t(`expertFields.${r.field}`), firm: localName(locale, r.enterprise) })}
        </h1>
        <p className={`request-status request-status-${r.status}`} data-status={r.status}>
          {t(`serviceRequests.statuses.${r.status}`)}
        </p>
      </header>
      <dl className="facts">
        <dt>{t("serviceRequests.firm")}</dt>
        <dd>
          <Link to={`/enterprises/${r.enterprise.id}`}>{localName(locale, r.enterprise)}</Link>
        </dd>
        <dt>{t("serviceRequests.field")}</dt>
        <dd>{t(`expertFields.${r.field}`)}</dd>
        <dt>{t("serviceRequests.province")}</dt>
        <dd>{provinceName(r.provinceCode)}</dd>
        <dt>{t("serviceRequests.mode")}</dt>
        <dd>{t(`serviceRequests.modes.${r.mode}`)}</dd>
        <dt>{t("serviceRequests.filedAt")}</dt>
        <dd>
          {formatDateTime(r.filedAt, locale)} · {t(`serviceRequests.channels.${r.filedVia}`)}
        </dd>
        {r.responseDueOn && (
          <>
            <dt>{t("serviceRequests.responseDueOn")}</dt>
            <dd>{formatDate(r.responseDueOn, locale)}</dd>
          </>
        )}
        {r.closureDueOn && (
          <>
            <dt>{t("serviceRequests.closureDueOn")}</dt>
            <dd>{formatDate(r.closureDueOn, locale)}</dd>
          </>
        )}
        <dt>{t("serviceRequests.consent")}</dt>
        <dd>{r.consent ? t("serviceRequests.consentGiven") : t("serviceRequests.consentNotGiven")}</dd>
      </dl>
      <section aria-labelledby="request-need-heading">
        <h2 id="request-need-heading">{t("serviceRequests.need")}</h2>
        <p className="need-text" lang="th">
          {r.needText}
        </p>
      </section>
      <section aria-labelledby="request-attachments-heading">
        <h2 id="request-attachments-heading">{t("serviceRequests.attachments")}</h2>
        {r.attachments.length === 0 ? (
          <p className="state state-empty">{t("serviceRequests.noAttachments")}</p>
        ) : (
          <ul className="attachment-list">
            {r.attachments.map((a) => (
              <li key={a.id}>
                {a.mediaType.startsWith("image/") && (
                  <img src={attachmentUrl(r.id, a.id)} alt={a.fileName} className="attachment-preview" loading="lazy" />
                )}
                <a href={attachmentUrl(r.id, a.id)}>{a.fileName}</a> <span>({fileSize(a.sizeBytes)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {r.can.attach && r.attachments.length < MAX_ATTACHMENTS && <AddAttachment requestId={r.id} />}
      <section aria-labelledby="request-assignment-heading">
        <h2 id="request-assignment-heading">{t("serviceRequests.assignment")}</h2>
        {current && current.expert ? (
          <p className="assignment-current">
            <strong>{current.expert.displayName}</strong> · {localName(locale, current.provider)}
            {current.reason && (
              <>
                <br />
                <span className="routing-reason">{reasonInWords(current.reason, t, provinceName)}</span>
              </>
            )}
          </p>
        ) : (
          <p className="state state-empty">{t("serviceRequests.noExpertYet")}</p>
        )}
        {r.assignments.length > 1 && (
          <>
            <h3>{t("serviceRequests.assignmentHistory")}</h3>
            <ol className="assignment-history">
              {r.assignments.map((a) => (
                <li key={a.id}>
                  {a.expert?.displayName ?? localName(locale, a.provider)} ·{" "}
                  {t(`serviceRequests.responses.${a.response}`)}
                  {a.declineReason && <> — {a.declineReason}</>}
                  {a.reason && (
                    <>
                      <br />
                      <span className="routing-reason">{reasonInWords(a.reason, t, provinceName)}</span>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
        {r.contacts.length > 0 && (
          <>
            <h3>{t("serviceRequests.contacts")}</h3>
            {r.contactsMasked ? (
              <p className="contacts-masked">{t("serviceRequests.contactsMasked")}</p>
            ) : (
              <ul>
                {r.contacts.map((c, i) => (
                  <li key={i}>{[c.name, c.position, c.phone, c.email].filter(Boolean).join(" · ")}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      <RequestActions request={r} />
      {/* The case-work panel (consultations, tasks, closure, rating) goes here: see requests/CaseWorkSlot.tsx. */}
      <CaseWorkSlot request={r} />
      <section aria-labelledby="request-timeline-heading">
        <h2 id="request-timeline-heading">{t("serviceRequests.timeline")}</h2>
        <ol className="request-timeline">
          {r.events.map((e) => (
            <li key={e.id} data-kind={e.kind}>
              <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time> {t(`serviceRequests.events.${e.kind}`)}
              {e.actorName && <> · {e.actorName}</>}
              {typeof e.data?.["reason"] === "string" && <> — {e.data["reason"]}</>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

/** The most attachments a request takes (the server checks again). */
const MAX_ATTACHMENTS = 5;

/** Adds a photo or PDF to an open request (the firm's side and the provider's keepers). */
function AddAttachment({ requestId }: { requestId: number }) {
  const { t } = useTranslation();
  const attach = useAttachMutation(requestId);
  const errors = fieldErrorsOf(attach.error, t);
  return (
    <div className="add-attachment">
      <FormField label={t("serviceRequests.addAttachment")} error={errors["file"] ?? null}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept="image/*,application/pdf"
            disabled={attach.isPending}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) attach.mutate(file);
              e.target.value = "";
            }}
          />
        )}
      </FormField>
      {attach.isError && <ErrorMessage error={attach.error} placed={["file"]} />}
    </div>
  );
}
