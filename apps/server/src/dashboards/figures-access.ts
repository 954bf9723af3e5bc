import { NATION_CODE, type Actor, type OrgUnit } from "@sainam/core";
import { dashboards, type Database, type PlanScope } from "@sainam/db";
import { errors } from "../errors.ts";
import { can, type PlanValuesResource } from "../policies/policy.ts";
import { forbiddenMessage } from "../policies/policy-words.ts";
import type { Geography } from "./geography.ts";

export const APPROVED_ONLY = ["approved"] as const;
/** Rejected values never count, whoever reads. */
export const EVERY_LIVE_STATUS = ["draft", "submitted", "approved"] as const;

/** The same access resource as the plan's value lists (indicator-values/value-scope.ts): one rule for both. */
function resourceOf(plan: PlanScope, orgUnit?: OrgUnit): PlanValuesResource {
  return {
    type: "plan_values",
    ownerAgencyId: plan.owner_agency_id,
    childAgencyIds: plan.child_agency_ids,
    clusterId: plan.cluster_id,
    published: plan.published === 1,
    orgUnit,
  };
}

/** True when the actor may read the plan's figures at all (published plans, or the plan's own scope). */
export function canReadPlanFigures(actor: Actor, plan: PlanScope): boolean {
  return can(actor, "read", resourceOf(plan));
}

/**
 * The value statuses the actor reads in a plan. Outside the plan's scope an unpublished plan does not
 * exist (404) and only approved values count; in scope, drafts and submitted values are included when
 * asked (`includeUnapproved`), or by default when the caller leaves it undefined. Asking for them
 * outside the scope is refused. `orgUnit`: the unit the figures are of, when one is asked for (a coordinator
 * reads the unapproved values of their own cluster, as in the value lists).
 */
export function readableStatuses(
  actor: Actor,
  plan: PlanScope,
  includeUnapproved: boolean | undefined,
  orgUnit?: OrgUnit,
): readonly string[] {
  // Whether the plan is readable at all does not depend on the unit asked for.
  if (!can(actor, "read", resourceOf(plan))) throw errors.notFound("plan", plan.id);
  const mayUnapproved = can(actor, "read_unapproved", resourceOf(plan, orgUnit));
  if (includeUnapproved === true && !mayUnapproved) {
    if (actor.kind === "public") throw errors.unauthenticated();
    throw errors.forbidden(forbiddenMessage("read_unapproved", "plan_values"), {
      action: "read_unapproved",
      resource: "plan_values",
    });
  }
  return (includeUnapproved ?? mayUnapproved) && mayUnapproved ? EVERY_LIVE_STATUS : APPROVED_ONLY;
}

export type NamedUnit = OrgUnit & { readonly nameEn: string; readonly nameTh: string | null };

/** 400 naming `unitCode`: the unit asked for does not exist (a query parameter, not a resource of the path). */
function unknownUnit(type: string, code: string) {
  return errors.validation("unitCode", `no ${type} with code ${code}`, "not_found", { id: code });
}

/** Checks an org unit exists and names it; 400 naming `unitCode` for an unknown unit or a malformed code. */
export async function resolveUnit(database: Database, geography: Geography, unit: OrgUnit): Promise<NamedUnit> {
  switch (unit.type) {
    case "nation":
      if (unit.code !== NATION_CODE)
        throw errors.validation("unitCode", `the nation's code is ${NATION_CODE}, not ${unit.code}`, "not_found", {
          id: unit.code,
        });
      return { ...unit, nameEn: "Thailand", nameTh: "ประเทศไทย" };
    case "region": {
      const region = geography.regionByCode.get(unit.code);
      if (!region) throw unknownUnit("region", unit.code);
      return { ...unit, nameEn: region.name_en, nameTh: region.name_th };
    }
    case "provincial_cluster": {
      const cluster = /^\d+$/.test(unit.code) ? geography.provincialClusterById.get(Number(unit.code)) : undefined;
      if (!cluster) throw unknownUnit("provincial cluster", unit.code);
      return { ...unit, nameEn: cluster.name_en, nameTh: cluster.name_th };
    }
    case "province": {
      const province = geography.provinceByCode.get(unit.code);
      if (!province) throw unknownUnit("province", unit.code);
      return { ...unit, nameEn: province.name_en, nameTh: province.name_th };
    }
    case "cluster":
    case "programme": {
      if (!/^\d+$/.test(unit.code))
        throw errors.validation("unitCode", `must be the ${unit.type}'s id`, "invalid_type", { expected: "number" });
      const row = await dashboards.findNamedUnit(database.db, unit.type, Number(unit.code));
      if (!row) throw unknownUnit(unit.type, unit.code);
      return { ...unit, nameEn: row.name_en ?? row.name_th ?? row.code, nameTh: row.name_th };
    }
  }
}
