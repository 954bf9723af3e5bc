import {
  isTarget,
  type ChangeBasis as CoreChangeBasis,
  type ChangeDirection,
  type ChangeMeasure,
  type TargetUnit,
} from "@sainam/core";
import { formatNumber, type Locale } from "../../lib/format";

/**
 * Turns a structured target (the form `@sainam/core`'s `parseTarget` produces, stored as JSON) into a catalogue
 * key and its values, so the words stay in the i18n catalogue and numbers go through Intl.
 */
export type TargetDescription =
  | { key: "range"; values: { min: string; max: string; unit: string } }
  | { key: "atLeast" | "atMost"; values: { value: string; unit: string } }
  | { key: "changeRange"; direction: Direction; values: { min: string; max: string; unit: string; basis: ChangeBasis } }
  | { key: "change"; direction: Direction; values: { value: string; unit: string; basis: ChangeBasis } }
  | { key: "band"; values: { center: string; tolerance: string; unit: string } }
  | { key: "shareRange"; values: { min: string; max: string; unit: string } }
  | { key: "share"; values: { value: string; unit: string } }
  | {
      key: "directionOnly";
      direction: Direction;
      /** "increase significantly" rather than just "increase". */
      significant: boolean;
      assessable: boolean;
      values: { threshold: string; unit: string };
    };

export type Direction = ChangeDirection;

export type ChangeBasis = "previous" | "baseline";

/** A target's unit as the catalogue writes it: "%" for percentages, nothing for the indicator's own unit. */
const unitText = (unit: TargetUnit) => unit ?? "";
/** A change measured in percent reads "%"; a difference is in the indicator's own unit (shown beside the target). */
const measureUnit = (measure: ChangeMeasure) => (measure === "percent" ? "%" : "");
const basisKey = (against: CoreChangeBasis): ChangeBasis => (against === "previous_period" ? "previous" : "baseline");

/**
 * Describes a structured target — `@sainam/core`'s Target, checked with its `isTarget` — as a catalogue key and its
 * values. Anything that is not a well-formed Target gives `null`, and the caller shows the target's original text.
 */
export function describeTarget(value: unknown, locale: Locale): TargetDescription | null {
  if (!isTarget(value)) return null;
  const n = (figure: number): string => formatNumber(Math.abs(figure), locale, { maximumFractionDigits: 2 });
  switch (value.kind) {
    case "absolute":
      return {
        key: value.comparator === "<=" ? "atMost" : "atLeast",
        values: { value: formatNumber(value.value, locale, { maximumFractionDigits: 2 }), unit: unitText(value.unit) },
      };
    case "range":
      return { key: "range", values: { min: n(value.min), max: n(value.max), unit: unitText(value.unit) } };
    case "change": {
      const unit = measureUnit(value.measure);
      const basis = basisKey(value.against);
      if (value.max !== null && value.max !== value.min) {
        return {
          key: "changeRange",
          direction: value.direction,
          values: { min: n(value.min), max: n(value.max), unit, basis },
        };
      }
      return { key: "change", direction: value.direction, values: { value: n(value.min), unit, basis } };
    }
    case "band":
      return {
        key: "band",
        values: {
          center: formatNumber(value.reference, locale, { maximumFractionDigits: 2 }),
          tolerance: n(value.tolerance),
          unit: unitText(value.unit),
        },
      };
    case "share":
      return value.min === value.max
        ? { key: "share", values: { value: n(value.min), unit: "%" } }
        : { key: "shareRange", values: { min: n(value.min), max: n(value.max), unit: "%" } };
    case "direction":
      return {
        key: "directionOnly",
        direction: value.direction,
        significant: value.significant,
        assessable: value.threshold !== null,
        values: {
          threshold: value.threshold === null ? "" : n(value.threshold.amount),
          unit: value.threshold === null ? "" : measureUnit(value.threshold.measure),
        },
      };
  }
}
