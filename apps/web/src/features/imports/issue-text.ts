import type { TFunction } from "i18next";
import { fieldLabel, fieldProblemText } from "../../api/error-text";
import { isImportField, type ReportRow } from "./model";

type Issue = ReportRow["issues"][number];

/** A field of an import row by its label: the import wizard's field names, else the API's, else as in the file. */
export function issueFieldText(field: string, t: TFunction): string {
  if (isImportField(field)) return t(`imports.fields.${field}`);
  return fieldLabel(field, t) ?? field;
}

/**
 * One row issue as a sentence in the interface language, by its code ("วันที่จดทะเบียนไม่ใช่วันที่ที่ถูกต้อง");
 * an issue without a code the report knows keeps the server's English text after the field's name.
 */
export function issueText(issue: Issue, t: TFunction): string {
  const label = issue.field ? issueFieldText(issue.field, t) : null;
  // Reports stored before issues had codes carry none: their English message is shown instead.
  const worded = fieldProblemText(
    { code: issue.code ?? null, params: issue.params ?? {}, message: issue.message },
    label,
    t,
  );
  if (worded !== null) return worded;
  return label !== null ? t("imports.issueText", { field: label, message: issue.message }) : issue.message;
}
