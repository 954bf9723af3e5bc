import type { Kysely, Transaction } from "kysely";
import { classifySize, legalFormFromName, sectorOfTsic } from "@sainam/core";
import type { DB } from "../schema.ts";
import { nowIso } from "../clock.ts";
import { insertCluster, replaceParticipations } from "../cluster.repository.ts";
import { insertEnterprise, replaceContacts, replaceProducts, type ProductRow } from "../enterprise.repository.ts";
import { insertMembership } from "../membership.repository.ts";
import { removeSearchTexts } from "../search.repository.ts";
import { loadExampleValues, removeExampleValues } from "./example-values.seed.ts";
import { insertInstitution, insertLinkage, linkInstitution } from "../linkage.repository.ts";
import {
  bilingual,
  exampleClusterInstitutions,
  exampleClusters,
  exampleEnterprises,
  exampleInstitutions,
  exampleLinkages,
  exampleMemberships,
  type ExampleCluster,
  type ExampleEnterprise,
  type ExampleParty,
} from "./examples.data.ts";
import { adoptExampleClustersWithRealValues, loadExamplePlans, removeExamplePlans } from "./plan.examples.ts";
import {
  loadExampleProgrammes,
  removeExampleProgrammes,
  type ProgrammeExampleCounts,
  type ProgrammeExampleRemoval,
} from "./programmes.seed.ts";
import { loadExampleProviders, removeExampleProviders, type ProviderExampleCounts } from "./providers.examples.ts";

/** Rows written (load) or deleted (remove) per table. */
export type ExampleCounts = {
  clusters: number;
  clusterProvinces: number;
  participations: number;
  enterprises: number;
  products: number;
  contacts: number;
  memberships: number;
  institutions: number;
  clusterInstitutions: number;
  linkages: number;
  /** Cluster plans of example clusters (with their nodes, indicators and targets). */
  plans: number;
  /** Illustrative indicator values of the 2017-2021 plan (example-values.seed.ts). */
  indicatorValues: number;
};

export type LoadExamplesReport = {
  /** False when example data was already present: nothing was written. */
  loaded: boolean;
  counts: ExampleCounts;
  /**
   * Example records left out because a real record already holds their key (a cluster code, a juristic ID or a
   * community-enterprise number), with everything that hangs on them; real records are never overwritten.
   */
  skipped: { clusters: string[]; enterprises: string[] };
  /** The example programmes of seeds 001-002 (loaded too on a database whose example clusters predate them). */
  programmes: ProgrammeExampleCounts;
  /** The service providers of seed 001 (loaded too on a database whose other examples predate them). */
  providers: ProviderExampleCounts;
};

export type RemoveExamplesReport = {
  /** False when there was no example data to remove. */
  removed: boolean;
  counts: ExampleCounts & {
    /** Removed clusters, enterprises and institutions taken out of the search index. */
    searchDocuments: number;
    /** Coordinator scopes (user_clusters) on removed clusters. */
    userScopes: number;
    /** Real users whose enterprise was an example one: their enterprise link is cleared, the user stays. */
    detachedUsers: number;
    /** Real clusters whose parent was an example cluster: they become top-level clusters. */
    detachedClusters: number;
  };
  /**
   * Example clusters kept, with their plans, because a user entered indicator values in those plans: they are
   * real data now (no longer marked as examples), and the user's values stay.
   */
  kept: { clusters: string[]; plans: string[] };
  programmes: ProgrammeExampleRemoval;
  /** `kept`: example providers a user gave experts or branches, kept as real data. */
  providers: ProviderExampleCounts & { kept: string[] };
};

function zeroCounts(): ExampleCounts {
  return {
    clusters: 0,
    clusterProvinces: 0,
    participations: 0,
    enterprises: 0,
    products: 0,
    contacts: 0,
    memberships: 0,
    institutions: 0,
    clusterInstitutions: 0,
    linkages: 0,
    plans: 0,
    indicatorValues: 0,
  };
}

