import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "./en";
import { th } from "./th";

function leaves(value: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  // A catalogue is nested plain objects with strings at the leaves.
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    out.set(prefix, value);
    return out;
  }
  for (const [key, child] of Object.entries(value)) {
    for (const [path, leaf] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? "").sort();
}

describe("i18n catalogues", () => {
  const thai = leaves(th);
  const english = leaves(en);

  it("have the same keys in Thai and English, English adding a `_one` form to each count's `_other`", () => {
    const expected = [...thai.keys()].flatMap((path) =>
      path.endsWith("_other") ? [path, path.replace(/_other$/, "_one")] : [path],
    );
    expect([...english.keys()].sort()).toEqual(expected.sort());
  });

  it("have no empty strings and only strings as leaves", () => {
    for (const [path, value] of [...thai, ...english]) {
      expect(typeof value, path).toBe("string");
      expect(String(value).trim(), path).not.toBe("");
    }
  });

  it("use the same placeholders in both languages, in every plural form", () => {
    for (const [path, value] of thai) {
      const forms = path.endsWith("_other") ? [path, path.replace(/_other$/, "_one")] : [path];
      for (const form of forms)
        expect(placeholders(String(english.get(form))), form).toEqual(placeholders(String(value)));
    }
  });
});

describe("counts", () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({
      lng: "en",
      resources: { en: { translation: en }, th: { translation: th } },
      interpolation: { escapeValue: false },
    });
  });

  it.each([
    [0, "0 values"],
    [1, "1 value"],
    [2, "2 values"],
  ])("words %i approved values in English as “Approved %s.”", (count, words) => {
    expect(i18n.getFixedT("en")("values.approvedCount", { count })).toBe(`Approved ${words}.`);
  });

  it.each([
    [0, "0 provinces"],
    [1, "1 province"],
    [2, "2 provinces"],
  ])("shows %i provinces with the number as formatted, as “%s”", (count, words) => {
    expect(i18n.getFixedT("en")("provinces.count", { count, n: String(count) })).toBe(words);
  });

  it("gives 1,234 the plural with the formatted number", () => {
    expect(i18n.getFixedT("en")("enterprises.count", { count: 1234, n: "1,234" })).toBe("1,234 enterprises");
  });

  it.each([0, 1, 2])("words %i in Thai with its one form", (count) => {
    expect(i18n.getFixedT("th")("values.approvedCount", { count })).toBe(`อนุมัติแล้ว ${count} ค่า`);
  });

  it("words a count in a server's field error: 1 value is, 2 values are", () => {
    const t = i18n.getFixedT("en");
    expect(t("errors.fields.has_values", { count: 1 })).toBe("1 value is recorded here, so it cannot be deleted.");
    expect(t("errors.fields.has_values", { count: 2 })).toBe("2 values are recorded here, so it cannot be deleted.");
  });
});
