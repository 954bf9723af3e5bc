import { describe, expect, it } from "vitest";
import type { PlanPerformance } from "../dashboards/performance.types.ts";
import { breakdownLabel, planReportContent } from "./plan-report.content.ts";
import { planPerformanceFixture } from "./plan-report.fixture.ts";

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

describe("planReportContent of a plan named only in Thai", () => {
  it("writes the Thai names in the English report rather than leaving them blank", () => {
    const fixture = planPerformanceFixture();
    const thaiOnly: PlanPerformance = {
      ...fixture,
      plan: { ...fixture.plan, titleEn: null, ownerAgencyNameEn: null },
      nodes: fixture.nodes.map((n) => ({ ...n, titleEn: null })),
    };
    const content = planReportContent(thaiOnly, "en");
    expect(content.planTitle).toBe(fixture.plan.titleTh);
    expect(content.ownerAgency).toBe(fixture.plan.ownerAgencyNameTh);
    const firstNode = content.rows.find((r) => r.type === "node");
    expect(firstNode && "title" in firstNode ? firstNode.title : null).toBe(
      fixture.nodes.find((n) => n.indicators.length > 0 || n.children.length > 0)?.titleTh,
    );
  });
});
