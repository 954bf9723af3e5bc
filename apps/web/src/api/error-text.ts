import type { TFunction } from "i18next";
import type { Catalogue } from "../i18n/th";
import type { ApiErrorDetail, ApiErrorParams, ApiErrorReason } from "./client";

// The server's field errors and refusals in the interface language: each field error by its code (with the
// field's label and the code's params), each refusal by its reason. What has no words here keeps the server's
// English text, so a newer server code still reads.

type Words = Catalogue["errors"];
/** A wording's key as callers name it: a count's wording is stored as `<key>_other` (and `_one` in English). */
type FieldKey = PluralBase<keyof Words["fields"]>;
type PluralBase<K> = K extends `${infer Base}_other` ? Base : K;
type ForbiddenAction = keyof Words["forbiddenActions"];
type ForbiddenResource = keyof Words["forbiddenResources"];

const MISSING = "\u0000";

/**
 * True when the loaded catalogue has wording at `path`: `t` answers the default value only for a key it lacks. Asked
 * of `t` rather than of a catalogue module, so only the language being read is ever downloaded.
 */
function hasWordingAt(t: TFunction, path: string): boolean {
  const lookUp = t as unknown as (key: string, options: { defaultValue: string }) => unknown;
  return lookUp(path, { defaultValue: MISSING }) !== MISSING;
}

function isKeyOf<K extends string>(t: TFunction, section: string, key: string): key is K {
  return hasWordingAt(t, `${section}.${key}`);
}

function hasWording(t: TFunction, key: string): key is FieldKey {
  return hasWordingAt(t, `errors.fields.${key}`) || hasWordingAt(t, `errors.fields.${key}_other`);
}

/** A field problem as the server (or an import report) sends it. */
export interface FieldProblem {
  code: string | null;
  params: ApiErrorParams;
  message: string;
}

/** Which wording a code takes, given its params: `out_of_range` with `{ min: 0, exclusive: true }` → "more than 0". */
function wordingOf({ code, params }: FieldProblem, t: TFunction): FieldKey | null {
  if (code === null) return null;
  // A B.E. year where C.E. belongs, whatever the rule that caught it: say which calendar is wanted.
  if (params.era === "buddhist") return "buddhist_era";
  switch (code) {
    case "required":
      if (typeof params.or === "string") return "required_or";
      break;
    case "out_of_range":
      if (typeof params.min === "number") return params.exclusive === true ? "out_of_range_above" : "out_of_range_min";
      if (typeof params.max === "number") return params.exclusive === true ? "out_of_range_below" : "out_of_range_max";
      break;
    case "invalid_type":
      if (params.expected === "number") return "invalid_type_number";
      break;
    case "invalid_format": {
      const variant = typeof params.format === "string" ? `invalid_format_${params.format}` : "";
      if (hasWording(t, variant)) return variant;
      break;
    }
    case "invalid_choice": {
      // A country code core's rule refuses: which way ("UK": use GB; "EU": a group of countries).
      const variant = typeof params.reason === "string" ? `invalid_choice_${params.reason}` : "";
      if (hasWording(t, variant)) return variant;
      break;
    }
    case "invalid_check_digit":
      if (params.expected !== undefined) return "invalid_check_digit_expected";
      break;
  }
  return hasWording(t, code) ? code : null;
}

/** The label of a field named in an error path ("rows.3.denominator" → "Denominator"), or null when it has none here. */
export function fieldLabel(path: string, t: TFunction): string | null {
  const leaf = path
    .split(".")
    .filter((segment) => segment !== "" && !/^\d+$/.test(segment))
    .at(-1);
  return leaf !== undefined && isKeyOf<keyof Words["fieldNames"]>(t, "errors.fieldNames", leaf)
    ? t(`errors.fieldNames.${leaf}`)
    : null;
}

/**
 * A field problem as a sentence with the field's label ("กรุณากรอกชื่อภาษาไทย", "Name in Thai is required."), or null
 * when its code has no wording here (then show the server's message). `label` null says "this field".
 */
export function fieldProblemText(problem: FieldProblem, label: string | null, t: TFunction): string | null {
  const key = wordingOf(problem, t);
  if (key === null) return null;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(problem.params)) {
    values[name] = Array.isArray(value) ? value.join(", ") : typeof value === "boolean" ? String(value) : value;
  }
  // Another field named by the problem ("must not be before periodStart", "or nameEn") by its label too.
  const other =
    typeof problem.params.other === "string"
      ? problem.params.other
      : typeof problem.params.or === "string"
        ? problem.params.or
        : null;
  if (other !== null) values.other = fieldLabel(other, t) ?? other;
  return t(`errors.fields.${key}`, { ...values, field: label ?? t("errors.thisField") });
}

/** One detail of an API error as a line: translated by its code, else "label: server message". */
export function detailText(detail: ApiErrorDetail, t: TFunction): string {
  const label = fieldLabel(detail.path, t);
  const text =
    fieldProblemText(detail, label, t) ??
    (detail.path ? t("common.fieldError", { field: label ?? detail.path, message: detail.message }) : detail.message);
  const row = /^rows\.(\d+)\./.exec(detail.path)?.[1];
  return row === undefined ? text : t("errors.atRow", { row: Number(row) + 1, text });
}

/** Which noun phrase an action takes: this record, records in general, or a new one (as the server words it). */
const FORBIDDEN_FORMS: Record<ForbiddenAction, "one" | "many" | "new"> = {
  read: "one",
  list: "many",
  create: "new",
  update: "one",
  read_personal: "one",
  read_unapproved: "one",
  read_records: "one",
  verify: "one",
  enter: "one",
  approve: "one",
  lock: "one",
  assign: "one",
  respond: "one",
};

/** A refusal in words from its reason ("คุณไม่มีสิทธิ์อนุมัติค่าตัวชี้วัดของแผนนี้"), or null for an action or resource unknown here. */
export function forbiddenText(reason: ApiErrorReason, t: TFunction): string | null {
  const { action, resource } = reason;
  if (
    !isKeyOf<ForbiddenAction>(t, "errors.forbiddenActions", action) ||
    !isKeyOf<ForbiddenResource>(t, "errors.forbiddenResources", resource)
  )
    return null;
  const pair = `${resource}_${action}`;
  const what = isKeyOf<keyof Words["forbiddenPairs"]>(t, "errors.forbiddenPairs", pair)
    ? t(`errors.forbiddenPairs.${pair}`)
    : t("errors.forbiddenPhrase", {
        verb: t(`errors.forbiddenActions.${action}`),
        object: resourceWords(resource, FORBIDDEN_FORMS[action], t),
      });
  return t("errors.forbiddenSentence", { what });
}

function resourceWords(resource: ForbiddenResource, form: "one" | "many" | "new", t: TFunction): string {
  if (form === "one") return t(`errors.forbiddenResources.${resource}.one`);
  if (form === "many") return t(`errors.forbiddenResources.${resource}.many`);
  return t(`errors.forbiddenResources.${resource}.new`);
}
