import { useId } from "react";
import { useTranslation } from "react-i18next";
import { EXPERT_FIELDS, type ExpertField } from "../model";

interface ExpertFieldsChoiceProps {
  value: readonly ExpertField[];
  onChange: (fields: ExpertField[]) => void;
}

/** An expert's fields, one checkbox each (at least one is required). */
export function ExpertFieldsChoice({ value, onChange }: ExpertFieldsChoiceProps) {
  const { t } = useTranslation();
  const baseId = useId();
  return (
    <fieldset className="field expert-fields">
      <legend>{t("users.expertFields")}</legend>
      <div className="checkbox-grid">
        {EXPERT_FIELDS.map((field) => (
          <div key={field} className="field-checkbox">
            <input
              id={`${baseId}-${field}`}
              type="checkbox"
              checked={value.includes(field)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? EXPERT_FIELDS.filter((f) => f === field || value.includes(f))
                    : value.filter((f) => f !== field),
                )
              }
            />
            <label htmlFor={`${baseId}-${field}`}>{t(`expertFields.${field}`)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
