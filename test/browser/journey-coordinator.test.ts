import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { juristicIdCheckDigit } from "../../packages/core/src/juristic-id.ts";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, type TestUser } from "./pages/api.ts";
import { ClusterPage } from "./pages/cluster.ts";
import { PlansPage } from "./pages/plans.ts";
import { openAs } from "./pages/session.ts";

// Journey of a cluster coordinator, in Thai from sign-in to result: the cluster's vision, its master plan under
// it and an action plan under that, in a new cluster plan; then a value-chain link recorded from a suggestion on
// the cluster page. The coordinator's account has clusters and no agency of its own, as the admin makes one.
let h: Harness;
let clusterId: number;
const coordinator = {
  email: "coordinator-journey@example.org",
  password: "coordinator-journey-password-1",
  displayName: "วิไล ประสานงาน",
  locale: "th",
} satisfies TestUser;
const CLUSTER = "คลัสเตอร์กาแฟเชียงราย";
const GROWER = "บริษัท ไร่ชาวเขาดอยวาวี จำกัด";
const ROASTER = "บริษัท เชียงรายโรสเตอรี่ จำกัด";

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  clusterId = await admin.create("/api/clusters", {
    code: "chiangrai-coffee-journey",
    kind: "industry_cluster",
    nameTh: CLUSTER,
    coordinatingAgencyId: await agencyId(h.baseUrl, "DIP"),
    provinceCodes: ["57"],
    published: true,
  });
  // A grower of green beans and a roaster that needs them: the analysis suggests the grower supplies the roaster.
  const members = [
    {
      first12: "057556400001",
      nameTh: GROWER,
      stage: "upstream",
      products: [{ direction: "output", name: "เมล็ดกาแฟดิบ" }],
    },
    {
      first12: "057556400002",
      nameTh: ROASTER,
      stage: "midstream",
      products: [
        { direction: "input", name: "เมล็ดกาแฟดิบ" },
        { direction: "output", name: "กาแฟคั่ว" },
      ],
    },
  ];
  for (const { first12, nameTh, stage, products } of members) {
    const firmId = await admin.create("/api/enterprises", {
      juristicId: `${first12}${juristicIdCheckDigit(first12)}`,
      nameTh,
      provinceCode: "57",
      products,
    });
    await admin.post(`/api/clusters/${clusterId}/members`, { enterpriseId: firmId, stage });
  }
  await createUser(admin, coordinator, { role: "cluster_coordinator", clusterIds: [clusterId] });
});
afterAll(async () => {
  await h?.close();
});

describe("a cluster coordinator's journey, in Thai", () => {
  it("writes vision, master plan and action plan, then records a value-chain link from a suggestion", async () => {
    const { context, page } = await openAs(h, coordinator, "th");
    const plans = new PlansPage(page);
    await plans.open();

    // A new cluster plan: the level, the cluster and its owner (the cluster's coordinating agency) come filled in.
    await page.getByRole("button", { name: "แผนใหม่" }).click();
    const form = page.getByRole("form", { name: "แผนใหม่" });
    expect(await form.getByLabel("ระดับ", { exact: true }).locator("option:checked").innerText()).toBe("แผนคลัสเตอร์");
    expect(await form.getByLabel("คลัสเตอร์", { exact: true }).locator("option:checked").innerText()).toBe(CLUSTER);
    expect(await form.getByLabel("หน่วยงานเจ้าของแผน").locator("option:checked").innerText()).toBe("กรมส่งเสริมอุตสาหกรรม");
    await form.getByLabel("รหัส", { exact: true }).fill("CR-COFFEE-2570-2572");
    await form.getByLabel("วันเริ่มต้นแผน").fill("1/10/2569");
    await form.getByLabel("วันสิ้นสุดแผน").fill("30/9/2572");
    await form.getByLabel("ชื่อภาษาไทย").fill("แผนพัฒนาคลัสเตอร์กาแฟเชียงราย พ.ศ. 2570–2572");
    await form.getByRole("button", { name: "สร้างแผน" }).click();
    await page.waitForURL(/\/plans\/\d+$/);
    await expect.poll(() => page.locator("h1").innerText()).toBe("แผนพัฒนาคลัสเตอร์กาแฟเชียงราย พ.ศ. 2570–2572");

    // Vision → master plan → action plan, each under the one before.
    await plans.addItem(null, { kind: "วิสัยทัศน์", code: "V1", titleTh: "กาแฟเชียงรายเป็นที่หนึ่งของกาแฟพิเศษไทย" });
    await plans.addItem("V1", { kind: "แผนแม่บท", code: "MP1", titleTh: "ยกระดับคุณภาพเมล็ดกาแฟตลอดห่วงโซ่" });
    await plans.addItem("MP1", { kind: "แผนปฏิบัติการ", code: "AP1", titleTh: "อบรมการแปรรูปแบบเปียกให้เกษตรกร 40 ราย" });

    // The result, after a reload: the tree nests them in that order, in Thai.
    await page.reload();
    const tree = plans.tree();
    const nested = tree.locator('[data-node-code="V1"] [data-node-code="MP1"] [data-node-code="AP1"]');
    await plans.treeItem("V1").waitFor();
    await page.getByRole("button", { name: "ขยายทั้งหมด" }).click();
    await expect.poll(() => nested.count()).toBe(1);
    expect(await tree.innerText()).toContain("อบรมการแปรรูปแบบเปียกให้เกษตรกร 40 ราย");

    // A value-chain link from the cluster page's suggestions.
    const cluster = new ClusterPage(page);
    await cluster.open(clusterId, "suggestions");
    await page.getByRole("button", { name: `บันทึกว่า ${GROWER} จัดหาให้ ${ROASTER}` }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "บันทึกแล้ว" }).innerText())
      .toBe(`บันทึกแล้ว: ${GROWER} จัดหาให้ ${ROASTER}`);

    // The result: the link is in the cluster's network, with the product the suggestion named.
    await cluster.open(clusterId, "network");
    // The diagram draws it; its table (under a disclosure) reads it out.
    const links = await cluster.linkageRows();
    await expect.poll(() => links.allInnerTexts(), { timeout: 10_000 }).toHaveLength(1);
    const link = await links.first().innerText();
    expect(link).toContain(GROWER);
    expect(link).toContain(ROASTER);
    expect(link).toContain("เมล็ดกาแฟดิบ");
    await context.close();
  });
});
