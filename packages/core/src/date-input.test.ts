import { describe, expect, it } from "vitest";
import { currentFiscalYear, defaultFiscalYear, formatDateInput, parseDateInput, parseInputYear } from "./date-input.ts";

const ok = (value: string) => ({ ok: true, value });
const no = (reason: string) => ({ ok: false, reason });

describe("parseDateInput in Thai (B.E.)", () => {
  it.each([
    ["1/10/2569", "2026-10-01"],
    ["01/10/2569", "2026-10-01"],
    ["30/9/2570", "2027-09-30"],
    ["31/12/2568", "2025-12-31"],
    ["1-10-2569", "2026-10-01"],
    ["1.10.2569", "2026-10-01"],
    [" 1 / 10 / 2569 ", "2026-10-01"],
    ["๑/๑๐/๒๕๖๙", "2026-10-01"],
    ["2569-10-01", "2026-10-01"],
    ["2569-1-5", "2026-01-05"],
    ["1/1/2443", "1900-01-01"],
    ["31/12/2743", "2200-12-31"],
  ])("reads %s as %s", (text, iso) => {
    expect(parseDateInput(text, "th")).toEqual(ok(iso));
  });

  it("reads 29/2/2567 as 2024-02-29: the leap year is judged on C.E. 2024", () => {
    expect(parseDateInput("29/2/2567", "th")).toEqual(ok("2024-02-29"));
  });

  it("refuses 29/2/2566 (C.E. 2023 is a common year)", () => {
    expect(parseDateInput("29/2/2566", "th")).toEqual(no("not_a_date"));
  });

  it("refuses 29/2/2643 (C.E. 2100 is a century, not a leap year) and takes 29/2/2543 (C.E. 2000 is)", () => {
    expect(parseDateInput("29/2/2643", "th")).toEqual(no("not_a_date"));
    expect(parseDateInput("29/2/2543", "th")).toEqual(ok("2000-02-29"));
  });

  it.each(["31/4/2569", "31/6/2569", "31/9/2569", "31/11/2569", "0/1/2569", "32/1/2569", "1/13/2569", "1/0/2569"])(
    "refuses the impossible day %s",
    (text) => {
      expect(parseDateInput(text, "th")).toEqual(no("not_a_date"));
    },
  );

  it("refuses a C.E.-looking year rather than shifting it: 1/10/2026 is not 1483", () => {
    expect(parseDateInput("1/10/2026", "th")).toEqual(no("looks_common_era"));
    expect(parseDateInput("2026-10-01", "th")).toEqual(no("looks_common_era"));
  });

  it("never shifts a B.E. year twice: 2569 is C.E. 2026, and a year that would be 3112 cannot be typed", () => {
    expect(parseDateInput("1/10/2569", "th")).toEqual(ok("2026-10-01"));
    expect(parseDateInput("1/10/3112", "th")).toEqual(no("year_out_of_range"));
    expect(parseDateInput("1/10/3655", "th")).toEqual(no("year_out_of_range"));
  });

  it.each(["1/10/69", "1/10/6"])("refuses the two-digit year in %s", (text) => {
    expect(parseDateInput(text, "th")).toEqual(no("two_digit_year"));
  });

  it.each([
    "1/10/25690",
    "1/10/569",
    "1/10",
    "2569",
    "1/10/2569/1",
    "1/10-2569",
    "a/b/cccc",
    "1 ต.ค. 2569",
    "2569/10/01x",
  ])("refuses the malformed %s", (text) => {
    expect(parseDateInput(text, "th")).toEqual(no("malformed"));
  });

  it.each(["", "   "])("says %j is empty", (text) => {
    expect(parseDateInput(text, "th")).toEqual(no("empty"));
  });

  it("refuses years below the B.E. range and above it", () => {
    expect(parseDateInput("1/1/2442", "th")).toEqual(no("year_out_of_range"));
    expect(parseDateInput("1/1/2744", "th")).toEqual(no("year_out_of_range"));
    expect(parseDateInput("1/1/1000", "th")).toEqual(no("year_out_of_range"));
  });
});

