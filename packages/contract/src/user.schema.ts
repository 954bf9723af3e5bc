import { z } from "zod";
import { roles } from "@sainam/core";
import { PASSWORD_MIN_LENGTH } from "./choices.ts";

export const roleSchema = z.enum(roles);
export const localeSchema = z.enum(["th", "en"]);

export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  agencyId: z.number().int().nullable(),
  clusterIds: z.array(z.number().int()),
  enterpriseId: z.number().int().nullable(),
  locale: localeSchema,
  active: z.boolean(),
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
