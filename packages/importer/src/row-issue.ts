/**
 * Why a field of a row is wrong, stable for the import report to translate (the web words it in Thai or English
 * with the field's label); the English `message` stays for the CSV report and older clients. `invalid` is the catch-all
 * (read the message): no issue uses it now, and the web has words for every other code (apps/server error-codes test).
 */
export const ISSUE_CODES = [
  "required",
  "too_long",
  "invalid_type",
  "invalid_format",
  "invalid_date",
  "invalid_choice",
  "invalid_check_digit",
  "wrong_length",
  "out_of_range",
  "not_integer",
  "not_found",
  "ambiguous",
  "duplicate",
  "duplicate_row",
  "not_before",
  "not_applicable",
  "same_party",
  "locked",
  "not_allowed",
  "not_permitted",
  "unchanged",
  "no_value",
  "cut",
  "not_a_relation",
  "corrupt_text",
  "invalid",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Values the wording needs: `{ max: 2000 }` for `cut`, `{ row: 12 }` for `duplicate_row`, `{ expected: "5" }` for a check digit. */
export type RowIssueParams = Readonly<Record<string, string | number | boolean>>;

/** A problem with one field of one row, for the import report. `value` is the offending text. */
export type RowIssue = {
  readonly field: string;
  readonly message: string;
  readonly value?: string;
  readonly code?: IssueCode;
  readonly params?: RowIssueParams;
};

/**
 * What normalising a row gives: the record with any warnings (problems that dropped a value but
 * not the row), or the issues that stop the row from being imported. Like core's Result, but a row
 * can fail for several reasons at once, and all are reported.
 */
export type RowOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: ReadonlyArray<RowIssue> }
  | { readonly ok: false; readonly issues: ReadonlyArray<RowIssue> };
