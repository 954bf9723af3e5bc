import type { ReactNode } from "react";
import { FormField } from "./FormField";

interface ChoiceFieldProps<T extends string> {
  label: ReactNode;
  error?: string | null;
  value: T;
  options: readonly T[];
  /** Narrows the select's string back to the option type. */
  isOption: (value: string) => value is T;
  labelOf: (option: T) => string;
  onChange: (value: T) => void;
}

/** A labelled select over a fixed list of typed options (stages, linkage kinds, institution kinds, …). */
export function ChoiceField<T extends string>({
  label,
  error,
  value,
  options,
  isOption,
  labelOf,
  onChange,
}: ChoiceFieldProps<T>) {
  return (
    <FormField label={label} error={error ?? null}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => {
            if (isOption(event.target.value)) onChange(event.target.value);
          }}
        >
          {options.map((option) => (
            <option key={option} value={option}>
              {labelOf(option)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
