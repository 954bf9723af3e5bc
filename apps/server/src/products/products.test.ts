import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { Jimp } from "jimp";
import {
  createCluster,
  createEnterprise,
  createMembership,
  ok,
  signInAs,
  type SignedIn,
} from "../test-support/factories.ts";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";

// The product catalogue (issue 14, point 1): a firm's products, certifications and photos; the public catalogue's
// Thai search and filters; buyers' requests for a quote routed to the firm and its coordinators. On SQLite, and on
// PostgreSQL when DATABASE_URL is set.
let t: TestApp;
let admin: SignedIn;
let officer: SignedIn;
let member: SignedIn;
let otherMember: SignedIn;
let coordinator: SignedIn;
let pendingCoordinator: SignedIn;
let firmId: number;
let clusterId: number;
let jpeg: Buffer;
// A 1×1 lossy WebP.
const webp = Buffer.from("UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=", "base64");

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
  officer = await signInAs(t, "agency_officer", { agencyId: 1 });
  const firm = await createEnterprise<{ id: number }>(admin, {
    nameTh: "บริษัท ทุ่งกุลาเกษตร จำกัด",
    nameEn: "Thung Kula Farm Co., Ltd.",
    provinceCode: "45",
  });
  firmId = firm.id;
  const other = await createEnterprise<{ id: number }>(admin, { provinceCode: "10" });
  clusterId = (await createCluster<{ id: number }>(admin)).id;
  const pendingCluster = (await createCluster<{ id: number }>(admin)).id;
  await createMembership(admin, clusterId, firmId, { stage: "upstream" });
  member = await signInAs(t, "member", { enterpriseId: firmId });
  otherMember = await signInAs(t, "member", { enterpriseId: other.id });
  coordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [clusterId] });
  pendingCoordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [pendingCluster] });
  const pending = await createMembership(pendingCoordinator, pendingCluster, firmId, { stage: "upstream" });
  expect(pending.approved).toBe(false);
  const photo = new Jimp({ width: 1600, height: 1200, color: 0x2e7d32ff });
  jpeg = await photo.getBuffer("image/jpeg", { quality: 80 });
});
afterAll(async () => {
  await t?.close();
});

const fieldErrors = (response: LightMyRequestResponse): string[] =>
  (response.json().error?.details ?? []).map((d: { path: string; code: string }) => `${d.path}:${d.code}`);

const upload = (as: Client, productId: number, bytes: Buffer) =>
  t.app.inject({
    method: "POST",
    url: `/api/products/${productId}/photos`,
    payload: bytes,
    headers: {
      "content-type": "application/octet-stream",
      ...(as.cookie ? { cookie: as.cookie } : {}),
      ...(as.csrfToken ? { "x-csrf-token": as.csrfToken } : {}),
    },
  });

const addProduct = (as: Client, body: Record<string, unknown>, enterpriseId = firmId) =>
  as.request("POST", `/api/enterprises/${enterpriseId}/products`, body);

async function auditOf(entityId: number) {
  return t.ctx.database.db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity_type", "=", "product")
    .where("entity_id", "=", String(entityId))
    .orderBy("id")
    .execute();
}

const inquiry = {
  buyerOrganisation: "Osaka Fine Foods K.K.",
  buyerCountry: "JP",
  contactName: "Hanako Sato",
  contactEmail: "hanako@osaka-fine.example",
  contactPhone: "+81 6 1234 5678",
  quantity: "2 ตัน / เดือน",
  message: "ขอราคา FOB กรุงเทพ",
  consent: true,
};

