import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../api/client";
import type {
  CreateIndicatorBody,
  CreateNodeBody,
  CreatePlanBody,
  CreateTargetBody,
  NewVersionBody,
  UpdateIndicatorBody,
  UpdateNodeBody,
  UpdatePlanBody,
  UpdateTargetBody,
} from "@sainam/contract";
import type { RecordId } from "../clusters/queries";
import { planKeys } from "./queries";

/** Every plan query (list, tree, versions, traces) is refreshed after a change: trees are small. */
function useInvalidatePlans() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: planKeys.all });
}

export function useCreatePlanMutation() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: CreatePlanBody) => apiSend("POST", "/api/plans", input, (c) => c.planSchema),
    onSuccess: invalidate,
  });
}

export function useUpdatePlanMutation(planId: RecordId) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: UpdatePlanBody) =>
      apiSend("PATCH", `/api/plans/${encodeURIComponent(planId)}`, input, (c) => c.planSchema),
    onSuccess: invalidate,
  });
}

export function useCreateVersionMutation(planId: RecordId) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: NewVersionBody) =>
      apiSend("POST", `/api/plans/${encodeURIComponent(planId)}/versions`, input, (c) => c.planSchema),
    onSuccess: invalidate,
  });
}

export function useCreateNodeMutation(planId: RecordId) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: CreateNodeBody) =>
      apiSend("POST", `/api/plans/${encodeURIComponent(planId)}/nodes`, input, (c) => c.nodeFieldsSchema),
    onSuccess: invalidate,
  });
}

export function useUpdateNodeMutation(planId: RecordId, nodeId: RecordId) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: UpdateNodeBody) =>
      apiSend(
        "PATCH",
        `/api/plans/${encodeURIComponent(planId)}/nodes/${encodeURIComponent(nodeId)}`,
        input,
        (c) => c.nodeFieldsSchema,
      ),
    onSuccess: invalidate,
  });
}

export function useDeleteNodeMutation(planId: RecordId) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (nodeId: RecordId) =>
      apiSend(
        "DELETE",
        `/api/plans/${encodeURIComponent(planId)}/nodes/${encodeURIComponent(nodeId)}`,
        undefined,
        (c) => c.nodeDeletedSchema,
      ),
    onSuccess: invalidate,
  });
}

export function useMoveNodeMutation(planId: RecordId) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: { nodeId: RecordId; parentId: number | null; position: number }) =>
      apiSend(
        "POST",
        `/api/plans/${encodeURIComponent(planId)}/nodes/${encodeURIComponent(input.nodeId)}/move`,
        { parentId: input.parentId, position: input.position },
        (c) => c.nodeFieldsSchema,
      ),
    onSuccess: invalidate,
  });
}

export function useCreateIndicatorMutation(nodeId: RecordId) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: CreateIndicatorBody) =>
      apiSend("POST", `/api/plan-nodes/${encodeURIComponent(nodeId)}/indicators`, input, (c) => c.indicatorViewSchema),
    onSuccess: invalidate,
  });
}

export function useUpdateIndicatorMutation(indicatorId: RecordId) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: UpdateIndicatorBody) =>
      apiSend("PATCH", `/api/indicators/${encodeURIComponent(indicatorId)}`, input, (c) => c.indicatorViewSchema),
    onSuccess: invalidate,
  });
}

/** Marks an indicator as computed from the firms' service ratings, or entered by people again (issue 13). */
export function useComputedSourceMutation() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: { indicatorId: RecordId; computed: boolean }) =>
      apiSend(
        "PUT",
        `/api/indicators/${encodeURIComponent(input.indicatorId)}/computed-source`,
        { source: input.computed ? "service_ratings" : null },
        (c) => c.computedSourceSchema,
      ),
    onSuccess: invalidate,
  });
}

export function useDeleteIndicatorMutation() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (indicatorId: RecordId) =>
      apiSend("DELETE", `/api/indicators/${encodeURIComponent(indicatorId)}`, undefined, (c) => c.okSchema),
    onSuccess: invalidate,
  });
}

export function useMoveIndicatorMutation() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: { indicatorId: RecordId; position: number }) =>
      apiSend(
        "POST",
        `/api/indicators/${encodeURIComponent(input.indicatorId)}/move`,
        { position: input.position },
        (c) => c.indicatorViewSchema,
      ),
    onSuccess: invalidate,
  });
}

export function useSaveTargetMutation(indicatorId: RecordId, targetId: RecordId | null) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: CreateTargetBody & UpdateTargetBody) =>
      targetId === null
        ? apiSend(
            "POST",
            `/api/indicators/${encodeURIComponent(indicatorId)}/targets`,
            input,
            (c) => c.targetViewSchema,
          )
        : apiSend("PATCH", `/api/indicator-targets/${encodeURIComponent(targetId)}`, input, (c) => c.targetViewSchema),
    onSuccess: invalidate,
  });
}

export function useDeleteTargetMutation() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (targetId: RecordId) =>
      apiSend("DELETE", `/api/indicator-targets/${encodeURIComponent(targetId)}`, undefined, (c) => c.okSchema),
    onSuccess: invalidate,
  });
}
