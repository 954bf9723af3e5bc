import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend, toApiId } from "../../api/client";
import { json } from "../../api/decode";
import { linkageDecoder, type LinkageKind, type Party } from "./model";
import { valueChainKeys } from "./queries";

export interface NewLinkage {
  from: Party;
  to: Party;
  kind: LinkageKind;
  product: string | null;
  annualValue: number | null;
}

function refresh(queryClient: ReturnType<typeof useQueryClient>, clusterId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: valueChainKeys.linkages(clusterId) }),
    queryClient.invalidateQueries({ queryKey: valueChainKeys.analysis(clusterId) }),
  ]);
}

export function useAddLinkageMutation(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewLinkage) =>
      apiSend(
        "POST",
        `/api/clusters/${encodeURIComponent(clusterId)}/linkages`,
        {
          from: { type: input.from.type, id: toApiId(input.from.id) },
          to: { type: input.to.type, id: toApiId(input.to.id) },
          kind: input.kind,
          ...(input.product ? { product: input.product } : {}),
          ...(input.annualValue !== null ? { annualValue: input.annualValue } : {}),
        },
        linkageDecoder,
      ),
    onSuccess: () => refresh(queryClient, clusterId),
  });
}

export function useRemoveLinkageMutation(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkageId: string) =>
      apiSend(
        "DELETE",
        `/api/clusters/${encodeURIComponent(clusterId)}/linkages/${encodeURIComponent(linkageId)}`,
        undefined,
        json,
      ),
    onSuccess: () => refresh(queryClient, clusterId),
  });
}
