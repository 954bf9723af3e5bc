import type { CreateServiceRequestBody, RequestAttachment } from "@sainam/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  apiErrorFrom,
  apiSend,
  ApiError,
  CSRF_COOKIE,
  CSRF_HEADER,
  parseAnswer,
  readCookie,
  withQuery,
  loadContract,
} from "../../api/client";
import { requestKeys } from "./queries";

/** Sends one file's raw bytes to the request (the server types it by its content). */
export async function uploadAttachment(requestId: number, file: File): Promise<RequestAttachment> {
  const headers: Record<string, string> = { "Content-Type": "application/octet-stream", Accept: "application/json" };
  const token = readCookie(CSRF_COOKIE);
  if (token) headers[CSRF_HEADER] = token;
  let response: Response;
  try {
    response = await fetch(withQuery(`/api/service-requests/${requestId}/attachments`, { fileName: file.name }), {
      method: "POST",
      headers,
      credentials: "same-origin",
      body: file,
    });
  } catch {
    throw new ApiError({ code: "network", status: 0, message: "Network error" });
  }
  const text = await response.text();
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : null;
  } catch {
    payload = null;
  }
  if (!response.ok)
    throw await apiErrorFrom({
      status: response.status,
      statusText: response.statusText,
      payload,
      retryAfter: response.headers.get("Retry-After"),
    });
  const contract = await loadContract();
  return parseAnswer(contract.requestAttachmentSchema, payload, "POST attachments");
}

/** Files the request, then attaches the files one by one; answers the request and the files that failed. */
export function useFileRequestMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { body: CreateServiceRequestBody; files: File[] }) => {
      const filed = await apiSend("POST", "/api/service-requests", input.body, (c) => c.serviceRequestDetailSchema);
      const failed: { name: string; error: unknown }[] = [];
      for (const file of input.files) {
        try {
          await uploadAttachment(filed.id, file);
        } catch (error) {
          failed.push({ name: file.name, error });
        }
      }
      return { request: filed, failed };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestKeys.all }),
  });
}

type Action =
  | { kind: "accept" }
  | { kind: "decline"; reason: string }
  | { kind: "withdraw"; reason?: string }
  | { kind: "reassign"; expertId: number };

/** One step on a request: accept, decline (with a reason), withdraw, reassign. */
export function useRequestAction(requestId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: Action) => {
      const path = `/api/service-requests/${requestId}/${action.kind}`;
      switch (action.kind) {
        case "accept":
          return apiSend("POST", path, undefined, (c) => c.serviceRequestDetailSchema);
        case "decline":
          return apiSend("POST", path, { reason: action.reason }, (c) => c.declineResultSchema);
        case "withdraw":
          return apiSend(
            "POST",
            path,
            action.reason ? { reason: action.reason } : {},
            (c) => c.serviceRequestDetailSchema,
          );
        case "reassign":
          return apiSend("POST", path, { expertId: action.expertId }, (c) => c.serviceRequestDetailSchema);
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestKeys.all }),
  });
}

/** Adds one file to a request already filed. */
export function useAttachMutation(requestId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadAttachment(requestId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestKeys.all }),
  });
}
