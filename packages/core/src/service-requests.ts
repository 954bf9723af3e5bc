/**
 * Requests for help (issue 13): the words a request's life is told in, and the rules of its states. Pure; the
 * server stores these codes and the web words each in Thai and English (i18n `serviceRequests.*`).
 *
 * A request is `unassigned` while no expert has room for it (it waits for routing or a manager), `assigned` when
 * offered to an expert who has not answered, `accepted` while the expert works it, then `closed` with a result,
 * or `withdrawn` by the firm before closure. A decline, or no answer in time, sends it back through routing.
 */
export const requestStatuses = ["unassigned", "assigned", "accepted", "closed", "withdrawn"] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** How the firm would like to be helped. */
export const serviceModes = ["visit", "phone", "online"] as const;
export type ServiceMode = (typeof serviceModes)[number];

/** Who filed the request: the firm itself, an officer or coordinator on its behalf, or a centre for a walk-in. */
export const requestChannels = ["member", "officer", "coordinator", "walk_in"] as const;
export type RequestChannel = (typeof requestChannels)[number];

/** How an offer of a request to an expert ended. */
export const assignmentResponses = ["pending", "accepted", "declined", "expired", "reassigned"] as const;
export type AssignmentResponse = (typeof assignmentResponses)[number];

/** The steps of a request's timeline; notifications are made from these. */
export const requestEventKinds = [
  "filed",
  "routed",
  "unrouted",
  "reassigned",
  "accepted",
  "declined",
  "expired",
  "consultation",
  "task_added",
  "task_done",
  "response_warning",
  "response_breach",
  "closure_warning",
  "closure_breach",
  "closed",
  "rated",
  "claimed",
  "withdrawn",
] as const;
export type RequestEventKind = (typeof requestEventKinds)[number];

/** States in which a request still counts against an expert's capacity. */
export const openRequestStatuses: readonly RequestStatus[] = ["assigned", "accepted"];

/** True when the request is done with: nothing more is routed, worked or timed. */
export function isFinalStatus(status: RequestStatus): boolean {
  return status === "closed" || status === "withdrawn";
}

/** The moves a request may make; anything else is refused with 409. */
const transitions: Record<RequestStatus, readonly RequestStatus[]> = {
  unassigned: ["assigned", "withdrawn"],
  assigned: ["accepted", "unassigned", "assigned", "withdrawn"],
  accepted: ["closed", "assigned", "withdrawn"],
  closed: [],
  withdrawn: [],
};

export function canMoveTo(from: RequestStatus, to: RequestStatus): boolean {
  return transitions[from].includes(to);
}

export function isRequestStatus(value: string): value is RequestStatus {
  return requestStatuses.some((s) => s === value);
}

export function isServiceMode(value: string): value is ServiceMode {
  return serviceModes.some((m) => m === value);
}

/**
 * A provider's service-level targets in working days when it has set none: a first response within 2 working days
 * and closure within 30 (the example the issue gives, and what the regional mechanism promises firms).
 */
export const defaultServiceLevels = { responseDays: 2, closureDays: 30 } as const;

/** The longest target a provider may set, in working days (about a year): longer is a typing slip. */
export const MAX_SERVICE_LEVEL_DAYS = 250;

/** The most characters a firm's description of its need may have. */
export const MAX_NEED_TEXT = 4000;

/**
 * A request's code as people quote it on the phone: `SR` + the Thai fiscal year (B.E.) it was filed in + a
 * sequence within that year, e.g. `SR2570-000123`.
 */
export function requestCode(fiscalYearBe: number, sequence: number): string {
  return `SR${fiscalYearBe}-${String(sequence).padStart(6, "0")}`;
}
