import { currentFiscalYear, eventKinds } from "@sainam/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { FiscalYearSelect } from "../components/FiscalYearSelect";
import { FormField } from "../components/FormField";
import { Pagination } from "../components/Pagination";
import { QueryState } from "../components/QueryState";
import { TableScroll } from "../components/TableScroll";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useUrlFilters } from "../components/useUrlFilters";
import { useAgencies } from "../features/agencies/queries";
import { useCurrentUser } from "../features/auth/queries";
import { countryName, fiscalYearChoices } from "../features/events/model";
import { useEvents, type EventFilters } from "../features/events/queries";
import { useLocale } from "../i18n";
import { pickLocalized } from "../lib/bilingual";
import { formatDateRange, formatNumber } from "../lib/format";

/** Trade fairs and business-matching events: signed-in users see theirs and (officers) every one; visitors the published. */
export function EventsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t("events.title"));
  const user = useCurrentUser();
  const agencies = useAgencies();
  // A new filter starts the list again at its first page.
  const { params, setFilter: set, setFilters } = useUrlFilters({ resets: ["page"] });
  const current = currentFiscalYear(new Date());
  // The current Thai fiscal year is the default; "all" shows every year.
  const fiscalYear = params.get("fy") ?? String(current);
  const filters: EventFilters = {
    when: params.get("when") ?? "",
    kind: params.get("kind") ?? "",
    fiscalYear: fiscalYear === "all" ? "" : fiscalYear,
    organiserAgencyId: params.get("agency") ?? "",
  };
  const page = Number(params.get("page") ?? "1") || 1;
  const events = useEvents(filters, page);
  const canCreate = user !== null && ["admin", "agency_officer", "cluster_coordinator"].includes(user.role);
  return (
    <>
      <h1>{t("events.title")}</h1>
      <p className="lead">{t("events.intro")}</p>
      {canCreate && (
        <p>
          <Link className="button button-primary" to="/events/new">
            {t("events.new")}
          </Link>
        </p>
      )}
      <div className="filters">
        <FormField label={t("events.filters.when")}>
          {(control) => (
            <select {...control} value={filters.when} onChange={(e) => set("when", e.target.value)}>
              <option value="">{t("events.filters.all")}</option>
              <option value="upcoming">{t("events.filters.upcoming")}</option>
              <option value="past">{t("events.filters.past")}</option>
            </select>
          )}
        </FormField>
        <FormField label={t("events.fields.kind")}>
          {(control) => (
            <select {...control} value={filters.kind} onChange={(e) => set("kind", e.target.value)}>
              <option value="">{t("events.filters.all")}</option>
              {eventKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`events.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FiscalYearSelect
          label={t("events.fields.fiscalYear")}
          years={fiscalYearChoices(current)}
          value={fiscalYear === "all" ? null : Number(fiscalYear)}
          emptyLabel={t("events.filters.allYears")}
          onChange={(year) => set("fy", year === null ? "all" : String(year))}
        />
        <FormField label={t("events.fields.organiser")}>
          {(control) => (
            <select {...control} value={filters.organiserAgencyId} onChange={(e) => set("agency", e.target.value)}>
              <option value="">{t("events.filters.all")}</option>
              {(agencies.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {pickLocalized(locale, a.nameTh, a.nameEn)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <QueryState query={events} isEmpty={(data) => data.items.length === 0} empty={t("events.empty")}>
        {(data) => (
          <>
            <TableScroll label={t("events.title")}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("events.fields.title")}</th>
                    <th scope="col">{t("events.fields.kind")}</th>
                    <th scope="col">{t("events.fields.dates")}</th>
                    <th scope="col">{t("events.fields.place")}</th>
                    <th scope="col">{t("events.fields.status")}</th>
                    <th scope="col">{t("events.fields.participants")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((event) => (
                    <tr key={event.id}>
                      <td>
                        <Link to={`/events/${event.id}`}>{pickLocalized(locale, event.titleTh, event.titleEn)}</Link>
                      </td>
                      <td>{t(`events.kinds.${event.kind}`)}</td>
                      <td>{formatDateRange(event.startsOn, event.endsOn, locale)}</td>
                      <td>
                        {event.countryCode === "TH"
                          ? (event.city ?? countryName("TH", locale))
                          : `${event.city ?? ""}, ${countryName(event.countryCode, locale)}`}
                      </td>
                      <td>{t(`events.statuses.${event.status}`)}</td>
                      <td>{formatNumber(event.participantCount, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPage={(next) => setFilters({ page: String(next) })}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
