import { provincialClusterSchema } from "@sainam/contract";
import { describe, expect, it } from "vitest";
import { parseAnswer } from "../../api/client";
import { localIssues } from "./model";

describe("provincial cluster issues", () => {
  it("falls back to English for an issue not yet translated into Thai", () => {
    const cluster = parseAnswer(provincialClusterSchema, {
      id: 7,
      number: 7,
      nameEn: "Southern Provincial Cluster (Andaman)",
      nameTh: null,
      positionEn: "x",
      positionTh: null,
      issuesEn: ["Safe food", "World class tourism"],
      issuesTh: [null, "การท่องเที่ยวระดับโลก"],
      provinces: [],
    });
    expect(localIssues(cluster, "th")).toEqual(["Safe food", "การท่องเที่ยวระดับโลก"]);
    expect(localIssues(cluster, "en")).toEqual(["Safe food", "World class tourism"]);
  });
});
