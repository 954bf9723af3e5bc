import { defaultFiscalYear } from "@sainam/core";
import { useLocale } from "../i18n";
import { fiscalYearLabel } from "../lib/format";
import { FormField } from "./FormField";

interface FiscalYearSelectProps {
  label: string;
  /** The fiscal years offered, C.E. */
  years: readonly number[];
  value: number | null;
  onChange: (year: number | null) => void;
  error?: string | null;
  /** When given, an empty choice with this label (e.g. "still running"). */
  emptyLabel?: string;
}

/**
 * Picks a Thai fiscal year from a list, shown in the interface's calendar ("ปีงบประมาณ พ.ศ. 2570" / "FY2027");
 * the value stays C.E. Years are chosen, never typed, so no year is read in the wrong era. Start it on
 * `initialFiscalYear(years)`: the current fiscal year when offered.
 */
export function FiscalYearSelect({ label, years, value, onChange, error, emptyLabel }: FiscalYearSelectProps) {
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

/** The year a fiscal-year picker opens on: today's Thai fiscal year (core's rule) when offered, else the nearest. */
export function initialFiscalYear(years: readonly number[], now: Date = new Date()): number | null {
  return defaultFiscalYear(years, now);
}