describe("#products", () => {
  let riceId: number;

  it("lets the firm's member add a draft product that only its editors see, audited", async () => {
    const rice = await ok(
      addProduct(member, {
        nameTh: "ข้าวหอมมะลิอินทรีย์ทุ่งกุลา",
        nameEn: "Thung Kula organic jasmine rice",
        tsicCode: "01111",
        hsCode: "1006.30",
        descriptionTh: "ข้าวหอมมะลิปลูกแบบอินทรีย์",
        priceMin: 45,
        priceMax: 60,
        priceUnit: "กิโลกรัม",
        minOrder: 500,
        minOrderUnit: "กิโลกรัม",
        capacityPerMonth: 20,
        capacityUnit: "ตัน",
        bcgTags: ["bio", "community", "bio"],
        exportMarkets: ["JP", "CN"],
      }),
      201,
    );
    riceId = rice.id;
    expect(rice).toMatchObject({
      status: "draft",
      hsCode: "100630",
      tsicSection: "A",
      bcgTags: ["bio", "community"],
      exportMarkets: ["JP", "CN"],
      editable: true,
      firmNameTh: "บริษัท ทุ่งกุลาเกษตร จำกัด",
    });
    expect((await t.anonymous.request("GET", `/api/products/${riceId}`)).statusCode).toBe(404);
    expect((await otherMember.request("GET", `/api/products/${riceId}`)).statusCode).toBe(404);
    expect((await ok(coordinator.request("GET", `/api/products/${riceId}`))).editable).toBe(true);
    const [entry] = await auditOf(riceId);
    expect(entry?.action).toBe("product.create");
  });

  it("refuses bad input naming the field", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ nameTh: "กาแฟ", priceMin: 500, priceMax: 200 }, "priceMax:not_before"],
      [{ nameTh: "กาแฟ", hsCode: "09" }, "hsCode:invalid_format"],
      [{ nameTh: "กาแฟ", tsicCode: "99999" }, "tsicCode:not_found"],
      [{ nameTh: "กาแฟ", exportMarkets: ["XX"] }, "exportMarkets.0:invalid_choice"],
      [{ nameTh: "กาแฟ", exportMarkets: ["JP", "UK"] }, "exportMarkets.1:invalid_choice"],
      [{ nameTh: "กาแฟ", exportMarkets: ["EU"] }, "exportMarkets.0:invalid_choice"],
      [{ nameTh: "กาแฟ", exportMarkets: ["Japan"] }, "exportMarkets.0:invalid_format"],
      [{ nameEn: null }, "nameTh:required"],
    ];
    for (const [body, expected] of cases) {
      const response = await addProduct(member, body);
      expect(response.statusCode, expected).toBe(400);
      expect(fieldErrors(response)).toContain(expected);
    }
    const stars = await member.request("POST", `/api/products/${riceId}/certifications`, {
      kind: "halal",
      otopStars: 4,
    });
    expect(stars.statusCode).toBe(400);
    expect(fieldErrors(stars)).toContain("otopStars:not_applicable");
  });

  it("lets the firm, its approved clusters' coordinators and officers edit, and nobody else", async () => {
    expect((await otherMember.request("PATCH", `/api/products/${riceId}`, { priceMax: 70 })).statusCode).toBe(404);
    expect((await pendingCoordinator.request("PATCH", `/api/products/${riceId}`, { priceMax: 70 })).statusCode).toBe(
      404,
    );
    expect((await ok(coordinator.request("PATCH", `/api/products/${riceId}`, { priceMax: 70 }))).priceMax).toBe(70);
    expect((await ok(officer.request("PATCH", `/api/products/${riceId}`, { priceMax: 65 }))).priceMax).toBe(65);
    const response = await member.request("PATCH", `/api/products/${riceId}`, { priceMin: 80 });
    expect(fieldErrors(response)).toContain("priceMax:not_before");
    const entries = await auditOf(riceId);
    expect(entries.at(-1)).toMatchObject({ action: "product.update" });
    expect(JSON.parse(entries.at(-1)?.after_json ?? "{}")).toEqual({ price_max: 65 });
  });

  it("keeps certifications with expiry, OTOP stars for OTOP only", async () => {
    const fda = await ok(
      member.request("POST", `/api/products/${riceId}/certifications`, {
        kind: "organic",
        number: "ORG-63-001",
        expiresOn: "2099-12-31",
      }),
      201,
    );
    expect(fda).toMatchObject({ kind: "organic", expired: false });
    const otop = await ok(
      member.request("POST", `/api/products/${riceId}/certifications`, { kind: "otop", otopStars: 5 }),
      201,
    );
    expect(otop.otopStars).toBe(5);
    const old = await ok(
      member.request("POST", `/api/products/${riceId}/certifications`, { kind: "gmp", expiresOn: "2020-01-31" }),
      201,
    );
    expect(old.expired).toBe(true);
    const be = await member.request("POST", `/api/products/${riceId}/certifications`, {
      kind: "fda",
      expiresOn: "2569-01-01",
    });
    expect(fieldErrors(be)).toContain("expiresOn:out_of_range");
  });

  it("takes photos by their bytes, resizes them, and serves them cached for good once published", async () => {
    const photo = await ok(upload(member, riceId, jpeg), 201);
    expect(photo).toMatchObject({ width: 1600, height: 1200, position: 0 });
    expect(photo.thumbnailUrl).toMatch(/^\/api\/catalogue\/photos\/[0-9a-f]{64}\.jpg$/);
    const fromWebp = await ok(upload(member, riceId, webp), 201);
    expect(fromWebp).toMatchObject({ width: 1, height: 1, position: 1 });

    const notAPhoto = await upload(member, riceId, Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"));
    expect(notAPhoto.statusCode).toBe(400);
    expect(fieldErrors(notAPhoto)).toEqual(["file:wrong_file_type"]);
    expect((await upload(otherMember, riceId, jpeg)).statusCode).toBe(404);

    // A draft's photos are its editors' only.
    expect((await t.anonymous.request("GET", photo.thumbnailUrl)).statusCode).toBe(404);
    const own = await member.request("GET", photo.thumbnailUrl);
    expect(own.statusCode).toBe(200);
    expect(own.headers["cache-control"]).toBe("private, max-age=31536000, immutable");

    await ok(member.request("POST", `/api/products/${riceId}/publish`));
    const thumb = await t.anonymous.request("GET", photo.thumbnailUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers["content-type"]).toBe("image/jpeg");
    expect(thumb.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const small = await Jimp.read(thumb.rawPayload);
    expect(Math.max(small.bitmap.width, small.bitmap.height)).toBe(320);
    const display = await Jimp.read((await t.anonymous.request("GET", photo.url)).rawPayload);
    expect(display.bitmap.width).toBe(1200);
    const again = await t.anonymous.request("GET", photo.thumbnailUrl, undefined, {
      "if-none-match": String(thumb.headers.etag),
    });
    expect(again.statusCode).toBe(304);
    expect((await auditOf(riceId)).map((e) => e.action)).toContain("product.photo_add");
  });
});

