import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import {
  agencyIds,
  createCluster,
  createEnterprise,
  createMembership,
  juristicId as jid,
  signInAs,
} from "../test-support/factories.ts";

// Pending approvals in one place: GET /api/memberships/pending lists the memberships waiting for the caller's
// approval (officer: their agency's clusters; admin: all; member: its own firm's) and, read-only, a
// coordinator's own clusters' pending ones.

type Pending = {
  membershipId: number;
  cluster: { id: number; code: string; nameTh: string | null; nameEn: string | null };
  enterprise: { id: number; juristicId: string | null; nameTh: string | null; nameEn: string | null };
  stage: string;
  addedAt: string;
  addedBy: { id: number; displayName: string | null } | null;
  canApprove: boolean;
};

let t: TestApp;
let admin: Client;
let dipOfficer: Client;
let osmepOfficer: Client;
let coffeeCoordinator: Client;
let teaCoordinator: Client;
let shopMember: Client;
let expert: Client;
let ids: { coffee: number; tea: number; shop: number; mill: number; farm: number; coffeeCoordinatorUser: number };

async function pending(client: Client): Promise<Pending[]> {
  const response = await client.request("GET", "/api/memberships/pending");
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

/** What a caller's list holds, as "cluster code / firm id (approvable or not)". */
async function seen(client: Client): Promise<string[]> {
  return (await pending(client))
    .map((p) => `${p.cluster.code}/${p.enterprise.id}${p.canApprove ? " approvable" : ""}`)
    .sort();
}

const sorted = (...items: string[]) => items.sort();

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
  const { DIP: dip, OSMEP: osmep } = await agencyIds(t, "DIP", "OSMEP");
  dipOfficer = await signInAs(t, "agency_officer", { agencyId: dip });
  osmepOfficer = await signInAs(t, "agency_officer", { agencyId: osmep });

  const coffee = await createCluster(dipOfficer, {
    code: "pending-coffee",
    nameTh: "คลัสเตอร์กาแฟ",
    nameEn: "Coffee",
    published: true,
  });
  const tea = await createCluster(osmepOfficer, { code: "pending-tea", published: true });
  const firm = async (first12: string, nameTh: string) =>
    (
      await createEnterprise(dipOfficer, {
        juristicId: jid(first12),
        nameTh,
        contacts: [{ name: "Somchai Jaidee", phone: "0812345678" }],
      })
    ).id;
  const shop = await firm("050555300001", "ร้านกาแฟ");
  const mill = await firm("050555300002", "โรงสี");
  const farm = await firm("050555300003", "ไร่ชา");

  const coffeeUser = await signInAs(t, "cluster_coordinator", {
    displayName: "สมหญิง ผู้ประสานงาน",
    clusterIds: [coffee.id],
  });
  coffeeCoordinator = coffeeUser;
  teaCoordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [tea.id] });
  shopMember = await signInAs(t, "member", { enterpriseId: shop });
  expert = await signInAs(t, "expert");
  ids = { coffee: coffee.id, tea: tea.id, shop, mill, farm, coffeeCoordinatorUser: coffeeUser.userId };

  // Pending: coffee ← shop and mill (by coffee's coordinator), tea ← farm (by tea's). Approved at once: tea ← mill (by the officer).
  for (const [client, cluster, enterpriseId] of [
    [coffeeCoordinator, coffee.id, shop],
    [coffeeCoordinator, coffee.id, mill],
    [teaCoordinator, tea.id, farm],
    [osmepOfficer, tea.id, mill],
  ] as const) {
    await createMembership(client, cluster, enterpriseId, { stage: "midstream" });
  }
});
afterAll(async () => {
  await t.close();
});

describe("#memberships.pending", () => {
  it("should fail with 401 for an anonymous caller", async () => {
    expect((await t.anonymous.request("GET", "/api/memberships/pending")).statusCode).toBe(401);
  });

  it("lists an officer only the pending memberships of clusters their agency coordinates, each approvable", async () => {
    expect(await seen(dipOfficer)).toEqual(
      sorted(`pending-coffee/${ids.mill} approvable`, `pending-coffee/${ids.shop} approvable`),
    );
    expect(await seen(osmepOfficer)).toEqual(sorted(`pending-tea/${ids.farm} approvable`));
  });

  it("lists an admin every pending membership, and never an approved one", async () => {
    expect(await seen(admin)).toEqual(
      sorted(
        `pending-coffee/${ids.mill} approvable`,
        `pending-coffee/${ids.shop} approvable`,
        `pending-tea/${ids.farm} approvable`,
      ),
    );
  });

  it("lists the firm's member its own firm's pending memberships, approvable", async () => {
    expect(await seen(shopMember)).toEqual(sorted(`pending-coffee/${ids.shop} approvable`));
  });

  it("lists a coordinator their own clusters' pending memberships read-only, and nothing to an expert", async () => {
    expect(await seen(coffeeCoordinator)).toEqual(sorted(`pending-coffee/${ids.mill}`, `pending-coffee/${ids.shop}`));
    expect(await seen(teaCoordinator)).toEqual(sorted(`pending-tea/${ids.farm}`));
    expect(await seen(expert)).toEqual([]);
  });

  it("says which cluster, which firm, who added it and when", async () => {
    const shop = (await pending(dipOfficer)).find((p) => p.enterprise.id === ids.shop);
    expect(shop).toMatchObject({
      cluster: { id: ids.coffee, code: "pending-coffee", nameTh: "คลัสเตอร์กาแฟ", nameEn: "Coffee" },
      enterprise: { id: ids.shop, juristicId: jid("050555300001"), nameTh: "ร้านกาแฟ" },
      stage: "midstream",
      addedBy: { id: ids.coffeeCoordinatorUser, displayName: "สมหญิง ผู้ประสานงาน" },
      canApprove: true,
    });
    expect(shop?.addedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // The firm's contacts (personal data) are not part of the list.
    expect(JSON.stringify(await pending(dipOfficer))).not.toContain("Somchai");
  });

  it("shows the firm's memberships with their approval state on the firm's page", async () => {
    const firm = (await coffeeCoordinator.request("GET", `/api/enterprises/${ids.mill}`)).json();
    expect(firm.memberships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ clusterId: ids.coffee, approved: false }),
        expect.objectContaining({ clusterId: ids.tea, approved: true }),
      ]),
    );
    expect(firm.contactsMasked).toBe(true);
  });

  it("drops a membership from every list once approved, and one that has left", async () => {
    expect(
      (await dipOfficer.request("POST", `/api/clusters/${ids.coffee}/members/${ids.shop}/approval`)).statusCode,
    ).toBe(200);
    expect(await seen(dipOfficer)).toEqual(sorted(`pending-coffee/${ids.mill} approvable`));
    expect(await seen(shopMember)).toEqual([]);
    expect(await seen(coffeeCoordinator)).toEqual(sorted(`pending-coffee/${ids.mill}`));
    expect(
      (
        await coffeeCoordinator.request("PATCH", `/api/clusters/${ids.coffee}/members/${ids.mill}`, {
          leftOn: "2024-01-31",
        })
      ).statusCode,
    ).toBe(200);
    expect(await seen(dipOfficer)).toEqual([]);
    expect(await seen(admin)).toEqual(sorted(`pending-tea/${ids.farm} approvable`));
  });
});
