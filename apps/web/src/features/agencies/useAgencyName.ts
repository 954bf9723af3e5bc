import { useLocale } from "../../i18n";
import { pickLocalized } from "../../lib/bilingual";
import { useAgencies } from "./queries";

/** Looks up an agency's name in the interface language, for pages that show owners of plans. */
export function useAgencyName(): (id: string) => string | null {
  const locale = useLocale();
  const agencies = useAgencies();
  return (id: string) => {
    const agency = agencies.data?.find((a) => a.id === id);
    if (!agency) return null;
    const name = pickLocalized(locale, agency.nameTh, agency.nameEn);
    return agency.abbreviation ? `${name} (${agency.abbreviation})` : name;
  };
}
