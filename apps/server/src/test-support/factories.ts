import { fiscalYearOf, fiscalYearRange, juristicIdCheckDigit, type Role } from "@sainam/core";
import type { LightMyRequestResponse } from "fastify";
import type { z } from "zod";
import type {
  createActivityBody,
  createBudgetBody,
  createClaimBody,
  createClusterBody,
  createEnterpriseBody,
  createIndicatorBody,
  createNodeBody,
  createPlanBody,
  createProgrammeBody,
  createTargetBody,
  institutionKinds,
  stages,
  activityDetailSchema,
  budgetSchema,
  ClusterDetail,
  EnterpriseDetail,
  IndicatorView,
  Institution,
  Plan,
  PlanNodeFields,
  programmeDetailSchema,
  TargetView,
} from "@sainam/contract";
import { ADMIN, type Client, type TestApp } from "./test-app.ts";

/**
 * Factories for integration tests, after Outline's: `buildX(overrides)` answers a valid request body with
 * sensible defaults — real-looking Thai names, valid juristic IDs, the current Thai fiscal year — so that a test
 * spells out only the fields its assertions depend on; `createX(client, overrides)` posts that body as the
 * client and answers the created record, failing the test at once (with the server's answer) if it is refused.
 */

let sequence = 0;
/** A number never handed out before in this process: for codes, names and amounts that must be unique. */
export const unique = () => ++sequence;

/** A fresh, valid juristic ID (mod-11 check digit through core). */
export function newJuristicId(): string {
  const first12 = `0505${String(unique()).padStart(8, "0")}`;
  return juristicId(first12);
}

/** The juristic ID whose first twelve digits are given, completed with its check digit. */
export function juristicId(first12: string): string {
  const check = juristicIdCheckDigit(first12);
  if (check === null) throw new Error(`not twelve digits: ${first12}`);
  return `${first12}${check}`;
}

/** The Thai fiscal year (C.E.) today, in Bangkok time. */
export const currentFiscalYear = (): number => fiscalYearOf(new Date());

/** Picks the nth of a list, round the list, so that consecutive records get different real-looking names. */
const nth = <T>(list: readonly [T, ...T[]], n: number): T => list[n % list.length] ?? list[0];

// Names a test never searches for (search tests look for coffee, rubber, tea…), so defaults do not leak into them.
type Trade = { th: string; en: string };
const trades: readonly [Trade, ...Trade[]] = [
  { th: "ผ้าไหม", en: "Silk" },
  { th: "เซรามิก", en: "Ceramics" },
  { th: "สมุนไพร", en: "Herbal products" },
  { th: "เฟอร์นิเจอร์ไม้", en: "Wood furniture" },
  { th: "เครื่องจักสาน", en: "Basketry" },
] as const;

/**
 * Answers the body of a response with the expected status (any 2xx when none is given), or throws with the
 * status and body, so a failing fixture call names its cause instead of failing later on an undefined id.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixture answers are read field by field
export async function ok<T = any>(
  response: LightMyRequestResponse | Promise<LightMyRequestResponse>,
  status?: number,
): Promise<T> {
  const r = await response;
  if (status === undefined ? r.statusCode >= 300 : r.statusCode !== status)
    throw new Error(`fixture call failed: ${r.statusCode} ${r.body}`);
  return r.json();
}

// ——— Request bodies ———

export type ClusterBody = z.input<typeof createClusterBody>;
export type EnterpriseBody = z.input<typeof createEnterpriseBody>;
export type ProgrammeBody = z.input<typeof createProgrammeBody>;
export type PlanBody = z.input<typeof createPlanBody>;
export type NodeBody = z.input<typeof createNodeBody>;
export type IndicatorBody = z.input<typeof createIndicatorBody>;
export type TargetBody = z.input<typeof createTargetBody>;
export type ActivityBody = z.input<typeof createActivityBody>;
export type BudgetBody = z.input<typeof createBudgetBody>;
export type ClaimBody = z.input<typeof createClaimBody>;
export type InstitutionBody = {
  kind: (typeof institutionKinds)[number];
  nameTh?: string | null;
  nameEn?: string | null;
  description?: string | null;
  agencyId?: number | null;
  provinceCode?: string | null;
  published?: boolean;
};
export type MembershipBody = { enterpriseId: number; stage: (typeof stages)[number]; joinedOn?: string | null };

/** An industry cluster with a unique code and Thai and English names. */
export function buildCluster(overrides: Partial<ClusterBody> = {}): ClusterBody {
  const n = unique();
  const trade = nth(trades, n);
  return {
    code: `cluster-${n}`,
    kind: "industry_cluster",
    nameTh: `คลัสเตอร์${trade.th} ${n}`,
    nameEn: `${trade.en} cluster ${n}`,
    ...overrides,
  };
}

