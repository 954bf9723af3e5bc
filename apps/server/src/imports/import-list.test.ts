import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import {
  agencyIds,
  createCluster,
  createEnterprise,
  newJuristicId,
  signInAs,
  unique,
  uploadImportFile,
} from "../test-support/factories.ts";

// The import history: GET /api/imports lists the caller's own batches; an admin may list every user's and take
// another's over from there. Never the upload's path.
let t: TestApp;
let admin: Client;
let officer: Client;
let coordinator: Client;
let member: Client;
let expert: Client;
let officerId: number;

/** Uploads a one-firm enterprise file of its own as the client; answers the preview. */
const upload = (
  client: Client,
  fileName: string,
): Promise<{ batchId: number; suggestedMapping: Record<string, string> }> =>
  uploadImportFile(
    t,
    client,
    "enterprises",
    fileName,
    `เลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล\n${newJuristicId()},บริษัท ประวัติ ${unique()} จำกัด\n`,
  );

type Item = {
  batchId: number;
  kind: string;
  fileName: string;
  status: string;
  counts: unknown;
  mine: boolean;
  owner: { userId: number | null; displayName: string | null } | null;
  canRunAgain: boolean;
  canTakeOver: boolean;
  createdAt: string;
  finishedAt: string | null;
};
type Page = { items: Item[]; total: number; page: number; pageSize: number };

