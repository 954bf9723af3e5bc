import { useLocale } from "../../../i18n";
import { fiscalYearLabel } from "../../../lib/format";
import { FormField } from "../../../components/FormField";

interface YearSelectProps {
  label: string;
  years: readonly number[];
  value: number | null;
  onChange: (year: number | null) => void;
  error?: string | null;
  /** When given, an empty choice with this label (e.g. "still running"). */
  emptyLabel?: string;
}

/** Picks a fiscal year, shown in the interface's calendar (B.E. in Thai); the value stays C.E. */
export function YearSelect({ label, years, value, onChange, error, emptyLabel }: YearSelectProps) {
  const locale = useLocale();
  return (
    <FormField label={label} error={error ?? null}>
      {(control) => (
        <select
          {...control}
          value={value === null ? "" : String(value)}
          onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
        >
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {years.map((year) => (
            <option key={year} value={year}>
              {fiscalYearLabel(year, locale)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
