import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useLocale } from "../i18n";
import { pickLocalized } from "../lib/bilingual";
import { formatNumber } from "../lib/format";
import { ProvinceList } from "../features/provinces/components/ProvinceList";
import { useProvincialClusters } from "../features/provincial-clusters/queries";

export function ProvincesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t("provinces.title"));
  const clusters = useProvincialClusters();
  const clusterName = (id: number) => {
    const cluster = clusters.data?.find((c) => c.id === id);
    if (!cluster) return null;
    return `${t("clusters.number", { number: formatNumber(cluster.number, locale) })} · ${pickLocalized(locale, cluster.nameTh, cluster.nameEn)}`;
  };
  return (
    <>
      <h1>{t("provinces.title")}</h1>
      <p className="lead">{t("provinces.intro")}</p>
      <ProvinceList clusterName={clusterName} />
    </>
  );
}
