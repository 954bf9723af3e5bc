import type {
  AddParticipantBody,
  CreateTradeEventBody,
  GenerateSlotsBody,
  InterestInput,
  ParticipantImportReport,
  SetTablesBody,
  UpdateTradeEventBody,
} from "@sainam/contract";
import type { EventStatus } from "@sainam/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  apiErrorFrom,
  apiSend,
  ApiError,
  CSRF_COOKIE,
  CSRF_HEADER,
  loadContract,
  parseAnswer,
  readCookie,
  withQuery,
} from "../../api/client";
import { eventKeys, eventPath } from "./queries";

function useRefreshEvent(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: eventKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: eventKeys.layout(id) }),
      queryClient.invalidateQueries({ queryKey: eventKeys.participants(id) }),
      queryClient.invalidateQueries({ queryKey: ["events", "list"] }),
    ]);
}

export function useCreateEventMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTradeEventBody) => apiSend("POST", "/api/events", input, (c) => c.tradeEventSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

export function useUpdateEventMutation(id: string) {
  const refresh = useRefreshEvent(id);
  return useMutation({
    mutationFn: (changes: UpdateTradeEventBody) => apiSend("PATCH", eventPath(id), changes, (c) => c.tradeEventSchema),
    onSuccess: refresh,
  });
}

export function useEventStatusMutation(id: string) {
  const refresh = useRefreshEvent(id);
  return useMutation({
    mutationFn: (status: EventStatus) =>
      apiSend("POST", `${eventPath(id)}/status`, { status }, (c) => c.tradeEventSchema),
    onSuccess: refresh,
  });
}

export function usePublishEventMutation(id: string) {
  const refresh = useRefreshEvent(id);
  return useMutation({
    mutationFn: (published: boolean) =>
      apiSend("POST", `${eventPath(id)}/published`, { published }, (c) => c.tradeEventSchema),
    onSuccess: refresh,
  });
}

export function useGenerateSlotsMutation(id: string) {
  const refresh = useRefreshEvent(id);
  return useMutation({
    mutationFn: (body: GenerateSlotsBody) => apiSend("PUT", `${eventPath(id)}/slots`, body, (c) => c.eventLayoutSchema),
    onSuccess: refresh,
  });
}

export function useSetTablesMutation(id: string) {
  const refresh = useRefreshEvent(id);
  return useMutation({
    mutationFn: (body: SetTablesBody) => apiSend("PUT", `${eventPath(id)}/tables`, body, (c) => c.eventLayoutSchema),
    onSuccess: refresh,
  });
}

export function useAddParticipantMutation(id: string) {
  const refresh = useRefreshEvent(id);
  return useMutation({
    mutationFn: (body: AddParticipantBody) =>
      apiSend("POST", `${eventPath(id)}/participants`, body, (c) => c.eventParticipantSchema),
    onSuccess: refresh,
  });
}

export function useRemoveParticipantMutation(id: string) {
  const refresh = useRefreshEvent(id);
  return useMutation({
    mutationFn: (participantId: number) =>
      apiSend("DELETE", `${eventPath(id)}/participants/${participantId}`, undefined, (c) => c.okSchema),
    onSuccess: refresh,
  });
}

export function useUnavailableMutation(id: string) {
  const refresh = useRefreshEvent(id);
  return useMutation({
    mutationFn: ({ participantId, slotIds }: { participantId: number; slotIds: number[] }) =>
      apiSend(
        "PUT",
        `${eventPath(id)}/participants/${participantId}/unavailable`,
        { slotIds },
        (c) => c.eventParticipantSchema,
      ),
    onSuccess: refresh,
  });
}

export function useInterestsMutation(id: string) {
  const refresh = useRefreshEvent(id);
  return useMutation({
    mutationFn: ({ participantId, items }: { participantId: number; items: InterestInput[] }) =>
      apiSend(
        "PUT",
        `${eventPath(id)}/participants/${participantId}/interests`,
        { items },
        (c) => c.eventParticipantSchema,
      ),
    onSuccess: refresh,
  });
}

/** Sends a participants file's raw bytes; answers the row report (nothing written unless `ok`). */
async function uploadParticipants(id: string, file: File): Promise<ParticipantImportReport> {
  const headers: Record<string, string> = { "Content-Type": "application/octet-stream", Accept: "application/json" };
  const token = readCookie(CSRF_COOKIE);
  if (token) headers[CSRF_HEADER] = token;
  let response: Response;
  try {
    response = await fetch(withQuery(`${eventPath(id)}/participants/import`, { fileName: file.name }), {
      method: "POST",
      headers,
      credentials: "same-origin",
      body: file,
    });
  } catch {
    throw new ApiError({ code: "network", status: 0, message: "Network error" });
  }
  const text = await response.text();
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : null;
  } catch {
    payload = null;
  }
  if (!response.ok)
    throw await apiErrorFrom({
      status: response.status,
      statusText: response.statusText,
      payload,
      retryAfter: response.headers.get("Retry-After"),
    });
  const contract = await loadContract();
  return parseAnswer(contract.participantImportReportSchema, payload, "POST participants/import");
}

export function useImportParticipantsMutation(id: string) {
  const refresh = useRefreshEvent(id);
  return useMutation({
    mutationFn: (file: File) => uploadParticipants(id, file),
    onSuccess: refresh,
  });
}