/** A limited company (its legal form follows from the Thai name) with a fresh valid juristic ID. */
export function buildEnterprise(overrides: Partial<EnterpriseBody> = {}): EnterpriseBody {
  const n = unique();
  return { juristicId: newJuristicId(), nameTh: `บริษัท ${nth(trades, n).th}ไทย ${n} จำกัด`, ...overrides };
}

/** A programme of the agency starting in the current fiscal year. */
export function buildProgramme(overrides: Partial<ProgrammeBody> & Pick<ProgrammeBody, "agencyId">): ProgrammeBody {
  const n = unique();
  return {
    code: `programme-${n}`,
    nameEn: `SME development programme ${n}`,
    nameTh: `โครงการพัฒนาผู้ประกอบการ ${n}`,
    firstFiscalYear: currentFiscalYear(),
    ...overrides,
  };
}

/** An agency programme plan owned by the agency, over the current fiscal year. */
export function buildPlan(overrides: Partial<PlanBody> & Pick<PlanBody, "ownerAgencyId">): PlanBody {
  const n = unique();
  const period = fiscalYearRange(currentFiscalYear());
  return {
    code: `PLAN-${n}`,
    level: "agency_programme",
    periodStart: period.start,
    periodEnd: period.end,
    titleEn: `Cluster development plan ${n}`,
    titleTh: `แผนพัฒนาคลัสเตอร์ ${n}`,
    ...overrides,
  };
}

/** A strategy node of a plan. */
export function buildPlanNode(overrides: Partial<NodeBody> = {}): NodeBody {
  const n = unique();
  return { kind: "strategy", code: `S${n}`, titleEn: `Strategy ${n}`, titleTh: `ยุทธศาสตร์ที่ ${n}`, ...overrides };
}

/** A summed indicator. */
export function buildIndicator(overrides: Partial<IndicatorBody> = {}): IndicatorBody {
  const n = unique();
  return {
    code: `K${n}`,
    nameEn: `Members' sales ${n}`,
    nameTh: `ยอดขายของสมาชิก ${n}`,
    aggregation: "sum",
    ...overrides,
  };
}

/** A worded target for the current fiscal year. */
export function buildTarget(overrides: Partial<TargetBody> = {}): TargetBody {
  return { textEn: "80%", periodKey: `FY${currentFiscalYear()}`, ...overrides };
}

/** A training activity starting on the first day of the current fiscal year. */
export function buildActivity(overrides: Partial<ActivityBody> = {}): ActivityBody {
  const n = unique();
  return {
    kind: "training",
    titleEn: `Packaging design training ${n}`,
    titleTh: `อบรมการออกแบบบรรจุภัณฑ์ ${n}`,
    startsOn: fiscalYearRange(currentFiscalYear()).start,
    ...overrides,
  };
}

/** A budget line of the current fiscal year. */
export function buildBudget(overrides: Partial<BudgetBody> = {}): BudgetBody {
  return { fiscalYear: currentFiscalYear(), allocated: 1_000_000, ...overrides };
}

