import { PassThrough } from "node:stream";
import type { Actor } from "@sainam/core";
import { enterprises } from "@sainam/db";
import { writeCsv, writeXlsx, type ExportColumn, type ExportRow } from "@sainam/importer";
import type { AppContext } from "../context.ts";
import { authorize, seesUnpublished } from "../policies/policy.ts";

// Firm data only: contacts are personal data and leave the system through the PDPA export, not here.
const COLUMNS: ExportColumn[] = [
  { key: "juristicId", header: "juristic_id" },
  { key: "ceRegistrationNo", header: "ce_registration_no" },
  { key: "nameTh", header: "name_th" },
  { key: "nameEn", header: "name_en" },
  { key: "legalForm", header: "legal_form" },
  { key: "sizeClass", header: "size_class" },
  { key: "tsicCode", header: "tsic_code" },
  { key: "provinceCode", header: "province_code" },
  { key: "districtCode", header: "district_code" },
  { key: "registeredOn", header: "registered_on" },
  { key: "capital", header: "capital" },
  { key: "revenue", header: "revenue" },
  { key: "employees", header: "employees" },
];

export type ExportFilter = {
  province?: string | undefined;
  region?: string | undefined;
  size?: string | undefined;
  tsic?: string | undefined;
  cluster?: number | undefined;
};

/** Streams the enterprises the caller may list as CSV or XLSX, a page at a time (constant memory). */
export function exportEnterprises(
  ctx: AppContext,
  actor: Actor,
  format: "csv" | "xlsx",
  filter: ExportFilter,
): PassThrough {
  authorize(actor, "list", { type: "reference" });
  const unpublishedToo = seesUnpublished(actor);
  async function* rows(): AsyncGenerator<ExportRow> {
    for (let page = 1; ; page++) {
      const { items } = await enterprises.listEnterprises(ctx.database.db, {
        provinceCode: filter.province,
        regionCode: filter.region,
        sizeClass: filter.size,
        tsicPrefix: filter.tsic,
        clusterId: filter.cluster,
        publishedOnly: !unpublishedToo,
        page,
        pageSize: 1000,
      });
      for (const e of items) {
        yield {
          juristicId: e.juristic_id,
          ceRegistrationNo: e.ce_registration_no,
          nameTh: e.name_th,
          nameEn: e.name_en,
          legalForm: e.legal_form,
          sizeClass: e.size_class,
          tsicCode: e.tsic_code,
          provinceCode: e.province_code,
          districtCode: e.district_code,
          registeredOn: e.registered_on,
          capital: e.capital,
          revenue: e.revenue,
          employees: e.employees,
        };
      }
      if (items.length < 1000) return;
    }
  }
  const stream = new PassThrough();
  const done = format === "csv" ? writeCsv(stream, COLUMNS, rows()) : writeXlsx(stream, "enterprises", COLUMNS, rows());
  done.catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return stream;
}
