import { fiscalYearRange } from "@sainam/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import {
  agencyIds,
  createActivity,
  createCluster,
  createEnterprise,
  createMembership,
  createProgramme,
  ok,
  signInAs,
} from "../test-support/factories.ts";

type SupportedPage = {
  items: Array<{ enterpriseId: number; fiscalYear: number; clusterId: number | null }>;
  total: number;
  firms: number;
};
type Figures = { firms: number; anonymousParticipants: number };
type AddResult = { dryRun: boolean; added: number[]; alreadySupported: number[] };

let t: TestApp;
let officer: Client;
let osmepOfficer: Client;
let coordinator: Client;
let member: Client;
let ids: {
  programme: number;
  coffee: number;
  tea: number;
  firms: { both: number; coffeeOnly: number; teaOnly: number; left: number; pending: number; outsider: number };
};

async function supported(query = ""): Promise<SupportedPage> {
  return ok<SupportedPage>(officer.request("GET", `/api/programmes/${ids.programme}/enterprises?pageSize=100${query}`));
}

async function figures(fiscalYear?: number): Promise<Figures> {
  const q = fiscalYear === undefined ? "" : `?fiscalYear=${fiscalYear}`;
  const body = await ok<{ years: Array<{ fiscalYear: number; recorded: Figures }> }>(
    officer.request("GET", `/api/programmes/${ids.programme}/figures${q}`),
  );
  const year = body.years.find((y) => y.fiscalYear === fiscalYear);
  if (!year) throw new Error(`no figures for ${fiscalYear}`);
  return year.recorded;
}

async function participantsOf(fiscalYear: number): Promise<number[]> {
  const rows = await t.ctx.database.db
    .selectFrom("activity_participants as ap")
    .innerJoin("activities as a", "a.id", "ap.activity_id")
    .select("ap.enterprise_id")
    .where("a.programme_id", "=", ids.programme)
    .where("a.fiscal_year", "=", fiscalYear)
    .execute();
  return rows.map((r) => r.enterprise_id);
}

async function addMembers(as: Client, clusterId: number, fiscalYear: number, dryRun?: boolean) {
  return as.request("POST", `/api/programmes/${ids.programme}/enterprises/cluster-members`, {
    clusterId,
    fiscalYear,
    ...(dryRun === undefined ? {} : { dryRun }),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const { DIP: dip, OSMEP: osmep } = await agencyIds(t, "DIP", "OSMEP");
  officer = await signInAs(t, "agency_officer", { agencyId: dip });
  osmepOfficer = await signInAs(t, "agency_officer", { agencyId: osmep });
  const coffee = await createCluster(officer, { code: "count-coffee", nameEn: "Coffee", published: true });
  const tea = await createCluster(officer, { code: "count-tea", nameEn: "Tea", published: true });
  const firm = async (nameTh: string) => (await createEnterprise(officer, { nameTh, published: true })).id;
  const firms = {
    both: await firm("บริษัท สองคลัสเตอร์ จำกัด"),
    coffeeOnly: await firm("บริษัท กาแฟ จำกัด"),
    teaOnly: await firm("บริษัท ชา จำกัด"),
    left: await firm("บริษัท ออกแล้ว จำกัด"),
    pending: await firm("บริษัท รออนุมัติ จำกัด"),
    outsider: await firm("บริษัท ผู้เข้าร่วม จำกัด"),
  };
  await createMembership(officer, coffee.id, firms.both);
  await createMembership(officer, tea.id, firms.both);
  await createMembership(officer, coffee.id, firms.coffeeOnly);
  await createMembership(officer, tea.id, firms.teaOnly);
  const left = await createMembership(officer, coffee.id, firms.left);
  const pending = await createMembership(officer, coffee.id, firms.pending);
  // A past membership, and one awaiting approval: neither is a current member.
  const { db } = t.ctx.database;
  await db.updateTable("memberships").set({ left_on: "2022-01-01" }).where("id", "=", left.membershipId).execute();
  await db
    .updateTable("memberships")
    .set({ approved_at: null, approved_by: null })
    .where("id", "=", pending.membershipId)
    .execute();
  coordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [coffee.id] });
  member = await signInAs(t, "member", { enterpriseId: firms.coffeeOnly });
  const programme = await createProgramme(officer, {
    code: "count-prog",
    agencyId: dip,
    firstFiscalYear: 2023,
    published: true,
  });
  ids = { programme: programme.id, coffee: coffee.id, tea: tea.id, firms };
});
afterAll(async () => {
  await t.close();
});

