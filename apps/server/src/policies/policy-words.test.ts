import { describe, expect, it } from "vitest";
import type { Actor } from "@sainam/core";
import { AppError } from "../errors.ts";
import { authorize, type Resource } from "./policy.ts";
import { ACTIONS, RESOURCE_TYPES, forbiddenMessage } from "./policy-words.ts";

// Every resource type the policy knows, checked against its Resource union both ways: a new type fails to
// compile here until it is listed in policy-words.ts (and so has words) and below.
const everyType = {
  reference: true,
  agency: true,
  plan: true,
  user: true,
  users: true,
  audit: true,
  self: true,
  cluster: true,
  enterprise: true,
  membership: true,
  institution: true,
  import: true,
  programme: true,
  activity: true,
  value_claim: true,
  plan_values: true,
  service_provider: true,
  expert: true,
  service_request: true,
  trade_event: true,
  meeting: true,
  deal: true,
  product: true,
  mail: true,
} satisfies Record<Resource["type"], true>;

const expert: Actor = { kind: "user", id: 7, role: "expert", agencyId: null, clusterIds: [], enterpriseId: null };

describe("#policy words", () => {
  it("lists exactly the resource types of the policy", () => {
    expect([...RESOURCE_TYPES].sort()).toEqual(Object.keys(everyType).sort());
  });

  for (const resource of RESOURCE_TYPES) {
    for (const action of ACTIONS) {
      it(`says in words what was refused for ${action} on ${resource}`, () => {
        const message = forbiddenMessage(action, resource);
        expect(message).toMatch(/^You may not [a-z][a-z ]+[a-z]\.$/);
        // No policy code leaks into the sentence: neither "read_personal" nor "plan_values" nor a bare "do".
        expect(message).not.toMatch(/_|\bdo\b/);
        expect(message.split(" ").length).toBeGreaterThanOrEqual(5);
      });
    }
  }

  it("words the common refusals as a person would", () => {
    expect(forbiddenMessage("approve", "plan_values")).toBe("You may not approve values of this plan.");
    expect(forbiddenMessage("enter", "plan_values")).toBe("You may not enter values of this plan.");
    expect(forbiddenMessage("lock", "plan_values")).toBe("You may not lock or unlock periods of this plan.");
    expect(forbiddenMessage("update", "cluster")).toBe("You may not change this cluster.");
    expect(forbiddenMessage("create", "users")).toBe("You may not create a user account.");
    expect(forbiddenMessage("read_personal", "enterprise")).toBe(
      "You may not see the personal data of this enterprise.",
    );
    expect(forbiddenMessage("list", "audit")).toBe("You may not see the audit log.");
  });

  it("gives a refusal its words and a machine-readable reason", () => {
    const resource: Resource = {
      type: "plan_values",
      ownerAgencyId: 1,
      childAgencyIds: [],
      clusterId: null,
      published: true,
    };
    let thrown: unknown;
    try {
      authorize(expert, "approve", resource);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({
      code: "forbidden",
      message: "You may not approve values of this plan.",
      reason: { action: "approve", resource: "plan_values" },
    });
  });
});
