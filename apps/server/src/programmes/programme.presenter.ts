import { budgetPerFirm, overspendOf, valuePerBaht } from "@sainam/core";
import type {
  ActivityRow,
  BudgetView,
  ClaimView,
  OutcomeView,
  Participant,
  ProgrammeReportedFigureRow,
  ProgrammeRow,
  RecordedFigures,
  SupportedCluster,
  SupportedEnterprise,
} from "@sainam/db";

export function presentProgramme(p: ProgrammeRow) {
  return {
    id: p.id,
    code: p.code,
    agencyId: p.agency_id,
    nameEn: p.name_en,
    nameTh: p.name_th,
    descriptionEn: p.description_en,
    descriptionTh: p.description_th,
    firstFiscalYear: p.first_fiscal_year,
    lastFiscalYear: p.last_fiscal_year,
    published: p.published === 1,
    isExample: p.is_example === 1,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

export function presentSupportedCluster(c: SupportedCluster) {
  return { clusterId: c.cluster_id, fiscalYear: c.fiscal_year, code: c.code, nameTh: c.name_th, nameEn: c.name_en };
}

export function presentSupportedEnterprise(e: SupportedEnterprise) {
  return {
    enterpriseId: e.enterprise_id,
    fiscalYear: e.fiscal_year,
    clusterId: e.cluster_id,
    juristicId: e.juristic_id,
    nameTh: e.name_th,
    nameEn: e.name_en,
    provinceCode: e.province_code,
  };
}

export function presentBudget(b: BudgetView) {
  return {
    id: b.id,
    programmeId: b.programme_id,
    clusterId: b.cluster_id,
    clusterCode: b.cluster_code,
    clusterNameTh: b.cluster_name_th,
    clusterNameEn: b.cluster_name_en,
    fiscalYear: b.fiscal_year,
    allocated: b.allocated,
    spent: b.spent,
    overspent: overspendOf(b) !== null,
    note: b.note,
  };
}

/** The agency's own aggregates, with the ratios they imply (budget per reported firm, value per baht). */
export function presentReportedFigure(r: ProgrammeReportedFigureRow) {
  return {
    programmeId: r.programme_id,
    fiscalYear: r.fiscal_year,
    clusters: r.clusters,
    firms: r.firms,
    budget: r.budget,
    budgetKind: r.budget_kind,
    value: r.value,
    valueKind: r.value_kind,
    source: r.source,
    note: r.note,
    budgetPerFirm: r.budget === null ? { value: null, reason: "no_budget" as const } : budgetPerFirm(r.budget, r.firms),
    valuePerBaht: r.value === null ? { value: null, reason: null } : valuePerBaht(r.value, r.budget),
  };
}

export function presentRecordedFigures(
  f: RecordedFigures,
  outcomes: Array<{ kind: string; amount: number; count: number }>,
) {
  return {
    clusters: f.clusters,
    firms: f.firms,
    anonymousParticipants: f.anonymousParticipants,
    activities: f.activities,
    budgetAllocated: f.budgetAllocated,
    budgetSpent: f.budgetSpent,
    overspentLines: f.overspentLines,
    value: {
      verified: f.valueVerified,
      claimed: f.valueClaimed,
      claimsVerified: f.claimsVerified,
      claimsClaimed: f.claimsClaimed,
    },
    budgetPerFirm: budgetPerFirm(f.budgetAllocated, f.firms),
    valuePerBaht: valuePerBaht(f.valueVerified, f.budgetAllocated),
    valuePerBahtIncludingClaimed: valuePerBaht(f.valueVerified + f.valueClaimed, f.budgetAllocated),
    outcomes,
  };
}

export function presentActivity(a: ActivityRow & { participants?: number }, participants: number) {
  return {
    id: a.id,
    programmeId: a.programme_id,
    clusterId: a.cluster_id,
    planNodeId: a.plan_node_id,
    kind: a.kind,
    titleEn: a.title_en,
    titleTh: a.title_th,
    descriptionEn: a.description_en,
    descriptionTh: a.description_th,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    fiscalYear: a.fiscal_year,
    provinceCode: a.province_code,
    budget: a.budget,
    spent: a.spent,
    participantCount: a.participant_count,
    participants,
    isExample: a.is_example === 1,
  };
}

export function presentParticipant(p: Participant) {
  return { enterpriseId: p.enterprise_id, juristicId: p.juristic_id, nameTh: p.name_th, nameEn: p.name_en };
}

export function presentOutcome(o: OutcomeView) {
  return { id: o.id, enterpriseId: o.enterprise_id, kind: o.kind, amount: o.amount, count: o.count, note: o.note };
}

export function presentClaim(c: ClaimView, canVerify: boolean) {
  return {
    id: c.id,
    programmeIds: c.programme_ids,
    enterpriseId: c.enterprise_id,
    clusterId: c.cluster_id,
    activityId: c.activity_id,
    fiscalYear: c.fiscal_year,
    amount: c.amount,
    method: c.method,
    methodNote: c.method_note,
    evidenceUrl: c.evidence_url,
    evidenceNote: c.evidence_note,
    verification: c.verification,
    verifiedBy: c.verified_by,
    verifiedAt: c.verified_at,
    createdBy: c.created_by,
    isExample: c.is_example === 1,
    createdAt: c.created_at,
    canVerify,
  };
}
