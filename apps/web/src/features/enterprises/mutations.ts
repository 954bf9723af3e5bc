import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import { createdEnterpriseDecoder, enterpriseDetailDecoder, type LegalForm, type ProductDirection } from "./model";
import { enterpriseKeys } from "./queries";

/** The body of POST/PATCH /api/enterprises; null clears a field. */
export interface EnterpriseInput {
  juristicId?: string | null;
  ceRegistrationNo?: string | null;
  nameTh?: string | null;
  nameEn?: string | null;
  legalForm?: LegalForm;
  revenue?: number | null;
  employees?: number | null;
  capital?: number | null;
  tsicCode?: string | null;
  businessType?: string | null;
  address?: string | null;
  provinceCode?: string | null;
  districtCode?: string | null;
  postcode?: string | null;
  registeredOn?: string | null;
  published?: boolean;
  products?: Array<{ direction: ProductDirection; name: string; tsicCode?: string | null }>;
  contacts?: Array<{ name?: string | null; position?: string | null; phone?: string | null; email?: string | null }>;
}

export function useCreateEnterpriseMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EnterpriseInput) => apiSend("POST", "/api/enterprises", input, createdEnterpriseDecoder),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enterpriseKeys.all }),
  });
}

export function useUpdateEnterpriseMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EnterpriseInput) =>
      apiSend("PATCH", `/api/enterprises/${encodeURIComponent(id)}`, input, enterpriseDetailDecoder),
    onSuccess: (detail) => {
      queryClient.setQueryData(enterpriseKeys.detail(id), detail);
      return queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
    },
  });
}
