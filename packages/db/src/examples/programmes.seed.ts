import type { Transaction } from "kysely";
import type { DB } from "../schema.ts";
import { exampleProgrammes } from "./programmes.data.ts";

export type ProgrammeExampleCounts = {
  programmes: number;
  programmeClusters: number;
  programmeEnterprises: number;
  reportedFigures: number;
};

export type ProgrammeExampleRemoval = ProgrammeExampleCounts & {
  activities: number;
  valueClaims: number;
  /** Real records that pointed at example data and were kept, their link cleared (claims, activities, budget lines). */
  detachedRecords: number;
};

function deleted(result: { numDeletedRows: bigint } | undefined): number {
  return Number(result?.numDeletedRows ?? 0n);
}

function updated(result: { numUpdatedRows: bigint } | undefined): number {
  return Number(result?.numUpdatedRows ?? 0n);
}

/**
 * Loads the example programmes (marked `is_example = 1`) with the example clusters they support, the example
 * member firms of those clusters and the agencies' reported figures. Idempotent: does nothing when an example
 * programme exists, or when a real programme already holds an example code. Needs the example clusters loaded.
 */
export async function loadExampleProgrammes(trx: Transaction<DB>, now: string): Promise<ProgrammeExampleCounts> {
  const counts: ProgrammeExampleCounts = {
    programmes: 0,
    programmeClusters: 0,
    programmeEnterprises: 0,
    reportedFigures: 0,
  };
  if (await trx.selectFrom("programmes").select("id").where("is_example", "=", 1).limit(1).executeTakeFirst())
    return counts;
  for (const p of exampleProgrammes) {
    if (await trx.selectFrom("programmes").select("id").where("code", "=", p.code).executeTakeFirst()) continue;
    const agency = await trx.selectFrom("agencies").select("id").where("code", "=", p.agency).executeTakeFirst();
    if (!agency)
      throw new Error(
        `example programme ${p.code} needs the reference agency ${p.agency}: seed the reference data first`,
      );
    const { id } = await trx
      .insertInto("programmes")
      .values({
        code: p.code,
        agency_id: agency.id,
        name_en: p.name.en,
        name_th: p.name.th,
        description_en: p.description.en,
        description_th: p.description.th,
        first_fiscal_year: p.firstFiscalYear,
        last_fiscal_year: p.lastFiscalYear,
        published: 1,
        is_example: 1,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    counts.programmes++;

    const allCodes = [...new Set(p.clusters.flatMap((c) => c.codes))];
    const clusterRows = allCodes.length
      ? await trx
          .selectFrom("clusters")
          .select(["id", "code"])
          .where("code", "in", allCodes)
          .where("is_example", "=", 1)
          .execute()
      : [];
    const clusterId = new Map(clusterRows.map((c) => [c.code, c.id]));
    for (const year of p.clusters) {
      for (const code of year.codes) {
        const cid = clusterId.get(code);
        if (cid === undefined) continue;
        await trx
          .insertInto("programme_clusters")
          .values({ programme_id: id, cluster_id: cid, fiscal_year: year.fiscalYear })
          .execute();
        counts.programmeClusters++;
      }
    }

    // Member firms of a supported cluster or of its sub-clusters, each listed once per year (through the first
    // supported cluster found), so the example shows firms recorded one by one next to the agency's aggregate.
    const supported = [...clusterId.values()];
    if (supported.length && p.membersSupportedIn.length) {
      const members = await trx
        .selectFrom("memberships as m")
        .innerJoin("clusters as c", "c.id", "m.cluster_id")
        .innerJoin("enterprises as e", "e.id", "m.enterprise_id")
        .select(["m.enterprise_id", "m.cluster_id", "c.parent_id"])
        .where("e.is_example", "=", 1)
        .where((eb) => eb.or([eb("m.cluster_id", "in", supported), eb("c.parent_id", "in", supported)]))
        .orderBy("m.enterprise_id")
        .orderBy("m.cluster_id")
        .execute();
      const supportedSet = new Set(supported);
      const through = new Map<number, number>();
      for (const m of members) {
        if (through.has(m.enterprise_id)) continue;
        through.set(m.enterprise_id, supportedSet.has(m.cluster_id) ? m.cluster_id : (m.parent_id ?? m.cluster_id));
      }
      for (const fiscalYear of p.membersSupportedIn) {
        for (const [enterpriseId, cid] of through) {
          await trx
            .insertInto("programme_enterprises")
            .values({ programme_id: id, enterprise_id: enterpriseId, fiscal_year: fiscalYear, cluster_id: cid })
            .execute();
          counts.programmeEnterprises++;
        }
      }
    }

    for (const r of p.reported) {
      await trx
        .insertInto("programme_reported_figures")
        .values({
          programme_id: id,
          fiscal_year: r.fiscalYear,
          clusters: r.clusters,
          firms: r.firms,
          budget: r.budget,
          budget_kind: r.budgetKind,
          value: r.value,
          value_kind: r.valueKind,
          source: r.source,
          note: r.note,
          is_example: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      counts.reportedFigures++;
    }
  }
  return counts;
}

/**
 * Removes example programmes, activities and value claims, and every row of the programme tables that hangs on an
 * example cluster or enterprise, so the example clusters and firms can go next. Real records are kept: a real
 * claim about an example firm loses its firm link, a real activity of an example programme or cluster loses that
 * link, a real budget line of an example cluster becomes programme-wide. Runs inside the caller's transaction.
 */
export async function removeExampleProgrammes(trx: Transaction<DB>): Promise<ProgrammeExampleRemoval> {
  const exProgrammes = () => trx.selectFrom("programmes").select("id").where("is_example", "=", 1);
  const exClusters = () => trx.selectFrom("clusters").select("id").where("is_example", "=", 1);
  const exEnterprises = () => trx.selectFrom("enterprises").select("id").where("is_example", "=", 1);
  const exActivities = () => trx.selectFrom("activities").select("id").where("is_example", "=", 1);
  const out: ProgrammeExampleRemoval = {
    programmes: 0,
    programmeClusters: 0,
    programmeEnterprises: 0,
    reportedFigures: 0,
    activities: 0,
    valueClaims: 0,
    detachedRecords: 0,
  };

  out.detachedRecords += updated(
    await trx
      .updateTable("value_claims")
      .set({ activity_id: null })
      .where("is_example", "=", 0)
      .where("activity_id", "in", exActivities())
      .executeTakeFirst(),
  );
  out.detachedRecords += updated(
    await trx
      .updateTable("value_claims")
      .set({ enterprise_id: null })
      .where("is_example", "=", 0)
      .where("enterprise_id", "in", exEnterprises())
      .executeTakeFirst(),
  );
  out.detachedRecords += updated(
    await trx
      .updateTable("value_claims")
      .set({ cluster_id: null })
      .where("is_example", "=", 0)
      .where("cluster_id", "in", exClusters())
      .executeTakeFirst(),
  );
  await trx
    .deleteFrom("value_claim_programmes")
    .where((eb) =>
      eb.or([
        eb("programme_id", "in", exProgrammes()),
        eb("claim_id", "in", trx.selectFrom("value_claims").select("id").where("is_example", "=", 1)),
      ]),
    )
    .execute();
  out.valueClaims = deleted(await trx.deleteFrom("value_claims").where("is_example", "=", 1).executeTakeFirst());

  out.detachedRecords += updated(
    await trx
      .updateTable("activities")
      .set({ programme_id: null })
      .where("is_example", "=", 0)
      .where("programme_id", "in", exProgrammes())
      .executeTakeFirst(),
  );
  out.detachedRecords += updated(
    await trx
      .updateTable("activities")
      .set({ cluster_id: null })
      .where("is_example", "=", 0)
      .where("cluster_id", "in", exClusters())
      .executeTakeFirst(),
  );
  await trx.deleteFrom("activity_participants").where("enterprise_id", "in", exEnterprises()).execute();
  await trx
    .updateTable("activity_outcomes")
    .set({ enterprise_id: null })
    .where("enterprise_id", "in", exEnterprises())
    .execute();
  out.activities = deleted(await trx.deleteFrom("activities").where("is_example", "=", 1).executeTakeFirst());

  await trx.updateTable("plans").set({ programme_id: null }).where("programme_id", "in", exProgrammes()).execute();
  out.detachedRecords += updated(
    await trx
      .updateTable("budget_allocations")
      .set({ cluster_id: null })
      .where("cluster_id", "in", exClusters())
      .where("programme_id", "not in", exProgrammes())
      .executeTakeFirst(),
  );
  out.programmeEnterprises = deleted(
    await trx
      .deleteFrom("programme_enterprises")
      .where((eb) => eb.or([eb("programme_id", "in", exProgrammes()), eb("enterprise_id", "in", exEnterprises())]))
      .executeTakeFirst(),
  );
  await trx
    .updateTable("programme_enterprises")
    .set({ cluster_id: null })
    .where("cluster_id", "in", exClusters())
    .execute();
  out.programmeClusters = deleted(
    await trx
      .deleteFrom("programme_clusters")
      .where((eb) => eb.or([eb("programme_id", "in", exProgrammes()), eb("cluster_id", "in", exClusters())]))
      .executeTakeFirst(),
  );
  out.reportedFigures = deleted(
    await trx.deleteFrom("programme_reported_figures").where("programme_id", "in", exProgrammes()).executeTakeFirst(),
  );
  await trx.deleteFrom("budget_allocations").where("programme_id", "in", exProgrammes()).execute();
  out.programmes = deleted(await trx.deleteFrom("programmes").where("is_example", "=", 1).executeTakeFirst());
  return out;
}
