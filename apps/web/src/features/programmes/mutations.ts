import {
  createClaimResponse,
  type CreateActivityBody,
  type CreateBudgetBody,
  type CreateClaimBody,
  type CreateProgrammeBody,
  type OutcomeBody,
  type ReportedFigureBody,
  type UpdateProgrammeBody,
} from "@sainam/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend, withQuery } from "../../api/client";
import { programmeKeys } from "./queries";

/** What the activity form sends: the contract's body, with the fields the form always fills. */
export type ActivityInput = Required<
  Pick<
    CreateActivityBody,
    | "programmeId"
    | "clusterId"
    | "kind"
    | "titleEn"
    | "titleTh"
    | "startsOn"
    | "endsOn"
    | "budget"
    | "participantCount"
    | "participantIds"
  >
>;

/** Records an activity; the programme's activities and figures are refreshed. */
export function useCreateActivityMutation(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivityInput) =>
      apiSend("POST", "/api/activities", input satisfies CreateActivityBody, (c) => c.activityDetailSchema),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["programmes", "activities", programmeId] }),
        queryClient.invalidateQueries({ queryKey: programmeKeys.figures(programmeId) }),
        queryClient.invalidateQueries({ queryKey: programmeKeys.detail(programmeId) }),
      ]),
  });
}

/** Verifies or rejects a value claim; figures change with it. */
export function useVerifyClaimMutation(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ claimId, decision }: { claimId: number; decision: "verified" | "rejected" }) =>
      apiSend("POST", `/api/value-claims/${claimId}/verification`, { decision }, (c) => c.claimSchema),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["programmes", "claims", programmeId] }),
        queryClient.invalidateQueries({ queryKey: programmeKeys.figures(programmeId) }),
      ]),
  });
}

// ——— Keeping a programme: the programme itself, supported clusters and firms, budgets, reported figures,
// value claims and activity outcomes. Every change refreshes everything cached under the programme, since the
// figures are computed from all of it.

function useRefreshProgrammes() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: programmeKeys.all });
}

const programmePath = (id: string) => `/api/programmes/${encodeURIComponent(id)}`;

/** What the programme form sends (every field but the agency, which only a new programme names). */
export type ProgrammeInput = Required<Omit<CreateProgrammeBody, "agencyId">>;

/** Creates a programme for an agency; answers the new programme (to open its page). */
export function useCreateProgrammeMutation() {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: ProgrammeInput & { agencyId: number }) =>
      apiSend("POST", "/api/programmes", input satisfies CreateProgrammeBody, (c) => c.programmeDetailSchema),
    onSuccess: refresh,
  });
}

export function useUpdateProgrammeMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: ProgrammeInput) =>
      apiSend("PATCH", programmePath(programmeId), input satisfies UpdateProgrammeBody, (c) => c.programmeDetailSchema),
    onSuccess: refresh,
  });
}

export function useAddSupportedClusterMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: { clusterId: number; fiscalYear: number }) =>
      apiSend("POST", `${programmePath(programmeId)}/clusters`, input, (c) => c.supportedClusterListSchema),
    onSuccess: refresh,
  });
}

export function useRemoveSupportedClusterMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: { clusterId: number; fiscalYear: number }) =>
      apiSend(
        "DELETE",
        withQuery(`${programmePath(programmeId)}/clusters/${input.clusterId}`, { fiscalYear: input.fiscalYear }),
        undefined,
        (c) => c.okSchema,
      ),
    onSuccess: refresh,
  });
}

export function useAddSupportedEnterpriseMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: { enterpriseId: number; fiscalYear: number; clusterId: number | null }) =>
      apiSend("POST", `${programmePath(programmeId)}/enterprises`, input, (c) => c.okSchema),
    onSuccess: refresh,
  });
}

/**
 * Adds every current member of a cluster as a supported firm (or, with `dryRun`, only says which would be added and
 * which are already supported — for the confirmation). The server adds all or none.
 */
export function useAddClusterMembersMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: { clusterId: number; fiscalYear: number; dryRun: boolean }) =>
      apiSend(
        "POST",
        `${programmePath(programmeId)}/enterprises/cluster-members`,
        input,
        (c) => c.addClusterMembersResultSchema,
      ),
    onSuccess: (result) => {
      if (!result.dryRun) void refresh();
    },
  });
}

export function useRemoveSupportedEnterpriseMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: { enterpriseId: number; fiscalYear: number }) =>
      apiSend(
        "DELETE",
        withQuery(`${programmePath(programmeId)}/enterprises/${input.enterpriseId}`, { fiscalYear: input.fiscalYear }),
        undefined,
        (c) => c.okSchema,
      ),
    onSuccess: refresh,
  });
}

/** What the budget form sends, for a new line or an edited one. */
export type BudgetInput = Required<CreateBudgetBody>;

/** Adds a budget line, or edits one when `budgetId` is given. */
export function useSaveBudgetMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: ({ budgetId, input }: { budgetId: number | null; input: BudgetInput }) =>
      budgetId === null
        ? apiSend("POST", `${programmePath(programmeId)}/budgets`, input, (c) => c.budgetSchema)
        : apiSend("PATCH", `${programmePath(programmeId)}/budgets/${budgetId}`, input, (c) => c.budgetSchema),
    onSuccess: refresh,
  });
}

export function useDeleteBudgetMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (budgetId: number) =>
      apiSend("DELETE", `${programmePath(programmeId)}/budgets/${budgetId}`, undefined, (c) => c.okSchema),
    onSuccess: refresh,
  });
}

export type ReportedFiguresInput = Required<ReportedFigureBody>;

export function usePutReportedFiguresMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: ({ fiscalYear, input }: { fiscalYear: number; input: ReportedFiguresInput }) =>
      apiSend(
        "PUT",
        `${programmePath(programmeId)}/reported-figures/${fiscalYear}`,
        input,
        (c) => c.reportedFigureSchema,
      ),
    onSuccess: refresh,
  });
}

export type ClaimInput = Required<CreateClaimBody>;

/** Records a value claim; the answer says whether it was created or linked to an identical existing claim. */
export function useCreateClaimMutation() {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: ClaimInput) => apiSend("POST", "/api/value-claims", input, createClaimResponse),
    onSuccess: refresh,
  });
}

export type OutcomeInput = Required<OutcomeBody>;

export function useAddOutcomeMutation(activityId: number) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: OutcomeInput) =>
      apiSend("POST", `/api/activities/${activityId}/outcomes`, input, (c) => c.activityDetailSchema),
    onSuccess: refresh,
  });
}
