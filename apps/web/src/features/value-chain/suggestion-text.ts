import type { TFunction } from "i18next";
import type { Catalogue } from "../../i18n/th";
import { isStage, type Reason, type Stage } from "./model";

type ReasonKey = keyof Catalogue["suggestions"]["reasons"];

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
export function reasonText(reason: Reason, parties: ReasonParties, t: TFunction): string {
  const phrase = (key: ReasonKey, values: Record<string, string> = {}) =>
    t(`suggestions.reasons.${key}`, { from: parties.from, to: parties.to, ...values });
  const stageName = (stage: Stage) => t(`stagesInText.${stage}`);
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
