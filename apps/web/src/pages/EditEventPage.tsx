import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { QueryState } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { EventForm } from "../features/events/components/EventForm";
import { eventChanges } from "../features/events/model";
import { useUpdateEventMutation } from "../features/events/mutations";
import { useEvent } from "../features/events/queries";
import { useLocale } from "../i18n";
import { pickLocalized } from "../lib/bilingual";

/** Editing a trade event, for its keepers: the create form's fields from the event; only what changed is sent. */
export function EditEventPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const event = useEvent(id);
  const update = useUpdateEventMutation(id);
  useDocumentTitle(t("events.edit"));
  const back = () => void navigate(`/events/${id}`);
  return (
    <QueryState query={event}>
      {(e) => (
        <>
          <p>
            <Link to={`/events/${e.id}`}>{t("events.backToEvent")}</Link>
          </p>
          <h1>{t("events.editTitle", { title: pickLocalized(locale, e.titleTh, e.titleEn) })}</h1>
          {e.keeper ? (
            <EventForm
              key={e.id}
              event={e}
              error={update.error}
              pending={update.isPending}
              submitLabel={t("events.save")}
              onSubmit={(body) => {
                const changes = eventChanges(e, body);
                if (Object.keys(changes).length === 0) back();
                else update.mutate(changes, { onSuccess: back });
              }}
            />
          ) : (
            <p role="alert">{t("events.notKeeper")}</p>
          )}
        </>
      )}
    </QueryState>
  );
}
