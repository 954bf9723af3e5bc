import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend, toApiId, withQuery } from "../../api/client";
import { json } from "../../api/decode";
import {
  activityDetailDecoder,
  budgetDecoder,
  claimDecoder,
  createClaimResultDecoder,
  programmeDetailDecoder,
  reportedDecoder,
  type ActivityKind,
  type ClaimMethod,
  type OutcomeKind,
} from "./model";
import { programmeKeys } from "./queries";

export interface ActivityInput {
  programmeId: string;
  clusterId: string | null;
  kind: ActivityKind;
  titleEn: string;
  titleTh: string | null;
  startsOn: string;
  endsOn: string | null;
  budget: number | null;
  participantCount: number | null;
  participantIds: string[];
}

/** Records an activity; the programme's activities and figures are refreshed. */
export function useCreateActivityMutation(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivityInput) =>
      apiSend(
        "POST",
        "/api/activities",
        {
          programmeId: toApiId(input.programmeId),
          clusterId: input.clusterId === null ? null : toApiId(input.clusterId),
          kind: input.kind,
          titleEn: input.titleEn,
          titleTh: input.titleTh,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          budget: input.budget,
          participantCount: input.participantCount,
          participantIds: input.participantIds.map(toApiId),
        },
        json,
      ),
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
    mutationFn: ({ claimId, decision }: { claimId: string; decision: "verified" | "rejected" }) =>
      apiSend("POST", `/api/value-claims/${encodeURIComponent(claimId)}/verification`, { decision }, claimDecoder),
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

export interface ProgrammeInput {
  code: string;
  nameEn: string;
  nameTh: string | null;
  descriptionEn: string | null;
  descriptionTh: string | null;
  firstFiscalYear: number;
  lastFiscalYear: number | null;
  published: boolean;
}

/** Creates a programme for an agency; answers the new programme (to open its page). */
export function useCreateProgrammeMutation() {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: ProgrammeInput & { agencyId: string }) => apiSend("POST", "/api/programmes", { ...input, agencyId: toApiId(input.agencyId) }, programmeDetailDecoder),
    onSuccess: refresh,
  });
}

export function useUpdateProgrammeMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: ProgrammeInput) => apiSend("PATCH", programmePath(programmeId), input, programmeDetailDecoder),
    onSuccess: refresh,
  });
}

export function useAddSupportedClusterMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: { clusterId: string; fiscalYear: number }) =>
      apiSend("POST", `${programmePath(programmeId)}/clusters`, { clusterId: toApiId(input.clusterId), fiscalYear: input.fiscalYear }, json),
    onSuccess: refresh,
  });
}

export function useRemoveSupportedClusterMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: { clusterId: string; fiscalYear: number }) =>
      apiSend("DELETE", withQuery(`${programmePath(programmeId)}/clusters/${encodeURIComponent(input.clusterId)}`, { fiscalYear: input.fiscalYear }), undefined, json),
    onSuccess: refresh,
  });
}

export function useAddSupportedEnterpriseMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: { enterpriseId: string; fiscalYear: number; clusterId: string | null }) =>
      apiSend(
        "POST",
        `${programmePath(programmeId)}/enterprises`,
        { enterpriseId: toApiId(input.enterpriseId), fiscalYear: input.fiscalYear, clusterId: input.clusterId === null ? null : toApiId(input.clusterId) },
        json,
      ),
    onSuccess: refresh,
  });
}

export function useRemoveSupportedEnterpriseMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: { enterpriseId: string; fiscalYear: number }) =>
      apiSend("DELETE", withQuery(`${programmePath(programmeId)}/enterprises/${encodeURIComponent(input.enterpriseId)}`, { fiscalYear: input.fiscalYear }), undefined, json),
    onSuccess: refresh,
  });
}

export interface BudgetInput {
  clusterId: string | null;
  fiscalYear: number;
  allocated: number;
  spent: number | null;
  note: string | null;
}

const budgetBody = (input: BudgetInput) => ({ ...input, clusterId: input.clusterId === null ? null : toApiId(input.clusterId) });

/** Adds a budget line, or edits one when `budgetId` is given. */
export function useSaveBudgetMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: ({ budgetId, input }: { budgetId: string | null; input: BudgetInput }) =>
      budgetId === null
        ? apiSend("POST", `${programmePath(programmeId)}/budgets`, budgetBody(input), budgetDecoder)
        : apiSend("PATCH", `${programmePath(programmeId)}/budgets/${encodeURIComponent(budgetId)}`, budgetBody(input), budgetDecoder),
    onSuccess: refresh,
  });
}

export function useDeleteBudgetMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (budgetId: string) => apiSend("DELETE", `${programmePath(programmeId)}/budgets/${encodeURIComponent(budgetId)}`, undefined, json),
    onSuccess: refresh,
  });
}

export interface ReportedFiguresInput {
  clusters: number | null;
  firms: number | null;
  budget: number | null;
  budgetKind: "allocated" | "planned" | null;
  value: number | null;
  valueKind: "expected" | "actual" | null;
  source: string;
  note: string | null;
}

export function usePutReportedFiguresMutation(programmeId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: ({ fiscalYear, input }: { fiscalYear: number; input: ReportedFiguresInput }) =>
      apiSend("PUT", `${programmePath(programmeId)}/reported-figures/${fiscalYear}`, input, reportedDecoder),
    onSuccess: refresh,
  });
}

export interface ClaimInput {
  programmeIds: string[];
  enterpriseId: string | null;
  clusterId: string | null;
  activityId: string | null;
  fiscalYear: number;
  amount: number;
  method: ClaimMethod;
  methodNote: string | null;
  evidenceUrl: string | null;
  evidenceNote: string | null;
}

const optionalId = (value: string | null) => (value === null ? null : toApiId(value));

/** Records a value claim; the answer says whether it was created or linked to an identical existing claim. */
export function useCreateClaimMutation() {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: ClaimInput) =>
      apiSend(
        "POST",
        "/api/value-claims",
        { ...input, programmeIds: input.programmeIds.map(toApiId), enterpriseId: optionalId(input.enterpriseId), clusterId: optionalId(input.clusterId), activityId: optionalId(input.activityId) },
        createClaimResultDecoder,
      ),
    onSuccess: refresh,
  });
}

export interface OutcomeInput {
  kind: OutcomeKind;
  enterpriseId: string | null;
  amount: number | null;
  count: number | null;
  note: string | null;
}

export function useAddOutcomeMutation(activityId: string) {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: (input: OutcomeInput) =>
      apiSend("POST", `/api/activities/${encodeURIComponent(activityId)}/outcomes`, { ...input, enterpriseId: optionalId(input.enterpriseId) }, activityDetailDecoder),
    onSuccess: refresh,
  });
}