describe("#catalogue", () => {
  let coffeeId: number;

  beforeAll(async () => {
    const coffee = await ok(
      addProduct(member, {
        nameTh: "กาแฟอาราบิก้าคั่วกลาง",
        nameEn: "Medium roast Arabica coffee",
        tsicCode: "10792",
        hsCode: "090121",
      }),
      201,
    );
    coffeeId = coffee.id;
    await ok(
      member.request("POST", `/api/products/${coffeeId}/certifications`, { kind: "gmp", expiresOn: "2020-01-01" }),
    );
    await ok(member.request("POST", `/api/products/${coffeeId}/publish`));
    // A draft is never in the catalogue.
    await ok(addProduct(member, { nameTh: "กาแฟโรบัสต้าทดลอง" }), 201);
  });

  const search = async (query: string) => ok(t.anonymous.request("GET", `/api/catalogue?${query}`));
  const ids = (result: { items: Array<{ id: number }> }) => result.items.map((i) => i.id);

  it("finds a published product by a Thai word typed inside a compound, and never a draft", async () => {
    const result = await search(`q=${encodeURIComponent("หอมมะลิ")}`);
    expect(result.items[0]).toMatchObject({ nameTh: "ข้าวหอมมะลิอินทรีย์ทุ่งกุลา", provinceCode: "45" });
    expect(result.items[0].thumbnailUrl).toMatch(/\.jpg$/);
    expect(ids(await search(`q=${encodeURIComponent("กาแฟ")}`))).toEqual([coffeeId]);
    expect(ids(await search("q=arabica"))).toEqual([coffeeId]);
  });

  it("tries Thai typed without spaces as the dictionary's words", async () => {
    // "กาแฟคั่ว" is not in any name as typed together with "ทุ่งกุลา"; cut into words, the coffee has both.
    const result = await search(`q=${encodeURIComponent("กาแฟทุ่งกุลา")}`);
    expect(ids(result)).toContain(coffeeId);
  });

  it("filters by certification (not expired), province, cluster and category", async () => {
    expect(ids(await search("certification=gmp"))).toEqual([]);
    expect(ids(await search("certification=organic")).length).toBe(1);
    expect((await search("province=45")).total).toBe(2);
    expect((await search("province=10")).total).toBe(0);
    // Words under a province or a cluster: the filter's products read first, each checked for the words.
    expect(ids(await search(`q=${encodeURIComponent("หอมมะลิ")}&province=45`)).length).toBe(1);
    expect(ids(await search(`q=${encodeURIComponent("หอมมะลิ")}&province=10`))).toEqual([]);
    expect(ids(await search(`q=arabica&cluster=${clusterId}`))).toHaveLength(1);
    expect((await search(`cluster=${clusterId}`)).total).toBe(2);
    expect(ids(await search("category=C"))).toEqual([coffeeId]);
    expect(ids(await search("category=107"))).toEqual([coffeeId]);
    expect(ids(await search("hs=09"))).toEqual([coffeeId]);
    const bad = await t.anonymous.request("GET", "/api/catalogue?category=Z9");
    expect(bad.statusCode).toBe(400);
    expect(fieldErrors(bad)[0]).toMatch(/^category:/);
  });

  it("finds products by their firm's new name once the firm is renamed", async () => {
    await ok(admin.request("PATCH", `/api/enterprises/${firmId}`, { nameEn: "Isan Golden Fields Co., Ltd." }));
    expect(ids(await search("q=golden%20fields")).length).toBe(2);
  });

  it("leaves a product taken back to draft out of the catalogue", async () => {
    await ok(member.request("POST", `/api/products/${coffeeId}/unpublish`));
    expect(ids(await search("q=arabica"))).toEqual([]);
    await ok(member.request("POST", `/api/products/${coffeeId}/publish`));
  });
});