describe("add all of a cluster's current members", () => {
  it("previews how many would be added, adding nothing", async () => {
    const preview = await ok<AddResult>(addMembers(officer, ids.coffee, 2024, true));
    expect(preview.dryRun).toBe(true);
    expect(preview.added.sort()).toEqual([ids.firms.both, ids.firms.coffeeOnly].sort());
    expect(preview.alreadySupported).toEqual([]);
    expect((await supported()).total).toBe(0);
  });

  it("adds current members only, through the cluster, as one audit entry", async () => {
    const result = await ok<AddResult>(addMembers(officer, ids.coffee, 2024));
    expect(result.added.sort()).toEqual([ids.firms.both, ids.firms.coffeeOnly].sort());
    const list = await supported("&fiscalYear=2024");
    expect(list.items.map((i) => i.enterpriseId).sort()).toEqual(result.added.sort());
    expect(list.items.every((i) => i.clusterId === ids.coffee)).toBe(true);
    const entries = await t.ctx.database.db
      .selectFrom("audit_log")
      .select(["after_json"])
      .where("action", "=", "programme.enterprise.add_cluster_members")
      .where("entity_id", "=", String(ids.programme))
      .execute();
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0])).toContain(String(ids.firms.coffeeOnly));
  });

  it("is idempotent: members already supported are skipped and reported, and nothing more is audited", async () => {
    const again = await ok<AddResult>(addMembers(officer, ids.coffee, 2024));
    expect(again.added).toEqual([]);
    expect(again.alreadySupported.sort()).toEqual([ids.firms.both, ids.firms.coffeeOnly].sort());
    const tea = await ok<AddResult>(addMembers(officer, ids.tea, 2024));
    expect(tea.added).toEqual([ids.firms.teaOnly]);
    expect(tea.alreadySupported).toEqual([ids.firms.both]);
    const audited = await t.ctx.database.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "programme.enterprise.add_cluster_members")
      .execute();
    expect(audited).toHaveLength(2);
  });

  it("follows the policy of adding one firm", async () => {
    expect((await addMembers(t.anonymous, ids.coffee, 2024)).statusCode).toBe(401);
    expect((await addMembers(member, ids.coffee, 2024)).statusCode).toBe(403);
    expect((await addMembers(coordinator, ids.coffee, 2024)).statusCode).toBe(403);
    expect((await addMembers(osmepOfficer, ids.coffee, 2024)).statusCode).toBe(403);
    const unknown = await addMembers(officer, 999_999, 2024);
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain("clusterId");
  });

  it("adds the members another agency's officer could add one by one, unpublished firms included", async () => {
    const { OSMEP: osmep } = await agencyIds(t, "OSMEP");
    const herb = await createCluster(officer, { code: "count-herb", nameEn: "Herbs", published: true });
    const open = await createEnterprise(officer, { nameTh: "บริษัท สมุนไพรเปิด จำกัด", published: true });
    const closed = await createEnterprise(officer, { nameTh: "บริษัท สมุนไพรปิด จำกัด", published: false });
    await createMembership(officer, herb.id, open.id);
    await createMembership(officer, herb.id, closed.id);
    const theirs = await createProgramme(osmepOfficer, { code: "count-osmep", agencyId: osmep, firstFiscalYear: 2023 });
    const path = `/api/programmes/${theirs.id}/enterprises`;
    const one = await osmepOfficer.request("POST", path, { enterpriseId: closed.id, fiscalYear: 2023 });
    expect(one.statusCode).toBe(201);
    const all = await ok<AddResult>(
      osmepOfficer.request("POST", `${path}/cluster-members`, { clusterId: herb.id, fiscalYear: 2023 }),
    );
    expect(all).toMatchObject({ added: [open.id], alreadySupported: [closed.id] });
  });
});

