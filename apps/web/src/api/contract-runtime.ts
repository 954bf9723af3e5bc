// The contract's schemas and zod, as one module the client loads on first use (see `loadContract` in client.ts):
// validating answers needs them, painting the first screen does not, so they stay out of the first download.
import { z } from "zod";

export * from "@sainam/contract";

/** The common `{ items: [...] }` envelope, unwrapped to its items. */
export function itemsOf<T>(item: z.ZodType<T>): z.ZodType<T[]> {
  return z.object({ items: z.array(item) }).transform((answer) => answer.items);
}
