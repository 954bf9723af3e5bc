/** Sequential shades for "how many clusters": light for few, the brand's dark teal for the most. */
export const COUNT_COLOURS = ["#cfe8ec", "#9fd0d8", "#68b0bd", "#2f8797", "#0b5d6b"] as const;
export const ZERO_COLOUR = "#eceff2";

/** Colour for a count, in up to five equal steps up to the largest count on the map. */
export function countColour(count: number, max: number): string {
  if (count <= 0 || max <= 0) return ZERO_COLOUR;
  const steps = Math.min(COUNT_COLOURS.length, max);
  const index = Math.min(steps - 1, Math.ceil((count / max) * steps) - 1);
  // With fewer steps than colours, spread them over the whole range so the largest is always the darkest.
  const spread =
    steps === 1 ? COUNT_COLOURS.length - 1 : Math.round((index * (COUNT_COLOURS.length - 1)) / (steps - 1));
  return COUNT_COLOURS[spread] ?? ZERO_COLOUR;
}

/** The legend: each colour with the range of counts it stands for. */
export function countBuckets(max: number): Array<{ from: number; to: number; colour: string }> {
  if (max <= 0) return [];
  const out: Array<{ from: number; to: number; colour: string }> = [];
  for (let count = 1; count <= max; count++) {
    const colour = countColour(count, max);
    const last = out[out.length - 1];
    if (last && last.colour === colour) last.to = count;
    else out.push({ from: count, to: count, colour });
  }
  return out;
}
