import type { CreateUserBody, ResetPasswordBody, UpdateUserBody } from "@sainam/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import type { Locale } from "../../lib/format";
import type { ExpertField, Role } from "./model";
import { userKeys } from "./queries";

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  agencyId: number | null;
  clusterIds: number[];
  enterpriseId: number | null;
  providerId: number | null;
  expertId: number | null;
  expertFields: ExpertField[];
  locale: Locale;
}

export type UserChanges = Pick<
  UpdateUserBody,
  | "displayName"
  | "role"
  | "agencyId"
  | "clusterIds"
  | "enterpriseId"
  | "providerId"
  | "expertId"
  | "expertFields"
  | "active"
>;

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
        ...(input.clusterIds.length > 0 ? { clusterIds: input.clusterIds } : {}),
        ...(input.enterpriseId !== null ? { enterpriseId: input.enterpriseId } : {}),
        // An existing expert record is linked as it is; else a new one is made at the provider.
        ...(input.expertId !== null
          ? { expertId: input.expertId }
          : input.providerId !== null
            ? { providerId: input.providerId }
            : {}),
        ...(input.expertFields.length > 0 ? { expertFields: input.expertFields } : {}),
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

/** An admin gives a user a temporary password; the user must change it at next sign-in. */
export function useResetPasswordMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, temporaryPassword }: { id: number; temporaryPassword: string }) =>
      apiSend(
        "POST",
        `/api/users/${id}/reset-password`,
        { temporaryPassword } satisfies ResetPasswordBody,
        (c) => c.userSchema,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
