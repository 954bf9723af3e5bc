// Amounts and counts as people type them into a form: "1,200,000", "1 200 000", "๑,๒๐๐,๐๐๐", "฿1,200,000.50",
// "1200000 บาท". One reading for every form of the web app, so no form refuses a grouping comma another accepts.
import { foldThaiDigits } from "./thai-text.ts";

/** What a person may type around the figure: grouping commas, spaces (also no-break), the baht sign and word. */
const DECORATION = /[,\s\u00A0\u0E3F]|บาท/g;
const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Reads a non-negative amount typed by a person. Empty text is `null` (no value); text that is not such a number
 * is `"invalid"`, so the form can say so before asking the server.
 */
export function parseAmountText(text: string): number | null | "invalid" {
  const cleaned = foldThaiDigits(text).replace(DECORATION, "");
  if (cleaned === "") return null;
  if (!DECIMAL.test(cleaned)) return "invalid";
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : "invalid";
}

/** Like parseAmountText, for counts (employees, participants): whole numbers only. */
export function parseCountText(text: string): number | null | "invalid" {
  const value = parseAmountText(text);
  return typeof value === "number" && !Number.isInteger(value) ? "invalid" : value;
}
