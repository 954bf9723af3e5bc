import { afterEach, describe, expect, it } from "vitest";
import { currentFiscalYear, programmeYears } from "../features/programmes/model";
import { fiscalYearOf, fiscalYearRange } from "./format";

// The web reads fiscal years through core (Bangkok time), whatever the browser's time zone. Node applies a change
// of process.env.TZ to later Date calls, so each case runs the web's code in several zones.
const ZONES = ["Asia/Bangkok", "UTC", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/London"];
// The web's tsconfig has no Node types: the test reaches Node's environment through globalThis.
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const original = env.TZ;
afterEach(() => {
  if (original === undefined) delete env.TZ;
  else env.TZ = original;
});

describe("fiscal years in the browser's time zone", () => {
  for (const zone of ZONES) {
    it(`gives Bangkok's fiscal year around 30 September / 1 October midnight in ${zone}`, () => {
      env.TZ = zone;
      // 23:59 on 30 Sep 2025 in Bangkok (16:59 UTC): still FY2025, though it is 1 Oct already east of Bangkok.
      expect(fiscalYearOf(new Date("2025-09-30T16:59:00Z"))).toBe(2025);
      expect(currentFiscalYear(new Date("2025-09-30T16:59:00Z"))).toBe(2025);
      // 00:30 on 1 Oct 2025 in Bangkok (17:30 UTC on 30 Sep): FY2026, though it is still 30 Sep in the Americas.
      expect(fiscalYearOf(new Date("2025-09-30T17:30:00Z"))).toBe(2026);
      expect(currentFiscalYear(new Date("2025-09-30T17:30:00Z"))).toBe(2026);
      expect(fiscalYearOf("2025-09-30T17:30:00Z")).toBe(2026);
      // Dates without a time are the calendar dates they name, in every zone.
      expect(fiscalYearOf("2025-09-30")).toBe(2025);
      expect(fiscalYearOf("2025-10-01")).toBe(2026);
      expect(fiscalYearRange(2026)).toEqual({ start: "2025-10-01", end: "2026-09-30" });
      // A programme without a last year may plan up to the year after Bangkok's current one.
      expect(programmeYears(2025, null, new Date("2025-09-30T17:30:00Z"))).toEqual([2025, 2026, 2027]);
    });
  }

  it("refuses a value that is not a date", () => {
    expect(() => fiscalYearOf("not a date")).toThrow(RangeError);
  });
});
