import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { localName, pickLocalized } from "../../../lib/bilingual";
import { useAgencies } from "../../agencies/queries";
import { useClusterOptions } from "../../clusters/queries";
import { useEnterpriseDetails } from "../../enterprises/queries";
import { useProviders } from "../../providers/queries";
import { isExpertField, type User } from "../model";

/** What a user's role is limited to, in words: an agency, clusters, a firm, or a provider and fields. */
export function UserScope({ user }: { user: User }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const agencies = useAgencies();
  const clusters = useClusterOptions(user.role === "cluster_coordinator");
  const [firm] = useEnterpriseDetails(
    user.role === "member" && user.enterpriseId !== null ? [String(user.enterpriseId)] : [],
  );
  const agencyName = (id: number) => {
    const agency = agencies.data?.find((a) => a.id === id);
    // The name in the reader's language: the stored abbreviations are English (DIP, OSMEP).
    return agency ? pickLocalized(locale, agency.nameTh, agency.nameEn) : `#${id}`;
  };
  const clusterName = (id: number) => {
    const cluster = clusters.data?.find((c) => c.id === id);
    return cluster ? localName(locale, cluster) || cluster.code : `#${id}`;
  };
  switch (user.role) {
    case "agency_officer":
      return <>{user.agencyId === null ? t("common.none") : agencyName(user.agencyId)}</>;
    case "cluster_coordinator":
      return <>{user.clusterIds.length === 0 ? t("common.none") : user.clusterIds.map(clusterName).join(", ")}</>;
    case "member":
      if (user.enterpriseId === null) return <>{t("common.none")}</>;
      return <>{firm?.data ? localName(locale, firm.data) || `#${user.enterpriseId}` : `#${user.enterpriseId}`}</>;
    case "expert": {
      const fields = user.expertFields.filter(isExpertField).map((field) => t(`expertFields.${field}`));
      return (
        <>
          {user.providerId === null ? t("common.none") : <ProviderName id={user.providerId} />}
          {fields.length > 0 && (
            <>
              <br />
              <span className="muted small">{fields.join(", ")}</span>
            </>
          )}
        </>
      );
    }
    default:
      return <>{t("common.none")}</>;
  }
}

/** An expert's provider by its name in the reader's language. */
function ProviderName({ id }: { id: number }) {
  const locale = useLocale();
  const providers = useProviders();
  const provider = providers.data?.find((p) => p.id === id);
  return <>{provider ? pickLocalized(locale, provider.nameTh, provider.nameEn) || provider.code : `#${id}`}</>;
}
