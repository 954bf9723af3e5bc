import { useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";

export type CatalogueFilters = {
  q: string;
  province: string;
  certification: string;
  category: string;
  page: number;
};

export const catalogueKeys = {
  all: ["catalogue"] as const,
  search: (f: CatalogueFilters) => ["catalogue", "search", f] as const,
  product: (id: string) => ["catalogue", "product", id] as const,
  firmProducts: (enterpriseId: string) => ["catalogue", "firm", enterpriseId, "products"] as const,
  inquiries: (enterpriseId: string) => ["catalogue", "firm", enterpriseId, "inquiries"] as const,
};

export const CATALOGUE_PAGE_SIZE = 24;

/** Published products matching the words and filters, a page of cards. */
export function useCatalogue(filters: CatalogueFilters) {
  return useQuery({
    queryKey: catalogueKeys.search(filters),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery("/api/catalogue", { ...filters, pageSize: CATALOGUE_PAGE_SIZE }),
        (c) => c.catalogueResultSchema,
        signal,
      ),
    placeholderData: (previous) => previous,
  });
}

export function useProduct(id: string) {
  return useQuery({
    queryKey: catalogueKeys.product(id),
    queryFn: ({ signal }) => apiGet(`/api/products/${encodeURIComponent(id)}`, (c) => c.productSchema, signal),
  });
}

export function useFirmProducts(enterpriseId: string) {
  return useQuery({
    queryKey: catalogueKeys.firmProducts(enterpriseId),
    queryFn: async ({ signal }) =>
      (
        await apiGet(
          `/api/enterprises/${encodeURIComponent(enterpriseId)}/products`,
          (c) => c.productListSchema,
          signal,
        )
      ).items,
  });
}

export function useInquiries(enterpriseId: string) {
  return useQuery({
    queryKey: catalogueKeys.inquiries(enterpriseId),
    queryFn: async ({ signal }) =>
      (
        await apiGet(
          `/api/enterprises/${encodeURIComponent(enterpriseId)}/inquiries`,
          (c) => c.inquiryListSchema,
          signal,
        )
      ).items,
  });
}
