import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import { json } from "../../api/decode";
import { agencyKeys } from "./queries";

export interface AgencyChanges {
  nameEn?: string;
  nameTh?: string;
  abbreviation?: string;
}

export function useUpdateAgencyMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: AgencyChanges }) =>
      apiSend("PATCH", `/api/agencies/${encodeURIComponent(id)}`, changes, json),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agencyKeys.all }),
  });
}