describe("parseDateInput in English (C.E.)", () => {
  it.each([
    ["1/10/2026", "2026-10-01"],
    ["29/2/2024", "2024-02-29"],
    ["2026-10-01", "2026-10-01"],
    ["1.1.1900", "1900-01-01"],
    ["31/12/2200", "2200-12-31"],
  ])("reads %s as %s", (text, iso) => {
    expect(parseDateInput(text, "en")).toEqual(ok(iso));
  });

  it("reads the day first, as in Thailand and Britain: 2/3/2026 is 2 March", () => {
    expect(parseDateInput("2/3/2026", "en")).toEqual(ok("2026-03-02"));
  });

  it("refuses a B.E.-looking year rather than storing 2569 as C.E.", () => {
    expect(parseDateInput("1/10/2569", "en")).toEqual(no("looks_buddhist_era"));
  });

  it("refuses 29/2/2023, 31/4/2026 and a two-digit year", () => {
    expect(parseDateInput("29/2/2023", "en")).toEqual(no("not_a_date"));
    expect(parseDateInput("31/4/2026", "en")).toEqual(no("not_a_date"));
    expect(parseDateInput("1/10/26", "en")).toEqual(no("two_digit_year"));
  });

  it("refuses years outside 1900-2200 that are not B.E. either", () => {
    expect(parseDateInput("1/1/1899", "en")).toEqual(no("year_out_of_range"));
    expect(parseDateInput("1/1/3112", "en")).toEqual(no("year_out_of_range"));
  });
});

describe("formatDateInput", () => {
  it("shows a stored date in B.E. for Thai and C.E. for English, day first, no leading zeros", () => {
    expect(formatDateInput("2026-10-01", "th")).toBe("1/10/2569");
    expect(formatDateInput("2026-10-01", "en")).toBe("1/10/2026");
    expect(formatDateInput("2024-02-29", "th")).toBe("29/2/2567");
  });

  it("shows nothing for no value and keeps a value that is not an ISO date as it is", () => {
    expect(formatDateInput(null, "th")).toBe("");
    expect(formatDateInput("", "en")).toBe("");
    expect(formatDateInput("1/10/2569", "th")).toBe("1/10/2569");
  });

  it.each(["2026-10-01", "2024-02-29", "1900-01-01", "2200-12-31", "2020-09-30"])(
    "reads back what it shows: %s in both languages",
    (iso) => {
      expect(parseDateInput(formatDateInput(iso, "th"), "th")).toEqual(ok(iso));
      expect(parseDateInput(formatDateInput(iso, "en"), "en")).toEqual(ok(iso));
    },
  );

  it("shows a shown value again unchanged: no round trip adds 543 twice", () => {
    let shown = formatDateInput("2026-10-01", "th");
    for (let i = 0; i < 3; i++) {
      const parsed = parseDateInput(shown, "th");
      if (!parsed.ok) throw new Error(parsed.reason);
      shown = formatDateInput(parsed.value, "th");
    }
    expect(shown).toBe("1/10/2569");
  });
});

describe("parseInputYear", () => {
  it("reads B.E. in Thai and C.E. in English", () => {
    expect(parseInputYear("2570", "th")).toEqual({ ok: true, value: 2027 });
    expect(parseInputYear("๒๕๗๐", "th")).toEqual({ ok: true, value: 2027 });
    expect(parseInputYear("2027", "en")).toEqual({ ok: true, value: 2027 });
  });

  it("refuses the other calendar's years, short years and other widths", () => {
    expect(parseInputYear("2027", "th")).toEqual(no("looks_common_era"));
    expect(parseInputYear("2570", "en")).toEqual(no("looks_buddhist_era"));
    expect(parseInputYear("70", "th")).toEqual(no("two_digit_year"));
    expect(parseInputYear("25700", "th")).toEqual(no("malformed"));
    expect(parseInputYear("FY2021", "en")).toEqual(no("malformed"));
  });
});

describe("currentFiscalYear", () => {
  it("is FY2027 (B.E. 2570) from 1 October 2026 in Bangkok", () => {
    // 30 Sep 2026 17:00 UTC is already 1 Oct 00:00 in Bangkok.
    expect(currentFiscalYear(new Date("2026-09-30T17:00:00Z"))).toBe(2027);
    expect(currentFiscalYear(new Date("2026-09-30T16:59:59Z"))).toBe(2026);
    expect(currentFiscalYear(new Date("2026-12-07T12:00:00Z"))).toBe(2027);
  });
});

describe("defaultFiscalYear", () => {
  const now = new Date("2026-12-07T12:00:00Z"); // FY2027

  it("picks the current fiscal year when it is offered", () => {
    expect(defaultFiscalYear([2025, 2026, 2027, 2028], now)).toBe(2027);
  });

  it("picks the nearest offered year otherwise, the later of two equally near", () => {
    expect(defaultFiscalYear([2017, 2018, 2019, 2020, 2021], now)).toBe(2021);
    expect(defaultFiscalYear([2030, 2029], now)).toBe(2029);
    expect(defaultFiscalYear([2026, 2028], now)).toBe(2028);
  });

  it("is null when nothing is offered", () => {
    expect(defaultFiscalYear([], now)).toBeNull();
  });
});
