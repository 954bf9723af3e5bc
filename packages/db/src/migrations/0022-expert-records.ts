import { sql, type Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * One source of an expert's fields (issue 13, point 1): the `experts` record (migration 0015) with its
 * expert_fields. Issue 12 kept an `expert` user's fields in user_expert_fields; from here an expert user is linked to
 * their expert record (experts.user_id, unique) and the record's fields are theirs.
 *
 * Each `expert` user without a record gets one: at a service provider of the user's agency (issue 12 used the agency
 * as the expert's provider; a real provider first, an example one next), or, when the agency has none, at a new
 * provider made for it (code EXPERTS-<agency code>, kind other, the agency's names); an expert user without an
 * agency goes to EXPERTS-UNASSIGNED. The record takes the user's name and e-mail, capacity 1, available while the
 * user is active. The user's fields are added to their record's (a user already linked keeps the record's fields
 * too). Fields of users of other roles are not carried over: the service refused them since issue 12.
 *
 * user_expert_fields is then dropped rather than left unused: a table nobody writes would go stale while still
 * looking authoritative to the next reader; everything it held is now in expert_fields.
 */
export async function up(db: Db, _dialect: Dialect): Promise<void> {
  const now = new Date().toISOString();
  const experts = (
    await sql<{
      id: number;
      display_name: string;
      email: string;
      agency_id: number | null;
      active: number;
    }>`select id, display_name, email, agency_id, active from users where role = 'expert' order by id`.execute(db)
  ).rows;
  for (const user of experts) {
    let expertId = (await sql<{ id: number }>`select id from experts where user_id = ${user.id}`.execute(db)).rows[0]
      ?.id;
    if (expertId === undefined) {
      const providerId = await providerForAgency(db, user.agency_id, now);
      expertId = (
        await sql<{ id: number }>`insert into experts
          (provider_id, user_id, display_name, contact_phone, contact_email, capacity, available, is_example, created_at, updated_at)
          values (${providerId}, ${user.id}, ${user.display_name}, null, ${user.email}, 1, ${user.active === 1 ? 1 : 0}, 0, ${now}, ${now})
          returning id`.execute(db)
      ).rows[0]?.id;
      if (expertId === undefined) throw new Error(`0022: no expert record made for user ${user.id}`);
    }
    await sql`insert into expert_fields (expert_id, field)
      select ${expertId}, f.field from user_expert_fields f
      where f.user_id = ${user.id}
        and not exists (select 1 from expert_fields e where e.expert_id = ${expertId} and e.field = f.field)`.execute(
      db,
    );
  }
  await db.schema.dropTable("user_expert_fields").execute();
}

/** The provider an agency's expert users join: one of the agency's (real first), else one made for the agency. */
async function providerForAgency(db: Db, agencyId: number | null, now: string): Promise<number> {
  if (agencyId !== null) {
    const existing = (
      await sql<{ id: number }>`select id from service_providers where agency_id = ${agencyId}
        order by is_example, id limit 1`.execute(db)
    ).rows[0];
    if (existing) return existing.id;
  }
  const agency =
    agencyId === null
      ? undefined
      : (
          await sql<{
            code: string;
            name_th: string | null;
            name_en: string | null;
          }>`select code, name_th, name_en from agencies where id = ${agencyId}`.execute(db)
        ).rows[0];
  const code = agency ? `EXPERTS-${agency.code}` : "EXPERTS-UNASSIGNED";
  const taken = (
    await sql<{ id: number; agency_id: number | null }>`
    select id, agency_id from service_providers where code = ${code}`.execute(db)
  ).rows[0];
  if (taken && taken.agency_id === agencyId) return taken.id;
  const free = taken ? `${code}-${agencyId ?? 0}` : code;
  const inserted = (
    await sql<{ id: number }>`insert into service_providers
      (code, name_th, name_en, kind, parent_id, agency_id, contact_name, contact_phone, contact_email, website,
       is_example, created_at, updated_at)
      values (${free}, ${agency?.name_th ?? (agency ? null : "ผู้เชี่ยวชาญที่ยังไม่ระบุหน่วยบริการ")},
        ${agency?.name_en ?? (agency ? agency.code : "Experts without a provider")}, 'other', null, ${agencyId},
        null, null, null, null, 0, ${now}, ${now})
      returning id`.execute(db)
  ).rows[0];
  if (!inserted) throw new Error(`0022: no provider made for agency ${agencyId ?? "none"}`);
  return inserted.id;
}