async function agencyIds(trx: Transaction<DB>): Promise<Map<string, number>> {
  const codes = new Set<string>();
  for (const c of exampleClusters) {
    codes.add(c.coordinatingAgency);
    if (c.cooperatingAgency) codes.add(c.cooperatingAgency);
    for (const p of c.participations) codes.add(p.agency);
  }
  for (const i of exampleInstitutions) if (i.agency) codes.add(i.agency);
  const rows = await trx
    .selectFrom("agencies")
    .select(["id", "code"])
    .where("code", "in", [...codes])
    .execute();
  const ids = new Map(rows.map((r) => [r.code, r.id]));
  const missing = [...codes].filter((code) => !ids.has(code));
  if (missing.length)
    throw new Error(`example data needs the reference agencies ${missing.join(", ")}: seed the reference data first`);
  return ids;
}

function agencyId(ids: Map<string, number>, code: string): number {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`example data: unknown agency ${code}`);
  return id;
}

function productRows(e: ExampleEnterprise): ProductRow[] {
  return [
    ...e.outputs.map((p): ProductRow => ({ direction: "output", name: bilingual(p), tsic_code: p.tsicCode })),
    ...e.inputs.map((p): ProductRow => ({ direction: "input", name: bilingual(p), tsic_code: p.tsicCode })),
  ];
}

/**
 * Loads the example clusters, enterprises, memberships, institutions and linkages in one transaction, every row
 * marked `is_example = 1` (clusters, enterprises, institutions, linkages; the rows hanging on them go with them).
 * Idempotent: when any example cluster exists nothing is written. Needs the reference data (provinces,
 * districts, agencies). Writes no audit entry and no search index: the caller does both.
 */
