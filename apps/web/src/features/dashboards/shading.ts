import type { AchievementStatus } from "./model";

/** Sequential shades for an indicator's value classes, light (low) to dark (high). */
export const CLASS_COLOURS = ["#e3f1f3", "#b4dbe1", "#79bcc7", "#3a8f9e", "#0b5d6b"] as const;
export const NO_VALUE_COLOUR = "#eceff2";

/** The colour of a value class among `count` classes, spread so the highest is always the darkest. */
export function classColour(index: number | null, count: number): string {
  if (index === null || count <= 0) return NO_VALUE_COLOUR;
  const spread =
    count === 1 ? CLASS_COLOURS.length - 1 : Math.round((index * (CLASS_COLOURS.length - 1)) / (count - 1));
  return CLASS_COLOURS[Math.min(CLASS_COLOURS.length - 1, Math.max(0, spread))] ?? NO_VALUE_COLOUR;
}

/** Status colours are paired with words everywhere; the colour alone never carries the meaning. */
export const STATUS_CLASS: Record<AchievementStatus, string> = {
  achieved: "status-achieved",
  partly_achieved: "status-partly",
  not_achieved: "status-not",
  not_assessable: "status-na",
  no_data: "status-nodata",
};
