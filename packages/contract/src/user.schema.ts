import { z } from "zod";
import { expertFields, roles } from "@sainam/core";
import { PASSWORD_MIN_LENGTH } from "./choices.ts";

export const roleSchema = z.enum(roles);
export const localeSchema = z.enum(["th", "en"]);
export const expertFieldSchema = z.enum(expertFields);
const expertFieldList = z.array(expertFieldSchema).max(expertFields.length);

export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  agencyId: z.number().int().nullable(),
  clusterIds: z.array(z.number().int()),
  enterpriseId: z.number().int().nullable(),
  /**
   * An expert's record (the `experts` row linked to the user) and its provider; null for other roles. The record is
   * the one place an expert's fields are kept: `expertFields` are its fields (empty for other roles).
   */
  expertId: z.number().int().nullable(),
  providerId: z.number().int().nullable(),
  expertFields: z.array(z.string()),
  locale: localeSchema,
  active: z.boolean(),
  /** An admin reset the password: the user must choose a new one before doing anything else. */
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});

const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "must be at most 200 characters");
const displayName = z.string().trim().min(1, "must not be empty").max(200);

export const createUserBody = z
  .object({
    email: z.email("must be an e-mail address").max(254),
    displayName,
    password,
    role: roleSchema,
    agencyId: z.number().int().positive().nullable().optional(),
    clusterIds: z.array(z.number().int().positive()).max(500).optional(),
    enterpriseId: z.number().int().positive().nullable().optional(),
    /** An expert: link this existing expert record (not yet linked to a user)… */
    expertId: z.number().int().positive().optional(),
    /** …or make one at this service provider, with `expertFields`. */
    providerId: z.number().int().positive().optional(),
    expertFields: expertFieldList.optional(),
    locale: localeSchema.optional(),
  })
  .strict();
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .object({
    displayName: displayName.optional(),
    role: roleSchema.optional(),
    agencyId: z.number().int().positive().nullable().optional(),
    clusterIds: z.array(z.number().int().positive()).max(500).optional(),
    enterpriseId: z.number().int().positive().nullable().optional(),
    /** An expert: link this expert record instead of their current one (which stays, unlinked). */
    expertId: z.number().int().positive().optional(),
    /** An expert: their record moves to this provider (or, with no record yet, one is made there). */
    providerId: z.number().int().positive().optional(),
    expertFields: expertFieldList.optional(),
    active: z.boolean().optional(),
    password: password.optional(),
    locale: localeSchema.optional(),
  })
  .strict();
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const updateMeBody = z
  .object({
    locale: localeSchema.optional(),
    displayName: displayName.optional(),
  })
  .strict();

/** `POST /auth/password`: a signed-in user changes their own password. */
export const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1, "is required").max(200),
    newPassword: password,
  })
  .strict();
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

/** `POST /users/{id}/reset-password`: an admin sets a temporary password the user must change at next sign-in. */
export const resetPasswordBody = z.object({ temporaryPassword: password }).strict();
export type ResetPasswordBody = z.infer<typeof resetPasswordBody>;

export const listUsersQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  q: z.string().trim().max(200).optional(),
});

export const userListSchema = z.object({
  items: z.array(userSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const loginBody = z.object({
  email: z.string().trim().min(1, "is required").max(254),
  password: z.string().min(1, "is required").max(200),
});
export type LoginBody = z.infer<typeof loginBody>;
export const loginResultSchema = z.object({ user: userSchema, csrfToken: z.string() });
export type LoginResult = z.infer<typeof loginResultSchema>;
/** `GET /auth/me`: the signed-in user, or nulls for a visitor. */
export const sessionSchema = z.object({ user: userSchema.nullable(), csrfToken: z.string().nullable() });
export type Session = z.infer<typeof sessionSchema>;
export const meSchema = z.object({ user: userSchema });
