import { formatDateInput } from "@sainam/core";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../i18n";
import { formatDate } from "../lib/format";
import { dateFieldValue, dateProblemText, dateTextProblem, type DateFieldValue } from "./date-input-text";
import { FormField } from "./FormField";

interface DateInputProps {
  label: ReactNode;
  /** The stored date, ISO C.E. (yyyy-mm-dd), or "" for none; while the text is not a date, that text. */
  value: DateFieldValue;
  onChange: (value: DateFieldValue) => void;
  /** A problem from elsewhere (the server, a required check); the field's own reading comes first. */
  error?: string | null;
  required?: boolean;
  /** What the date is for, said before how to type it. */
  hint?: string;
  className?: string;
}

/**
 * A date typed day first in the interface's calendar: "1/10/2569" (B.E.) in Thai, "1/10/2026" (C.E.) in English,
 * read by core's parseDateInput and stored as ISO C.E.; under the field, the date it was read as, or why it is
 * not one. A text box rather than the browser's date picker, whose year follows the browser, not the page.
 */
export function DateInput({ label, value, onChange, error, required, hint, className }: DateInputProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [text, setText] = useState(() => formatDateInput(value, locale));
  const [shown, setShown] = useState({ value, locale });
  const [touched, setTouched] = useState(false);
  // A value set from outside (a reset, another record) or a language switch shows afresh; the person's own
  // typing (which yields this same value) is left as typed.
  if (shown.value !== value || shown.locale !== locale) {
    setShown({ value, locale });
    if (dateFieldValue(text, locale) !== value) setText(formatDateInput(value, locale));
  }
  const problem = dateTextProblem(text, locale);
  const ownError = touched && problem !== null ? dateProblemText(problem, text, t) : null;
  const reading = problem === null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, locale) : null;
  return (
    <FormField
      label={label}
      className={className}
      hint={[hint, t("dateInput.hint"), reading ? t("dateInput.reads", { date: reading }) : null]
        .filter(Boolean)
        .join(" · ")}
      error={ownError ?? error ?? null}
    >
      {(control) => (
        <input
          {...control}
          type="text"
          autoComplete="off"
          placeholder={t("dateInput.placeholder")}
          required={required}
          value={text}
          data-iso-date={/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined}
          onChange={(event) => {
            setText(event.target.value);
            onChange(dateFieldValue(event.target.value, locale));
          }}
          onBlur={() => setTouched(true)}
          onKeyDown={(event) => {
            // Enter sends the form without leaving the field: say what is wrong with the date then too.
            if (event.key === "Enter") setTouched(true);
          }}
        />
      )}
    </FormField>
  );
}
