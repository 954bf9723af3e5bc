import { describe, expect, it } from "vitest";
import { batchDecoder, initialMapping, isImportFile, uploadAnswerDecoder } from "./model";

describe("uploadAnswerDecoder", () => {
  it("reads the preview and shows every sample cell as text", () => {
    const answer = uploadAnswerDecoder({
      batchId: 7,
      format: "csv",
      encoding: "tis-620",
      headers: ["เลขทะเบียน", "ชื่อ"],
      headerRowNumber: 2,
      suggestedMapping: { juristicId: "เลขทะเบียน", nameTh: "ชื่อ", bogus: 3 },
      savedMapping: null,
      sampleRows: [["0105536112014", 12], [null, "x"]],
    });
    expect(answer.batchId).toBe("7");
    expect(answer.suggestedMapping).toEqual({ juristicId: "เลขทะเบียน", nameTh: "ชื่อ" });
    expect(answer.sampleRows).toEqual([["0105536112014", "12"], ["", "x"]]);
  });
});

describe("initialMapping", () => {
  const headers = ["Tax ID", "Name", "Province"];
  it("prefers the saved mapping to the suggested one", () => {
    expect(
      initialMapping("enterprises", {
        headers,
        savedMapping: { juristicId: "Tax ID", nameEn: "Name" },
        suggestedMapping: { juristicId: "Tax ID", nameTh: "Name", provinceName: "Province" },
      }),
    ).toEqual({ juristicId: "Tax ID", nameEn: "Name" });
  });

  it("drops columns this file does not have and fields of other kinds", () => {
    expect(
      initialMapping("memberships", {
        headers,
        savedMapping: null,
        suggestedMapping: { juristicId: "Tax ID", clusterCode: "Cluster", nameTh: "Name" },
      }),
    ).toEqual({ juristicId: "Tax ID" });
  });
});

describe("batchDecoder", () => {
  it("reads a running batch without a report", () => {
    const batch = batchDecoder({ batchId: 1, status: "running", progress: { rowsRead: 10, bytesRead: 100, totalBytes: 400 } });
    expect(batch.report).toBeNull();
    expect(batch.progress.rowsRead).toBe(10);
  });

  it("reads a finished batch's report", () => {
    const batch = batchDecoder({
      batchId: 1,
      status: "done",
      progress: { rowsRead: 2, bytesRead: 400, totalBytes: 400 },
      report: {
        counts: { imported: 1, updated: 0, skipped: 1, errors: 0 },
        rows: [{ rowNumber: 3, status: "skipped", key: null, issues: [{ field: "juristicId", message: "bad" }] }],
      },
    });
    expect(batch.report?.counts.skipped).toBe(1);
    expect(batch.report?.rows[0]?.issues[0]).toEqual({ field: "juristicId", message: "bad", value: null, code: null, params: {} });
  });

  it("rejects an unknown status", () => {
    expect(() => batchDecoder({ batchId: 1, status: "paused" })).toThrow(/status/);
  });
});

describe("isImportFile", () => {
  it("accepts CSV and XLSX by name", () => {
    expect(isImportFile("members.CSV")).toBe(true);
    expect(isImportFile("firms.xlsx")).toBe(true);
    expect(isImportFile("firms.xls")).toBe(false);
  });
});
