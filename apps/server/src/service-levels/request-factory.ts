import type { Insertable } from "kysely";
import { requestCode } from "@sainam/core";
import { serviceFigureRollup, type Database, type ServiceRequestTable } from "@sainam/db";
import { createEnterprise, unique } from "../test-support/factories.ts";
import type { Client } from "../test-support/test-app.ts";

/**
 * Service requests written straight into the tables of migration 0017, for tests of the service-level checks and
 * the figures (filing and routing are another part's work; these tests need rows in given states at given times).
 */
export function requestFactory(database: Database) {
  const { db } = database;
  return {
    async provider(
      fields: {
        agencyId?: number | null;
        responseDays?: number | null;
        closureDays?: number | null;
        nameTh?: string;
      } = {},
    ): Promise<number> {
      const now = new Date().toISOString();
      const row = await db
        .insertInto("service_providers")
        .values({
          code: `SLP${unique()}`,
          name_th: fields.nameTh ?? `ศูนย์ทดสอบ ${unique()}`,
          name_en: null,
          kind: "sme_centre",
          parent_id: null,
          agency_id: fields.agencyId ?? null,
          contact_name: null,
          contact_phone: null,
          contact_email: null,
          website: null,
          response_days: fields.responseDays ?? null,
          closure_days: fields.closureDays ?? null,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async expert(providerId: number, userId: number | null = null, displayName = `ผู้เชี่ยวชาญ ${unique()}`) {
      const now = new Date().toISOString();
      // An expert user comes with a record of their own (one user, one record): this one takes them over.
      if (userId !== null)
        await db.updateTable("experts").set({ user_id: null }).where("user_id", "=", userId).execute();
      const row = await db
        .insertInto("experts")
        .values({
          provider_id: providerId,
          user_id: userId,
          display_name: displayName,
          contact_phone: null,
          contact_email: null,
          capacity: 5,
          available: 1,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async manager(providerId: number, userId: number) {
      await db.insertInto("provider_managers").values({ provider_id: providerId, user_id: userId }).execute();
    },

    /** A firm to file requests for (through the API, as an admin or officer client). */
    async enterprise(as: Client): Promise<number> {
      return (await createEnterprise<{ id: number }>(as)).id;
    },

    /** One request; by default assigned, filed and routed now, with no due dates. */
    async request(fields: Partial<Insertable<ServiceRequestTable>> & { enterprise_id: number }): Promise<number> {
      const now = new Date().toISOString();
      const n = unique();
      const row = await db
        .insertInto("service_requests")
        .values({
          code: requestCode(2570, n),
          field: "marketing",
          need_text: "ต้องการความช่วยเหลือด้านการตลาด",
          province_code: "10",
          mode: "phone",
          filed_via: "member",
          filed_at: now,
          status: "assigned",
          created_at: now,
          updated_at: now,
          ...fields,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      // Inserted as the server would: counted in the service figures' roll-up.
      await serviceFigureRollup.recordFiledRequest(db, row.id);
      return row.id;
    },
  };
}

export type RequestFactory = ReturnType<typeof requestFactory>;
