import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { apiSession, createUser, type TestUser } from "./pages/api.ts";
import { CataloguePages } from "./pages/catalogue.ts";
import { openAs } from "./pages/session.ts";

// Issue 14, point 1, in Thai: a member adds a product with a photo and a certification from สินค้าของเรา and
// publishes it; an anonymous visitor finds it in the catalogue by a Thai word inside the name, opens it and requests a
// quote; the member sees the request (and the inbox tells them).
let h: Harness;
const FIRM = "วิสาหกิจชุมชนข้าวทุ่งกุลา";
const PRODUCT = "ข้าวหอมมะลิอินทรีย์ทุ่งกุลา";
const member: TestUser = { email: "catalogue-member@example.org", password: "member-password-12", locale: "th" };
// A 1×1 PNG: typed by its bytes, resized into a display size and a thumbnail.
const PHOTO = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489" +
    "0000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082",
  "hex",
);

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  const firmId = await admin.create("/api/enterprises", {
    ceRegistrationNo: "4500-0014",
    nameTh: FIRM,
    provinceCode: "45",
  });
  await createUser(admin, member, { role: "member", enterpriseId: firmId });
});
afterAll(async () => {
  await h?.close();
});

describe("the product catalogue", () => {
  it("takes a member's product to a buyer's request for a quote", async () => {
    const asMember = await openAs(h, member, "th");
    await asMember.page.waitForURL("**/my-business");
    const own = new CataloguePages(asMember.page);
    await own.openOwnProducts();
    await own.addProduct({
      nameTh: PRODUCT,
      nameEn: "Thung Kula organic jasmine rice",
      priceMin: "45",
      priceMax: "60",
      unit: "กิโลกรัม",
    });
    await own.addPhoto(PRODUCT, { name: "ข้าว.png", mimeType: "image/png", buffer: PHOTO });
    await own.addCertification(PRODUCT, { kind: "เกษตรอินทรีย์", number: "ORG-2569-001", expiresOn: "31/12/2570" });
    // The expiry reads B.E. in Thai.
    expect(await own.product(PRODUCT).locator(".tags").innerText()).toContain("2570");
    await own.publish(PRODUCT);

    const visitor = await openAs(h, null, "th");
    const catalogue = new CataloguePages(visitor.page);
    const cards = await catalogue.search("หอมมะลิ");
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.first().innerText()).toContain("45–60 บาท/กิโลกรัม");
    expect(await cards.first().innerText()).toContain("เกษตรอินทรีย์");
    expect(await cards.first().locator("img").getAttribute("src")).toMatch(
      /^\/api\/catalogue\/photos\/[0-9a-f]{64}\.jpg$/,
    );
    await cards.first().getByRole("link", { name: PRODUCT }).click();
    await visitor.page.getByRole("heading", { level: 1, name: PRODUCT }).waitFor();
    await catalogue.requestQuote({
      organisation: "Osaka Fine Foods K.K.",
      country: "JP",
      name: "Hanako Sato",
      email: "hanako@osaka-fine.example",
      message: "ขอราคา FOB กรุงเทพ 2 ตันต่อเดือน",
    });
    await visitor.context.close();

    await asMember.page.goto("/my-business");
    await asMember.page.getByRole("link", { name: "คำขอใบเสนอราคา" }).click();
    const inquiry = asMember.page.locator(".inquiry-list li").first();
    await inquiry.waitFor();
    expect(await inquiry.innerText()).toContain("Osaka Fine Foods K.K. (JP)");
    expect(await inquiry.innerText()).toContain("hanako@osaka-fine.example");
    expect(await inquiry.innerText()).toContain(PRODUCT);
    await asMember.page.goto("/inbox");
    await asMember.page.getByText("ผู้ซื้อขอใบเสนอราคา").first().waitFor();
    await asMember.context.close();
  });
});
