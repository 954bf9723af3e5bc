import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend, toApiId } from "../../api/client";
import { json } from "../../api/decode";
import { planSummaryDecoder } from "./model";
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
    mutationFn: (input: Record<string, unknown>) => apiSend("POST", "/api/plans", withIds(input, PLAN_ID_FIELDS), planSummaryDecoder),
    onSuccess: invalidate,
  });
}

export function useUpdatePlanMutation(planId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      apiSend("PATCH", `/api/plans/${encodeURIComponent(planId)}`, withIds(input, PLAN_ID_FIELDS), planSummaryDecoder),
    onSuccess: invalidate,
  });
}

export function useCreateVersionMutation(planId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: { periodStart: string; periodEnd: string }) =>
      apiSend("POST", `/api/plans/${encodeURIComponent(planId)}/versions`, input, planSummaryDecoder),
    onSuccess: invalidate,
  });
}

export function useCreateNodeMutation(planId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      apiSend("POST", `/api/plans/${encodeURIComponent(planId)}/nodes`, withIds(input, NODE_ID_FIELDS), json),
    onSuccess: invalidate,
  });
}

export function useUpdateNodeMutation(planId: string, nodeId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      apiSend("PATCH", `/api/plans/${encodeURIComponent(planId)}/nodes/${encodeURIComponent(nodeId)}`, withIds(input, NODE_ID_FIELDS), json),
    onSuccess: invalidate,
  });
}

export function useDeleteNodeMutation(planId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (nodeId: string) => apiSend("DELETE", `/api/plans/${encodeURIComponent(planId)}/nodes/${encodeURIComponent(nodeId)}`, undefined, json),
    onSuccess: invalidate,
  });
}

export function useMoveNodeMutation(planId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: { nodeId: string; parentId: string | null; position: number }) =>
      apiSend(
        "POST",
        `/api/plans/${encodeURIComponent(planId)}/nodes/${encodeURIComponent(input.nodeId)}/move`,
        { parentId: input.parentId === null ? null : toApiId(input.parentId), position: input.position },
        json,
      ),
    onSuccess: invalidate,
  });
}

export function useCreateIndicatorMutation(nodeId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => apiSend("POST", `/api/plan-nodes/${encodeURIComponent(nodeId)}/indicators`, input, json),
    onSuccess: invalidate,
  });
}

export function useUpdateIndicatorMutation(indicatorId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => apiSend("PATCH", `/api/indicators/${encodeURIComponent(indicatorId)}`, input, json),
    onSuccess: invalidate,
  });
}

export function useDeleteIndicatorMutation() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (indicatorId: string) => apiSend("DELETE", `/api/indicators/${encodeURIComponent(indicatorId)}`, undefined, json),
    onSuccess: invalidate,
  });
}

export function useMoveIndicatorMutation() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: { indicatorId: string; position: number }) =>
      apiSend("POST", `/api/indicators/${encodeURIComponent(input.indicatorId)}/move`, { position: input.position }, json),
    onSuccess: invalidate,
  });
}

export function useSaveTargetMutation(indicatorId: string, targetId: string | null) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      targetId === null
        ? apiSend("POST", `/api/indicators/${encodeURIComponent(indicatorId)}/targets`, input, json)
        : apiSend("PATCH", `/api/indicator-targets/${encodeURIComponent(targetId)}`, input, json),
    onSuccess: invalidate,
  });
}

export function useDeleteTargetMutation() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (targetId: string) => apiSend("DELETE", `/api/indicator-targets/${encodeURIComponent(targetId)}`, undefined, json),
    onSuccess: invalidate,
  });
}
