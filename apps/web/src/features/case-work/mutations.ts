import type {
  ClaimRequestBody,
  CloseRequestBody,
  CreateConsultationBody,
  CreateTaskBody,
  RateRequestBody,
  UpdateConsultationBody,
  UpdateTaskBody,
} from "@sainam/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import { requestKeys } from "../service-requests/queries";
import { caseWorkKeys } from "./queries";

/** After any case-work step: the panel, and the request page around it (its status and timeline). */
function useRefresh(requestId: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: caseWorkKeys.detail(requestId) }),
      queryClient.invalidateQueries({ queryKey: requestKeys.all }),
    ]);
}

export function useSaveConsultationMutation(requestId: number) {
  const refresh = useRefresh(requestId);
  return useMutation({
    mutationFn: (
      input: { id: null; body: CreateConsultationBody } | { id: number; changes: UpdateConsultationBody },
    ) =>
      input.id === null
        ? apiSend("POST", `/api/service-requests/${requestId}/consultations`, input.body, (c) => c.consultationSchema)
        : apiSend(
            "PATCH",
            `/api/service-requests/${requestId}/consultations/${input.id}`,
            input.changes,
            (c) => c.consultationSchema,
          ),
    onSuccess: refresh,
  });
}

export function useAddTaskMutation(requestId: number) {
  const refresh = useRefresh(requestId);
  return useMutation({
    mutationFn: (body: CreateTaskBody) =>
      apiSend("POST", `/api/service-requests/${requestId}/tasks`, body, (c) => c.requestTaskSchema),
    onSuccess: refresh,
  });
}

export function useUpdateTaskMutation(requestId: number) {
  const refresh = useRefresh(requestId);
  return useMutation({
    mutationFn: (input: { id: number; changes: UpdateTaskBody }) =>
      apiSend(
        "PATCH",
        `/api/service-requests/${requestId}/tasks/${input.id}`,
        input.changes,
        (c) => c.requestTaskSchema,
      ),
    onSuccess: refresh,
  });
}

export function useCloseRequestMutation(requestId: number) {
  const refresh = useRefresh(requestId);
  return useMutation({
    mutationFn: (body: CloseRequestBody) =>
      apiSend("POST", `/api/service-requests/${requestId}/close`, body, (c) => c.caseWorkSchema),
    onSuccess: refresh,
  });
}

export function useRateRequestMutation(requestId: number) {
  const refresh = useRefresh(requestId);
  return useMutation({
    mutationFn: (body: RateRequestBody) =>
      apiSend("POST", `/api/service-requests/${requestId}/rating`, body, (c) => c.caseWorkSchema),
    onSuccess: refresh,
  });
}

export function useClaimOutcomeMutation(requestId: number) {
  const refresh = useRefresh(requestId);
  return useMutation({
    mutationFn: (body: ClaimRequestBody) =>
      apiSend("POST", `/api/service-requests/${requestId}/claim`, body, (c) => c.claimRequestResponse),
    onSuccess: refresh,
  });
}
