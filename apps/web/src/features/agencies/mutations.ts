import type { UpdateAgencyBody } from "@sainam/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import { agencyKeys } from "./queries";

export function useUpdateAgencyMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: UpdateAgencyBody }) =>
      apiSend("PATCH", `/api/agencies/${id}`, changes, (c) => c.agencySchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agencyKeys.all }),
  });
}
