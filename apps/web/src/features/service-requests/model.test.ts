import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { th } from "../../i18n/th";
import { fileSize, mayFileRequests, reasonInWords, type RoutingReason } from "./model";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: "th",
    resources: { en: { translation: en }, th: { translation: th } },
    interpolation: { escapeValue: false },
  });
});
const names: Record<string, string> = { "57": "เชียงราย" };
const englishNames: Record<string, string> = { "57": "Chiang Rai" };
const reason = (overrides: Partial<RoutingReason> = {}): RoutingReason => ({
  field: "logistics",
  provinceCode: "57",
  areaMatch: "province",
  areaType: "province",
  openCases: 2,
  capacity: 5,
  manual: false,
  ...overrides,
});

describe("service requests: why an expert was chosen, in words", () => {
  it("says it in Thai as the issue words it", () => {
    const t = i18n.getFixedT("th");
    expect(reasonInWords(reason(), t, (c) => names[c] ?? c)).toBe(
      "ผู้เชี่ยวชาญด้านโลจิสติกส์ ให้บริการจังหวัดเชียงราย งานค้าง 2 จาก 5 งาน",
    );
    expect(reasonInWords(reason({ areaMatch: "region", areaType: "region" }), t, (c) => names[c] ?? c)).toContain(
      "ภูมิภาคของจังหวัดเชียงราย",
    );
  });

  it("says it in English", () => {
    const t = i18n.getFixedT("en");
    expect(reasonInWords(reason(), t, (c) => englishNames[c] ?? c)).toBe(
      "Logistics expert serving Chiang Rai, 2 of 5 open cases",
    );
    expect(reasonInWords(reason({ areaMatch: "provider", areaType: null }), t, (c) => englishNames[c] ?? c)).toBe(
      "Logistics expert of a centre serving Chiang Rai, 2 of 5 open cases",
    );
  });
});

describe("service requests: small helpers", () => {
  it("shows file sizes in KB or MB", () => {
    expect(fileSize(300)).toBe("1 KB");
    expect(fileSize(820 * 1024)).toBe("820 KB");
    expect(fileSize(3.4 * 1024 * 1024)).toBe("3.4 MB");
  });

  it("offers the filing form to members, officers, coordinators and admins", () => {
    expect(mayFileRequests({ role: "member" })).toBe(true);
    expect(mayFileRequests({ role: "cluster_coordinator" })).toBe(true);
    expect(mayFileRequests({ role: "expert" })).toBe(false);
    expect(mayFileRequests(null)).toBe(false);
  });
});
