import type { MeetingAttendance } from "@sainam/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import { meetingKeys } from "./queries";

type RequestInput = {
  eventId: string;
  requesterId: number;
  targetId: number;
  fromSuggestion: boolean;
  message?: string;
};

/** Every matchmaking answer changes suggestions, lists and the member's page: refresh them all. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meetingKeys.all });
}

export function useRequestMeeting() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ eventId, ...body }: RequestInput) =>
      apiSend("POST", `/api/events/${encodeURIComponent(eventId)}/meetings`, body, (c) => c.meetingSchema),
    onSuccess: refresh,
  });
}

/** Several requests, one after another (each checked by the server); answers how many went through. */
export function useRequestSelected() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (requests: RequestInput[]) => {
      let created = 0;
      let failed = 0;
      for (const { eventId, ...body } of requests) {
        try {
          await apiSend("POST", `/api/events/${encodeURIComponent(eventId)}/meetings`, body, (c) => c.meetingSchema);
          created += 1;
        } catch {
          failed += 1;
        }
      }
      return { created, failed };
    },
    onSettled: refresh,
  });
}

export function useBulkRequest(eventId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { perParticipant: number; message?: string }) =>
      apiSend(
        "POST",
        `/api/events/${encodeURIComponent(eventId)}/meetings/bulk`,
        body,
        (c) => c.bulkMeetingResultSchema,
      ),
    onSuccess: refresh,
  });
}

export function useAnswerMeeting() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, accept, reason }: { id: number; accept: boolean; reason?: string }) =>
      accept
        ? apiSend("POST", `/api/meetings/${id}/accept`, undefined, (c) => c.meetingSchema)
        : apiSend("POST", `/api/meetings/${id}/decline`, { reason }, (c) => c.meetingSchema),
    onSuccess: refresh,
  });
}

export function useCancelMeeting() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) => apiSend("POST", `/api/meetings/${id}/cancel`, {}, (c) => c.meetingSchema),
    onSuccess: refresh,
  });
}

export function useCheckIn(eventId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ participantId, checkedIn }: { participantId: number; checkedIn: boolean }) =>
      apiSend(
        "POST",
        `/api/events/${encodeURIComponent(eventId)}/participants/${participantId}/check-in`,
        { checkedIn },
        (c) => c.meetingPartySchema,
      ),
    onSuccess: refresh,
  });
}

export function useRecordAttendance() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, attendance }: { id: number; attendance: MeetingAttendance }) =>
      apiSend("POST", `/api/meetings/${id}/attendance`, { attendance }, (c) => c.meetingSchema),
    onSuccess: refresh,
  });
}
