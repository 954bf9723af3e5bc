import { z } from "zod";

const healthFields = { db: z.enum(["sqlite", "postgres"]), version: z.string(), uptimeSeconds: z.number() };
export const healthSchema = z.object({ status: z.literal("ok"), ...healthFields });
export const healthUnavailableSchema = z.object({ status: z.literal("unavailable"), ...healthFields });
