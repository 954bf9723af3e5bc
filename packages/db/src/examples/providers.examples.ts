import type { Transaction } from "kysely";
import type { DB } from "../schema.ts";

/**
 * The service providers of seed 001 (Bangkok Post, "Industry clusters set to generate B1.2bn"): the Industry
 * Transformation Center ("12 branches of ITC in 77 provinces"; advises on cost reduction, technology and value-added
 * product development), the Thailand Industrial Design Center (packaging design), the SME Support and Rescue Center
 * (access to financial assistance) and the Regional Integrated SME Promotion Mechanism (250+ experts, marketing,
 * logistics, business law). The seed names none of the 12 branches nor their provinces, so ITC is one centre
 * serving every province; branches are added by their officers. Names: the reference agencies' (Thai where the
 * reference data has it), else the seed's English. The seed names no individual expert: none is loaded.
 */
type ExampleProvider = {
  code: string;
  kind: string;
  name: { th: string | null; en: string };
  /** The reference agency that keeps it (its officers manage it). */
  agency: string;
  services: readonly string[];
  /** Every province, or none named. */
  allProvinces: boolean;
};

export const exampleProviders: readonly ExampleProvider[] = [
  {
    code: "EX-ITC",
    kind: "itc_centre",
    name: { th: "ศูนย์ปฏิรูปอุตสาหกรรมสู่อนาคต", en: "Industry Transformation Center (ITC)" },
    agency: "DIP-ITC",
    services: ["cost_reduction", "technology", "product_development"],
    allProvinces: true,
  },
  {
    code: "EX-TIDC",
    kind: "design_centre",
    name: { th: null, en: "Thailand Industrial Design Center" },
    agency: "DIP-TIDC",
    services: ["packaging_design"],
    allProvinces: false,
  },
  {
    code: "EX-SRC",
    kind: "rescue_centre",
    name: { th: "ศูนย์สนับสนุนและช่วยเหลือเอสเอ็มอี", en: "SME Support and Rescue Center" },
    agency: "DIP-SRC",
    services: ["finance"],
    allProvinces: false,
  },
  {
    code: "EX-RISPM",
    kind: "sme_centre",
    name: { th: null, en: "Regional Integrated SME Promotion Mechanism" },
    agency: "DIP",
    services: ["marketing", "logistics", "business_law"],
    allProvinces: false,
  },
];

export type ProviderExampleCounts = { providers: number; providerProvinces: number; providerServices: number };

const zero = (): ProviderExampleCounts => ({ providers: 0, providerProvinces: 0, providerServices: 0 });

/**
 * Loads the example providers (marked `is_example = 1`). Idempotent: nothing when an example provider exists; a
 * provider whose code a real one holds is left out. Needs the reference data (agencies, provinces).
 */
export async function loadExampleProviders(trx: Transaction<DB>, now: string): Promise<ProviderExampleCounts> {
  const counts = zero();
  if (await trx.selectFrom("service_providers").select("id").where("is_example", "=", 1).limit(1).executeTakeFirst())
    return counts;
  const provinces = (await trx.selectFrom("provinces").select("code").orderBy("code").execute()).map((p) => p.code);
  for (const p of exampleProviders) {
    if (await trx.selectFrom("service_providers").select("id").where("code", "=", p.code).executeTakeFirst()) continue;
    const agency = await trx.selectFrom("agencies").select("id").where("code", "=", p.agency).executeTakeFirst();
    if (!agency)
      throw new Error(
        `example provider ${p.code} needs the reference agency ${p.agency}: seed the reference data first`,
      );
    const { id } = await trx
      .insertInto("service_providers")
      .values({
        code: p.code,
        kind: p.kind,
        name_th: p.name.th,
        name_en: p.name.en,
        agency_id: agency.id,
        is_example: 1,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    counts.providers++;
    const served = p.allProvinces ? provinces : [];
    if (served.length > 0) {
      await trx
        .insertInto("provider_provinces")
        .values(served.map((province_code) => ({ provider_id: id, province_code })))
        .execute();
      counts.providerProvinces += served.length;
    }
    await trx
      .insertInto("provider_services")
      .values(p.services.map((field) => ({ provider_id: id, field })))
      .execute();
    counts.providerServices += p.services.length;
  }
  return counts;
}

function deleted(result: { numDeletedRows: bigint } | undefined): number {
  return Number(result?.numDeletedRows ?? 0n);
}

/**
 * Removes the example providers with their provinces and services. An example provider that a user has given an
 * expert (or a branch) is real data now: it stays, no longer marked as an example.
 */
export async function removeExampleProviders(
  trx: Transaction<DB>,
): Promise<ProviderExampleCounts & { kept: string[] }> {
  const counts = zero();
  const examples = await trx
    .selectFrom("service_providers")
    .select(["id", "code"])
    .where("is_example", "=", 1)
    .execute();
  const kept: string[] = [];
  const gone: number[] = [];
  for (const p of examples) {
    const used =
      (await trx.selectFrom("experts").select("id").where("provider_id", "=", p.id).executeTakeFirst()) ??
      (await trx.selectFrom("service_providers").select("id").where("parent_id", "=", p.id).executeTakeFirst());
    if (used) kept.push(p.code);
    else gone.push(p.id);
  }
  if (kept.length > 0)
    await trx.updateTable("service_providers").set({ is_example: 0 }).where("code", "in", kept).execute();
  if (gone.length === 0) return { ...counts, kept };
  counts.providerProvinces = deleted(
    await trx.deleteFrom("provider_provinces").where("provider_id", "in", gone).executeTakeFirst(),
  );
  counts.providerServices = deleted(
    await trx.deleteFrom("provider_services").where("provider_id", "in", gone).executeTakeFirst(),
  );
  counts.providers = deleted(await trx.deleteFrom("service_providers").where("id", "in", gone).executeTakeFirst());
  return { ...counts, kept };
}
