import { useTranslation } from "react-i18next";
import { isLegalForm, isSizeClass } from "./model";

/** Legal forms and size classes in the interface language. */
export function useEnterpriseLabels() {
  const { t } = useTranslation();
  return {
    legalForm: (form: string) => (isLegalForm(form) ? t(`enterprises.legalForms.${form}`) : form),
    size: (size: string | null) =>
      size === null ? t("enterprises.sizeUnknown") : isSizeClass(size) ? t(`enterprises.sizes.${size}`) : size,
  };
}
