/** The two display languages of Sainam; every label core formats comes in both. */
export const locales = ["th", "en"] as const;
export type Locale = (typeof locales)[number];
