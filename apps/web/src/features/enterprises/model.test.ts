import { enterpriseDetailSchema } from "@sainam/contract";
import { describe, expect, it, vi } from "vitest";
import { parseAnswer } from "../../api/client";
import { enterpriseFiltersFrom, enterpriseQuery, exportHref } from "./model";

const detail = {
  id: 1,
  juristicId: "0105536112014",
  ceRegistrationNo: null,
  nameTh: "ไร่กาแฟ",
  nameEn: null,
  legalForm: "company_limited",
  sizeClass: "micro",
  revenue: null,
  employees: null,
  capital: null,
  tsicCode: null,
  businessType: null,
  address: null,
  provinceCode: "57",
  districtCode: null,
  postcode: null,
  registeredOn: "2010-01-15",
  published: true,
  isExample: false,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  products: [{ direction: "output", name: "เมล็ดกาแฟ", tsicCode: null }],
  contacts: [{ name: "ส•••", position: null, phone: "•••678", email: null }],
  contactsMasked: true,
  memberships: [{ clusterId: 3, stage: "upstream", joinedOn: null, leftOn: null, approved: true }],
};

describe("an enterprise's detail, checked by the contract", () => {
  it("reads products, masked contacts and memberships", () => {
    const read = parseAnswer(enterpriseDetailSchema, detail);
    expect(read.id).toBe(1);
    expect(read.memberships[0]?.clusterId).toBe(3);
    expect(read.contactsMasked).toBe(true);
    expect(read.revenue).toBeNull();
  });

  it("fails loudly, naming the field, when the answer leaves out whether contacts are masked", () => {
    const { contactsMasked: _left, ...partial } = detail;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => parseAnswer(enterpriseDetailSchema, partial)).toThrow(
      expect.objectContaining({ code: "bad_response", message: expect.stringContaining("contactsMasked") }),
    );
  });
});

describe("enterprise filters", () => {
  it("become API parameters, leaving out a malformed TSIC prefix", () => {
    const filters = enterpriseFiltersFrom(new URLSearchParams("province=57&size=small&tsic=10a"));
    expect(enterpriseQuery(filters)).toEqual({ province: "57", size: "small" });
  });

  it("go with the export links", () => {
    const filters = enterpriseFiltersFrom(new URLSearchParams("region=N&tsic=107"));
    expect(exportHref("csv", filters)).toBe("/api/exports/enterprises.csv?region=N&tsic=107");
    expect(exportHref("xlsx", enterpriseFiltersFrom(new URLSearchParams()))).toBe("/api/exports/enterprises.xlsx");
  });
});
