import { createWriteStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firmSearchName, normalizeThai, parseSearchQuery, searchField } from "@sainam/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EnterpriseRecord } from "./normalise.ts";
import { normaliseEnterpriseRow } from "./normalise.ts";
import { suggestMapping } from "./mapping.ts";
import { readTable } from "./read-table.ts";
import type { TableSource } from "./read-table.ts";
import { asPublishedFirms, asPublishedFirmsForXlsx } from "./test-support/as-published.ts";
import { dbdMonthlyCsv, writeDbdMonthlyXlsx, type DbdFirm } from "./test-support/dbd-monthly.ts";
import { testGazetteer } from "./test-support/gazetteer.ts";
import { encodeWindows874 } from "./test-support/windows-874.ts";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sainam-as-published-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function records(source: TableSource): Promise<EnterpriseRecord[]> {
  let headers: ReadonlyArray<string> = [];
  let mapping = {};
  const out: EnterpriseRecord[] = [];
  for await (const event of readTable(source)) {
    if (event.type === "header") {
      headers = event.headers;
      mapping = suggestMapping("enterprises", headers);
      continue;
    }
    const outcome = normaliseEnterpriseRow(event.cells, headers, mapping, testGazetteer);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.warnings).toEqual([]);
    out.push(outcome.value);
  }
  return out;
}

function expectAsPublished(found: ReadonlyArray<EnterpriseRecord>, firms: ReadonlyArray<DbdFirm>): void {
  expect(found).toHaveLength(firms.length);
  found.forEach((record, i) => {
    const firm = firms[i];
    if (!firm) throw new Error("missing firm");
    // Byte for byte the file's text, trimmed: Thai digits, double spaces and the decomposed ำ kept.
    expect(record.nameTh).toBe(firm.name.trim());
    expect(record.businessType).toBe(firm.objective.trim());
    expect(record.address).toBe(firm.address.trim());
    expect(record.nameTh).not.toBe(normalizeThai(firm.name));
    expect(record.address).not.toBe(normalizeThai(firm.address));
    // What is read from the text is read from its folded form.
    expect(record).toMatchObject({
      juristicId: firm.juristicId,
      registeredOn: firm.expected.registeredOn,
      capital: firm.expected.capital,
      legalForm: firm.expected.legalForm,
      provinceCode: firm.expected.provinceCode,
      districtCode: firm.expected.districtCode,
      postcode: firm.expected.postcode,
    });
  });
}

describe("names, objectives and addresses are stored as published", () => {
  it("keeps them as a windows-874 CSV gives them, trimmed only", async () => {
    const path = join(dir, "99_256701.csv");
    await writeFile(path, encodeWindows874(dbdMonthlyCsv(asPublishedFirms)));
    expectAsPublished(await records({ path }), asPublishedFirms);
  });

  it("keeps them as an XLSX workbook gives them, trimmed only", async () => {
    const path = join(dir, "99_256701.xlsx");
    const stream = createWriteStream(path);
    await writeDbdMonthlyXlsx(stream, asPublishedFirmsForXlsx);
    if (!stream.writableFinished) await once(stream, "finish");
    expectAsPublished(await records({ path }), asPublishedFirmsForXlsx);
  });

  it("trims spaces and invisible characters at the ends of a cell, nothing inside", async () => {
    const firm = asPublishedFirms[0];
    if (!firm) throw new Error("missing firm");
    const path = join(dir, "edges.csv");
    await writeFile(
      path,
      `เลขทะเบียน,ชื่อนิติบุคคล,ที่ตั้งสำนักงานใหญ่\r\n${firm.juristicId},"\u200B ${firm.name} \u00A0","\t${firm.address}\uFEFF "\r\n`,
    );
    const [record] = await records({ path });
    expect(record).toMatchObject({
      nameTh: firm.name,
      address: firm.address,
      districtCode: firm.expected.districtCode,
    });
  });

  it("is found by search through the folded forms: ASCII digits, composed ำ, one space", () => {
    const firm = asPublishedFirms[0];
    if (!firm) throw new Error("missing firm");
    const indexed = firmSearchName(firm.name) ?? "";
    const field = searchField(indexed);
    expect(field).toContain(" 99 ");
    for (const query of ["น้ำทอง 99", "บจ.น้ำทอง ๙๙ จำกัด", firm.name]) {
      const { terms } = parseSearchQuery(query);
      expect(terms.length, query).toBeGreaterThan(1);
      for (const term of terms) expect(field, `${query}: ${term}`).toContain(` ${term} `);
    }
  });
});
