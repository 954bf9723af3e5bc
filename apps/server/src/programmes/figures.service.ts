import type { Actor } from "@sainam/core";
import { programmes, reference } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { presentRecordedFigures, presentReportedFigure } from "./programme.presenter.ts";
import { requireProgramme } from "./programme.service.ts";
import { programmeVisibility } from "../policies/policy.ts";

async function recorded(ctx: AppContext, programmeIds: readonly number[], fiscalYear?: number) {
  const { db } = ctx.database;
  const [figures, outcomes] = await Promise.all([
    programmes.recordedFigures(db, programmeIds, fiscalYear),
    programmes.outcomeTotals(db, programmeIds, fiscalYear),
  ]);
  return presentRecordedFigures(figures, outcomes);
}

/**
 * One programme's figures per fiscal year: what Sainam recorded (distinct clusters and firms, budget, value —
 * every claim attributed to the programme counts in full here) beside what the agency reported, if anything.
 * Aggregates only, so the public sees them for a published programme.
 */
export async function programmeFigures(ctx: AppContext, actor: Actor, id: number, fiscalYear?: number) {
  await requireProgramme(ctx, actor, id, "read");
  const { db } = ctx.database;
  const years = fiscalYear === undefined ? await programmes.programmeFiscalYears(db, id) : [fiscalYear];
  const reported = await programmes.listReportedFigures(db, [id], fiscalYear);
  return {
    programmeId: id,
    years: await Promise.all(
      years.map(async (fy) => {
        const row = reported.find((r) => r.fiscal_year === fy);
        return {
          fiscalYear: fy,
          recorded: await recorded(ctx, [id], fy),
          reported: row ? presentReportedFigure(row) : null,
        };
      }),
    ),
  };
}

/**
 * Figures across programmes — one agency's, or the nation's when no agency is given — de-duplicated: a firm in
 * two programmes or clusters counts once, a claim shared by programmes counts once. Reported aggregates are listed
 * per programme, never summed (they cannot be de-duplicated).
 */
export async function scopeFigures(
  ctx: AppContext,
  actor: Actor,
  query: { agencyId?: number | undefined; fiscalYear?: number | undefined },
) {
  const { db } = ctx.database;
  if (query.agencyId !== undefined && !(await reference.findAgency(db, query.agencyId)))
    throw errors.notFound("agency", query.agencyId);
  const ids = await programmes.programmeIdsInScope(db, {
    agencyId: query.agencyId ?? null,
    visibleAgencyIds: programmeVisibility(actor),
  });
  return {
    agencyId: query.agencyId ?? null,
    fiscalYear: query.fiscalYear ?? null,
    programmes: ids.length,
    recorded: await recorded(ctx, ids, query.fiscalYear),
    reported: (await programmes.listReportedFigures(db, ids, query.fiscalYear)).map(presentReportedFigure),
  };
}
