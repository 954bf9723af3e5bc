/** A problem with one field of one row, for the import report. `value` is the offending text. */
export type RowIssue = { readonly field: string; readonly message: string; readonly value?: string };

/**
 * What normalising a row gives: the record with any warnings (problems that dropped a value but
 * not the row), or the issues that stop the row from being imported. Like core's Result, but a row
 * can fail for several reasons at once, and all are reported.
 */
export type RowOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: ReadonlyArray<RowIssue> }
  | { readonly ok: false; readonly issues: ReadonlyArray<RowIssue> };
