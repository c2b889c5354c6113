import { describe, expect, it } from "vitest";

import { completeActionSchema } from "@/lib/schemas/deals";

import { hasErrors, mapFieldErrors, mapIssues } from "./form-errors";

describe("mapFieldErrors (action results)", () => {
  it("puts top-level and dotted keys on their fields", () => {
    expect(
      mapFieldErrors({ outcome: ["Write down what happened"], "next.ownerId": ["Not a member"], lossReasonId: ["Choose a reason"] }),
    ).toEqual({
      fields: { outcome: "Write down what happened", ownerId: "Not a member", lossReasonId: "Choose a reason" },
      general: [],
    });
  });

  it("maps fully qualified keys such as followUp.next.details", () => {
    expect(mapFieldErrors({ "followUp.next.details": ["Say what the next step is"] }).fields).toEqual({
      details: "Say what the next step is",
    });
  });

  it("keeps a flattened followUp message as a general one, once", () => {
    expect(mapFieldErrors({ followUp: ["Say what the next step is", "Say what the next step is"], actionId: ["Choose a action"] })).toEqual(
      {
        fields: {},
        general: ["Say what the next step is", "Choose a action"],
      },
    );
  });

  it("copes with no field errors", () => {
    expect(hasErrors(mapFieldErrors(undefined))).toBe(false);
  });
});

describe("mapIssues (the shared schema in the browser)", () => {
  it("places nested issues on the exact field", () => {
    const parsed = completeActionSchema.safeParse({
      actionId: "00000000-0000-4000-8000-000000000000",
      outcome: " ",
      followUp: { then: "next", next: { type: "call", dueAt: "", details: "" } },
    });
    expect(parsed.success).toBe(false);
    const mapped = mapIssues(parsed.error!.issues);
    expect(mapped.fields).toMatchObject({
      outcome: "Write down what happened",
      details: "Say what the next step is",
      dueAt: expect.any(String),
    });
    expect(mapped.general).toEqual([]);
  });

  it("requires a loss reason when closing as lost", () => {
    const parsed = completeActionSchema.safeParse({
      actionId: "00000000-0000-4000-8000-000000000000",
      outcome: "They chose a competitor",
      followUp: { then: "lost", lossReasonId: "" },
    });
    expect(mapIssues(parsed.error!.issues).fields).toEqual({ lossReasonId: "Choose a loss reason" });
  });
});
