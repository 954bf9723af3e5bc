import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExampleData } from "../examples/examples.service.ts";
import { ADMIN, createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";

// An example value a person writes over is theirs: it loses the example label, so the pages stop calling it an
// example and removing the examples keeps it. Explicitly loaded, so it runs on PostgreSQL too.
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  await loadExampleData(t.ctx, { kind: "system" });
  admin = await t.signIn(ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  await t.close();
});

/** Example values at a total (no breakdown), as stored. */
async function exampleTotals() {
  return t.ctx.database.db
    .selectFrom("indicator_values")
    .selectAll()
    .where("is_example", "=", 1)
    .where("disaggregation", "=", "")
    .orderBy("id")
    .limit(2)
    .execute();
}

async function enter(
  indicatorId: number,
  row: { org_unit_type: string; org_unit_code: string; period_key: string },
  figures: Record<string, unknown>,
) {
  const response = await admin.request("PUT", `/api/indicators/${indicatorId}/values`, {
    rows: [
      {
        orgUnitType: row.org_unit_type,
        orgUnitCode: row.org_unit_code,
        periodKey: row.period_key,
        breakdown: {},
        ...figures,
      },
    ],
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    items: Array<{ id: number; isExample: boolean; value: number | null }>;
    counts: Record<string, number>;
  };
}

/** A stored value's figures, as a row of the entry form sends them. */
function figuresOf(row: Awaited<ReturnType<typeof exampleTotals>>[number]) {
  return {
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    weight: row.weight,
    source: row.source,
    note: row.note,
    evidenceUrl: row.evidence_url,
  };
}

describe("#indicator-values: example values", () => {
  it("drops the example label from a value a person writes over, with new figures or the same ones", async () => {
    const [changed, confirmed] = await exampleTotals();
    if (!changed || !confirmed) throw new Error("the examples hold no two values at a total");

    const edited = await enter(changed.indicator_id, changed, { value: (changed.value ?? 0) + 1, source: "สำรวจเอง" });
    expect(edited.counts).toMatchObject({ updated: 1 });
    expect(edited.items[0]).toMatchObject({ id: changed.id, isExample: false, value: (changed.value ?? 0) + 1 });

    // The same figures, sent again by a person: the value is adopted, not left "unchanged" as an example.
    const same = await enter(confirmed.indicator_id, confirmed, figuresOf(confirmed));
    expect(same.counts).toMatchObject({ updated: 1, unchanged: 0 });
    expect(same.items[0]).toMatchObject({ id: confirmed.id, isExample: false, value: confirmed.value });

    const stored = await t.ctx.database.db
      .selectFrom("indicator_values")
      .select(["id", "is_example"])
      .where("id", "in", [changed.id, confirmed.id])
      .orderBy("id")
      .execute();
    expect(stored.map((r) => Number(r.is_example))).toEqual([0, 0]);

    // Sent once more, the person's own value is unchanged.
    const again = await enter(confirmed.indicator_id, confirmed, figuresOf(confirmed));
    expect(again.counts).toMatchObject({ updated: 0, unchanged: 1 });
  });
});