async function list(client: Client, query = ""): Promise<Page> {
  const response = await client.request("GET", `/api/imports${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
  const { MOC: moc } = await agencyIds(t, "MOC");
  const officerUser = await signInAs(t, "agency_officer", { displayName: "Officer Somsri", agencyId: moc });
  officerId = officerUser.userId;
  officer = officerUser;
  const cluster = await createCluster(admin, { coordinatingAgencyId: moc, provinceCodes: ["50"], published: true });
  coordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [cluster.id] });
  expert = await signInAs(t, "expert");
  const firm = await createEnterprise(admin, { provinceCode: "50", published: true });
  member = await signInAs(t, "member", { enterpriseId: firm.id });
});
afterAll(async () => {
  await t.close();
});

describe("#imports.list", () => {
  it("lists the caller's own batches newest first, without the upload's path, and not another user's", async () => {
    const first = await upload(officer, "first.csv");
    const second = await upload(officer, "second.csv");
    const others = await upload(coordinator, "coordinator.csv");
    const page = await list(officer);
    expect(page.items.map((i) => i.batchId)).toEqual([second.batchId, first.batchId]);
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 25 });
    expect(page.items[0]).toMatchObject({
      fileName: "second.csv",
      kind: "enterprises",
      status: "uploaded",
      counts: null,
      mine: true,
      owner: null,
      canRunAgain: true,
      canTakeOver: false,
      finishedAt: null,
    });
    const text = JSON.stringify(page);
    expect(text).not.toMatch(/sainam-imports|[Pp]ath/);
    expect((await list(coordinator)).items.map((i) => i.batchId)).toEqual([others.batchId]);
  });

  it("shows a run batch's counts and finish time, and no longer offers to run it", async () => {
    const batch = await upload(coordinator, "run.csv");
    const run = await coordinator.request("POST", `/api/imports/${batch.batchId}/run`, {
      mapping: batch.suggestedMapping,
    });
    expect(run.statusCode, run.body).toBe(202);
    await expect
      .poll(
        async () => (await list(coordinator, "?status=done")).items.find((i) => i.batchId === batch.batchId)?.status,
        { timeout: 15_000 },
      )
      .toBe("done");
    const item = (await list(coordinator)).items.find((i) => i.batchId === batch.batchId);
    expect(item).toMatchObject({ counts: { imported: 1, updated: 0, skipped: 0, errors: 0 }, canRunAgain: false });
    expect(item?.finishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await list(coordinator, "?status=uploaded")).items.map((i) => i.batchId)).not.toContain(batch.batchId);
    expect((await list(coordinator, "?kind=linkages")).items).toEqual([]);
  });

  it("lets an admin list every user's batches with the owner's name and take another's over", async () => {
    const batch = await upload(officer, "for-admin.csv");
    const own = await upload(admin, "admins-own.csv");
    expect((await list(admin)).items.map((i) => i.batchId)).toEqual([own.batchId]);
    const all = await list(admin, "?owner=all");
    expect(all.items[0]).toMatchObject({
      batchId: own.batchId,
      mine: true,
      owner: null,
      canTakeOver: false,
      canRunAgain: true,
    });
    const theirs = all.items.find((i) => i.batchId === batch.batchId);
    expect(theirs).toMatchObject({
      mine: false,
      owner: { userId: officerId, displayName: "Officer Somsri" },
      canTakeOver: true,
      canRunAgain: false,
    });
    expect(all.total).toBeGreaterThanOrEqual(5);

    expect((await admin.request("GET", `/api/imports/${batch.batchId}`)).statusCode).toBe(404);
    const takeover = await admin.request("POST", `/api/imports/${batch.batchId}/takeover`, {});
    expect(takeover.statusCode, takeover.body).toBe(200);
    expect((await list(admin)).items.map((i) => i.batchId)).toEqual([own.batchId, batch.batchId]);
    expect((await list(officer)).items.map((i) => i.batchId)).not.toContain(batch.batchId);
  });

  it("pages the list", async () => {
    for (let i = 0; i < 3; i++) await upload(officer, `page-${i}.csv`);
    const total = (await list(officer)).total;
    const pages = [
      await list(officer, "?page=1&pageSize=2"),
      await list(officer, "?page=2&pageSize=2"),
      await list(officer, `?page=${Math.ceil(total / 2) + 1}&pageSize=2`),
    ];
    expect(pages[0]).toMatchObject({ page: 1, pageSize: 2, total });
    expect(pages[0]?.items).toHaveLength(2);
    expect(pages[1]?.items).toHaveLength(2);
    expect(pages[2]?.items).toEqual([]);
    const ids = [...(pages[0]?.items ?? []), ...(pages[1]?.items ?? [])].map((i) => i.batchId);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(4);
    expect((await officer.request("GET", "/api/imports?pageSize=500")).statusCode).toBe(400);
  });

  it("answers 401 to the public and 403 to members, experts and a non-admin asking for every user's", async () => {
    expect((await t.anonymous.request("GET", "/api/imports")).statusCode).toBe(401);
    expect((await member.request("GET", "/api/imports")).statusCode).toBe(403);
    expect((await expert.request("GET", "/api/imports")).statusCode).toBe(403);
    const refused = await officer.request("GET", "/api/imports?owner=all");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.reason).toEqual({ action: "list", resource: "import" });
  });
});

describe("#imports.preview", () => {
  it("answers the upload's preview again to the owner of a batch that can run, 404 to others, 409 once it ran", async () => {
    const batch = await upload(officer, "resume.csv");
    const again = await officer.request("GET", `/api/imports/${batch.batchId}/preview`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      batchId: batch.batchId,
      headers: ["เลขทะเบียนนิติบุคคล", "ชื่อนิติบุคคล"],
      suggestedMapping: batch.suggestedMapping,
    });
    expect(again.json().sampleRows).toHaveLength(1);
    expect((await admin.request("GET", `/api/imports/${batch.batchId}/preview`)).statusCode).toBe(404);
    expect((await coordinator.request("GET", `/api/imports/${batch.batchId}/preview`)).statusCode).toBe(404);
    const run = await officer.request("POST", `/api/imports/${batch.batchId}/run`, { mapping: batch.suggestedMapping });
    expect(run.statusCode, run.body).toBe(202);
    await expect
      .poll(async () => (await officer.request("GET", `/api/imports/${batch.batchId}`)).json().status, {
        timeout: 15_000,
      })
      .toBe("done");
    const done = await officer.request("GET", `/api/imports/${batch.batchId}/preview`);
    expect(done.statusCode).toBe(409);
    expect(done.json().error).toMatchObject({
      code: "conflict",
      details: [{ code: "import_state", params: { status: "done" } }],
    });
  });
});
