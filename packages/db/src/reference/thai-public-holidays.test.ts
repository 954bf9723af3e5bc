import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { addWorkingDays, holidayDates, isIsoDate, isWorkingDay } from "@sainam/core";
import { describe, expect, it } from "vitest";
import { referenceFilesDir } from "./index.ts";

type Row = { date: string; name_th: string; name_en: string; kind: string; notes: string };
const rows = parse(readFileSync(join(referenceFilesDir, "thai-public-holidays.csv"), "utf8"), {
  columns: true,
  trim: true,
}) as Row[];
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

describe("reference: Thai public holidays", () => {
  it("holds real, unique, sorted dates of 2026 and 2027 with a Thai name and a known kind", () => {
    const dates = rows.map((r) => r.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).toEqual([...dates].sort());
    for (const row of rows) {
      expect(isIsoDate(row.date), row.date).toBe(true);
      expect(row.date.slice(0, 4), row.date).toMatch(/^202[67]$/);
      expect(row.name_th, row.date).not.toBe("");
      expect(["public", "substitution", "special"]).toContain(row.kind);
    }
  });

  it("has Songkran on 13-15 April and New Year's Day each year", () => {
    const dates = new Set(rows.map((r) => r.date));
    for (const year of [2026, 2027]) {
      for (const day of ["01-01", "04-13", "04-14", "04-15"]) expect(dates.has(`${year}-${day}`)).toBe(true);
    }
  });

  it("gives every public holiday on a weekend its substitution day, the next day that is not already off", () => {
    const all = holidayDates(rows.map((r) => r.date));
    const substitutions = rows.filter((r) => r.kind === "substitution").map((r) => r.date);
    const weekendHolidays = rows.filter((r) => r.kind === "public" && isWeekend(r.date)).map((r) => r.date);
    expect(substitutions).toHaveLength(weekendHolidays.length);
    for (const date of substitutions) expect(isWeekend(date), date).toBe(false);
    // The substitution days themselves taken out, each weekend holiday's substitution is its next working day.
    const withoutSubstitutions = holidayDates(rows.filter((r) => r.kind !== "substitution").map((r) => r.date));
    for (const date of weekendHolidays) {
      expect(substitutions, date).toContain(addWorkingDays(date, 0, withoutSubstitutions));
    }
    for (const date of substitutions) expect(isWorkingDay(date, all)).toBe(false);
  });

  it("marks the 2027 lunar dates it could not check as provisional", () => {
    const lunar = rows.filter((r) => r.date.startsWith("2027-") && /Bucha|Lent/.test(r.name_en));
    // Makha, Visakha, Asarnha Bucha and Khao Phansa, plus the substitution days that follow from them.
    expect(lunar.filter((r) => r.kind === "public")).toHaveLength(4);
    for (const row of lunar) expect(row.notes, row.date).toMatch(/^PROVISIONAL/);
  });
});
