import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import { eventScheduleKeys } from "./queries";

/** Runs the scheduler over the event's accepted meetings; the grid is read again after. */
export function useScheduleEventMutation(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend("POST", `/api/events/${eventId}/schedule`, undefined, (c) => c.scheduleRunSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventScheduleKeys.grid(eventId) }),
  });
}
