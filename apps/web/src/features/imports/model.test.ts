import { importBatchPageSchema, importBatchSchema, importPreviewSchema } from "@sainam/contract";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { parseAnswer } from "../../api/client";
import { batchStatusKey, initialMapping, isImportFile } from "./model";

// A mismatch is logged as well as thrown; keep the expected ones out of the test output.
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

describe("an upload's preview, checked by the contract", () => {
  const preview = {
    batchId: 7,
    format: "csv",
    encoding: "tis-620",
    headers: ["เลขทะเบียน", "ชื่อ"],
    headerRowNumber: 2,
    suggestedMapping: { juristicId: "เลขทะเบียน", nameTh: "ชื่อ" },
    savedMapping: null,
    sampleRows: [
      ["0105536112014", "12"],
      ["", "x"],
    ],
  };

  it("reads the preview with its sample cells as text", () => {
    const answer = parseAnswer(importPreviewSchema, preview);
    expect(answer.batchId).toBe(7);
    expect(answer.suggestedMapping).toEqual({ juristicId: "เลขทะเบียน", nameTh: "ชื่อ" });
    expect(answer.sampleRows).toEqual([
      ["0105536112014", "12"],
      ["", "x"],
    ]);
  });

  it("fails loudly on a sample cell that is not text, or a mapping to something else than a header", () => {
    expect(() => parseAnswer(importPreviewSchema, { ...preview, sampleRows: [[null, "x"]] })).toThrow(
      expect.objectContaining({ code: "bad_response", message: expect.stringContaining("sampleRows.0.0") }),
    );
    expect(() => parseAnswer(importPreviewSchema, { ...preview, suggestedMapping: { bogus: 3 } })).toThrow(
      expect.objectContaining({ message: expect.stringContaining("suggestedMapping.bogus") }),
    );
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

  it("takes the guess for a saved field whose column this file does not have, unless another field uses it", () => {
    expect(
      initialMapping("enterprises", {
        headers: ["เลขทะเบียน", "ชื่อนิติบุคคล", "วันที่จดทะเบียน", "ทุนจดทะเบียน"],
        savedMapping: { juristicId: "เลขทะเบียน", nameTh: "ชื่อนิติบุคคล", registeredOn: "วันที่ จดทะเบียน", capital: "ชื่อเดิม" },
        suggestedMapping: {
          juristicId: "เลขทะเบียน",
          nameTh: "ชื่อนิติบุคคล",
          registeredOn: "วันที่จดทะเบียน",
          capital: "ชื่อนิติบุคคล",
        },
      }),
    ).toEqual({ juristicId: "เลขทะเบียน", nameTh: "ชื่อนิติบุคคล", registeredOn: "วันที่จดทะเบียน" });
  });

  it("lists the firm's name and address among the membership fields", () => {
    expect(
      initialMapping("memberships", {
        headers: ["Tax ID", "Name", "Stage"],
        savedMapping: null,
        suggestedMapping: { juristicId: "Tax ID", nameTh: "Name", stage: "Stage" },
      }),
    ).toEqual({ juristicId: "Tax ID", nameTh: "Name", stage: "Stage" });
  });

  it("drops columns this file does not have and fields of other kinds", () => {
    expect(
      initialMapping("memberships", {
        headers,
        savedMapping: null,
        suggestedMapping: { juristicId: "Tax ID", clusterCode: "Cluster", capital: "Name" },
      }),
    ).toEqual({ juristicId: "Tax ID" });
  });
});

describe("a batch, checked by the contract", () => {
  const running = {
    batchId: 1,
    kind: "enterprises",
    fileName: "a.csv",
    status: "running",
    progress: { rowsRead: 10, bytesRead: 100, totalBytes: 400 },
    report: null,
    error: null,
    errorCode: null,
    canRunAgain: false,
  };

  it("reads a running batch without a report", () => {
    const batch = parseAnswer(importBatchSchema, running);
    expect(batch.report).toBeNull();
    expect(batch.progress.rowsRead).toBe(10);
  });

  it("reads a finished batch's report", () => {
    const batch = parseAnswer(importBatchSchema, {
      ...running,
      status: "done",
      progress: { rowsRead: 2, bytesRead: 400, totalBytes: 400 },
      report: {
        counts: { imported: 1, updated: 0, skipped: 1, errors: 0 },
        rows: [{ rowNumber: 3, status: "skipped", key: null, issues: [{ field: "juristicId", message: "bad" }] }],
        truncated: false,
      },
    });
    expect(batch.report?.counts.skipped).toBe(1);
    expect(batch.report?.rows[0]?.issues[0]).toEqual({ field: "juristicId", message: "bad" });
  });

  it("rejects an unknown status", () => {
    expect(() => parseAnswer(importBatchSchema, { ...running, status: "paused" })).toThrow(
      expect.objectContaining({ message: expect.stringContaining("status") }),
    );
  });

  it("fails loudly on a batch without its progress, instead of showing zero", () => {
    const { progress: _left, ...partial } = running;
    expect(() => parseAnswer(importBatchSchema, partial)).toThrow(
      expect.objectContaining({ code: "bad_response", message: expect.stringContaining("progress") }),
    );
  });
});

describe("isImportFile", () => {
  it("accepts CSV and XLSX by name", () => {
    expect(isImportFile("members.CSV")).toBe(true);
    expect(isImportFile("firms.xlsx")).toBe(true);
    expect(isImportFile("firms.xls")).toBe(false);
  });
});

describe("batchPageDecoder", () => {
  it("reads a history page: another user's batch with its owner, counts and dates", () => {
    const page = parseAnswer(importBatchPageSchema, {
      items: [
        {
          batchId: 12,
          kind: "enterprises",
          fileName: "a.csv",
          status: "uploaded",
          errorCode: null,
          counts: null,
          createdAt: "2025-01-02T03:04:05.000Z",
          startedAt: null,
          finishedAt: null,
          mine: false,
          owner: { userId: 4, displayName: "สมศรี" },
          canRunAgain: false,
          canTakeOver: true,
        },
        {
          batchId: 11,
          kind: "linkages",
          fileName: "b.csv",
          status: "done",
          errorCode: null,
          counts: { imported: 3, updated: 1, skipped: 0, errors: 0 },
          createdAt: "2025-01-01T00:00:00.000Z",
          startedAt: null,
          finishedAt: "2025-01-01T00:01:00.000Z",
          mine: true,
          owner: null,
          canRunAgain: false,
          canTakeOver: false,
        },
      ],
      total: 30,
      page: 2,
      pageSize: 2,
    });
    expect(page.items.map((i) => i.batchId)).toEqual([12, 11]);
    expect(page.items[0]).toMatchObject({
      mine: false,
      owner: { userId: 4, displayName: "สมศรี" },
      canTakeOver: true,
      counts: null,
    });
    expect(page.items[1]?.counts).toEqual({ imported: 3, updated: 1, skipped: 0, errors: 0 });
    expect(page).toMatchObject({ total: 30, page: 2, pageSize: 2 });
  });
});

describe("batchStatusKey", () => {
  it("words a batch the server stopped part-way as interrupted, other failures as failed", () => {
    expect(batchStatusKey({ status: "failed", errorCode: "interrupted" })).toBe("interrupted");
    expect(batchStatusKey({ status: "failed", errorCode: "import_failed" })).toBe("failed");
    expect(batchStatusKey({ status: "uploaded", errorCode: null })).toBe("uploaded");
  });
});
