import { useLocale } from "../../i18n";
import { pickLocalized } from "../../lib/bilingual";
import { useAgencies } from "./queries";

/**
 * Looks up an agency's name in the interface language, for pages that show owners of plans. Takes the id as the
 * server sends it (a number) or as an address carries it (a string).
 */
export function useAgencyName(): (id: number | string) => string | null {
  const locale = useLocale();
  const agencies = useAgencies();
  return (id: number | string) => {
    const agency = agencies.data?.find((a) => a.id === Number(id));
    if (!agency) return null;
    const name = pickLocalized(locale, agency.nameTh, agency.nameEn);
    return agency.abbreviation ? `${name} (${agency.abbreviation})` : name;
  };
}
