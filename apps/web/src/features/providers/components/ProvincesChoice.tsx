import { useTranslation } from "react-i18next";
import { FormField } from "../../../components/FormField";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { useProvinces } from "../../provinces/queries";

interface ProvincesChoiceProps {
  label: string;
  value: readonly string[];
  onChange: (codes: string[]) => void;
}

/** Provinces served, as a multiple choice list (Ctrl/Cmd-click for several). */
export function ProvincesChoice({ label, value, onChange }: ProvincesChoiceProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const provinces = useProvinces();
  return (
    <FormField label={label} hint={t("providers.provincesHint")}>
      {(control) => (
        <select
          {...control}
          multiple
          size={6}
          value={[...value]}
          onChange={(event) => onChange([...event.target.selectedOptions].map((option) => option.value))}
        >
          {(provinces.data ?? []).map((p) => (
            <option key={p.code} value={p.code}>
              {pickLocalized(locale, p.nameTh, p.nameEn)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
