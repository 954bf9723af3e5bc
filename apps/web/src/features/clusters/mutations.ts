import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend, toApiId } from "../../api/client";
import type { Stage } from "../value-chain/model";
import { valueChainKeys } from "../value-chain/queries";
import type { UpdateClusterBody } from "@sainam/contract";
import { clusterKeys, type RecordId } from "./queries";

/** The body of POST/PATCH /api/clusters, as the contract defines it; on edit only what changed is sent. */
export type ClusterInput = UpdateClusterBody;

export function useCreateClusterMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClusterInput) => apiSend("POST", "/api/clusters", input, (c) => c.clusterDetailSchema),
    onSuccess: (detail) => {
      queryClient.setQueryData(clusterKeys.detail(detail.id), detail);
      return queryClient.invalidateQueries({ queryKey: clusterKeys.all });
    },
  });
}

export function useUpdateClusterMutation(id: RecordId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClusterInput) =>
      apiSend("PATCH", `/api/clusters/${encodeURIComponent(id)}`, input, (c) => c.clusterDetailSchema),
    onSuccess: (detail) => {
      queryClient.setQueryData(clusterKeys.detail(id), detail);
      return queryClient.invalidateQueries({ queryKey: clusterKeys.all });
    },
  });
}

/** After a change to members: the member lists, the cluster's counts and its analysis are all out of date. */
function refreshMembers(queryClient: ReturnType<typeof useQueryClient>, clusterId: RecordId) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: clusterKeys.membersOf(clusterId) }),
    queryClient.invalidateQueries({ queryKey: clusterKeys.detail(clusterId) }),
    queryClient.invalidateQueries({ queryKey: valueChainKeys.analysis(clusterId) }),
    queryClient.invalidateQueries({ queryKey: clusterKeys.pendingMemberships }),
    queryClient.invalidateQueries({ queryKey: ["enterprises"] }),
  ]);
}

export function useAddMemberMutation(clusterId: RecordId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { enterpriseId: string; stage: Stage; joinedOn: string | null }) =>
      apiSend(
        "POST",
        `/api/clusters/${encodeURIComponent(clusterId)}/members`,
        {
          enterpriseId: toApiId(input.enterpriseId),
          stage: input.stage,
          ...(input.joinedOn ? { joinedOn: input.joinedOn } : {}),
        },
        (c) => c.memberAddedSchema,
      ),
    onSuccess: () => refreshMembers(queryClient, clusterId),
  });
}

function approveMembership(clusterId: RecordId, enterpriseId: RecordId) {
  return apiSend(
    "POST",
    `/api/clusters/${encodeURIComponent(clusterId)}/members/${encodeURIComponent(enterpriseId)}/approval`,
    undefined,
    (c) => c.okSchema,
  );
}

/** Approves a pending membership: its coordinators then see the firm's contacts and may edit the firm. */
export function useApproveMemberMutation(clusterId: RecordId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enterpriseId: RecordId) => approveMembership(clusterId, enterpriseId),
    onSuccess: () => refreshMembers(queryClient, clusterId),
  });
}

/** Approves one of the memberships listed as awaiting approval, whatever its cluster. */
export function useApprovePendingMembershipMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ clusterId, enterpriseId }: { clusterId: RecordId; enterpriseId: RecordId }) =>
      approveMembership(clusterId, enterpriseId),
    onSuccess: (_answer, { clusterId }) => refreshMembers(queryClient, clusterId),
  });
}

export function useUpdateMemberMutation(clusterId: RecordId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      enterpriseId,
      changes,
    }: {
      enterpriseId: RecordId;
      changes: { stage?: Stage; leftOn?: string | null };
    }) =>
      apiSend(
        "PATCH",
        `/api/clusters/${encodeURIComponent(clusterId)}/members/${encodeURIComponent(enterpriseId)}`,
        changes,
        (c) => c.okSchema,
      ),
    onSuccess: () => refreshMembers(queryClient, clusterId),
  });
}

export function useLinkInstitutionMutation(clusterId: RecordId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { institutionId: string; role: string | null }) =>
      apiSend(
        "POST",
        `/api/clusters/${encodeURIComponent(clusterId)}/institutions`,
        { institutionId: toApiId(input.institutionId), ...(input.role ? { role: input.role } : {}) },
        (c) => c.okSchema,
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: clusterKeys.institutions(clusterId) }),
        queryClient.invalidateQueries({ queryKey: valueChainKeys.analysis(clusterId) }),
      ]),
  });
}

export function useUnlinkInstitutionMutation(clusterId: RecordId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (institutionId: RecordId) =>
      apiSend(
        "DELETE",
        `/api/clusters/${encodeURIComponent(clusterId)}/institutions/${encodeURIComponent(institutionId)}`,
        undefined,
        (c) => c.okSchema,
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: clusterKeys.institutions(clusterId) }),
        queryClient.invalidateQueries({ queryKey: valueChainKeys.analysis(clusterId) }),
      ]),
  });
}

export function useCreateInstitutionMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: string; nameTh: string | null; nameEn: string | null }) =>
      apiSend(
        "POST",
        "/api/institutions",
        { kind: input.kind, nameTh: input.nameTh, nameEn: input.nameEn },
        (c) => c.institutionSchema,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clusterKeys.allInstitutions }),
  });
}
