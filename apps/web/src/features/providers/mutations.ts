import type { CreateExpertBody, CreateProviderBody, UpdateExpertBody, UpdateProviderBody } from "@sainam/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import { providerKeys } from "./queries";

export function useSaveProviderMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; changes: UpdateProviderBody } | { id: null; body: CreateProviderBody }) =>
      input.id === null
        ? apiSend("POST", "/api/service-providers", input.body, (c) => c.providerSchema)
        : apiSend("PATCH", `/api/service-providers/${input.id}`, input.changes, (c) => c.providerSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.all }),
  });
}

export function useSaveExpertMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; changes: UpdateExpertBody } | { id: null; body: CreateExpertBody }) =>
      input.id === null
        ? apiSend("POST", "/api/experts", input.body, (c) => c.expertSchema)
        : apiSend("PATCH", `/api/experts/${input.id}`, input.changes, (c) => c.expertSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.all }),
  });
}

/** Adds or removes a manager of a provider (its keepers); answers the managers after. */
export function useManagerMutation(providerId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { add: number } | { remove: number }) =>
      "add" in input
        ? apiSend(
            "POST",
            `/api/service-providers/${providerId}/managers`,
            { userId: input.add },
            (c) => c.providerManagerListSchema,
          )
        : apiSend(
            "DELETE",
            `/api/service-providers/${providerId}/managers/${input.remove}`,
            undefined,
            (c) => c.providerManagerListSchema,
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.all }),
  });
}
