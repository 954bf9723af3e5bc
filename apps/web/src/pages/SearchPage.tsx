import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { SearchView } from "../features/search/components/SearchView";

export function SearchPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("search.title"));
  return (
    <>
      <h1>{t("search.title")}</h1>
      <SearchView />
    </>
  );
}
