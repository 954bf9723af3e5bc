/**
 * The words of a refusal: "You may not approve values of this plan." rather than the policy's codes. A sentence is
 * an action's verb phrase and a resource's noun phrase, with whole sentences for pairs the two would not say
 * well. The web app builds the same sentence in Thai from the error's `reason` ({ action, resource }), with
 * the same keys in its catalogue (`errors.forbiddenActions`, `errors.forbiddenResources`, `errors.forbiddenPairs`).
 */

export const ACTIONS = [
  "read",
  "list",
  "create",
  "update",
  "read_personal",
  "read_unapproved",
  "read_records",
  "verify",
  "enter",
  "approve",
  "lock",
  "assign",
  "respond",
] as const;
export type Action = (typeof ACTIONS)[number];

export const RESOURCE_TYPES = [
  "reference",
  "agency",
  "plan",
  "user",
  "users",
  "audit",
  "self",
  "cluster",
  "enterprise",
  "membership",
  "institution",
  "import",
  "programme",
  "activity",
  "value_claim",
  "plan_values",
  "service_provider",
  "expert",
  "service_request",
  "trade_event",
  "meeting",
  "deal",
  "product",
  "mail",
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Which noun phrase an action takes: one record ("this plan"), several ("plans") or a new one ("a plan"). */
type Form = "one" | "many" | "new";

const actionWords: Record<Action, { verb: string; form: Form }> = {
  read: { verb: "see", form: "one" },
  list: { verb: "list", form: "many" },
  create: { verb: "create", form: "new" },
  update: { verb: "change", form: "one" },
  read_personal: { verb: "see the personal data of", form: "one" },
  read_unapproved: { verb: "see the values not yet approved of", form: "one" },
  read_records: { verb: "see the enterprise records of", form: "one" },
  verify: { verb: "verify", form: "one" },
  enter: { verb: "enter", form: "one" },
  approve: { verb: "approve", form: "one" },
  lock: { verb: "lock or unlock", form: "one" },
  assign: { verb: "route or reassign", form: "one" },
  respond: { verb: "accept or decline", form: "one" },
};

const resourceWords: Record<ResourceType, Record<Form, string>> = {
  reference: { one: "reference data", many: "reference data", new: "reference data" },
  agency: { one: "this agency", many: "agencies", new: "an agency" },
  plan: { one: "this plan", many: "plans", new: "a plan" },
  user: { one: "this user", many: "users", new: "a user" },
  users: { one: "user accounts", many: "user accounts", new: "a user account" },
  audit: { one: "the audit log", many: "the audit log", new: "an audit entry" },
  self: { one: "your account", many: "your account", new: "an account" },
  cluster: { one: "this cluster", many: "clusters", new: "a cluster" },
  enterprise: { one: "this enterprise", many: "enterprises", new: "an enterprise" },
  membership: { one: "this membership", many: "memberships", new: "a membership" },
  institution: { one: "this institution", many: "institutions", new: "an institution" },
  import: { one: "this import", many: "imports", new: "an import" },
  programme: { one: "this programme", many: "programmes", new: "a programme" },
  activity: { one: "this activity", many: "activities", new: "an activity" },
  value_claim: { one: "this value claim", many: "value claims", new: "a value claim" },
  plan_values: { one: "values of this plan", many: "values of this plan", new: "values of this plan" },
  service_provider: { one: "this service provider", many: "service providers", new: "a service provider" },
  expert: { one: "this expert", many: "experts", new: "an expert" },
  service_request: { one: "this request for help", many: "requests for help", new: "a request for help" },
  product: { one: "this product", many: "products", new: "a product" },
  mail: { one: "this mail", many: "mail", new: "a mail" },
  trade_event: { one: "this event", many: "events", new: "an event" },
  meeting: { one: "this meeting", many: "meetings", new: "a meeting" },
  deal: { one: "this deal", many: "deals", new: "a deal" },
};

/** Whole phrases where verb + noun would read badly. */
const pairWords: Partial<Record<ResourceType, Partial<Record<Action, string>>>> = {
  plan_values: {
    read_unapproved: "see the values of this plan that are not yet approved",
    lock: "lock or unlock periods of this plan",
  },
  import: { create: "import files" },
  product: { read_personal: "see the contacts of buyers who asked about this product" },
  mail: { list: "see the mail that could not be sent", update: "send a mail again" },
  audit: { read: "see the audit log", list: "see the audit log" },
};

/** What may not be done, as a phrase: "approve values of this plan". */
export function forbiddenPhrase(action: Action, resource: ResourceType): string {
  const whole = pairWords[resource]?.[action];
  if (whole) return whole;
  const { verb, form } = actionWords[action];
  return `${verb} ${resourceWords[resource][form]}`;
}

/** The refusal as a sentence: "You may not approve values of this plan." */
export function forbiddenMessage(action: Action, resource: ResourceType): string {
  return `You may not ${forbiddenPhrase(action, resource)}.`;
}
