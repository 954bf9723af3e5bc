import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidJuristicId } from "@sainam/core";
import { migrateToLatest, nowIso, openDatabase, seedReferenceData, type Database } from "../index.ts";
import { referenceFilesDir } from "../reference/index.ts";
import { exampleData, loadExamples, removeExamples } from "./index.ts";

const {
  bilingual,
  exampleClusters,
  exampleClusterInstitutions,
  exampleEnterprises,
  exampleInstitutions,
  exampleLinkages,
  exampleMemberships,
  osmepHealthWellness,
} = exampleData;

function tsicCodes(): Set<string> {
  const parsed: unknown = JSON.parse(readFileSync(join(referenceFilesDir, "tsic2009-th.json"), "utf8"));
  const codes = new Set<string>();
  if (Array.isArray(parsed)) {
    for (const row of parsed)
      if (typeof row === "object" && row !== null && "code" in row && typeof row.code === "string") codes.add(row.code);
  }
  return codes;
}

describe("example data (static)", () => {
  it("has unique codes, keys and identifiers, valid juristic IDs and well-formed registration numbers", () => {
    expect(new Set(exampleClusters.map((c) => c.code)).size).toBe(exampleClusters.length);
    expect(new Set(exampleEnterprises.map((e) => e.key)).size).toBe(exampleEnterprises.length);
    expect(new Set(exampleInstitutions.map((i) => i.key)).size).toBe(exampleInstitutions.length);
    const ids = exampleEnterprises.flatMap((e) => (e.juristicId ? [e.juristicId] : []));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(isValidJuristicId(id), id).toBe(true);
    const ces = exampleEnterprises.flatMap((e) => (e.ceRegistrationNo ? [e.ceRegistrationNo] : []));
    expect(new Set(ces).size).toBe(ces.length);
    for (const e of exampleEnterprises) {
      expect(e.juristicId === null, e.key).toBe(e.ceRegistrationNo !== null);
      if (e.ceRegistrationNo) {
        expect(e.ceRegistrationNo).toMatch(/^5-\d{2}-\d{2}-\d{2}\/1-\d{4}$/);
        expect(e.ceRegistrationNo.slice(2, 4)).toBe(e.provinceCode);
        expect(e.name.th.startsWith("วิสาหกิจชุมชน")).toBe(true);
      }
      if (e.juristicId && e.juristicId.startsWith("0") && !e.juristicId.startsWith("0993"))
        expect(e.juristicId.slice(1, 3)).toBe(e.provinceCode);
      if (e.contact) {
        expect(e.contact.email).toMatch(/@example\.org$/);
        expect(e.contact.phone).toMatch(/^08\d{8}$/);
      }
    }
  });

  it("uses 5-digit TSIC 2009 codes that exist, for clusters, enterprises and products", () => {
    const codes = tsicCodes();
    expect(codes.size).toBeGreaterThan(1000);
    for (const c of exampleClusters) expect(codes.has(c.tsicCode) && c.tsicCode.length === 5, c.code).toBe(true);
    for (const e of exampleEnterprises) {
      expect(codes.has(e.tsicCode) && e.tsicCode.length === 5, e.key).toBe(true);
      for (const p of [...e.outputs, ...e.inputs])
        if (p.tsicCode !== null) expect(codes.has(p.tsicCode), p.en).toBe(true);
    }
  });

  it("links only parties of the cluster: members (of it or its sub-clusters) and its institutions", () => {
    const membersOf = (code: string): Set<string> => {
      const codes = new Set([code, ...exampleClusters.filter((c) => c.parentCode === code).map((c) => c.code)]);
      return new Set(exampleMemberships.filter((m) => codes.has(m.cluster.code)).map((m) => m.enterprise.key));
    };
    for (const l of exampleLinkages) {
      const members = membersOf(l.cluster.code);
      const institutions = new Set(
        exampleClusterInstitutions.filter((ci) => ci.cluster === l.cluster).map((ci) => ci.institution.key),
      );
      for (const party of [l.from, l.to]) {
        const ok = party.party === "enterprise" ? members.has(party.key) : institutions.has(party.key);
        expect(ok, `${l.cluster.code}: ${party.key}`).toBe(true);
      }
      if (
        l.from.party === "enterprise" &&
        l.to.party === "enterprise" &&
        l.product &&
        (l.kind === "supplies" || l.kind === "buys_from")
      ) {
        const [seller, buyer] = l.kind === "supplies" ? [l.from, l.to] : [l.to, l.from];
        expect(seller.outputs.map(bilingual), `${seller.key} sells ${l.product.en}`).toContain(bilingual(l.product));
        expect(buyer.inputs.map(bilingual), `${buyer.key} buys ${l.product.en}`).toContain(bilingual(l.product));
      }
    }
  });

  it("leaves members without links and output → input pairs without links, for the analysis to find", () => {
    const linked = new Set(exampleLinkages.flatMap((l) => [l.from.key, l.to.key]));
    const unlinked = exampleEnterprises.filter((e) => !linked.has(e.key));
    expect(unlinked.length).toBeGreaterThanOrEqual(4);
    const coffee = exampleMemberships.filter((m) => m.cluster.code === "dip-coffee").map((m) => m.enterprise);
    const pairs = new Set(exampleLinkages.map((l) => `${l.from.key}>${l.to.key}`));
    const open: string[] = [];
    for (const seller of coffee) {
      for (const buyer of coffee) {
        if (seller === buyer || pairs.has(`${seller.key}>${buyer.key}`) || pairs.has(`${buyer.key}>${seller.key}`))
          continue;
        const outputs = new Set(seller.outputs.map(bilingual));
        if (buyer.inputs.some((p) => outputs.has(bilingual(p)))) open.push(`${seller.key}>${buyer.key}`);
      }
    }
    expect(open).toEqual(
      expect.arrayContaining([
        "cf-pa-kia>cf-lanna-processing",
        "cf-lanna-pack>cf-chiang-rai-roastery",
        "cf-khua-doi>cf-rim-ping",
      ]),
    );
  });
});

