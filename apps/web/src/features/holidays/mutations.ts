import type { CreateHolidayBody, UpdateHolidayBody } from "@sainam/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import { holidayKeys } from "./queries";

export function useCreateHolidayMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateHolidayBody) => apiSend("POST", "/api/holidays", body, (c) => c.holidaySchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: holidayKeys.all }),
  });
}

export function useUpdateHolidayMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: UpdateHolidayBody }) =>
      apiSend("PATCH", `/api/holidays/${id}`, changes, (c) => c.holidaySchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: holidayKeys.all }),
  });
}

export function useDeleteHolidayMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiSend("DELETE", `/api/holidays/${id}`, undefined, (c) => c.okSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: holidayKeys.all }),
  });
}
