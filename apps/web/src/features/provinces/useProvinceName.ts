import { useLocale } from "../../i18n";
import { localName } from "../../lib/bilingual";
import { useProvinces } from "./queries";

/** A province's name in the interface language by its code (the code itself until the list has loaded). */
export function useProvinceName(): (code: string) => string {
  const locale = useLocale();
  const provinces = useProvinces();
  return (code: string) => {
    const province = provinces.data?.find((p) => p.code === code);
    return province ? localName(locale, province) : code;
  };
}