describe("counts of supported firms match the lists they summarise", () => {
  beforeAll(async () => {
    // The same firm supported in a second fiscal year; a participant that is no listed firm; unnamed people.
    await ok(
      officer.request("POST", `/api/programmes/${ids.programme}/enterprises`, {
        enterpriseId: ids.firms.both,
        fiscalYear: 2025,
      }),
      201,
    );
    await createActivity(officer, {
      programmeId: ids.programme,
      startsOn: fiscalYearRange(2024).start,
      participantIds: [ids.firms.outsider, ids.firms.coffeeOnly],
      participantCount: 40,
    });
  });

  it("the list's firm count is its distinct firms, per fiscal year and across years", async () => {
    for (const query of ["", "&fiscalYear=2024", "&fiscalYear=2025"]) {
      const list = await supported(query);
      expect(list.total).toBe(list.items.length);
      expect(list.firms).toBe(new Set(list.items.map((i) => i.enterpriseId)).size);
    }
    const all = await supported();
    expect(all.total).toBe(4); // three firms in 2024, the firm in two clusters again in 2025
    expect(all.firms).toBe(3);
  });

  it("a firm in two clusters is one row and one firm", async () => {
    const list = await supported("&fiscalYear=2024");
    expect(list.items.filter((i) => i.enterpriseId === ids.firms.both)).toHaveLength(1);
    expect(list.firms).toBe(3);
  });

  it("the figures' firms are the supported list and the named participants, de-duplicated; unnamed people apart", async () => {
    for (const fy of [2024, 2025]) {
      const listed = (await supported(`&fiscalYear=${fy}`)).items.map((i) => i.enterpriseId);
      const named = await participantsOf(fy);
      const f = await figures(fy);
      expect(f.firms).toBe(new Set([...listed, ...named]).size);
    }
    const f2024 = await figures(2024);
    expect(f2024.firms).toBe(4); // 3 listed + the participant that is not listed
    expect(f2024.anonymousParticipants).toBe(40);
  });
});

describe("a cluster's member count matches its member list, for each viewer", () => {
  type MemberList = {
    items: Array<{ enterpriseId: number; approved: boolean; leftOn: string | null }>;
    notListed: number;
  };

  it("counts current approved members: those listed, plus the unpublished ones a viewer is not shown", async () => {
    const rice = await createCluster(officer, { code: "count-rice", nameEn: "Rice", published: true });
    const open = await createEnterprise(officer, { nameTh: "บริษัท ข้าวเปิด จำกัด", published: true });
    const closed = await createEnterprise(officer, { nameTh: "บริษัท ข้าวปิด จำกัด", published: false });
    const gone = await createEnterprise(officer, { nameTh: "บริษัท ข้าวออก จำกัด", published: true });
    const waiting = await createEnterprise(officer, { nameTh: "บริษัท ข้าวรอ จำกัด", published: true });
    await createMembership(officer, rice.id, open.id);
    await createMembership(officer, rice.id, closed.id);
    await createMembership(officer, rice.id, ids.firms.both); // the firm is in two other clusters too
    const left = await createMembership(officer, rice.id, gone.id);
    const pending = await createMembership(officer, rice.id, waiting.id);
    const { db } = t.ctx.database;
    await db.updateTable("memberships").set({ left_on: "2023-01-01" }).where("id", "=", left.membershipId).execute();
    await db
      .updateTable("memberships")
      .set({ approved_at: null, approved_by: null })
      .where("id", "=", pending.membershipId)
      .execute();

    for (const viewer of [officer, t.anonymous, member]) {
      const detail = await ok<{ memberCount: number }>(viewer.request("GET", `/api/clusters/${rice.id}`));
      const list = await ok<MemberList>(viewer.request("GET", `/api/clusters/${rice.id}/members`));
      const listedCurrent = list.items.filter((m) => m.approved && m.leftOn === null);
      expect(detail.memberCount).toBe(3);
      expect(detail.memberCount).toBe(listedCurrent.length + list.notListed);
      const withPast = await ok<MemberList>(viewer.request("GET", `/api/clusters/${rice.id}/members?past=true`));
      expect(withPast.notListed).toBe(list.notListed);
    }
    expect((await ok<MemberList>(officer.request("GET", `/api/clusters/${rice.id}/members`))).notListed).toBe(0);
    expect((await ok<MemberList>(t.anonymous.request("GET", `/api/clusters/${rice.id}/members`))).notListed).toBe(1);
    const listed = await ok<{ items: Array<{ id: number; memberCount: number }> }>(
      t.anonymous.request("GET", `/api/clusters?pageSize=100`),
    );
    expect(listed.items.find((c) => c.id === rice.id)?.memberCount).toBe(3);
    // Adding "all of this cluster's members" adds exactly the members the count counts.
    const added = await ok<AddResult>(addMembers(officer, rice.id, 2026, true));
    expect(added.added.length + added.alreadySupported.length).toBe(3);
  });
});
