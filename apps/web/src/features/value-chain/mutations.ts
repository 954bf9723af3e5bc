import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import type { RecordId } from "../clusters/queries";
import type { LinkageKind, Party } from "./model";
import { valueChainKeys } from "./queries";

export interface NewLinkage {
  from: Party;
  to: Party;
  kind: LinkageKind;
  product: string | null;
  annualValue: number | null;
}

function refresh(queryClient: ReturnType<typeof useQueryClient>, clusterId: RecordId) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: valueChainKeys.linkages(clusterId) }),
    queryClient.invalidateQueries({ queryKey: valueChainKeys.analysis(clusterId) }),
  ]);
}

export function useAddLinkageMutation(clusterId: RecordId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewLinkage) =>
      apiSend(
        "POST",
        `/api/clusters/${encodeURIComponent(clusterId)}/linkages`,
        {
          from: input.from,
          to: input.to,
          kind: input.kind,
          ...(input.product ? { product: input.product } : {}),
          ...(input.annualValue !== null ? { annualValue: input.annualValue } : {}),
        },
        (c) => c.linkageSchema,
      ),
    onSuccess: () => refresh(queryClient, clusterId),
  });
}

export function useRemoveLinkageMutation(clusterId: RecordId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkageId: RecordId) =>
      apiSend(
        "DELETE",
        `/api/clusters/${encodeURIComponent(clusterId)}/linkages/${encodeURIComponent(linkageId)}`,
        undefined,
        (c) => c.okSchema,
      ),
    onSuccess: () => refresh(queryClient, clusterId),
  });
}
