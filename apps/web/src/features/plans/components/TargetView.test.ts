import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../../../i18n/en";
import { th } from "../../../i18n/th";
import { describeTarget } from "../target-format";
import { targetSentence } from "./TargetView";

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    lng: "en",
    resources: { en: { translation: en }, th: { translation: th } },
    interpolation: { escapeValue: false },
  });
});

function sentence(target: unknown, locale: "th" | "en"): string | null {
  const description = describeTarget(target, locale);
  return description ? targetSentence(description, i18n.getFixedT(locale)) : null;
}

describe("targetSentence", () => {
  it("renders a range as 80–90 %", () => {
    expect(sentence({ kind: "range", min: 80, max: 90, better: "higher", unit: "%" }, "en")).toBe("80–90 %");
  });

  it("renders a change in both languages", () => {
    const target = {
      kind: "change",
      direction: "increase",
      measure: "percent",
      against: "previous_period",
      min: 1,
      max: 2,
    };
    expect(sentence(target, "en")).toBe("increase 1–2 % (against the previous period)");
    expect(sentence(target, "th")).toBe("เพิ่มขึ้น 1–2 % (เทียบกับช่วงก่อนหน้า)");
  });

  it("renders a band", () => {
    expect(sentence({ kind: "band", reference: 2.5, tolerance: 1.5, unit: "%" }, "en")).toBe("2.5 % ± 1.5 %");
  });

  it("says a direction-only target is not assessable yet", () => {
    const target = { kind: "direction", direction: "increase", significant: true, threshold: null };
    expect(sentence(target, "en")).toBe("increase significantly (not assessable until a threshold is set)");
    expect(sentence(target, "th")).toContain("เพิ่มขึ้นอย่างมีนัยสำคัญ");
  });

  it("gives null for an unknown kind", () => {
    expect(sentence({ kind: "mystery" }, "en")).toBeNull();
  });
});
