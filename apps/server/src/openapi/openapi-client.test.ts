import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, createTestApp, type TestApp } from "../test-support/test-app.ts";
import { OPENAPI_TYPES_FILE, openApiTypesSource } from "../test-support/openapi-types.ts";
import type { paths } from "../test-support/openapi-types.generated.ts";
import { operationIdFor } from "./openapi-transform.ts";

// The OpenAPI document is good enough for a generator: openapi-typescript turns it into the types of
// openapi-types.generated.ts, and an openapi-fetch client typed by them calls the API over HTTP.

let t: TestApp;
let baseUrl: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await t?.close();
});

/** A client that signs in first, then sends the session cookie and the CSRF token as a browser would. */
async function signedInClient(email: string, password: string) {
  const anonymous = createClient<paths>({ baseUrl });
  const { data, error, response } = await anonymous.POST("/api/auth/login", { body: { email, password } });
  if (!data) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(error)}`);
  const session = response.headers
    .getSetCookie()
    .find((c) => c.startsWith("sainam_session="))
    ?.split(";")[0];
  if (!session) throw new Error("sign-in set no session cookie");
  return createClient<paths>({ baseUrl, headers: { cookie: session, "x-csrf-token": data.csrfToken } });
}

describe("#openapi-client", () => {
  it("has its generated types up to date with the document (else: npm run openapi:types)", async () => {
    const expected = await openApiTypesSource(t.app.swagger() as unknown as Record<string, unknown>);
    expect(
      readFileSync(OPENAPI_TYPES_FILE, "utf8") === expected,
      "openapi-types.generated.ts is stale: run `npm run openapi:types`",
    ).toBe(true);
  });

  it("gives every operation a unique operationId derived from its method and path", () => {
    const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, { operationId?: string }>> };
    const ids = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        expect(op.operationId, `${method} ${path}`).toBe(operationIdFor(method, path));
        return op.operationId;
      }),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationIdFor("GET", "/api/clusters/{id}/members")).toBe("getClustersByIdMembers");
    expect(operationIdFor("GET", "/api/exports/enterprises.{format}")).toBe("getExportsEnterprisesByFormat");
    expect(operationIdFor("POST", "/api/provincial-clusters")).toBe("postProvincialClusters");
  });

  it("signs in, refuses a wrong password with the error body, and answers who is signed in", async () => {
    const anonymous = createClient<paths>({ baseUrl });
    const refused = await anonymous.POST("/api/auth/login", {
      body: { email: ADMIN.email, password: "not-the-password" },
    });
    expect(refused.response.status).toBe(401);
    expect(refused.error?.error.code).toBe("unauthenticated");

    const admin = await signedInClient(ADMIN.email, ADMIN.password);
    const me = await admin.GET("/api/auth/me");
    expect(me.data?.user?.email).toBe(ADMIN.email);
  });

  it("creates a cluster, lists the clusters and reads the one created", async () => {
    const admin = await signedInClient(ADMIN.email, ADMIN.password);
    const agencies = await admin.GET("/api/agencies");
    const moc = agencies.data?.items.find((a) => a.code === "MOC");
    if (!moc) throw new Error("seed agency MOC missing");

    const created = await admin.POST("/api/clusters", {
      body: {
        code: "openapi-client-1",
        kind: "industry_cluster",
        nameEn: "OpenAPI client cluster",
        nameTh: "คลัสเตอร์ทดสอบ",
        coordinatingAgencyId: moc.id,
        provinceCodes: ["50"],
        published: true,
      },
    });
    expect(created.response.status).toBe(201);
    const id = created.data?.id;
    if (id === undefined) throw new Error(`create failed: ${JSON.stringify(created.error)}`);

    const list = await admin.GET("/api/clusters", { params: { query: { pageSize: 200 } } });
    expect(list.data?.items.map((c) => c.code)).toContain("openapi-client-1");

    const one = await createClient<paths>({ baseUrl }).GET("/api/clusters/{id}", { params: { path: { id } } });
    expect(one.data?.nameEn).toBe("OpenAPI client cluster");
    expect(one.data?.provinceCodes).toEqual(["50"]);
  });

  it("reads a 400 as the error body naming the field", async () => {
    const tooMany = await createClient<paths>({ baseUrl }).GET("/api/clusters", {
      params: { query: { pageSize: 500 } },
    });
    expect(tooMany.response.status).toBe(400);
    expect(tooMany.error?.error.details?.map((d) => d.path)).toContain("pageSize");
  });
});