export async function loadExamples(db: Kysely<DB>): Promise<LoadExamplesReport> {
  return db.transaction().execute(async (trx) => {
    const counts = zeroCounts();
    const skipped: LoadExamplesReport["skipped"] = { clusters: [], enterprises: [] };
    // Values have their own idempotency check, so an install whose clusters were loaded before gets them too.
    counts.indicatorValues = await loadExampleValues(trx);
    const present = await trx
      .selectFrom("clusters")
      .select("id")
      .where("is_example", "=", 1)
      .limit(1)
      .executeTakeFirst();
    // Providers have their own idempotency check too, like the values.
    const providers = await loadExampleProviders(trx, nowIso());
    if (present) {
      const programmes = await loadExampleProgrammes(trx, nowIso());
      const loaded = programmes.programmes > 0 || counts.indicatorValues > 0 || providers.providers > 0;
      return { loaded, counts, skipped, programmes, providers };
    }

    const now = nowIso();
    const agencies = await agencyIds(trx);

    const clusterIds = new Map<ExampleCluster, number>();
    const byCode = new Map(exampleClusters.map((c) => [c.code, c]));
    for (const c of exampleClusters) {
      const parent = c.parentCode === null ? null : byCode.get(c.parentCode);
      if (parent === undefined)
        throw new Error(`example cluster ${c.code}: parent ${c.parentCode ?? ""} is not in the data`);
      const parentId = parent === null ? null : clusterIds.get(parent);
      const taken = await trx.selectFrom("clusters").select("id").where("code", "=", c.code).executeTakeFirst();
      if (taken || parentId === undefined) {
        skipped.clusters.push(c.code);
        continue;
      }
      const id = await insertCluster(
        trx,
        {
          code: c.code,
          kind: c.kind,
          name_th: c.name.th,
          name_en: c.name.en,
          description_th: c.description.th,
          description_en: c.description.en,
          tsic_code: c.tsicCode,
          // TSIC 2009 follows ISIC Rev. 4 to the 4-digit class.
          isic_code: c.tsicCode.slice(0, 4),
          parent_id: parentId,
          coordinator_user_id: null,
          coordinating_agency_id: agencyId(agencies, c.coordinatingAgency),
          cooperating_agency_id: c.cooperatingAgency ? agencyId(agencies, c.cooperatingAgency) : null,
          policy_tags_json: JSON.stringify(c.policyTags),
          maturity: c.maturity,
          status: "active",
          published: c.published ? 1 : 0,
          is_example: 1,
          created_at: now,
          updated_at: now,
        },
        [...c.provinceCodes],
      );
      await replaceParticipations(
        trx,
        id,
        c.participations.map((p) => ({
          agency_id: agencyId(agencies, p.agency),
          fiscal_year: p.fiscalYear,
          programme: p.programme,
        })),
      );
      clusterIds.set(c, id);
      counts.clusters++;
      counts.clusterProvinces += new Set(c.provinceCodes).size;
      counts.participations += c.participations.length;
    }

    const enterpriseIds = new Map<ExampleEnterprise, number>();
    for (const e of exampleEnterprises) {
      let q = trx.selectFrom("enterprises").select("id");
      if (e.juristicId !== null) q = q.where("juristic_id", "=", e.juristicId);
      else if (e.ceRegistrationNo !== null) q = q.where("ce_registration_no", "=", e.ceRegistrationNo);
      else throw new Error(`example enterprise ${e.key} has neither a juristic ID nor a registration number`);
      if (await q.executeTakeFirst()) {
        skipped.enterprises.push(e.key);
        continue;
      }
      const sector = sectorOfTsic(e.tsicCode) ?? "service";
      const size = classifySize({ sector, annualRevenue: e.revenue, employees: e.employees });
      const id = await insertEnterprise(trx, {
        juristic_id: e.juristicId,
        ce_registration_no: e.ceRegistrationNo,
        name_th: e.name.th,
        name_en: e.name.en,
        legal_form:
          e.ceRegistrationNo !== null && e.juristicId === null
            ? "community_enterprise"
            : legalFormFromName(e.name.th).form,
        size_class: size.ok ? size.value.sizeClass : null,
        revenue: e.revenue,
        employees: e.employees,
        capital: null,
        tsic_code: e.tsicCode,
        business_type: bilingual(e.businessType),
        address: null,
        province_code: e.provinceCode,
        district_code: e.districtCode,
        postcode: null,
        registered_on: e.registeredOn,
        published: 1,
        is_example: 1,
        created_at: now,
        updated_at: now,
      });
      const products = productRows(e);
      await replaceProducts(trx, id, products);
      const contacts = e.contact
        ? [{ name: e.contact.name, position: e.contact.position, phone: e.contact.phone, email: e.contact.email }]
        : [];
      await replaceContacts(trx, id, contacts);
      enterpriseIds.set(e, id);
      counts.enterprises++;
      counts.products += products.length;
      counts.contacts += contacts.length;
    }

    for (const m of exampleMemberships) {
      const clusterId = clusterIds.get(m.cluster);
      const enterpriseId = enterpriseIds.get(m.enterprise);
      if (clusterId === undefined || enterpriseId === undefined) continue;
      await insertMembership(trx, {
        cluster_id: clusterId,
        enterprise_id: enterpriseId,
        stage: m.stage,
        joined_on: m.joinedOn,
        left_on: null,
        created_at: now,
        updated_at: now,
        created_by: null,
        approved_at: now,
        approved_by: null,
      });
      counts.memberships++;
    }

    const institutionIds = new Map<ExampleParty, number>();
    for (const i of exampleInstitutions) {
      const id = await insertInstitution(trx, {
        kind: i.kind,
        name_th: i.nameTh,
        name_en: i.nameEn,
        description: i.description,
        agency_id: i.agency ? agencyId(agencies, i.agency) : null,
        province_code: i.provinceCode,
        published: 1,
        is_example: 1,
        created_at: now,
        updated_at: now,
      });
      institutionIds.set(i, id);
      counts.institutions++;
    }

    for (const ci of exampleClusterInstitutions) {
      const clusterId = clusterIds.get(ci.cluster);
      const institutionId = institutionIds.get(ci.institution);
      if (clusterId === undefined || institutionId === undefined) continue;
      await linkInstitution(trx, clusterId, institutionId, ci.role);
      counts.clusterInstitutions++;
    }

    const partyId = (party: ExampleParty): number | undefined =>
      party.party === "enterprise" ? enterpriseIds.get(party) : institutionIds.get(party);
    for (const l of exampleLinkages) {
      const clusterId = clusterIds.get(l.cluster);
      const fromId = partyId(l.from);
      const toId = partyId(l.to);
      if (clusterId === undefined || fromId === undefined || toId === undefined) continue;
      await insertLinkage(trx, {
        cluster_id: clusterId,
        from_type: l.from.party,
        from_id: fromId,
        to_type: l.to.party,
        to_id: toId,
        kind: l.kind,
        product: l.product ? bilingual(l.product) : null,
        annual_value: l.annualValue,
        is_example: 1,
        created_at: now,
        updated_at: now,
      });
      counts.linkages++;
    }

    counts.plans = await loadExamplePlans(trx);
    const programmes = await loadExampleProgrammes(trx, now);
    return { loaded: true, counts, skipped, programmes, providers };
  });
}

