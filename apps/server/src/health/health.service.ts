import { reference } from "@sainam/db";
import type { AppContext } from "../context.ts";

/** Whether the database answers a trivial query: the health check's one question. */
export async function databaseReachable(ctx: AppContext): Promise<boolean> {
  try {
    await reference.ping(ctx.database.db);
    return true;
  } catch {
    return false;
  }
}
