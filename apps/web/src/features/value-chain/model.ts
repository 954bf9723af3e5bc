import { linkageKinds, stages, type LinkageKind, type Stage } from "@sainam/core";
import { partyTypes, suggestionReasonCodes } from "@sainam/contract/choices";
import type { Analysis, Linkage } from "@sainam/contract";

/** Positions on the value chain, in chain order: ต้นน้ำ, กลางน้ำ, ปลายน้ำ. */
export { stages as STAGES, type Stage } from "@sainam/core";

export function isStage(value: unknown): value is Stage {
  return stages.some((stage) => stage === value);
}

export { linkageKinds as LINKAGE_KINDS, type LinkageKind } from "@sainam/core";

export function isLinkageKind(value: unknown): value is LinkageKind {
  return linkageKinds.some((kind) => kind === value);
}

export const PARTY_TYPES = partyTypes;
export type PartyType = (typeof PARTY_TYPES)[number];

/** What the server answers: the contract's types, checked by its schemas in the queries. */
export type { Analysis, Linkage } from "@sainam/contract";
export type Party = Linkage["from"];

export const REASON_CODES = suggestionReasonCodes;
export type ReasonCode = (typeof REASON_CODES)[number];

export function isReasonCode(value: unknown): value is ReasonCode {
  return REASON_CODES.some((code) => code === value);
}

export type Suggestion = Analysis["suggestions"][number];
export type Reason = Suggestion["reasons"][number];
export type SingleSupplierProduct = Analysis["singleSupplierProducts"][number];
export type UnsuppliedInput = Analysis["unsuppliedInputs"][number];

/** "enterprise:12" / "institution:3": a party as one string, for select options and map keys. */
export function partyKey(party: { type: PartyType; id: string | number }): string {
  return `${party.type}:${party.id}`;
}

export function parsePartyKey(key: string): Party | null {
  const match = /^(enterprise|institution):(\d+)$/.exec(key);
  if (!match || !match[2]) return null;
  return { type: match[1] === "institution" ? "institution" : "enterprise", id: Number(match[2]) };
}
