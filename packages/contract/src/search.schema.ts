import { z } from "zod";
import { sizeClasses } from "@sainam/core";
import { stages } from "./cluster.schema.ts";
import { searchResultTypes } from "./choices.ts";

/** The deepest result a page may reach: search is for finding, a list of every firm is the registry's. */
export const MAX_RESULT_DEPTH = 10_000;

export const searchQuery = z
  .object({
    q: z.string().trim().min(1, "is required").max(200),
    type: z.enum(searchResultTypes).optional(),
    province: z
      .string()
      .regex(/^\d{2}$/, "must be a 2-digit province code")
      .optional(),
    region: z.string().trim().min(1).max(40).optional(),
    provincialCluster: z.coerce.number().int().positive().optional(),
    stage: z.enum(stages).optional(),
    size: z.enum(sizeClasses).optional(),
    sector: z
      .string()
      .regex(/^\d{1,5}$/, "must be a TSIC code prefix")
      .optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => (q.page - 1) * q.pageSize < MAX_RESULT_DEPTH, {
    path: ["page"],
    message: `goes past the first ${MAX_RESULT_DEPTH.toLocaleString("en")} results: add words or filters to narrow the search`,
  });
export type SearchRequestQuery = z.infer<typeof searchQuery>;

export const searchHitSchema = z.object({
  type: z.enum(searchResultTypes),
  id: z.number().int(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
  snippet: z.string().nullable(),
  provinceCode: z.string().nullable(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultsSchema = z.object({
  items: z.array(searchHitSchema),
  total: z.number().int(),
  totalIsEstimate: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SearchResults = z.infer<typeof searchResultsSchema>;
