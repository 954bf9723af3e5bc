import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend, toApiId } from "../../api/client";
import { json } from "../../api/decode";
import type { Locale } from "../../lib/format";
import type { Role } from "./model";
import { userKeys } from "./queries";

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  agencyId: string | null;
  locale: Locale;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  agencyId?: string | null;
  active?: boolean;
  password?: string;
}

export function useCreateUserMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) =>
      apiSend(
        "POST",
        "/api/users",
        {
          email: input.email,
          displayName: input.displayName,
          password: input.password,
          role: input.role,
          locale: input.locale,
          ...(input.agencyId ? { agencyId: toApiId(input.agencyId) } : {}),
        },
        json,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUserMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UserChanges }) => {
      const { agencyId, ...rest } = changes;
      const body = agencyId === undefined ? rest : { ...rest, agencyId: agencyId === null ? null : toApiId(agencyId) };
      return apiSend("PATCH", `/api/users/${encodeURIComponent(id)}`, body, json);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
