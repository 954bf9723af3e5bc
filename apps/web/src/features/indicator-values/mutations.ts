import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend, toApiId } from "../../api/client";
import { json } from "../../api/decode";
import { enterAnswerDecoder, transitionAnswerDecoder } from "./model";
import { valueKeys } from "./queries";

export type ValueRowBody = { orgUnitType: string; orgUnitCode: string; periodKey: string; breakdown: Record<string, string> } & Record<string, unknown>;

export function useEnterValuesMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ indicatorId, rows }: { indicatorId: string; rows: ValueRowBody[] }) =>
      apiSend("PUT", `/api/indicators/${encodeURIComponent(indicatorId)}/values`, { rows }, enterAnswerDecoder),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: valueKeys.all }),
  });
}

export type TransitionStep = "submit" | "approve" | "reject" | "reopen";
export type TransitionInput = { step: TransitionStep; note?: string } & ({ ids: string[] } | { indicatorId: string; periodKey: string });

export function useTransitionMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TransitionInput) => {
      const note = input.note ? { note: input.note } : {};
      const body = "ids" in input ? { ids: input.ids.map(toApiId), ...note } : { indicatorId: toApiId(input.indicatorId), periodKey: input.periodKey, ...note };
      return apiSend("POST", `/api/values/${input.step}`, body, transitionAnswerDecoder);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: valueKeys.all }),
  });
}

/** Locks a plan's period (`lock: true`) or unlocks it; the values of every indicator are refreshed. */
export function usePeriodLockMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, periodKey, lock }: { planId: string; periodKey: string; lock: boolean }) =>
      lock
        ? apiSend("POST", `/api/plans/${encodeURIComponent(planId)}/locks`, { periodKey }, json)
        : apiSend("DELETE", `/api/plans/${encodeURIComponent(planId)}/locks/${encodeURIComponent(periodKey)}`, undefined, json),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: valueKeys.all }),
  });
}
