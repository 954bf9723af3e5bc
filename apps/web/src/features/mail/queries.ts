import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";

/** Failed mail per page (admins). */
export const FAILED_MAIL_PAGE_SIZE = 50;

export const mailKeys = {
  all: ["mail"] as const,
  failed: (page: number) => ["mail", "failed", page] as const,
};

/** Mail that exhausted its retries, newest first, recipients masked by the server. */
export function useFailedMail(page: number) {
  return useQuery({
    queryKey: mailKeys.failed(page),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery("/api/mail/failed", { page, pageSize: FAILED_MAIL_PAGE_SIZE }),
        (c) => c.failedMailPageSchema,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