/** A firm's claimed sales increase of the current fiscal year, with evidence, attributed to the programmes. */
export function buildClaim(overrides: Partial<ClaimBody> & Pick<ClaimBody, "programmeIds">): ClaimBody {
  return {
    fiscalYear: currentFiscalYear(),
    amount: 1_000_000 + unique(),
    method: "sales_increase",
    evidenceNote: "Sales ledger against the year before",
    ...overrides,
  };
}

/** A business development service centre. */
export function buildInstitution(overrides: Partial<InstitutionBody> = {}): InstitutionBody {
  const n = unique();
  return {
    kind: "service_centre",
    nameTh: `ศูนย์ส่งเสริมอุตสาหกรรม ${n}`,
    nameEn: `Industrial promotion centre ${n}`,
    ...overrides,
  };
}

/** The firm's membership of a cluster, upstream. */
export function buildMembership(enterpriseId: number, overrides: Partial<MembershipBody> = {}): MembershipBody {
  return { enterpriseId, stage: "upstream", ...overrides };
}

// ——— Records through the API ———

/** Creates a cluster as the client. */
export const createCluster = <T = ClusterDetail>(as: Client, overrides: Partial<ClusterBody> = {}): Promise<T> =>
  ok<T>(as.request("POST", "/api/clusters", buildCluster(overrides)), 201);
/** Creates an enterprise as the client. */
export const createEnterprise = <T = EnterpriseDetail>(
  as: Client,
  overrides: Partial<EnterpriseBody> = {},
): Promise<T> => ok<T>(as.request("POST", "/api/enterprises", buildEnterprise(overrides)), 201);
/** Creates a programme as the client. */
export const createProgramme = <T = z.infer<typeof programmeDetailSchema>>(
  as: Client,
  overrides: Parameters<typeof buildProgramme>[0],
): Promise<T> => ok<T>(as.request("POST", "/api/programmes", buildProgramme(overrides)), 201);
/** Creates a plan as the client. */
export const createPlan = <T = Plan>(as: Client, overrides: Parameters<typeof buildPlan>[0]): Promise<T> =>
  ok<T>(as.request("POST", "/api/plans", buildPlan(overrides)), 201);
/** Adds a node to the plan as the client. */
export const createPlanNode = <T = PlanNodeFields>(
  as: Client,
  planId: number,
  overrides: Partial<NodeBody> = {},
): Promise<T> => ok<T>(as.request("POST", `/api/plans/${planId}/nodes`, buildPlanNode(overrides)), 201);
/** Adds an indicator to the node as the client. */
export const createIndicator = <T = IndicatorView>(
  as: Client,
  nodeId: number,
  overrides: Partial<IndicatorBody> = {},
): Promise<T> => ok<T>(as.request("POST", `/api/plan-nodes/${nodeId}/indicators`, buildIndicator(overrides)), 201);
/** Adds a target to the indicator as the client. */
export const createTarget = <T = TargetView>(
  as: Client,
  indicatorId: number,
  overrides: Partial<TargetBody> = {},
): Promise<T> => ok<T>(as.request("POST", `/api/indicators/${indicatorId}/targets`, buildTarget(overrides)), 201);
/** Creates an activity as the client. */
export const createActivity = <T = z.infer<typeof activityDetailSchema>>(
  as: Client,
  overrides: Partial<ActivityBody> = {},
): Promise<T> => ok<T>(as.request("POST", "/api/activities", buildActivity(overrides)), 201);
/** Adds a budget line to the programme as the client. */
export const createBudget = <T = z.infer<typeof budgetSchema>>(
  as: Client,
  programmeId: number,
  overrides: Partial<BudgetBody> = {},
): Promise<T> => ok<T>(as.request("POST", `/api/programmes/${programmeId}/budgets`, buildBudget(overrides)), 201);
/** Registers a support institution as the client. */
export const createInstitution = <T = Institution>(as: Client, overrides: Partial<InstitutionBody> = {}): Promise<T> =>
  ok<T>(as.request("POST", "/api/institutions", buildInstitution(overrides)), 201);
