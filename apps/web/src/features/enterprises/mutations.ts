import type { CreateEnterpriseBody } from "@sainam/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import { enterpriseKeys } from "./queries";

/** The body of POST/PATCH /api/enterprises, as the contract defines it; null clears a field. */
export type EnterpriseInput = CreateEnterpriseBody;

export function useCreateEnterpriseMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EnterpriseInput) => apiSend("POST", "/api/enterprises", input, (c) => c.enterpriseDetailSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enterpriseKeys.all }),
  });
}

export function useUpdateEnterpriseMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EnterpriseInput) =>
      apiSend("PATCH", `/api/enterprises/${encodeURIComponent(id)}`, input, (c) => c.enterpriseDetailSchema),
    onSuccess: (detail) => {
      queryClient.setQueryData(enterpriseKeys.detail(id), detail);
      return queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
    },
  });
}
