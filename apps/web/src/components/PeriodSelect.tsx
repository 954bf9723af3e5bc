import { formatPeriod, parsePeriodKey } from "@sainam/core";
import { useLocale } from "../i18n";
import type { Locale } from "../lib/format";
import { FormField } from "./FormField";

interface PeriodSelectProps {
  label: string;
  /** Period keys to offer (FY2021, FY2021-Q1, CY2021), in the order shown; see core's fiscalPeriodKeys. */
  keys: readonly string[];
  /** The chosen key, or "" for the empty choice. */
  value: string;
  onChange: (key: string) => void;
  /** The empty choice's label ("whole plan", "none"). */
  emptyLabel: string;
  error?: string | null;
  hint?: string;
}

/** A period key as people read it: "ปีงบประมาณ พ.ศ. 2564" in Thai, "FY2021" in English (core's labels). */
export function periodOptionLabel(key: string, locale: Locale): string {
  const period = parsePeriodKey(key);
  return period ? formatPeriod(period, locale) : key;
}

/**
 * Picks a reporting period from a list built from the plan's fiscal years, labelled in the interface's calendar;
 * the value is the stored key (C.E.). Periods are chosen, never typed, so "2564" can never be read as a C.E. year.
 */
export function PeriodSelect({ label, keys, value, onChange, emptyLabel, error, hint }: PeriodSelectProps) {
  const locale = useLocale();
  return (
    <FormField label={label} error={error ?? null} hint={hint}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{emptyLabel}</option>
          {keys.map((key) => (
            <option key={key} value={key}>
              {periodOptionLabel(key, locale)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
