import { describe, expect, it } from "vitest";
import { enterpriseDetailDecoder, enterpriseFiltersFrom, enterpriseQuery, exportHref } from "./model";

describe("enterpriseDetailDecoder", () => {
  it("reads products, masked contacts and memberships", () => {
    const detail = enterpriseDetailDecoder({
      id: 1,
      juristicId: "0105536112014",
      ceRegistrationNo: null,
      nameTh: "ไร่กาแฟ",
      nameEn: null,
      legalForm: "company_limited",
      sizeClass: "micro",
      registeredOn: "2010-01-15",
      products: [{ direction: "output", name: "เมล็ดกาแฟ", tsicCode: null }],
      contacts: [{ name: "ส•••", position: null, phone: "•••678", email: null }],
      contactsMasked: true,
      memberships: [{ clusterId: 3, stage: "upstream", joinedOn: null, leftOn: null }],
    });
    expect(detail.id).toBe("1");
    expect(detail.memberships[0]?.clusterId).toBe("3");
    expect(detail.contactsMasked).toBe(true);
    expect(detail.revenue).toBeNull();
  });

  it("treats contacts as masked when the answer does not say", () => {
    expect(enterpriseDetailDecoder({ id: 1 }).contactsMasked).toBe(true);
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