describe("loadExamples / removeExamples", () => {
  let database: Database;

  beforeAll(async () => {
    database = openDatabase({ dataDir: ":memory:" });
    await migrateToLatest(database);
    await seedReferenceData(database.db);
  });

  afterAll(async () => {
    await database.close();
  });

  it("loads 20 clusters, the enterprises with their products and contacts, memberships, institutions and linkages", async () => {
    const report = await loadExamples(database.db);
    expect(report.loaded).toBe(true);
    expect(report.skipped).toEqual({ clusters: [], enterprises: [] });
    expect(report.counts).toMatchObject({
      clusters: 20,
      enterprises: exampleEnterprises.length,
      memberships: exampleMemberships.length,
      institutions: exampleInstitutions.length,
      clusterInstitutions: exampleClusterInstitutions.length,
      linkages: exampleLinkages.length,
      contacts: exampleEnterprises.filter((e) => e.contact).length,
      products: exampleEnterprises.reduce((n, e) => n + e.outputs.length + e.inputs.length, 0),
    });
    expect(report.counts.enterprises).toBeGreaterThanOrEqual(40);
    const { db } = database;
    const clusters = await db.selectFrom("clusters").selectAll().execute();
    expect(clusters).toHaveLength(20);
    expect(clusters.every((c) => c.is_example === 1 && c.published === 1)).toBe(true);
    expect(clusters.filter((c) => c.kind === "industry_cluster")).toHaveLength(7);
    expect(clusters.filter((c) => c.kind === "sme_network_cluster")).toHaveLength(13);
    expect(await db.selectFrom("enterprises").select("id").where("is_example", "=", 0).execute()).toHaveLength(0);
    expect(await db.selectFrom("linkages").select("id").where("is_example", "=", 0).execute()).toHaveLength(0);

    const coffee = clusters.find((c) => c.code === "dip-coffee");
    const provinces = await db
      .selectFrom("cluster_provinces")
      .select("province_code")
      .where("cluster_id", "=", coffee?.id ?? -1)
      .orderBy("province_code")
      .execute();
    expect(provinces.map((p) => p.province_code)).toEqual(["50", "57"]);
    const dip = await db.selectFrom("agencies").select("id").where("code", "=", "DIP").executeTakeFirstOrThrow();
    const years = await db
      .selectFrom("cluster_participations")
      .select(["cluster_id", "fiscal_year"])
      .where("agency_id", "=", dip.id)
      .execute();
    expect(years).toHaveLength(14);
    expect(new Set(years.map((y) => y.fiscal_year))).toEqual(new Set([2021, 2022]));
  });

  it("puts the five sub-clusters under the Health and Wellness cluster, coordinated by OSMEP with THTI", async () => {
    const { db } = database;
    const parent = await db
      .selectFrom("clusters")
      .selectAll()
      .where("code", "=", osmepHealthWellness.code)
      .executeTakeFirstOrThrow();
    const agencies = new Map(
      (await db.selectFrom("agencies").select(["id", "code"]).execute()).map((a) => [a.code, a.id]),
    );
    expect(parent.coordinating_agency_id).toBe(agencies.get("OSMEP"));
    expect(parent.cooperating_agency_id).toBe(agencies.get("THTI"));
    expect(JSON.parse(parent.policy_tags_json)).toEqual(["BCG", "SDG:3", "SDG:8", "SDG:12", "SEP"]);
    const children = await db
      .selectFrom("clusters")
      .select(["code", "name_en"])
      .where("parent_id", "=", parent.id)
      .orderBy("id")
      .execute();
    expect(children.map((c) => c.name_en)).toEqual([
      "Hemp and Natural Fibre Cluster",
      "Circular Textile Cluster",
      "Sportech Cluster",
      "Ageing Lifestyle Cluster – Central Region",
      "Ageing Lifestyle Cluster – North Eastern (Isan) Region",
    ]);
    const nationwide = await db
      .selectFrom("clusters")
      .select(["code", "name_th"])
      .where("code", "like", "osmep-%")
      .where("parent_id", "is", null)
      .where("code", "!=", osmepHealthWellness.code)
      .where("id", "not in", db.selectFrom("cluster_provinces").select("cluster_id"))
      .execute();
    expect(nationwide.map((c) => c.name_th).sort()).toEqual(
      [
        "คลัสเตอร์ Sport Economy",
        "คลัสเตอร์ เทคโนโลยีเพื่อการเกษตร",
        "คลัสเตอร์ BCG Fashion Lifestyle",
        "คลัสเตอร์ ผ้าไทย",
        "คลัสเตอร์ ไม้ดอกไม้ประดับ",
        "คลัสเตอร์ Health Retreatment",
        "คลัสเตอร์ ปลากัด",
      ].sort(),
    );
  });

  it("stores valid juristic IDs, districts inside their provinces, derived legal forms and a spread of size classes", async () => {
    const { db } = database;
    const rows = await db
      .selectFrom("enterprises as e")
      .leftJoin("districts as d", "d.code", "e.district_code")
      .select([
        "e.juristic_id",
        "e.ce_registration_no",
        "e.province_code",
        "e.legal_form",
        "e.size_class",
        "d.province_code as district_province",
      ])
      .execute();
    for (const r of rows) {
      if (r.juristic_id !== null) expect(isValidJuristicId(r.juristic_id), r.juristic_id).toBe(true);
      expect(r.district_province, `${r.juristic_id ?? r.ce_registration_no}`).toBe(r.province_code);
      expect(r.legal_form).not.toBe("unknown");
      expect(r.size_class).not.toBeNull();
    }
    expect(new Set(rows.map((r) => r.size_class))).toEqual(new Set(["micro", "small", "medium"]));
    expect(new Set(rows.map((r) => r.legal_form))).toEqual(
      new Set(["company_limited", "limited_partnership", "community_enterprise", "cooperative"]),
    );
  });

  it("has firms in two clusters, recorded once", async () => {
    const { db } = database;
    const twice = await db
      .selectFrom("memberships")
      .select(["enterprise_id"])
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .groupBy("enterprise_id")
      .having((eb) => eb.fn.countAll(), ">", 1)
      .execute();
    expect(twice.length).toBeGreaterThanOrEqual(4);
  });

  it("does nothing when loaded again", async () => {
    const before = await database.db
      .selectFrom("enterprises")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const again = await loadExamples(database.db);
    expect(again.loaded).toBe(false);
    expect(Object.values(again.counts).every((n) => n === 0)).toBe(true);
    const after = await database.db
      .selectFrom("enterprises")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("removes all example data and leaves real records alone", async () => {
    const { db } = database;
    const now = nowIso();
    const coffee = await db
      .selectFrom("clusters")
      .select("id")
      .where("code", "=", "dip-coffee")
      .executeTakeFirstOrThrow();
    const exampleFirm = await db
      .selectFrom("enterprises")
      .select("id")
      .where("is_example", "=", 1)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const real = await db.transaction().execute(async (trx) => {
      const cluster = await trx
        .insertInto("clusters")
        .values({
          code: "real-cluster",
          kind: "industry_cluster",
          name_th: null,
          name_en: "Real cluster",
          description_th: null,
          description_en: null,
          tsic_code: null,
          isic_code: null,
          parent_id: null,
          coordinator_user_id: null,
          coordinating_agency_id: null,
          cooperating_agency_id: null,
          policy_tags_json: "[]",
          maturity: null,
          status: "active",
          published: 1,
          is_example: 0,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const subCluster = await trx
        .insertInto("clusters")
        .values({
          code: "real-sub-of-coffee",
          kind: "industry_cluster",
          name_th: null,
          name_en: "Real sub-cluster of an example",
          description_th: null,
          description_en: null,
          tsic_code: null,
          isic_code: null,
          parent_id: coffee.id,
          coordinator_user_id: null,
          coordinating_agency_id: null,
          cooperating_agency_id: null,
          policy_tags_json: "[]",
          maturity: null,
          status: "active",
          published: 1,
          is_example: 0,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const firm = await trx
        .insertInto("enterprises")
        .values({
          juristic_id: "0105536112014",
          ce_registration_no: null,
          name_th: "บริษัท ของจริง จำกัด",
          name_en: null,
          legal_form: "company_limited",
          size_class: null,
          revenue: null,
          employees: null,
          capital: null,
          tsic_code: null,
          business_type: null,
          address: null,
          province_code: "10",
          district_code: null,
          postcode: null,
          registered_on: null,
          published: 1,
          is_example: 0,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("enterprise_products")
        .values({ enterprise_id: firm.id, direction: "output", name: "roasted coffee", tsic_code: null })
        .execute();
      await trx
        .insertInto("memberships")
        .values({
          cluster_id: cluster.id,
          enterprise_id: firm.id,
          stage: "midstream",
          joined_on: null,
          left_on: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      // A real firm added to an example cluster, and a real link to an example firm.
      await trx
        .insertInto("memberships")
        .values({
          cluster_id: coffee.id,
          enterprise_id: firm.id,
          stage: "downstream",
          joined_on: null,
          left_on: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx
        .insertInto("linkages")
        .values({
          cluster_id: cluster.id,
          from_type: "enterprise",
          from_id: exampleFirm.id,
          to_type: "enterprise",
          to_id: firm.id,
          kind: "supplies",
          product: null,
          annual_value: null,
          is_example: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return { cluster: cluster.id, subCluster: subCluster.id, firm: firm.id };
    });

    const report = await removeExamples(db);
    expect(report.removed).toBe(true);
    expect(report.counts).toMatchObject({
      clusters: 20,
      enterprises: exampleEnterprises.length,
      institutions: exampleInstitutions.length,
      memberships: exampleMemberships.length + 1,
      linkages: exampleLinkages.length + 1,
      detachedClusters: 1,
    });

    expect(await db.selectFrom("clusters").select("id").where("is_example", "=", 1).execute()).toHaveLength(0);
    expect(await db.selectFrom("enterprises").select("id").where("is_example", "=", 1).execute()).toHaveLength(0);
    expect(await db.selectFrom("institutions").select("id").where("is_example", "=", 1).execute()).toHaveLength(0);
    expect(await db.selectFrom("linkages").select("id").where("is_example", "=", 1).execute()).toHaveLength(0);
    expect(await db.selectFrom("cluster_institutions").selectAll().execute()).toHaveLength(0);
    expect(await db.selectFrom("enterprise_contacts").selectAll().execute()).toHaveLength(0);

    const clusters = await db.selectFrom("clusters").select(["id", "parent_id"]).orderBy("id").execute();
    expect(clusters).toEqual([
      { id: real.cluster, parent_id: null },
      { id: real.subCluster, parent_id: null },
    ]);
    const firm = await db.selectFrom("enterprises").select(["id", "juristic_id"]).execute();
    expect(firm).toEqual([{ id: real.firm, juristic_id: "0105536112014" }]);
    expect(
      await db.selectFrom("enterprise_products").select("name").where("enterprise_id", "=", real.firm).execute(),
    ).toEqual([{ name: "roasted coffee" }]);
    const memberships = await db.selectFrom("memberships").select(["cluster_id", "enterprise_id", "stage"]).execute();
    expect(memberships).toEqual([{ cluster_id: real.cluster, enterprise_id: real.firm, stage: "midstream" }]);
    expect(await db.selectFrom("linkages").selectAll().execute()).toHaveLength(0);

    const again = await removeExamples(db);
    expect(again.removed).toBe(false);
  });

  it("loads again after removal, leaving out examples whose code or ID a real record holds", async () => {
    const { db } = database;
    const now = nowIso();
    const processor = exampleData.cfLannaProcessing;
    await db
      .insertInto("enterprises")
      .values({
        juristic_id: processor.juristicId,
        ce_registration_no: null,
        name_th: "บริษัท ตัวจริง จำกัด",
        name_en: null,
        legal_form: "company_limited",
        size_class: null,
        revenue: null,
        employees: null,
        capital: null,
        tsic_code: null,
        business_type: null,
        address: null,
        province_code: null,
        district_code: null,
        postcode: null,
        registered_on: null,
        published: 1,
        is_example: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto("clusters")
      .values({
        code: exampleData.osmepBettaFish.code,
        kind: "sme_network_cluster",
        name_th: null,
        name_en: "Real betta cluster",
        description_th: null,
        description_en: null,
        tsic_code: null,
        isic_code: null,
        parent_id: null,
        coordinator_user_id: null,
        coordinating_agency_id: null,
        cooperating_agency_id: null,
        policy_tags_json: "[]",
        maturity: null,
        status: "active",
        published: 1,
        is_example: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();

    const report = await loadExamples(db);
    expect(report.loaded).toBe(true);
    expect(report.skipped).toEqual({ clusters: ["osmep-betta-fish"], enterprises: ["cf-lanna-processing"] });
    expect(report.counts.clusters).toBe(19);
    expect(report.counts.enterprises).toBe(exampleEnterprises.length - 1);
    const dropped = exampleMemberships.filter(
      (m) => m.enterprise === processor || m.cluster === exampleData.osmepBettaFish,
    ).length;
    expect(report.counts.memberships).toBe(exampleMemberships.length - dropped);
    expect(report.counts.linkages).toBe(
      exampleLinkages.length - exampleLinkages.filter((l) => l.from === processor || l.to === processor).length,
    );
    const realFirm = await db
      .selectFrom("enterprises")
      .select(["name_th", "is_example"])
      .where("juristic_id", "=", processor.juristicId)
      .executeTakeFirstOrThrow();
    expect(realFirm).toEqual({ name_th: "บริษัท ตัวจริง จำกัด", is_example: 0 });
  });
});
