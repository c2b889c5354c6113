import { describe, expect, it } from "vitest";

import { createDealSchema } from "@/lib/schemas/deals";

import { firstErrorField, hasErrors, issuesToErrors, resultToErrors } from "./new-deal-errors";

const STAGE = "0b6f2a59-3f6e-4e0c-9d55-0c1a7f4d2b11";
const valid = () => ({
  title: "Weekly office cleaning",
  contactName: "Nordic Offices ApS",
  value: "12 500,50",
  stageId: STAGE,
  firstAction: { type: "call", details: "Call about the scope", dueAt: new Date(Date.now() + 86_400_000).toISOString() },
});

describe("issuesToErrors (the shared schema in the browser)", () => {
  it("accepts a complete deal, reading the amount the way people type it", () => {
    const parsed = createDealSchema.safeParse(valid());
    expect(parsed.success).toBe(true);
    expect(parsed.data!.value).toBe(1_250_050);
  });

  it("refuses a deal without a next action and says why, on the action's fields", () => {
    const parsed = createDealSchema.safeParse({ ...valid(), firstAction: { type: "call", details: "  ", dueAt: "" } });
    const errors = issuesToErrors(parsed.error!.issues);
    expect(errors.fields).toEqual({ "firstAction.details": "Say what the next step is", "firstAction.dueAt": "Choose when it is due" });
    expect(firstErrorField(errors)).toBe("firstAction.details");
  });

  it("refuses a missing firstAction object as a section-level message", () => {
    const { firstAction: _omitted, ...rest } = valid();
    const errors = issuesToErrors(createDealSchema.safeParse(rest).error!.issues);
    expect(errors.nextAction).toHaveLength(1);
    expect(hasErrors(errors)).toBe(true);
  });

  it("orders focus by the form's layout, deal fields first", () => {
    const parsed = createDealSchema.safeParse({
      ...valid(),
      title: "",
      value: "lots",
      firstAction: { type: "call", details: "", dueAt: "" },
    });
    const errors = issuesToErrors(parsed.error!.issues);
    expect(errors.fields.value).toBe("Enter an amount such as 12500 or 12 500,50");
    expect(firstErrorField(errors)).toBe("title");
  });
});

describe("resultToErrors (action results)", () => {
  it("places a flattened firstAction message on the exact field by re-checking the submitted action", () => {
    const errors = resultToErrors(
      { firstAction: ["Say what the next step is"] },
      { type: "call", details: "", dueAt: valid().firstAction.dueAt },
    );
    expect(errors.fields).toEqual({ "firstAction.details": "Say what the next step is" });
    expect(errors.nextAction).toEqual([]);
  });

  it("keeps a flattened message it cannot place on the section, once", () => {
    const errors = resultToErrors(
      { firstAction: ["The next action must be due in the future", "The next action must be due in the future"] },
      valid().firstAction,
    );
    expect(errors).toEqual({ fields: {}, nextAction: ["The next action must be due in the future"], general: [] });
  });

  it("maps top-level and dotted keys", () => {
    const errors = resultToErrors(
      { stageId: ["Choose an open stage"], ownerId: ["Only yourself"], "firstAction.ownerId": ["Not a member"], other: ["Odd"] },
      valid().firstAction,
    );
    expect(errors).toEqual({
      fields: { stageId: "Choose an open stage", ownerId: "Only yourself" },
      nextAction: ["Not a member"],
      general: ["Odd"],
    });
  });

  it("copes with no field errors", () => {
    expect(hasErrors(resultToErrors(undefined, null))).toBe(false);
  });
});
