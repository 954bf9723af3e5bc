import type { AchievementStatus } from "@sainam/core";

/**
 * Colours of the achievement statuses in both report formats (hex RGB, no "#"): a strong ink for text
 * and borders and a light fill. Every coloured cell also carries the status in words, so a report
 * printed in grey or read by someone who does not tell red from green loses nothing.
 */
export const statusColours = {
  achieved: { ink: "1B5E20", fill: "C8E6C9" },
  partly_achieved: { ink: "8D5A00", fill: "FFE9A8" },
  not_achieved: { ink: "B71C1C", fill: "FFCDD2" },
  not_assessable: { ink: "424242", fill: "E0E0E0" },
  no_data: { ink: "616161", fill: "F5F5F5" },
} as const satisfies Record<AchievementStatus, { ink: string; fill: string }>;
