import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { QueryState } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useCurrentUser } from "../features/auth/queries";
import { ProviderForm } from "../features/providers/components/ProviderForm";
import { ProviderTable } from "../features/providers/components/ProviderTable";
import { mayAddProviders } from "../features/providers/model";
import { useProviders } from "../features/providers/queries";

/** Service providers (ITC and its branches, TIDC, the SME Rescue Center, …) with their kinds, provinces and services. */
export function ProvidersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("providers.title"));
  const user = useCurrentUser();
  const providers = useProviders();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <h1>{t("providers.title")}</h1>
      <p className="lead">{t("providers.intro")}</p>
      {mayAddProviders(user) &&
        (adding ? (
          <ProviderForm
            onDone={(saved) => {
              setAdding(false);
              // The router shows a failed navigation in its error element: nothing to await.
              if (saved) void navigate(`/service-providers/${saved.id}`);
            }}
          />
        ) : (
          <p>
            <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
              {t("providers.add")}
            </button>
          </p>
        ))}
      <QueryState query={providers} isEmpty={(items) => items.length === 0} empty={t("providers.none")}>
        {(items) => <ProviderTable providers={items} />}
      </QueryState>
    </>
  );
}