/** Adds the firm to the cluster as the client; answers the membership id and whether it is approved. */
export const createMembership = (
  as: Client,
  clusterId: number,
  enterpriseId: number,
  overrides: Partial<MembershipBody> = {},
): Promise<{ membershipId: number; approved: boolean }> =>
  ok(as.request("POST", `/api/clusters/${clusterId}/members`, buildMembership(enterpriseId, overrides)), 201);

// ——— People ———

/** A signed-in client that also knows its user. */
export type SignedIn = Client & { userId: number; email: string };

/** The ids of seeded agencies by code, e.g. `const { DIP, MOC } = await agencyIds(t, "DIP", "MOC")`. */
export async function agencyIds<C extends string>(t: TestApp, ...codes: C[]): Promise<Record<C, number>> {
  const rows = await t.ctx.database.db
    .selectFrom("agencies")
    .select(["id", "code"])
    .where("code", "in", codes)
    .execute();
  const found = {} as Record<C, number>;
  for (const code of codes) {
    const row = rows.find((r) => r.code === code);
    if (!row) throw new Error(`seed agency ${code} missing`);
    found[code] = row.id;
  }
  return found;
}

type Scope = { agencyId?: number; clusterIds?: number[]; enterpriseId?: number; email?: string; displayName?: string };

/**
 * A new user of the role (scoped to an agency, clusters or a firm as the role needs) signed in; "admin" signs in
 * the seeded administrator. E-mails are unique unless given.
 */
export async function signInAs(t: TestApp, role: Role, scope: Scope = {}): Promise<SignedIn> {
  if (role === "admin" && scope.email === undefined) {
    const client = await t.signIn(ADMIN.email, ADMIN.password);
    const admin = await t.ctx.database.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", ADMIN.email)
      .executeTakeFirstOrThrow();
    return { ...client, userId: admin.id, email: ADMIN.email };
  }
  const n = unique();
  const { email = `${role.replaceAll("_", "-")}-${n}@example.org`, displayName = `${role} ${n}`, ...rest } = scope;
  const user = await t.addUser({ email, displayName, role, ...rest });
  const client = await t.signIn(user.email, user.password);
  return { ...client, userId: user.id, email: user.email };
}

// ——— Imports ———

/** Uploads a file to the import wizard as the client, as the web sends it (the raw bytes); answers the response. */
export function postImportFile(
  t: TestApp,
  as: Client,
  kind: string,
  fileName: string,
  bytes: Buffer | string,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: "POST",
    url: `/api/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}`,
    payload: typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes,
    headers: {
      "content-type": "application/octet-stream",
      ...(as.cookie ? { cookie: as.cookie } : {}),
      ...(as.csrfToken ? { "x-csrf-token": as.csrfToken } : {}),
    },
  });
}

/** Uploads the file and answers its preview, failing at once (with the server's answer) unless it was accepted. */
export const uploadImportFile = (t: TestApp, as: Client, kind: string, fileName: string, bytes: Buffer | string) =>
  ok(postImportFile(t, as, kind, fileName, bytes), 201);

/** Polls the batch as the client until it is done or failed, and answers its status; throws if it never ends. */
export async function importFinished(as: Client, batchId: number, tries = 400) {
  for (let i = 0; i < tries; i++) {
    const status = await ok(as.request("GET", `/api/imports/${batchId}`), 200);
    if (status.status === "done" || status.status === "failed") return status;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${batchId} did not finish`);
}

/** Starts the uploaded batch with the body (its mapping, plan, cluster…), failing at once unless it was accepted, and waits for its end. */
export async function runImportBatch(as: Client, batchId: number, body: Record<string, unknown>) {
  await ok(as.request("POST", `/api/imports/${batchId}/run`, body), 202);
  return importFinished(as, batchId);
}
