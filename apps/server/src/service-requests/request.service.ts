import type { Actor } from "@sainam/core";
import type { AppContext } from "../context.ts";
import { loadRequestFor } from "./request-access.ts";
import { presentDetail } from "./request.presenter.ts";

/** One request with its timeline, offers and attachments, as the caller may see it (404 if they may not). */
export async function getServiceRequest(ctx: AppContext, actor: Actor, id: number) {
  const { db } = ctx.database;
  const { request, resource } = await loadRequestFor(db, actor, id, "read");
  return presentDetail(db, actor, request, resource);
}
