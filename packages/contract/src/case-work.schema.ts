import {
  computedSources,
  isPeriodKey,
  MAX_CASE_TEXT,
  MAX_CONSULTATION_HOURS,
  MAX_RATING_COMMENT,
  MAX_TASK_TITLE,
  serviceModes,
} from "@sainam/core";
import { z } from "zod";
import { outcomeKinds } from "./choices.ts";
import { ceIsoDate, notBuddhistPeriodKey } from "./common.schema.ts";
import { claimSchema } from "./programme.schema.ts";
import { valueSchema } from "./indicator-value.schema.ts";

// Case work on a request for help (issue 13, point 5): consultations, follow-up tasks, closure with a result, the
// firm's rating, and the claim the result becomes.

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const requestChildParams = z.object({
  id: z.coerce.number().int().positive(),
  itemId: z.coerce.number().int().positive(),
});

const consultationFields = {
  heldOn: ceIsoDate,
  mode: z.enum(serviceModes),
  hours: z
    .number()
    .gt(0, "must be more than zero")
    .max(MAX_CONSULTATION_HOURS, `must be at most ${MAX_CONSULTATION_HOURS}`),
  advice: text(MAX_CASE_TEXT),
  nextSteps: optionalText(MAX_CASE_TEXT),
};
export const createConsultationBody = z.object(consultationFields).strict();
export type CreateConsultationBody = z.infer<typeof createConsultationBody>;
export const updateConsultationBody = z
  .object({
    heldOn: consultationFields.heldOn.optional(),
    mode: consultationFields.mode.optional(),
    hours: consultationFields.hours.optional(),
    advice: consultationFields.advice.optional(),
    nextSteps: consultationFields.nextSteps,
  })
  .strict();
export type UpdateConsultationBody = z.infer<typeof updateConsultationBody>;

export const consultationSchema = z.object({
  id: z.number().int(),
  requestId: z.number().int(),
  expertId: z.number().int().nullable(),
  heldOn: z.string(),
  mode: z.string(),
  hours: z.number(),
  advice: z.string(),
  nextSteps: z.string().nullable(),
  createdBy: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Consultation = z.infer<typeof consultationSchema>;

export const createTaskBody = z
  .object({ title: text(MAX_TASK_TITLE), dueOn: ceIsoDate.nullable().optional() })
  .strict();
export type CreateTaskBody = z.infer<typeof createTaskBody>;
export const updateTaskBody = z
  .object({
    title: text(MAX_TASK_TITLE).optional(),
    dueOn: ceIsoDate.nullable().optional(),
    done: z.boolean().optional(),
  })
  .strict();
export type UpdateTaskBody = z.infer<typeof updateTaskBody>;

export const requestTaskSchema = z.object({
  id: z.number().int(),
  requestId: z.number().int(),
  title: z.string(),
  dueOn: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});
export type RequestTask = z.infer<typeof requestTaskSchema>;

const baht = z.number().min(0, "must be zero or more").max(1e13);

export const closeRequestBody = z
  .object({
    outcomeKind: z.enum(outcomeKinds),
    amount: baht.nullable().optional(),
    resultText: text(MAX_CASE_TEXT),
    /** The programme that funded the service, when the request names none yet (one the firm takes part in). */
    programmeId: z.number().int().positive().nullable().optional(),
  })
  .strict();
export type CloseRequestBody = z.infer<typeof closeRequestBody>;

export const rateRequestBody = z
  .object({ rating: z.number().int().min(1).max(5), comment: optionalText(MAX_RATING_COMMENT) })
  .strict();
export type RateRequestBody = z.infer<typeof rateRequestBody>;

export const claimRequestBody = z
  .object({
    /** Needed only when the request names no funding programme: one the firm takes part in. */
    programmeId: z.number().int().positive().nullable().optional(),
  })
  .strict();
export type ClaimRequestBody = z.infer<typeof claimRequestBody>;

const programmeBrief = z.object({
  id: z.number().int(),
  code: z.string(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
});

/** Everything the case-work panel of a request shows, and what the caller may do there. */
export const caseWorkSchema = z.object({
  requestId: z.number().int(),
  code: z.string(),
  status: z.string(),
  consultations: z.array(consultationSchema),
  tasks: z.array(requestTaskSchema),
  closure: z
    .object({
      closedAt: z.string(),
      closedBy: z.number().int().nullable(),
      outcomeKind: z.string(),
      amount: z.number().nullable(),
      resultText: z.string(),
    })
    .nullable(),
  rating: z.object({ rating: z.number().int(), comment: z.string().nullable(), ratedAt: z.string() }).nullable(),
  /** The funding programme named on the request, if any. */
  programme: programmeBrief.nullable(),
  /** The claim the outcome became (its verification goes on in the programme's claims). */
  claim: z
    .object({
      id: z.number().int(),
      amount: z.number(),
      fiscalYear: z.number().int(),
      method: z.string(),
      verification: z.string(),
      programmeIds: z.array(z.number().int()),
    })
    .nullable(),
  /** Programmes the outcome may be claimed for when the request names none (those the firm takes part in). */
  programmeChoices: z.array(programmeBrief),
  /** work: consultations and new tasks; tasks: tick tasks off (also after closure). */
  can: z.object({
    work: z.boolean(),
    tasks: z.boolean(),
    close: z.boolean(),
    rate: z.boolean(),
    claim: z.boolean(),
  }),
});
export type CaseWork = z.infer<typeof caseWorkSchema>;

export const claimRequestResponse = z.object({ claim: claimSchema, caseWork: caseWorkSchema });

// ——— Indicators computed from ratings ———

export const computedSourceBody = z
  .object({
    source: z.enum(computedSources).nullable(),
    /** Only requests of this agency's providers (null: every provider). */
    agencyId: z.number().int().positive().nullable().optional(),
  })
  .strict();
export type ComputedSourceBody = z.infer<typeof computedSourceBody>;
export const computedSourceSchema = z.object({
  indicatorId: z.number().int(),
  source: z.enum(computedSources).nullable(),
  agencyId: z.number().int().nullable(),
});

export const computeValueBody = z
  .object({
    periodKey: z
      .string()
      .trim()
      .refine(...notBuddhistPeriodKey)
      .refine((key) => isPeriodKey(key), {
        message: "must be a period key such as FY2027, CY2027 or FY2027-Q1",
        params: { code: "invalid_format", format: "period_key" },
      }),
  })
  .strict();
export const computedValueResponse = z.object({
  /** The value as written (a draft for the plan's approval), or null when no request closed in the period was rated. */
  value: valueSchema.nullable(),
  ratings: z.number().int(),
  percent: z.number().nullable(),
  outcome: z.enum(["created", "updated", "unchanged", "no_ratings"]),
});
