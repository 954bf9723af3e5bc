/**
 * Fill colours for the 18 provincial clusters. Nine hues in a darker and a lighter tone; a hue's two tones go to
 * clusters far apart (n and n + 9), so neighbouring clusters never share a hue. Every map also names the
 * cluster in the tooltip, the accessible name and the legend, so colour is never the only cue.
 */
export const CLUSTER_COLOURS = [
  "#4e79a7",
  "#f28e2b",
  "#59a14f",
  "#e15759",
  "#b07aa1",
  "#b6992d",
  "#499894",
  "#d37295",
  "#9d7660",
  "#a0cbe8",
  "#ffbe7d",
  "#8cd17d",
  "#ff9d9a",
  "#d4a6c8",
  "#f1ce63",
  "#86bcb6",
  "#fabfd2",
  "#d7b5a6",
] as const;

/** Bangkok and any province outside the 18 clusters. */
export const NO_CLUSTER_COLOUR = "#c4c4c4";

/** Colour of cluster number n (1-based); numbers beyond the palette wrap around. */
export function clusterColour(number: number | null | undefined): string {
  if (number === null || number === undefined || !Number.isFinite(number) || number < 1) return NO_CLUSTER_COLOUR;
  return CLUSTER_COLOURS[(Math.round(number) - 1) % CLUSTER_COLOURS.length] ?? NO_CLUSTER_COLOUR;
}
