import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend, toApiId } from "../../api/client";
import { indicatorViewSchema, nodeDeletedSchema, nodeFieldsSchema, okSchema, planSchema, targetViewSchema } from "@sainam/contract";
import type { RecordId } from "../clusters/queries";
import { planKeys } from "./queries";

/** Turns the web app's string ids back into the server's numbers for the named fields. */
function withIds(input: Record<string, unknown>, idFields: readonly string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    body[key] = idFields.includes(key) && typeof value === "string" ? toApiId(value) : value;
  }
  return body;
}

const PLAN_ID_FIELDS = ["ownerAgencyId", "clusterId", "provincialClusterId", "programmeId"];
const NODE_ID_FIELDS = ["parentId", "servesNodeId"];

/** Every plan query (list, tree, versions, traces) is refreshed after a change: trees are small. */
function useInvalidatePlans() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: planKeys.all });
}

export function useCreatePlanMutation() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => apiSend("POST", "/api/plans", withIds(input, PLAN_ID_FIELDS), planSchema),
    onSuccess: invalidate,
  });
}

export function useUpdatePlanMutation(planId: RecordId) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      apiSend("PATCH", `/api/plans/${encodeURIComponent(planId)}`, withIds(input, PLAN_ID_FIELDS), planSchema),
    onSuccess: invalidate,
  });
}

export function useCreateVersionMutation(planId: RecordId) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: { periodStart: string; periodEnd: string }) =>
      apiSend("POST", `/api/plans/${encodeURIComponent(planId)}/versions`, input, planSchema),
    onSuccess: invalidate,
  });
}

export function useCreateNodeMutation(planId: RecordId) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      apiSend("POST", `/api/plans/${encodeURIComponent(planId)}/nodes`, withIds(input, NODE_ID_FIELDS), nodeFieldsSchema),
    onSuccess: invalidate,
  });
}

export function useUpdateNodeMutation(planId: RecordId, nodeId: RecordId) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      apiSend("PATCH", `/api/plans/${encodeURIComponent(planId)}/nodes/${encodeURIComponent(nodeId)}`, withIds(input, NODE_ID_FIELDS), nodeFieldsSchema),
    onSuccess: invalidate,
  });
}

export function useDeleteNodeMutation(planId: RecordId) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (nodeId: RecordId) => apiSend("DELETE", `/api/plans/${encodeURIComponent(planId)}/nodes/${encodeURIComponent(nodeId)}`, undefined, nodeDeletedSchema),
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
        nodeFieldsSchema,
      ),
    onSuccess: invalidate,
  });
}

export function useCreateIndicatorMutation(nodeId: RecordId) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => apiSend("POST", `/api/plan-nodes/${encodeURIComponent(nodeId)}/indicators`, input, indicatorViewSchema),
    onSuccess: invalidate,
  });
}

export function useUpdateIndicatorMutation(indicatorId: RecordId) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => apiSend("PATCH", `/api/indicators/${encodeURIComponent(indicatorId)}`, input, indicatorViewSchema),
    onSuccess: invalidate,
  });
}

export function useDeleteIndicatorMutation() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (indicatorId: RecordId) => apiSend("DELETE", `/api/indicators/${encodeURIComponent(indicatorId)}`, undefined, okSchema),
    onSuccess: invalidate,
  });
}

export function useMoveIndicatorMutation() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: { indicatorId: RecordId; position: number }) =>
      apiSend("POST", `/api/indicators/${encodeURIComponent(input.indicatorId)}/move`, { position: input.position }, indicatorViewSchema),
    onSuccess: invalidate,
  });
}

export function useSaveTargetMutation(indicatorId: RecordId, targetId: RecordId | null) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      targetId === null
        ? apiSend("POST", `/api/indicators/${encodeURIComponent(indicatorId)}/targets`, input, targetViewSchema)
        : apiSend("PATCH", `/api/indicator-targets/${encodeURIComponent(targetId)}`, input, targetViewSchema),
    onSuccess: invalidate,
  });
}

export function useDeleteTargetMutation() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (targetId: RecordId) => apiSend("DELETE", `/api/indicator-targets/${encodeURIComponent(targetId)}`, undefined, okSchema),
    onSuccess: invalidate,
  });
}
