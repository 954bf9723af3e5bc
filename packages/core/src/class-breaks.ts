// ---------------------------------------------------------------------------------------------
// Class breaks for shading a map by an indicator (a choropleth) and drawing its legend.
// ---------------------------------------------------------------------------------------------

/** One class of a legend: values v with from ≤ v ≤ to (the last class) or from ≤ v < to (the others). */
export type ValueClass = { readonly from: number; readonly to: number; readonly count: number };

/**
 * Quantile classes of the known values: up to `classes` classes holding about as many units each, so a
 * map of skewed figures (one big province, many small) still shows differences. Equal neighbouring
 * bounds are merged, so ties never make an empty class; no values → no classes; one distinct value →
 * one class.
 */
export function quantileClasses(values: readonly (number | null)[], classes = 5): ValueClass[] {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  const first = sorted[0];
  const last = sorted[n - 1];
  if (first === undefined || last === undefined) return [];
  const bounds: number[] = [first];
  for (let k = 1; k < classes; k++) {
    const bound = sorted[Math.floor((k * n) / classes)] ?? last;
    if (bound > (bounds[bounds.length - 1] ?? bound) && bound < last) bounds.push(bound);
  }
  bounds.push(last);
  if (bounds.length === 2 && first === last) return [{ from: first, to: last, count: n }];
  const out: ValueClass[] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    const from = bounds[i] ?? first;
    const to = bounds[i + 1] ?? last;
    const isLast = i === bounds.length - 2;
    const count = sorted.filter((v) => v >= from && (isLast ? v <= to : v < to)).length;
    out.push({ from, to, count });
  }
  return out;
}

/** The index of the class a value falls in; null for a missing value or one outside every class. */
export function classOf(value: number | null, classes: readonly ValueClass[]): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i];
    if (c === undefined) continue;
    const isLast = i === classes.length - 1;
    if (value >= c.from && (isLast ? value <= c.to : value < c.to)) return i;
  }
  return null;
}
