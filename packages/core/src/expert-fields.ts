/**
 * The fields an expert advises in (issue 12): the topics SME assistance requests are routed by. Stored per user
 * (user_expert_fields); the web words each in Thai and English (i18n `expertFields.<code>`).
 */
export const expertFields = [
  "marketing",
  "logistics",
  "business_law",
  "finance",
  "packaging_design",
  "cost_reduction",
  "technology",
  "standards",
  "product_development",
  "digital_commerce",
] as const;
export type ExpertField = (typeof expertFields)[number];

/** True when a string (from the database or a request) names one of the expert fields. */
export function isExpertField(value: string): value is ExpertField {
  return expertFields.some((field) => field === value);
}
