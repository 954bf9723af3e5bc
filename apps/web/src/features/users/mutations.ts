import type { CreateUserBody, UpdateUserBody } from "@sainam/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import type { Locale } from "../../lib/format";
import type { Role } from "./model";
import { userKeys } from "./queries";

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  agencyId: number | null;
  locale: Locale;
}

export type UserChanges = Pick<UpdateUserBody, "displayName" | "role" | "agencyId" | "active" | "password">;

export function useCreateUserMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) => {
      const body: CreateUserBody = {
        email: input.email,
        displayName: input.displayName,
        password: input.password,
        role: input.role,
        locale: input.locale,
        ...(input.agencyId !== null ? { agencyId: input.agencyId } : {}),
      };
      return apiSend("POST", "/api/users", body, (c) => c.userSchema);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUserMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: UserChanges }) =>
      apiSend("PATCH", `/api/users/${id}`, changes satisfies UpdateUserBody, (c) => c.userSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
