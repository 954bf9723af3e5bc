import { describe, expect, it } from "vitest";
import { breakdownLabel } from "./plan-report.content.ts";

describe("breakdownLabel", () => {
  it("writes a breakdown in words in Thai and English, dimension by dimension", () => {
    expect(breakdownLabel("size_class=small", "en")).toBe("Size class: Small");
    expect(breakdownLabel("size_class=small", "th")).toBe("ขนาดกิจการ: ขนาดย่อม");
    expect(breakdownLabel("owner_sex=female;stage=upstream", "en")).toBe(
      "Sex of owner: Female, Value-chain stage: Upstream",
    );
    expect(breakdownLabel("owner_sex=female;stage=upstream", "th")).toBe("เพศของเจ้าของ: หญิง, ตำแหน่งในห่วงโซ่คุณค่า: ต้นน้ำ");
  });

  it("shows a code it has no words for as it is", () => {
    expect(breakdownLabel("colour=blue", "en")).toBe("colour: blue");
  });
});
