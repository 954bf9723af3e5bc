import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { EventForm } from "../features/events/components/EventForm";
import { useCreateEventMutation } from "../features/events/mutations";

/** A new trade event: kind, titles, organiser and funding, in Thailand (a province) or abroad (country and city). */
export function NewEventPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("events.new"));
  const navigate = useNavigate();
  const create = useCreateEventMutation();
  return (
    <>
      <h1>{t("events.new")}</h1>
      <EventForm
        error={create.error}
        pending={create.isPending}
        submitLabel={t("events.create")}
        onSubmit={(body) => create.mutate(body, { onSuccess: (created) => void navigate(`/events/${created.id}`) })}
      />
    </>
  );
}
