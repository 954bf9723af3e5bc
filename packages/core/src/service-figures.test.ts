import { describe, expect, it } from "vitest";
import {
  addToFigureSums,
  bangkokDateOfInstant,
  clockHistogram,
  countsFromSums,
  emptyFigureSums,
  figureCellId,
  figureCellKeys,
  isEmptyFigureSums,
  mergeFigureSums,
  type ServiceFigureSums,
  medianOf,
  percentileOf,
  tallyServiceFigures,
  workingDayCounter,
  type ServiceFigureRow,
} from "./service-figures.ts";
import { holidayDates, workingDaysBetween } from "./working-days.ts";

const histogram = (values: number[]) => {
  const out = new Map<number, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
};

describe("#service figures", () => {
  it("takes the median as the middle value, or the mean of the two middle ones", () => {
    expect(medianOf(histogram([3, 1, 2]))).toBe(2);
    expect(medianOf(histogram([1, 2, 3, 10]))).toBe(2.5);
    expect(medianOf(histogram([0, 0, 0, 5]))).toBe(0);
    expect(medianOf(new Map())).toBeNull();
  });

  it("takes percentiles by nearest rank", () => {
    const oneToTen = histogram([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(percentileOf(oneToTen, 90)).toBe(9);
    expect(percentileOf(oneToTen, 50)).toBe(5);
    expect(percentileOf(oneToTen, 100)).toBe(10);
    expect(percentileOf(histogram([4]), 90)).toBe(4);
    expect(percentileOf(new Map(), 90)).toBeNull();
    expect(() => percentileOf(oneToTen, 0)).toThrow(RangeError);
  });

  it("counts working days as workingDaysBetween does, inside the span and out of it", () => {
    const holidays = holidayDates(["2027-04-13", "2027-04-14", "2027-04-15", "2026-12-31", "2027-01-01"]);
    const between = workingDayCounter("2026-10-01", "2027-09-30", holidays);
    for (const [a, b] of [
      ["2027-04-09", "2027-04-16"],
      ["2026-12-30", "2027-01-04"],
      ["2026-10-01", "2026-10-01"],
      ["2027-04-16", "2027-04-09"],
      ["2026-09-25", "2026-10-05"],
      ["2027-09-30", "2027-10-01"],
    ] as const)
      expect(between(a, b)).toBe(workingDaysBetween(a, b, holidays));
    expect(between("2027-04-12", "2027-04-16")).toBe(1);
  });
});

describe("#Bangkok date of an instant", () => {
  it("keeps the UTC date before 17:00 UTC and rolls it from 17:00 on", () => {
    expect(bangkokDateOfInstant("2026-10-01T16:59:59.999Z")).toBe("2026-10-01");
    expect(bangkokDateOfInstant("2026-10-01T17:00:00.000Z")).toBe("2026-10-02");
    expect(bangkokDateOfInstant("2026-10-01T00:00:00Z")).toBe("2026-10-01");
  });

  it("rolls over month ends, year ends and leap days", () => {
    expect(bangkokDateOfInstant("2026-04-30T18:00:00.000Z")).toBe("2026-05-01");
    expect(bangkokDateOfInstant("2026-12-31T23:59:59.000Z")).toBe("2027-01-01");
    expect(bangkokDateOfInstant("2028-02-28T17:30:00.000Z")).toBe("2028-02-29");
    expect(bangkokDateOfInstant("2028-02-29T17:30:00.000Z")).toBe("2028-03-01");
    expect(bangkokDateOfInstant("2027-02-28T17:30:00.000Z")).toBe("2027-03-01");
    expect(bangkokDateOfInstant("2100-02-28T17:30:00.000Z")).toBe("2100-03-01");
    expect(bangkokDateOfInstant("2000-02-28T17:30:00.000Z")).toBe("2000-02-29");
  });

  it("agrees with Date arithmetic hour by hour over four years, and parses instants with an offset", () => {
    for (let t = Date.UTC(2027, 0, 1); t < Date.UTC(2031, 0, 1); t += 3_600_000) {
      const iso = new Date(t).toISOString();
      expect(bangkokDateOfInstant(iso)).toBe(new Date(t + 7 * 3_600_000).toISOString().slice(0, 10));
    }
    expect(bangkokDateOfInstant("2026-10-01T23:30:00+07:00")).toBe("2026-10-01");
    expect(() => bangkokDateOfInstant("yesterday")).toThrow(RangeError);
  });
});

type RowFields = {
  field: string;
  status: string;
  province_code: string;
  provider_id: number | null;
  expert_id: number | null;
  rating: number | null;
  filed_at: string;
  routed_at: string | null;
  first_response_at: string | null;
  closed_at: string | null;
  response_due_on: string | null;
  closure_due_on: string | null;
};

const row = (over: Partial<RowFields>): ServiceFigureRow => {
  const r: RowFields = {
    field: "finance",
    status: "unassigned",
    province_code: "10",
    provider_id: null,
    expert_id: null,
    rating: null,
    filed_at: "2026-10-05T03:00:00.000Z",
    routed_at: null,
    first_response_at: null,
    closed_at: null,
    response_due_on: null,
    closure_due_on: null,
    ...over,
  };
  return [
    r.field,
    r.status,
    r.province_code,
    r.provider_id,
    r.expert_id,
    r.rating,
    r.filed_at,
    r.routed_at,
    r.first_response_at,
    r.closed_at,
    r.response_due_on,
    r.closure_due_on,
  ];
};

describe("#tally of the service figures", () => {
  const routed = { provider_id: 7, expert_id: 70, routed_at: "2026-10-05T03:00:00.000Z" };
  const rows = [
    row({ filed_at: "2026-10-31T17:00:00.000Z", province_code: "50" }),
    row({ ...routed, status: "accepted", response_due_on: "2026-10-06", closure_due_on: "2026-10-20" }),
    row({
      ...routed,
      status: "closed",
      rating: 5,
      first_response_at: "2026-10-06T18:00:00.000Z",
      closed_at: "2026-10-09T02:00:00.000Z",
      response_due_on: "2026-10-06",
      closure_due_on: "2026-10-20",
    }),
    row({ ...routed, status: "withdrawn", field: "marketing", response_due_on: "2026-10-06" }),
    row({
      ...routed,
      status: "withdrawn",
      first_response_at: "2026-10-05T04:00:00.000Z",
      response_due_on: "2026-10-06",
      closure_due_on: "2026-10-06",
    }),
  ];
  const t = tallyServiceFigures(rows, "2026-11-01");

  it("counts per field and status, province, Bangkok month, provider and expert", () => {
    expect(t.byFieldAndStatus).toEqual(
      expect.arrayContaining([
        { field: "finance", status: "unassigned", requests: 1 },
        { field: "finance", status: "withdrawn", requests: 1 },
        { field: "marketing", status: "withdrawn", requests: 1 },
      ]),
    );
    expect(t.byProvince).toEqual(expect.arrayContaining([{ provinceCode: "50", requests: 1 }]));
    expect(t.byMonth).toEqual(
      expect.arrayContaining([
        { month: "2026-11", requests: 1 },
        { month: "2026-10", requests: 4 },
      ]),
    );
    expect(t.byProvider).toEqual(
      expect.arrayContaining([
        { providerId: 7, requests: 4, open: 1, closed: 1, rated: 1, ratingSum: 5, satisfied: 1 },
        { providerId: null, requests: 1, open: 0, closed: 0, rated: 0, ratingSum: 0, satisfied: 0 },
      ]),
    );
    expect(t.byExpert.get(70)).toEqual({ open: 1, closed: 1 });
  });

  it("times both clocks on Bangkok dates and counts breaches as the service levels do", () => {
    // Response: answered late on 7 Oct (Bangkok), answered on the day, open past its due date; the request
    // withdrawn without an answer is left out.
    expect(t.response).toMatchObject({ timed: 2, withinTarget: 1, breached: 2 });
    expect(t.response.spans).toEqual([
      ["2026-10-05", "2026-10-07"],
      ["2026-10-05", "2026-10-05"],
    ]);
    // Closure: closed on time; the accepted one is open past its due date; withdrawn requests never count.
    expect(t.closure).toMatchObject({ timed: 1, withinTarget: 1, breached: 1 });
    expect(t.closure.spans).toEqual([["2026-10-05", "2026-10-09"]]);
    expect(t.span).toEqual({ from: "2026-10-05", to: "2026-10-09" });
  });

  it("histograms the spans in working days, an end before the start counting as zero", () => {
    const between = (a: string, b: string) => workingDaysBetween(a, b, holidayDates([]));
    const h = clockHistogram(
      [
        ["2026-10-05", "2026-10-07"],
        ["2026-10-09", "2026-10-12"],
        ["2026-10-07", "2026-10-05"],
      ],
      between,
    );
    expect([...h.entries()].sort()).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
  });
});

describe("#roll-up sums of the service figures", () => {
  // Rows from a fixed generator: statuses, ratings, clocks ended, running and left out, dates around 17:00 UTC.
  const rows: ServiceFigureRow[] = Array.from({ length: 400 }, (_, i) => {
    const status = (["unassigned", "assigned", "accepted", "closed", "withdrawn"] as const)[(i * 7) % 5] as string;
    const day = `2027-0${1 + (i % 9)}-${String(10 + (i % 17)).padStart(2, "0")}`;
    const routed = status === "unassigned" ? null : `${day}T${i % 3 === 0 ? "17:30" : "09:00"}:00.000Z`;
    const answered = routed !== null && (status !== "assigned" || i % 4 === 0) ? `${day}T23:00:00.000Z` : null;
    return [
      (["marketing", "logistics"] as const)[i % 2] as string,
      status,
      (["10", "50", "57"] as const)[i % 3] as string,
      routed === null ? null : 1 + (i % 4),
      routed === null ? null : 10 + (i % 6),
      status === "closed" && i % 3 !== 0 ? 1 + (i % 5) : null,
      `${day}T${i % 2 === 0 ? "16:59" : "17:00"}:00.000Z`,
      routed,
      answered,
      status === "closed" ? `2027-10-${String(1 + (i % 20)).padStart(2, "0")}T03:00:00.000Z` : null,
      routed === null || i % 5 === 0 ? null : day,
      routed === null ? null : `2027-${i % 2 === 0 ? "08" : "11"}-15`,
    ];
  });
  const holidays = holidayDates(["2027-04-13", "2027-04-14", "2027-04-15"]);
  const between = (a: string, b: string) => workingDaysBetween(a, b, holidays);
  const today = "2027-09-01";

  it("adds up to what the tally of the same requests counts", () => {
    const sums = emptyFigureSums();
    for (const row of rows) addToFigureSums(sums, row, 1, between);
    const tally = tallyServiceFigures(rows, today);
    const counts = countsFromSums([sums], today);
    const byKey = <T>(list: T[], key: (t: T) => string) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(byKey(counts.byFieldAndStatus, (r) => r.field + r.status)).toEqual(
      byKey(tally.byFieldAndStatus, (r) => r.field + r.status),
    );
    expect(byKey(counts.byProvince, (r) => r.provinceCode)).toEqual(byKey(tally.byProvince, (r) => r.provinceCode));
    expect(byKey(counts.byProvider, (r) => String(r.providerId))).toEqual(
      byKey(tally.byProvider, (r) => String(r.providerId)),
    );
    expect(byKey(counts.byMonth, (r) => r.month)).toEqual(byKey(tally.byMonth, (r) => r.month));
    for (const [id, e] of tally.byExpert)
      expect(counts.byExpert.get(id) ?? { open: 0, closed: 0 }).toEqual({ open: e.open, closed: e.closed });
    for (const clock of ["response", "closure"] as const) {
      expect(counts[clock]).toMatchObject({
        timed: tally[clock].timed,
        withinTarget: tally[clock].withinTarget,
        breached: tally[clock].breached,
      });
      expect(counts[clock].histogram).toEqual(clockHistogram(tally[clock].spans, between));
    }
  });

  it("comes back to nothing when every request is taken away again, in any order", () => {
    const sums = emptyFigureSums();
    for (const row of rows) addToFigureSums(sums, row, 1, between);
    expect(isEmptyFigureSums(sums)).toBe(false);
    for (const row of [...rows].reverse()) addToFigureSums(sums, row, -1, between);
    expect(isEmptyFigureSums(sums)).toBe(true);
    expect(sums).toEqual(emptyFigureSums());
  });

  it("gives the same total whether summed per cell and merged or all at once", () => {
    const cells = new Map<string, ServiceFigureSums>();
    const total = emptyFigureSums();
    for (const row of rows) {
      const [cell, year] = figureCellKeys(row);
      expect(year).toMatchObject({ providerKey: -1, provinceCode: "*", field: "*" });
      const id = figureCellId(cell);
      if (!cells.has(id)) cells.set(id, emptyFigureSums());
      addToFigureSums(cells.get(id) as ServiceFigureSums, row, 1, between);
      addToFigureSums(total, row, 1, between);
    }
    const merged = emptyFigureSums();
    for (const cell of cells.values()) mergeFigureSums(merged, cell);
    expect(merged).toEqual(total);
  });

  it("puts a request in the fiscal year of its Bangkok filing date", () => {
    const row = rows[0] as ServiceFigureRow;
    const at = (filed: string) =>
      figureCellKeys([...row.slice(0, 6), filed, ...row.slice(7)] as unknown as ServiceFigureRow)[0];
    expect(at("2026-09-30T16:59:59.000Z").fiscalYear).toBe(2026);
    expect(at("2026-09-30T17:00:00.000Z").fiscalYear).toBe(2027);
    expect(at("2027-09-30T16:59:59.000Z").fiscalYear).toBe(2027);
  });
});
