import { juristicIdCheckDigit } from "@sainam/core";
import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "./mapping.ts";
import { normaliseEnterpriseRow, normaliseMembershipRow } from "./normalise.ts";
import { testGazetteer } from "./test-support/gazetteer.ts";

// Row issues carry a stable code (and params) besides the English message, so the import report can be
// worded in Thai; the messages themselves are unchanged.
const headers = ["id", "name", "registered", "employees", "province", "email"];
const mapping: ColumnMapping<"enterprises"> = {
  juristicId: "id",
  nameTh: "name",
  registeredOn: "registered",
  employees: "employees",
  provinceName: "province",
  contactEmail: "email",
};
const validId = (first12: string) => `${first12}${juristicIdCheckDigit(first12)}`;

describe("#row issue codes", () => {
  it("codes a wrong check digit with the expected digit, and a missing name as required", () => {
    const good = validId("010555000123");
    const bad = `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`;
    const outcome = normaliseEnterpriseRow([bad, "", "", "", "", ""], headers, mapping, testGazetteer);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toContainEqual(
      expect.objectContaining({
        field: "juristicId",
        code: "invalid_check_digit",
        params: { expected: Number(good[12]) },
        value: bad,
      }),
    );
    expect(outcome.issues).toContainEqual(
      expect.objectContaining({ field: "nameTh", code: "required", message: "a Thai or English name is required" }),
    );
  });

  it("codes a malformed date and count as errors, and an unknown province and bad e-mail as warnings", () => {
    const dates = normaliseEnterpriseRow(
      [validId("010555000123"), "บจ. ทดสอบ", "31/02/2564", "many", "", ""],
      headers,
      mapping,
      testGazetteer,
    );
    expect(dates.ok).toBe(false);
    if (dates.ok) return;
    expect(dates.issues).toContainEqual(expect.objectContaining({ field: "registeredOn", code: "invalid_date" }));
    expect(dates.issues).toContainEqual(expect.objectContaining({ field: "employees", code: "not_integer" }));

    const warned = normaliseEnterpriseRow(
      [validId("010555000123"), "บจ. ทดสอบ", "", "", "Atlantis", "not-an-email"],
      headers,
      mapping,
      testGazetteer,
    );
    expect(warned.ok).toBe(true);
    if (!warned.ok) return;
    expect(warned.warnings).toContainEqual(
      expect.objectContaining({ field: "provinceName", code: "not_found", value: "Atlantis" }),
    );
    expect(warned.warnings).toContainEqual(
      expect.objectContaining({ field: "contactEmail", code: "invalid_format", params: { format: "email" } }),
    );
  });

  it("codes a membership that ends before it starts as not_before the joining date", () => {
    const outcome = normaliseMembershipRow(
      [validId("010555000123"), "coffee", "ต้นน้ำ", "1/1/2565", "1/1/2564"],
      ["id", "cluster", "stage", "joined", "left"],
      {
        juristicId: "id",
        clusterCode: "cluster",
        stage: "stage",
        joinedOn: "joined",
        leftOn: "left",
      },
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual([
      expect.objectContaining({
        field: "leftOn",
        code: "not_before",
        params: { other: "joinedOn" },
        message: "left before joining",
      }),
    ]);
  });
});
