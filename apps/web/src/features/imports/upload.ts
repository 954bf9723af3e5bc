import { importPreviewSchema } from "@sainam/contract";
import {
  ApiError,
  apiErrorFrom,
  CSRF_COOKIE,
  CSRF_HEADER,
  isApiError,
  parseAnswer,
  readCookie,
  withQuery,
} from "../../api/client";
import type { ImportKind, UploadAnswer } from "./model";

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface Upload {
  done: Promise<UploadAnswer>;
  abort: () => void;
}

function errorFrom(xhr: XMLHttpRequest): Promise<ApiError> {
  let payload: unknown;
  try {
    payload = JSON.parse(xhr.responseText);
  } catch {
    payload = null;
  }
  return apiErrorFrom({
    status: xhr.status,
    statusText: xhr.statusText,
    payload,
    retryAfter: xhr.getResponseHeader("Retry-After"),
  });
}

/**
 * Sends the file's raw bytes to POST /api/imports with upload progress, which `fetch` cannot report: hence
 * XMLHttpRequest. The CSRF header is added as for every other write.
 */
export function uploadImportFile(
  kind: ImportKind | "indicator_values",
  file: File,
  onProgress: (progress: UploadProgress) => void,
): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadAnswer>((resolve, reject) => {
    xhr.open("POST", withQuery("/api/imports", { kind, fileName: file.name }));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("Accept", "application/json");
    const token = readCookie(CSRF_COOKIE);
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        void errorFrom(xhr).then(reject, reject);
        return;
      }
      try {
        resolve(parseAnswer(importPreviewSchema, JSON.parse(xhr.responseText), "POST /api/imports"));
      } catch (cause) {
        reject(
          isApiError(cause)
            ? cause
            : new ApiError({ code: "bad_response", status: xhr.status, message: "Unexpected answer: not JSON" }),
        );
      }
    };
    xhr.onerror = () => reject(new ApiError({ code: "network", status: 0, message: "Network error" }));
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
