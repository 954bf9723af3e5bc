// The API as a test's own set-up and checks reach it: over HTTP with fetch, outside any page, signed in when the
// set-up needs it (an admin creating users, clusters, firms) — so that the browser steps start from known records.

/** The body of a successful answer; a failed one throws with its status and body, so set-up fails where it went wrong. */
export async function json(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response.json();
}

/** A field of a JSON object, or undefined: answers are read without trusting their shape. */
export function field(body: unknown, key: string): unknown {
  return typeof body === "object" && body !== null && key in body
    ? Object.entries(body).find(([k]) => k === key)?.[1]
    : undefined;
}

/** The `items` of a list answer, or an empty list. */
export function items(body: unknown): unknown[] {
  const list = field(body, "items");
  return Array.isArray(list) ? list : [];
}

export type ApiSession = {
  get(path: string): Promise<unknown>;
  post(path: string, body: unknown): Promise<unknown>;
  /** POST that answers the created record's id. */
  create(path: string, body: unknown): Promise<number>;
  patch(path: string, body: unknown): Promise<unknown>;
};

/** Signs in over the API (no browser) and answers a session that sends its cookie and CSRF token. */
export async function apiSession(
  baseUrl: string,
  credentials: { email: string; password: string },
): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const csrf = String(field(await json(login), "csrfToken"));
  const post = async (path: string, body: unknown) =>
    json(
      await fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf },
        body: JSON.stringify(body),
      }),
    );
  return {
    get: async (path) => json(await fetch(`${baseUrl}${path}`, { headers: { cookie } })),
    post,
    create: async (path, body) => Number(field(await post(path, body), "id")),
    patch: async (path, body) =>
      json(
        await fetch(`${baseUrl}${path}`, {
          method: "PATCH",
          headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf },
          body: JSON.stringify(body),
        }),
      ),
  };
}

/** An anonymous GET. */
export async function publicGet(baseUrl: string, path: string): Promise<unknown> {
  return json(await fetch(`${baseUrl}${path}`));
}

/** The id of a seeded agency by its code (MOC, DIP, OSMEP…). */
export async function agencyId(baseUrl: string, code: string): Promise<number> {
  const agency = items(await publicGet(baseUrl, "/api/agencies")).find((a) => field(a, "code") === code);
  if (agency === undefined) throw new Error(`no seeded agency ${code}`);
  return Number(field(agency, "id"));
}

/** A user the test signs in as: what the admin creates, and the credentials to sign in with. */
export type TestUser = { email: string; password: string; displayName?: string; locale?: "th" | "en" };

/** Creates the user as the admin session, with their role and scope. */
export async function createUser(
  admin: ApiSession,
  user: TestUser,
  role: {
    role: string;
    agencyId?: number;
    clusterIds?: number[];
    enterpriseId?: number;
    expertFields?: string[];
    /** An expert's record (made first at its provider) that the new account is linked to. */
    expertId?: number;
  },
): Promise<number> {
  return admin.create("/api/users", { displayName: user.email, ...user, ...role });
}

/** The id of the record whose code is `code` in an anonymous list answer (`/api/plans?level=…`, `/api/programmes?…`). */
export async function idByCode(baseUrl: string, listPath: string, code: string): Promise<number> {
  const id = field(
    items(await publicGet(baseUrl, listPath)).find((item) => field(item, "code") === code),
    "id",
  );
  if (typeof id !== "number") throw new Error(`no record ${code} in ${listPath}`);
  return id;
}