function deleted(result: { numDeletedRows: bigint } | undefined): number {
  return Number(result?.numDeletedRows ?? 0n);
}

function updated(result: { numUpdatedRows: bigint } | undefined): number {
  return Number(result?.numUpdatedRows ?? 0n);
}

/**
 * Removes everything marked as example data, in one transaction: example linkages and every linkage that
 * touches an example cluster, enterprise or institution; memberships of example enterprises and memberships in
 * example clusters; institution links; products, contacts and search documents of the removed records; the example
 * enterprises and institutions; the example clusters, children before parents. Real records stay: a real
 * enterprise added to an example cluster keeps its record and loses only that membership; a real sub-cluster of
 * an example cluster becomes top-level; a real user linked to an example enterprise keeps the account; an example
 * cluster whose plan holds values a user entered is kept with that plan (`kept`), as real data.
 * Writes no audit entry: the caller does.
 */
export async function removeExamples(db: Kysely<DB>): Promise<RemoveExamplesReport> {
  return db.transaction().execute(async (trx) => {
    const counts = { ...zeroCounts(), searchDocuments: 0, userScopes: 0, detachedUsers: 0, detachedClusters: 0 };
    // First, so that nothing below treats a cluster holding a user's values as an example.
    const kept = await adoptExampleClustersWithRealValues(trx);
    counts.indicatorValues = await removeExampleValues(trx);
    // Programmes, activities and claims hang on example clusters and firms: they go first.
    const programmes = await removeExampleProgrammes(trx);
    // Providers hang on nothing else of the examples (agencies are reference data).
    const providers = await removeExampleProviders(trx);
    const exampleClusters = () => trx.selectFrom("clusters").select("id").where("is_example", "=", 1);
    const exampleEnterprises = () => trx.selectFrom("enterprises").select("id").where("is_example", "=", 1);
    const exampleInstitutions = () => trx.selectFrom("institutions").select("id").where("is_example", "=", 1);

    const clusters = await trx.selectFrom("clusters").select(["id", "parent_id"]).where("is_example", "=", 1).execute();
    const anyEnterprise = await exampleEnterprises().limit(1).executeTakeFirst();
    const anyInstitution = await exampleInstitutions().limit(1).executeTakeFirst();
    const anyLinkage = await trx
      .selectFrom("linkages")
      .select("id")
      .where("is_example", "=", 1)
      .limit(1)
      .executeTakeFirst();
    const anyProgrammeRow = programmes.programmes + programmes.activities + programmes.valueClaims > 0;
    if (!clusters.length && !anyEnterprise && !anyInstitution && !anyLinkage && !anyProgrammeRow) {
      return { removed: counts.indicatorValues > 0 || providers.providers > 0, counts, kept, programmes, providers };
    }

    counts.linkages = deleted(
      await trx
        .deleteFrom("linkages")
        .where((eb) =>
          eb.or([
            eb("is_example", "=", 1),
            eb("cluster_id", "in", exampleClusters()),
            eb.and([eb("from_type", "=", "enterprise"), eb("from_id", "in", exampleEnterprises())]),
            eb.and([eb("to_type", "=", "enterprise"), eb("to_id", "in", exampleEnterprises())]),
            eb.and([eb("from_type", "=", "institution"), eb("from_id", "in", exampleInstitutions())]),
            eb.and([eb("to_type", "=", "institution"), eb("to_id", "in", exampleInstitutions())]),
          ]),
        )
        .executeTakeFirst(),
    );
    counts.memberships = deleted(
      await trx
        .deleteFrom("memberships")
        .where((eb) =>
          eb.or([eb("enterprise_id", "in", exampleEnterprises()), eb("cluster_id", "in", exampleClusters())]),
        )
        .executeTakeFirst(),
    );
    counts.clusterInstitutions = deleted(
      await trx
        .deleteFrom("cluster_institutions")
        .where((eb) =>
          eb.or([eb("cluster_id", "in", exampleClusters()), eb("institution_id", "in", exampleInstitutions())]),
        )
        .executeTakeFirst(),
    );
    counts.userScopes = deleted(
      await trx.deleteFrom("user_clusters").where("cluster_id", "in", exampleClusters()).executeTakeFirst(),
    );
    counts.detachedUsers = updated(
      await trx
        .updateTable("users")
        .set({ enterprise_id: null })
        .where("enterprise_id", "in", exampleEnterprises())
        .executeTakeFirst(),
    );
    counts.detachedClusters = updated(
      await trx
        .updateTable("clusters")
        .set({ parent_id: null })
        .where("is_example", "=", 0)
        .where("parent_id", "in", exampleClusters())
        .executeTakeFirst(),
    );
    for (const [type, ids] of [
      ["cluster", exampleClusters()],
      ["enterprise", exampleEnterprises()],
      ["institution", exampleInstitutions()],
    ] as const) {
      counts.searchDocuments += await removeSearchTexts(
        trx,
        type,
        (await ids.execute()).map((r) => r.id),
      );
    }

    counts.products = deleted(
      await trx.deleteFrom("enterprise_products").where("enterprise_id", "in", exampleEnterprises()).executeTakeFirst(),
    );
    counts.contacts = deleted(
      await trx.deleteFrom("enterprise_contacts").where("enterprise_id", "in", exampleEnterprises()).executeTakeFirst(),
    );
    counts.enterprises = deleted(await trx.deleteFrom("enterprises").where("is_example", "=", 1).executeTakeFirst());
    counts.institutions = deleted(await trx.deleteFrom("institutions").where("is_example", "=", 1).executeTakeFirst());

    counts.plans = await removeExamplePlans(trx);
    counts.clusterProvinces = deleted(
      await trx.deleteFrom("cluster_provinces").where("cluster_id", "in", exampleClusters()).executeTakeFirst(),
    );
    counts.participations = deleted(
      await trx.deleteFrom("cluster_participations").where("cluster_id", "in", exampleClusters()).executeTakeFirst(),
    );
    for (const level of clusterLevelsDeepestFirst(clusters)) {
      counts.clusters += deleted(await trx.deleteFrom("clusters").where("id", "in", level).executeTakeFirst());
    }
    return { removed: true, counts, kept, programmes, providers };
  });
}

/**
 * Groups clusters by depth in their own tree (an example cluster under a real parent counts from there),
 * deepest first, so every child is deleted before its parent. A cycle, which the API prevents, ends the walk.
 */
function clusterLevelsDeepestFirst(clusters: ReadonlyArray<{ id: number; parent_id: number | null }>): number[][] {
  const parentOf = new Map(clusters.map((c) => [c.id, c.parent_id]));
  const levels: number[][] = [];
  for (const c of clusters) {
    let depth = 0;
    let parent = c.parent_id;
    while (parent !== null && parentOf.has(parent) && depth < clusters.length) {
      depth++;
      parent = parentOf.get(parent) ?? null;
    }
    (levels[depth] ??= []).push(c.id);
  }
  return levels.filter((level) => level.length > 0).reverse();
}
