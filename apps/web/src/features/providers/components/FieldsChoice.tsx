import { useId } from "react";
import { useTranslation } from "react-i18next";
import { EXPERT_FIELDS, type ExpertField } from "../../users/model";

interface FieldsChoiceProps {
  legend: string;
  value: readonly ExpertField[];
  onChange: (fields: ExpertField[]) => void;
}

/** Service fields (a provider's services, an expert's fields), one checkbox each. */
export function FieldsChoice({ legend, value, onChange }: FieldsChoiceProps) {
  const { t } = useTranslation();
  const baseId = useId();
  return (
    <fieldset className="field expert-fields">
      <legend>{legend}</legend>
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
