/**
 * Derived programme figures: budget per firm and economic value per baht of budget. A ratio whose
 * denominator is zero or unknown is not a number to show: it is null, with the reason, so a page can say
 * "no firms recorded" instead of "∞" or "NaN".
 */

export type RatioProblem = "no_firms" | "no_budget";

export type Ratio = { readonly value: number | null; readonly reason: RatioProblem | null };

function ratio(numerator: number, denominator: number | null, problem: RatioProblem): Ratio {
  if (denominator === null || !Number.isFinite(denominator) || denominator <= 0)
    return { value: null, reason: problem };
  return { value: numerator / denominator, reason: null };
}

/**
 * Budget (baht) divided by the number of distinct firms supported; null with `no_firms` when there are none, and
 * null with `no_budget` when no budget is recorded (0 baht per firm would read as free support, not as unknown).
 */
export function budgetPerFirm(budget: number, firms: number | null): Ratio {
  const perFirm = ratio(budget, firms, "no_firms");
  if (perFirm.value !== null && !(budget > 0)) return { value: null, reason: "no_budget" };
  return perFirm;
}

/**
 * Economic value (baht) per baht of budget; null with `no_budget` when no budget is known or it is zero.
 * The caller states which value (verified, claimed, expected) and which budget (allocated, planned) it used.
 */
export function valuePerBaht(value: number, budget: number | null): Ratio {
  return ratio(value, budget, "no_budget");
}

/**
 * How much a budget line spent beyond its allocation (baht); null when it did not, or its spending is not known.
 * Spending above the allocation is accepted and flagged, not refused: the server flags the line, the page shows by how much.
 */
export function overspendOf(line: { readonly allocated: number; readonly spent: number | null }): number | null {
  return line.spent !== null && line.spent > line.allocated ? line.spent - line.allocated : null;
}
