import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { th } from "../i18n/th";
import { dateFieldValue, dateProblemText, datesReady, dateTextProblem } from "./date-input-text";

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    lng: "th",
    resources: { en: { translation: en }, th: { translation: th } },
    interpolation: { escapeValue: false },
  });
});

describe("dateFieldValue", () => {
  it("hands the form the ISO C.E. date of a Thai B.E. date, and of an English C.E. one", () => {
    expect(dateFieldValue("1/10/2569", "th")).toBe("2026-10-01");
    expect(dateFieldValue("1/10/2026", "en")).toBe("2026-10-01");
  });

  it("hands over empty for nothing typed and the text itself while it is not a date", () => {
    expect(dateFieldValue("  ", "th")).toBe("");
    expect(dateFieldValue("1/10/25", "th")).toBe("1/10/25");
    expect(dateFieldValue("1/10/2026", "th")).toBe("1/10/2026");
  });
});

describe("datesReady", () => {
  it("lets a form go only when every date is empty or ISO", () => {
    expect(datesReady("", "2026-10-01")).toBe(true);
    expect(datesReady("2026-10-01", "1/10/2026")).toBe(false);
  });
});

describe("dateProblemText", () => {
  const say = (text: string, locale: "th" | "en") => {
    const problem = dateTextProblem(text, locale);
    return problem === null ? null : dateProblemText(problem, text, i18n.getFixedT(locale));
  };

  it("says nothing for a date or an empty field", () => {
    expect(say("1/10/2569", "th")).toBeNull();
    expect(say("", "th")).toBeNull();
  });

  it("names a C.E. year typed in Thai with its B.E. counterpart, instead of shifting it", () => {
    expect(say("1/10/2026", "th")).toBe("ปี 2026 เป็นปี ค.ศ. กรุณากรอกปี พ.ศ. (ค.ศ. 2026 = พ.ศ. 2569)");
  });

  it("names a B.E. year typed in English with its C.E. counterpart", () => {
    expect(say("1/10/2569", "en")).toBe("2569 looks like a B.E. year; type the C.E. year (B.E. 2569 = C.E. 2026).");
  });

  it("asks for four digits, a real day and the d/m/yyyy form", () => {
    expect(say("1/10/69", "th")).toBe(th.dateInput.two_digit_year);
    expect(say("29/2/2566", "th")).toBe(th.dateInput.not_a_date);
    expect(say("1 ต.ค. 2569", "th")).toBe(th.dateInput.malformed);
    expect(say("1/10/3112", "en")).toBe("The year 3112 is outside the years accepted (1900–2200).");
  });
});
