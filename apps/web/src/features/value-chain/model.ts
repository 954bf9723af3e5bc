import { linkageKinds, stages, type LinkageKind, type Stage } from "@sainam/core";
import {
  arrayOf,
  DecodeError,
  id,
  isRecord,
  lenient,
  literal,
  nullable,
  num,
  object,
  str,
  withDefault,
  type Decoded,
  type Decoder,
} from "../../api/decode";

/** Positions on the value chain, in chain order: ต้นน้ำ, กลางน้ำ, ปลายน้ำ. */
export { stages as STAGES, type Stage } from "@sainam/core";

export function isStage(value: unknown): value is Stage {
  return stages.some((stage) => stage === value);
}

export { linkageKinds as LINKAGE_KINDS, type LinkageKind } from "@sainam/core";

export function isLinkageKind(value: unknown): value is LinkageKind {
  return linkageKinds.some((kind) => kind === value);
}

export const PARTY_TYPES = ["enterprise", "institution"] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

const partyDecoder = object({ type: literal(...PARTY_TYPES), id });
export type Party = Decoded<typeof partyDecoder>;

export const linkageDecoder = object({
  id,
  clusterId: nullable(id),
  from: partyDecoder,
  to: partyDecoder,
  kind: str,
  product: nullable(str),
  annualValue: nullable(num),
});
export type Linkage = Decoded<typeof linkageDecoder>;

export const REASON_CODES = ["product_match", "tsic_upstream", "stage_adjacent", "same_division"] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export function isReasonCode(value: unknown): value is ReasonCode {
  return REASON_CODES.some((code) => code === value);
}

/** A reason keeps an unknown code as text, so a newer server's reason still shows (with its own `detail`). */
export const reasonDecoder = object({
  code: str,
  product: nullable(str),
  detail: withDefault(str, ""),
});
export type Reason = Decoded<typeof reasonDecoder>;

export const suggestionDecoder = object({
  from: id,
  to: id,
  score: withDefault(num, 0),
  reasons: withDefault(arrayOf(reasonDecoder), []),
});
export type Suggestion = Decoded<typeof suggestionDecoder>;

const singleSupplierDecoder = object({
  product: str,
  supplierId: id,
  buyerIds: withDefault(arrayOf(id), []),
});
export type SingleSupplierProduct = Decoded<typeof singleSupplierDecoder>;

const unsuppliedDecoder = object({
  product: str,
  neededBy: withDefault(arrayOf(id), []),
});
export type UnsuppliedInput = Decoded<typeof unsuppliedDecoder>;

const stageCountsDecoder = object({
  upstream: withDefault(num, 0),
  midstream: withDefault(num, 0),
  downstream: withDefault(num, 0),
});

/** Only the stage names the page knows; anything else the server lists is left out. */
const stagesDecoder: Decoder<Stage[]> = (input, path = "") => {
  if (!Array.isArray(input)) throw new DecodeError(path, "an array");
  return input.filter(isStage);
};

/** Keeps the items that decode and drops the rest, so one odd suggestion does not hide the others. */
function someOf<T>(decoder: Decoder<T>): Decoder<T[]> {
  return (input, path = "") => {
    if (!Array.isArray(input)) throw new DecodeError(path, "an array");
    const out: T[] = [];
    input.forEach((item, index) => {
      try {
        out.push(decoder(item, `${path}[${index}]`));
      } catch (cause) {
        if (!(cause instanceof DecodeError)) throw cause;
      }
    });
    return out;
  };
}

/**
 * The value-chain analysis of one cluster. Decoded leniently: each part the answer lacks (or sends in a form this
 * page does not know) becomes null and is shown as "not available", while the other parts still show.
 */
export const analysisDecoder = (input: unknown, path = "") => {
  if (!isRecord(input)) throw new DecodeError(path, "an object");
  const parts = object({
    membersPerStage: lenient(stageCountsDecoder, null),
    emptyStages: lenient(stagesDecoder, null),
    singleSupplierProducts: lenient(someOf(singleSupplierDecoder), null),
    unsuppliedInputs: lenient(someOf(unsuppliedDecoder), null),
    unlinkedMemberIds: lenient(arrayOf(id), null),
    linkDensity: lenient(num, null),
    insideValueShare: lenient(num, null),
    verticalLinks: lenient(num, null),
    horizontalLinks: lenient(num, null),
    suggestions: lenient(someOf(suggestionDecoder), null),
  })(input, path);
  // null is an answer here ("no link has a known value"), unlike a missing field, which is "not available".
  const share = input.insideValueShare;
  return { ...parts, insideValueShareKnown: share === null || (typeof share === "number" && !Number.isNaN(share)) };
};
export type Analysis = ReturnType<typeof analysisDecoder>;

/** "enterprise:12" / "institution:3": a party as one string, for select options and map keys. */
export function partyKey(party: Party): string {
  return `${party.type}:${party.id}`;
}

export function parsePartyKey(key: string): Party | null {
  const match = /^(enterprise|institution):(.+)$/.exec(key);
  if (!match || !match[2]) return null;
  return { type: match[1] === "institution" ? "institution" : "enterprise", id: match[2] };
}
