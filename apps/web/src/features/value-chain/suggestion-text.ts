import { en } from "../../i18n/en";
import { th } from "../../i18n/th";
import type { Locale } from "../../lib/format";
import { isStage, type Reason, type Stage } from "./model";

type ReasonKey = keyof typeof th.suggestions.reasons;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? "");
}

export interface ReasonParties {
  from: string;
  to: string;
  fromStage?: Stage | null;
  toStage?: Stage | null;
}

/**
 * One reason for a suggested link as a sentence in the interface language, chosen by its code: "X makes what Y needs:
 * green beans". The codes are the contract's: an answer with another code fails as bad_response before it gets here.
 */
export function reasonText(reason: Reason, parties: ReasonParties, locale: Locale): string {
  const catalogue = locale === "th" ? th : en;
  const phrase = (key: ReasonKey, values: Record<string, string> = {}) =>
    fill(catalogue.suggestions.reasons[key], { from: parties.from, to: parties.to, ...values });
  const stageName = (stage: Stage) => catalogue.stagesInText[stage];
  switch (reason.code) {
    case "product_match":
      return reason.product ? phrase("productMatch", { product: reason.product }) : phrase("productMatchGeneral");
    case "tsic_upstream":
      return phrase("tsicUpstream");
    case "stage_adjacent": {
      const { fromStage, toStage } = parties;
      return fromStage && toStage && isStage(fromStage) && isStage(toStage)
        ? phrase("stageAdjacent", { fromStage: stageName(fromStage), toStage: stageName(toStage) })
        : phrase("stageAdjacentGeneral");
    }
    case "same_division":
      return phrase("sameDivision");
  }
}

/** The product a suggestion is about (its first product-match reason), to record with the link. */
export function suggestedProduct(reasons: readonly Reason[]): string | null {
  return reasons.find((reason) => reason.code === "product_match" && reason.product)?.product ?? null;
}
