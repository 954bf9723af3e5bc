import { describe, expect, it } from "vitest";
import type { NormalisedRow, UpsertResult } from "./batch.ts";
import { applyUpsertResults, planBatch } from "./batch.ts";

type Firm = { id: string; name: string };
const keyOf = (firm: Firm) => firm.id;
const ok = (rowNumber: number, id: string, name: string): NormalisedRow<Firm> => ({
  rowNumber,
  outcome: { ok: true, value: { id, name }, warnings: [] },
});

describe("planBatch", () => {
  it("keeps the last of duplicate rows and reports the earlier ones as skipped", () => {
    const plan = planBatch(
      [
        ok(2, "A", "first"),
        ok(3, "B", "b"),
        {
          rowNumber: 4,
          outcome: {
            ok: false,
            issues: [
              {
                field: "juristicId",
                message: "juristic ID has a wrong check digit (4; expected 3)",
                value: "0505567003214",
              },
            ],
          },
        },
        ok(5, "A", "second"),
        ok(7, "A", "third"),
      ],
      keyOf,
    );
    expect(plan.records).toEqual([
      { rowNumber: 3, key: "B", record: { id: "B", name: "b" } },
      { rowNumber: 7, key: "A", record: { id: "A", name: "third" } },
    ]);
    expect(plan.report.rows).toEqual([
      {
        rowNumber: 2,
        status: "skipped",
        key: "A",
        issues: [
          {
            field: "row",
            message: "duplicate of row 7; the later row is imported",
            value: "A",
            code: "duplicate_row",
            params: { row: 7 },
          },
        ],
      },
      { rowNumber: 3, status: "imported", key: "B", issues: [] },
      {
        rowNumber: 4,
        status: "error",
        key: null,
        issues: [
          {
            field: "juristicId",
            message: "juristic ID has a wrong check digit (4; expected 3)",
            value: "0505567003214",
          },
        ],
      },
      {
        rowNumber: 5,
        status: "skipped",
        key: "A",
        issues: [
          {
            field: "row",
            message: "duplicate of row 7; the later row is imported",
            value: "A",
            code: "duplicate_row",
            params: { row: 7 },
          },
        ],
      },
      { rowNumber: 7, status: "imported", key: "A", issues: [] },
    ]);
    expect(plan.report.counts).toEqual({ imported: 2, updated: 0, skipped: 2, errors: 1 });
  });

  it("reports an imported row's warnings as its issues", () => {
    const plan = planBatch(
      [
        {
          rowNumber: 2,
          outcome: {
            ok: true,
            value: { id: "A", name: "a" },
            warnings: [{ field: "postcode", message: "postcode must be 5 digits: 501", value: "501" }],
          },
        },
      ],
      keyOf,
    );
    expect(plan.report.rows[0]?.issues).toEqual([
      { field: "postcode", message: "postcode must be 5 digits: 501", value: "501" },
    ]);
  });
});

describe("applyUpsertResults", () => {
  it("turns planned rows into imported, updated or error and recounts", () => {
    const { report } = planBatch([ok(2, "A", "a"), ok(3, "B", "b"), ok(4, "C", "c"), ok(5, "C", "c2")], keyOf);
    const final = applyUpsertResults(
      report,
      new Map<number, UpsertResult>([
        [2, { status: "updated" }],
        [3, { status: "error", issues: [{ field: "clusterCode", message: "no such cluster" }] }],
        [5, { status: "imported" }],
      ]),
    );
    expect(final.rows.map((row) => [row.rowNumber, row.status])).toEqual([
      [2, "updated"],
      [3, "error"],
      [4, "skipped"],
      [5, "imported"],
    ]);
    expect(final.counts).toEqual({ imported: 1, updated: 1, skipped: 1, errors: 1 });
  });
});
