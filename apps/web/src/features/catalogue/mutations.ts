import type {
  CreateCertificationBody,
  CreateInquiryBody,
  CreateProductBody,
  ProductPhoto,
  UpdateProductBody,
} from "@sainam/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  apiErrorFrom,
  ApiError,
  apiSend,
  CSRF_COOKIE,
  CSRF_HEADER,
  loadContract,
  parseAnswer,
  readCookie,
} from "../../api/client";
import { catalogueKeys } from "./queries";

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
}

export function useSaveProductMutation(enterpriseId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { id: number; changes: UpdateProductBody } | { id: null; body: CreateProductBody }) =>
      input.id === null
        ? apiSend("POST", `/api/enterprises/${enterpriseId}/products`, input.body, (c) => c.productSchema)
        : apiSend("PATCH", `/api/products/${input.id}`, input.changes, (c) => c.productSchema),
    onSuccess: invalidate,
  });
}

export function usePublishMutation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { id: number; publish: boolean }) =>
      apiSend(
        "POST",
        `/api/products/${input.id}/${input.publish ? "publish" : "unpublish"}`,
        undefined,
        (c) => c.productSchema,
      ),
    onSuccess: invalidate,
  });
}

export function useCertificationMutation(productId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (input: { add: CreateCertificationBody } | { remove: number }): Promise<void> => {
      if ("add" in input)
        await apiSend("POST", `/api/products/${productId}/certifications`, input.add, (c) => c.certificationSchema);
      else
        await apiSend(
          "DELETE",
          `/api/products/${productId}/certifications/${input.remove}`,
          undefined,
          (c) => c.okSchema,
        );
    },
    onSuccess: invalidate,
  });
}

/** Sends a photo's raw bytes (the server types it by its content and makes the display size and thumbnail). */
async function uploadPhoto(productId: number, file: File): Promise<ProductPhoto> {
  const headers: Record<string, string> = { "Content-Type": "application/octet-stream", Accept: "application/json" };
  const token = readCookie(CSRF_COOKIE);
  if (token) headers[CSRF_HEADER] = token;
  let response: Response;
  try {
    response = await fetch(`/api/products/${productId}/photos`, {
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
  return parseAnswer((await loadContract()).productPhotoSchema, payload, "POST photos");
}

export function usePhotoMutation(productId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (input: { add: File } | { remove: number }): Promise<void> => {
      if ("add" in input) await uploadPhoto(productId, input.add);
      else await apiSend("DELETE", `/api/products/${productId}/photos/${input.remove}`, undefined, (c) => c.okSchema);
    },
    onSuccess: invalidate,
  });
}

export function useInquiryMutation(productId: number) {
  return useMutation({
    mutationFn: (body: CreateInquiryBody) =>
      apiSend("POST", `/api/catalogue/products/${productId}/inquiries`, body, (c) => c.inquiryReceiptSchema),
  });
}

export function useInquiryStatusMutation(enterpriseId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { id: number; status: "new" | "answered" | "closed" }) =>
      apiSend(
        "PATCH",
        `/api/enterprises/${enterpriseId}/inquiries/${input.id}`,
        { status: input.status },
        (c) => c.inquirySchema,
      ),
    onSuccess: invalidate,
  });
}
