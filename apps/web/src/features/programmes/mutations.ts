import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend, toApiId } from "../../api/client";
import { json } from "../../api/decode";
import { claimDecoder, type ActivityKind } from "./model";
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
