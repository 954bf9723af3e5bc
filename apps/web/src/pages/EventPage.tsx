import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ErrorMessage } from "../components/ErrorMessage";
import { QueryState } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useAgencies } from "../features/agencies/queries";
import { EventLayoutSetup } from "../features/events/components/EventLayoutSetup";
import { EventParticipants } from "../features/events/components/EventParticipants";
import { countryName, NEXT_STATUSES } from "../features/events/model";
import { useEventStatusMutation, usePublishEventMutation } from "../features/events/mutations";
import { useEvent } from "../features/events/queries";
import { useLocale } from "../i18n";
import { pickLocalized } from "../lib/bilingual";
import { formatDateRange, formatNumber, fiscalYearLabel } from "../lib/format";

/** One trade event: its overview, and for its keepers the slots and tables and the participants. */
export function EventPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const event = useEvent(id);
  const agencies = useAgencies();
  const status = useEventStatusMutation(id);
  const publish = usePublishEventMutation(id);
  useDocumentTitle(event.data ? pickLocalized(locale, event.data.titleTh, event.data.titleEn) : t("events.title"));
  return (
    <QueryState query={event}>
      {(e) => {
        const agency = agencies.data?.find((a) => a.id === e.organiserAgencyId);
        return (
          <>
            <p>
              <Link to="/events">{t("events.back")}</Link>
            </p>
            <h1>{pickLocalized(locale, e.titleTh, e.titleEn)}</h1>
            <dl className="facts">
              <dt>{t("events.fields.kind")}</dt>
              <dd>{t(`events.kinds.${e.kind}`)}</dd>
              <dt>{t("events.fields.status")}</dt>
              <dd>
                {t(`events.statuses.${e.status}`)} · {e.published ? t("events.published") : t("events.notPublished")}
              </dd>
              <dt>{t("events.fields.dates")}</dt>
              <dd>{formatDateRange(e.startsOn, e.endsOn, locale)}</dd>
              <dt>{t("events.fields.fiscalYear")}</dt>
              <dd>{fiscalYearLabel(e.fiscalYear, locale)}</dd>
              <dt>{t("events.fields.place")}</dt>
              <dd>
                {[e.venue, e.city, countryName(e.countryCode, locale)].filter(Boolean).join(", ")} ({e.timeZone})
              </dd>
              {agency && (
                <>
                  <dt>{t("events.fields.organiser")}</dt>
                  <dd>{pickLocalized(locale, agency.nameTh, agency.nameEn)}</dd>
                </>
              )}
              {e.programme && (
                <>
                  <dt>{t("events.fields.programme")}</dt>
                  <dd>
                    <Link to={`/programmes/${e.programme.id}`}>
                      {pickLocalized(locale, e.programme.nameTh, e.programme.nameEn)}
                    </Link>
                  </dd>
                </>
              )}
              {e.budget !== null && (
                <>
                  <dt>{t("events.fields.budget")}</dt>
                  <dd>{formatNumber(e.budget, locale)}</dd>
                </>
              )}
              <dt>{t("events.fields.participants")}</dt>
              <dd>{formatNumber(e.participantCount, locale)}</dd>
            </dl>
            {(e.agendaTh || e.agendaEn) && (
              <section>
                <h2>{t("events.agenda")}</h2>
                <p className="preserve-lines">{pickLocalized(locale, e.agendaTh, e.agendaEn)}</p>
              </section>
            )}
            <nav aria-label={t("events.pagesLabel")}>
              <ul className="link-list">
                <li>
                  <Link to={`/events/${e.id}/meetings`}>{t("events.links.meetings")}</Link>
                </li>
                <li>
                  <Link to={`/events/${e.id}/schedule`}>{t("events.links.schedule")}</Link>
                </li>
                <li>
                  <Link to={`/events/${e.id}/deals`}>{t("events.links.deals")}</Link>
                </li>
              </ul>
            </nav>
            {e.keeper && (
              <section>
                <h2>{t("events.manage")}</h2>
                <p className="actions">
                  <Link className="button" to={`/events/${e.id}/edit`}>
                    {t("events.edit")}
                  </Link>
                  {NEXT_STATUSES[e.status].map((next) => (
                    <button
                      key={next}
                      type="button"
                      className="button"
                      disabled={status.isPending}
                      onClick={() => status.mutate(next)}
                    >
                      {t(`events.moveTo.${next}`)}
                    </button>
                  ))}
                  <button
                    type="button"
                    className="button"
                    disabled={publish.isPending}
                    onClick={() => publish.mutate(!e.published)}
                  >
                    {e.published ? t("events.unpublish") : t("events.publish")}
                  </button>
                </p>
                {status.isError && <ErrorMessage error={status.error} />}
                {publish.isError && <ErrorMessage error={publish.error} />}
                <EventLayoutSetup event={e} />
              </section>
            )}
            <EventParticipants event={e} />
          </>
        );
      }}
    </QueryState>
  );
}
