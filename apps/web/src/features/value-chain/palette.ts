import type { LinkageKind } from "./model";

/**
 * One colour per kind of link, distinct for the common forms of colour blindness as far as seven hues allow; the
 * legend, the tooltips and the links table also name each kind, so colour is never the only cue.
 */
export const LINK_COLOURS: Record<LinkageKind, string> = {
  supplies: "#0b5d6b",
  buys_from: "#4e79a7",
  subcontracts: "#b07aa1",
  collaborates: "#59a14f",
  advises: "#d37295",
  finances: "#b6992d",
  trains: "#e15759",
};

export const OTHER_LINK_COLOUR = "#6b7785";

export function linkColour(kind: string): string {
  return Object.entries(LINK_COLOURS).find(([known]) => known === kind)?.[1] ?? OTHER_LINK_COLOUR;
}

/** Colours of the three lanes' backgrounds, from the source of the stream to its mouth. */
export const STAGE_TINTS = { upstream: "#eaf4f6", midstream: "#eef3ea", downstream: "#f6f0ea" } as const;
