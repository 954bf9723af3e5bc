import type { Kysely } from "kysely";
import { serviceFigureRollup, type DB } from "@sainam/db";
import { ok, unique, type SignedIn } from "./factories.ts";
import type { Client } from "./test-app.ts";

/** A provider offering the fields in the provinces, added by the client (an admin or an officer of `agencyId`). */
export async function createServiceProvider(
  as: Client,
  overrides: {
    agencyId?: number | null;
    provinceCodes?: string[];
    services?: string[];
    kind?: string;
    parentId?: number;
  } = {},
): Promise<{ id: number; code: string }> {
  const n = unique();
  return ok(
    as.request("POST", "/api/service-providers", {
      code: `SP${n}`,
      kind: "sme_centre",
      nameTh: `ศูนย์บริการ ${n}`,
      provinceCodes: ["57"],
      services: ["logistics"],
      ...overrides,
    }),
    201,
  );
}

/** An expert of the provider, added by the client; `userId` links them to an `expert` user. */
export async function createServiceExpert(
  as: Client,
  providerId: number,
  overrides: {
    userId?: number | null;
    fields?: string[];
    areas?: { type: "province" | "region"; code: string }[];
    capacity?: number;
    available?: boolean;
    displayName?: string;
  } = {},
): Promise<{ id: number; userId: number | null }> {
  // An expert user gets a record of their own when the account is made (migration 0022's rule); a test that gives
  // the user this new record first frees them from that one.
  if (overrides.userId) {
    const user = await ok<{ expertId: number | null }>(as.request("GET", `/api/users/${overrides.userId}`));
    if (user.expertId !== null) await ok(as.request("PATCH", `/api/experts/${user.expertId}`, { userId: null }));
  }
  return ok(
    as.request("POST", "/api/experts", {
      providerId,
      displayName: `ผู้เชี่ยวชาญ ${unique()}`,
      fields: ["logistics"],
      capacity: 5,
      ...overrides,
    }),
    201,
  );
}

/** Makes the user a manager of the provider (the provider page will keep these; tests write them directly). */
export async function addProviderManager(db: Kysely<DB>, providerId: number, user: SignedIn | number) {
  const userId = typeof user === "number" ? user : user.userId;
  await db.insertInto("provider_managers").values({ provider_id: providerId, user_id: userId }).execute();
}

/**
 * A request stored directly, as if filed and routed: for tests of what follows filing (access, case work) that
 * should not depend on routing's choices.
 */
export async function insertServiceRequest(
  db: Kysely<DB>,
  values: {
    enterpriseId: number;
    status?: string;
    providerId?: number | null;
    expertId?: number | null;
    consent?: boolean;
    field?: string;
    provinceCode?: string;
    filedBy?: number | null;
  },
): Promise<number> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto("service_requests")
    .values({
      code: `SRT-${unique()}`,
      enterprise_id: values.enterpriseId,
      field: values.field ?? "logistics",
      need_text: "ต้องการคำปรึกษาเรื่องการขนส่งสินค้า",
      province_code: values.provinceCode ?? "57",
      mode: "visit",
      consent_contacts: values.consent === true ? 1 : 0,
      consent_at: values.consent === true ? now : null,
      filed_via: "member",
      filed_by: values.filedBy ?? null,
      filed_at: now,
      status: values.status ?? (values.expertId ? "assigned" : "unassigned"),
      provider_id: values.providerId ?? null,
      expert_id: values.expertId ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // Inserted as the server would: counted in the service figures' roll-up.
  await serviceFigureRollup.recordFiledRequest(db, row.id);
  return row.id;
}
