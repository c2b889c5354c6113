import { describe, expect, it } from "vitest";
import { z } from "zod";

import { completeNextStepSchema, createDealSchema, moveDealSchema, nextActionSchema, snoozeNextStepSchema } from "./deals";

const STAGE = "0b6f6a3e-8f0e-4c57-9d0a-6a0a7f5f0c11";
const ACTION = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const REASON = "1e2d3c4b-5a69-4788-9a6b-5c4d3e2f1a0b";
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

function errorsOf<T extends z.ZodType>(schema: T, input: unknown): Record<string, string[] | undefined> {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
}

describe("createDealSchema", () => {
  const valid = {
    title: "Weekly office cleaning",
    contactName: "Nordic Offices ApS",
    value: "12 500,50",
    stageId: STAGE,
    firstAction: { type: "call", dueAt: tomorrow(), details: "Call about the scope" },
  };

  it("accepts a deal with its first next action and reads the amount into minor units", () => {
    const parsed = createDealSchema.parse(valid);
    expect(parsed.value).toBe(1_250_050);
    expect(parsed.sector).toBeNull();
    expect(parsed.firstAction.dueAt).toBeInstanceOf(Date);
  });

  it("requires the first next action", () => {
    const { firstAction: _omit, ...withoutAction } = valid;
    expect(errorsOf(createDealSchema, withoutAction)).toHaveProperty("firstAction");
  });

  it.each([
    [{ title: "  " }, "title", "Give the deal a title"],
    [{ contactName: "" }, "contactName", "Who is the deal with?"],
    [{ value: "lots" }, "value", "Enter an amount such as 12500 or 12 500,50"],
    [{ value: "-5" }, "value", "Enter an amount such as 12500 or 12 500,50"],
    [{ probability: 140 }, "probability", "0–100 %"],
    [{ expectedCloseDate: "31/12/2026" }, "expectedCloseDate", "Use a date like 2026-12-31"],
  ])("refuses %j", (patch, field, message) => {
    expect(errorsOf(createDealSchema, { ...valid, ...patch })[field as "title"]).toContain(message);
  });

  it("treats an empty expected close date as none", () => {
    expect(createDealSchema.parse({ ...valid, expectedCloseDate: "" }).expectedCloseDate).toBeNull();
  });
});

describe("nextActionSchema", () => {
  it("refuses a next step in the past and an empty description", () => {
    const past = nextActionSchema.safeParse({ type: "call", dueAt: new Date(Date.now() - 3_600_000).toISOString(), details: "x" });
    expect(past.success).toBe(false);
    expect(errorsOf(nextActionSchema, { type: "call", dueAt: tomorrow(), details: " " })).toHaveProperty("details");
    expect(errorsOf(nextActionSchema, { type: "fax", dueAt: tomorrow(), details: "x" })).toHaveProperty("type");
  });
});

describe("completeNextStepSchema", () => {
  it("needs an outcome and either a next action or a close", () => {
    expect(completeNextStepSchema.safeParse({ actionId: ACTION, outcome: "Spoke to them", followUp: { then: "won" } }).success).toBe(true);
    expect(errorsOf(completeNextStepSchema, { actionId: ACTION, outcome: "", followUp: { then: "won" } })).toHaveProperty("outcome");
    expect(completeNextStepSchema.safeParse({ actionId: ACTION, outcome: "x", followUp: { then: "later" } }).success).toBe(false);
  });

  it("requires a loss reason to close as lost", () => {
    expect(completeNextStepSchema.safeParse({ actionId: ACTION, outcome: "x", followUp: { then: "lost" } }).success).toBe(false);
    expect(
      completeNextStepSchema.safeParse({ actionId: ACTION, outcome: "x", followUp: { then: "lost", lossReasonId: REASON } }).success,
    ).toBe(true);
  });
});

describe("snoozeNextStepSchema and moveDealSchema", () => {
  it("needs a reason to snooze", () => {
    expect(errorsOf(snoozeNextStepSchema, { actionId: ACTION, dueAt: tomorrow(), reason: "" })).toHaveProperty("reason");
  });
  it("rejects ids that are not uuids", () => {
    expect(errorsOf(moveDealSchema, { dealId: "1 or 1=1", stageId: STAGE })).toHaveProperty("dealId");
  });
});
