import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend, toApiId } from "../../api/client";
import type { ValueRowBody } from "@sainam/contract";
import type { RecordId } from "../clusters/queries";
import { valueKeys } from "./queries";

export type { ValueRowBody } from "@sainam/contract";

export function useEnterValuesMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ indicatorId, rows }: { indicatorId: RecordId; rows: ValueRowBody[] }) =>
      apiSend(
        "PUT",
        `/api/indicators/${encodeURIComponent(indicatorId)}/values`,
        { rows },
        (c) => c.valuesEnteredSchema,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: valueKeys.all }),
  });
}

export type TransitionStep = "submit" | "approve" | "reject" | "reopen";
export type TransitionInput = { step: TransitionStep; note?: string } & (
  { ids: number[] } | { indicatorId: RecordId; periodKey: string }
);

export function useTransitionMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TransitionInput) => {
      const note = input.note ? { note: input.note } : {};
      const body =
        "ids" in input
          ? { ids: input.ids, ...note }
          : { indicatorId: toApiId(String(input.indicatorId)), periodKey: input.periodKey, ...note };
      return apiSend("POST", `/api/values/${input.step}`, body, (c) => c.valuesTransitionedSchema);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: valueKeys.all }),
  });
}

/** Locks a plan's period (`lock: true`) or unlocks it; the values of every indicator are refreshed. */
export function usePeriodLockMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, periodKey, lock }: { planId: RecordId; periodKey: string; lock: boolean }) =>
      lock
        ? apiSend("POST", `/api/plans/${encodeURIComponent(planId)}/locks`, { periodKey }, (c) => c.lockSchema).then(
            () => undefined,
          )
        : apiSend(
            "DELETE",
            `/api/plans/${encodeURIComponent(planId)}/locks/${encodeURIComponent(periodKey)}`,
            undefined,
            (c) => c.okSchema,
          ).then(() => undefined),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: valueKeys.all }),
  });
}
