import { expertFields, requestStatuses } from "@sainam/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Pagination } from "../components/Pagination";
import { QueryState } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { RequireRole } from "../features/auth/components/RequireRole";
import { useCurrentUser } from "../features/auth/queries";
import { ROLES, type User } from "../features/auth/model";
import { RequestTable } from "../features/service-requests/components/RequestTable";
import { mayFileRequests } from "../features/service-requests/model";
import { useServiceRequests } from "../features/service-requests/queries";
import { useManagedProviders, useProviders } from "../features/providers/queries";
import { useLocale } from "../i18n";
import { localName } from "../lib/bilingual";

const PAGE_SIZE = 50;

/** Which list the user sees, by role: a firm its requests, an expert those assigned to them, others their scope. */
function listTitleKey(
  user: Pick<User, "role">,
): "serviceRequests.list.mine" | "serviceRequests.list.assigned" | "serviceRequests.list.all" {
  if (user.role === "member") return "serviceRequests.list.mine";
  if (user.role === "expert") return "serviceRequests.list.assigned";
  return "serviceRequests.list.all";
}

/** Requests for help the signed-in user may see, with filters by state and field. */
export function RequestsPage() {
  const user = useCurrentUser();
  return <RequireRole roles={ROLES}>{user && <RequestList user={user} />}</RequireRole>;
}

function RequestList({ user }: { user: User }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = t(listTitleKey(user));
  useDocumentTitle(title);
  const [status, setStatus] = useState("");
  const [field, setField] = useState("");
  const [provider, setProvider] = useState("");
  // Staff follow several providers' requests: a filter by provider (a firm or an expert has one scope already).
  const staff = user.role !== "member" && user.role !== "expert";
  const providers = useProviders();
  // A provider's manager records walk-ins at their centres, whatever their role.
  const managed = useManagedProviders(true);
  const recordsWalkIns = (managed.data ?? []).length > 0;
  const [page, setPage] = useState(1);
  const requests = useServiceRequests({
    status: status || undefined,
    field: field || undefined,
    provider: provider ? Number(provider) : undefined,
    page,
  });
  return (
    <>
      <h1>{title}</h1>
      {(mayFileRequests(user) || recordsWalkIns) && (
        <p>
          {mayFileRequests(user) && (
            <Link className="button button-primary" to="/requests/new">
              {t("serviceRequests.list.new")}
            </Link>
          )}{" "}
          {recordsWalkIns && (
            <Link className="button" to="/requests/new?walkIn=1">
              {t("serviceRequests.list.newWalkIn")}
            </Link>
          )}
        </p>
      )}
      <div className="filters">
        <label>
          {t("serviceRequests.status")}{" "}
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setPage(1);
            }}
          >
            <option value="">{t("serviceRequests.list.anyStatus")}</option>
            {requestStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`serviceRequests.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("serviceRequests.field")}{" "}
          <select
            value={field}
            onChange={(e) => {
              setField(e.target.value);
              setPage(1);
            }}
          >
            <option value="">{t("serviceRequests.list.anyField")}</option>
            {expertFields.map((f) => (
              <option key={f} value={f}>
                {t(`expertFields.${f}`)}
              </option>
            ))}
          </select>
        </label>
        {staff && (
          <>
            {" "}
            <label>
              {t("serviceRequests.provider")}{" "}
              <select
                value={provider}
                onChange={(e) => {
                  setProvider(e.target.value);
                  setPage(1);
                }}
              >
                <option value="">{t("serviceRequests.list.anyProvider")}</option>
                {(providers.data ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {localName(locale, p) || p.code}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
      </div>
      <QueryState query={requests} isEmpty={(p) => p.items.length === 0} empty={t("serviceRequests.list.empty")}>
        {(p) => (
          <>
            <RequestTable items={p.items} caption={title} answer={user.role === "expert"} />
            <Pagination page={p.page} pageSize={PAGE_SIZE} total={p.total} onPage={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}