describe("#inquiries", () => {
  let riceId: number;

  beforeAll(async () => {
    const result = await ok(t.anonymous.request("GET", `/api/catalogue?q=${encodeURIComponent("ข้าวหอมมะลิ")}`));
    riceId = result.items[0].id;
  });

  it("takes a buyer's request for a quote without signing in, and tells the firm and its coordinator", async () => {
    const receipt = await ok(t.anonymous.request("POST", `/api/catalogue/products/${riceId}/inquiries`, inquiry), 201);
    expect(receipt.status).toBe("new");
    const inboxOf = async (who: SignedIn) => ok(who.request("GET", "/api/inbox"));
    const memberInbox = await inboxOf(member);
    expect(memberInbox.items[0]).toMatchObject({ kind: "product_inquiry", entityType: "enterprise", entityId: firmId });
    expect(JSON.stringify(memberInbox.items[0])).not.toContain("hanako");
    expect((await inboxOf(coordinator)).items[0]).toMatchObject({ kind: "product_inquiry" });
    expect((await inboxOf(pendingCoordinator)).items).toEqual([]);

    const list = await ok(member.request("GET", `/api/enterprises/${firmId}/inquiries`));
    expect(list.items[0]).toMatchObject({
      buyerOrganisation: "Osaka Fine Foods K.K.",
      buyerCountry: "JP",
      contactEmail: "hanako@osaka-fine.example",
      productNameTh: "ข้าวหอมมะลิอินทรีย์ทุ่งกุลา",
      status: "new",
    });
    // The inquiry is the firm's lead: a deal at stage lead, with the organisation as a buyer.
    expect(list.items[0].dealId).toEqual(expect.any(Number));
    const deal = await t.ctx.database.db
      .selectFrom("deals")
      .selectAll()
      .where("id", "=", list.items[0].dealId)
      .executeTakeFirstOrThrow();
    expect(deal).toMatchObject({
      stage: "lead",
      enterprise_id: firmId,
      inquiry_id: list.items[0].id,
      market_country: "JP",
    });
    const buyer = await t.ctx.database.db
      .selectFrom("buyers")
      .selectAll()
      .where("id", "=", deal.buyer_id ?? 0)
      .executeTakeFirstOrThrow();
    expect(buyer).toMatchObject({ name: "Osaka Fine Foods K.K.", country_code: "JP", contact_email: null });
    // The audit says an inquiry came, never who sent it.
    const entry = (await auditOf(riceId)).find((e) => e.action === "product.inquiry");
    expect(entry?.after_json).not.toMatch(/hanako|Sato|5678/i);
  });

  it("shows buyers' contacts to the firm and its coordinators only", async () => {
    expect((await coordinator.request("GET", `/api/enterprises/${firmId}/inquiries`)).statusCode).toBe(200);
    expect((await officer.request("GET", `/api/enterprises/${firmId}/inquiries`)).statusCode).toBe(403);
    expect((await otherMember.request("GET", `/api/enterprises/${firmId}/inquiries`)).statusCode).toBe(403);
    expect((await t.anonymous.request("GET", `/api/enterprises/${firmId}/inquiries`)).statusCode).toBe(401);
  });

  it("lets the firm mark an inquiry answered, audited", async () => {
    const [first] = (await ok(member.request("GET", `/api/enterprises/${firmId}/inquiries`))).items;
    const answered = await ok(
      member.request("PATCH", `/api/enterprises/${firmId}/inquiries/${first.id}`, { status: "answered" }),
    );
    expect(answered.status).toBe("answered");
    expect((await auditOf(riceId)).at(-1)?.action).toBe("product.inquiry_status");
  });

  it("refuses a request without consent or with a wrong country, naming the field", async () => {
    const noConsent = await t.anonymous.request("POST", `/api/catalogue/products/${riceId}/inquiries`, {
      ...inquiry,
      consent: false,
    });
    expect(noConsent.statusCode).toBe(400);
    expect(fieldErrors(noConsent)[0]).toMatch(/^consent:/);
    const country = await t.anonymous.request("POST", `/api/catalogue/products/${riceId}/inquiries`, {
      ...inquiry,
      buyerCountry: "Japan",
    });
    expect(fieldErrors(country)[0]).toMatch(/^buyerCountry:/);
  });

  it("refuses a draft's inquiry as not found, and throttles one address past five", async () => {
    const draft = await ok(addProduct(member, { nameTh: "น้ำพริกเผาสูตรทดลอง" }), 201);
    expect(
      (await t.anonymous.request("POST", `/api/catalogue/products/${draft.id}/inquiries`, inquiry)).statusCode,
    ).toBe(404);
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        (await t.anonymous.request("POST", `/api/catalogue/products/${riceId}/inquiries`, inquiry)).statusCode,
      );
    // One was sent by the first test from the same address.
    expect(codes.filter((c) => c === 201)).toHaveLength(4);
    // The same organisation, written another way, stays one buyer in its country.
    const buyers = await t.ctx.database.db.selectFrom("buyers").select("id").where("country_code", "=", "JP").execute();
    expect(buyers).toHaveLength(1);
    const refused = await t.anonymous.request("POST", `/api/catalogue/products/${riceId}/inquiries`, inquiry);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });
});
