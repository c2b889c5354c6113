import { describe, expect, it } from "vitest";
import { z } from "zod";

import { reorderStagesSchema, stageFieldsSchema, updateStageSchema } from "./pipeline";

const errors = (input: unknown) => {
  const parsed = stageFieldsSchema.safeParse(input);
  return parsed.success ? null : z.flattenError(parsed.error).fieldErrors;
};

describe("stageFieldsSchema", () => {
  it("accepts form strings and numbers, trimming the name", () => {
    expect(stageFieldsSchema.parse({ name: "  Demo booked ", probability: " 40 ", staleAfterDays: "7" })).toEqual({
      name: "Demo booked",
      probability: 40,
      staleAfterDays: 7,
    });
    expect(stageFieldsSchema.parse({ name: "Won", probability: 100, staleAfterDays: 365 })).toEqual({
      name: "Won",
      probability: 100,
      staleAfterDays: 365,
    });
    expect(stageFieldsSchema.parse({ name: "x".repeat(40), probability: "0", staleAfterDays: "1" }).probability).toBe(0);
  });

  it("treats an empty number as missing, never as 0", () => {
    expect(errors({ name: "Lead", probability: "", staleAfterDays: "  " })).toEqual({
      probability: ["Enter a probability"],
      staleAfterDays: ["Enter a number of days"],
    });
  });

  it("keeps names 1–40 characters, probabilities 0–100 and stale days 1–365, whole numbers only", () => {
    expect(errors({ name: " ", probability: 101, staleAfterDays: 0 })).toEqual({
      name: ["Give the stage a name"],
      probability: ["A whole percentage from 0 to 100"],
      staleAfterDays: ["A whole number of days from 1 to 365"],
    });
    expect(errors({ name: "x".repeat(41), probability: "12,5", staleAfterDays: "abc" })).toEqual({
      name: ["Keep the name under 40 characters"],
      probability: ["A whole percentage from 0 to 100"],
      staleAfterDays: ["Enter a number of days"],
    });
    expect(errors({ name: "Lead", probability: -1, staleAfterDays: 366 })).toMatchObject({
      probability: expect.any(Array),
      staleAfterDays: expect.any(Array),
    });
  });

  it("needs a stage id to update, and a list of distinct ids to reorder", () => {
    expect(updateStageSchema.safeParse({ stageId: "nope", name: "Lead", probability: 10, staleAfterDays: 10 }).success).toBe(false);
    const id = "6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    expect(reorderStagesSchema.safeParse({ stageIds: [id] }).success).toBe(true);
    expect(reorderStagesSchema.safeParse({ stageIds: [id, id] }).success).toBe(false);
    expect(reorderStagesSchema.safeParse({ stageIds: [] }).success).toBe(false);
  });
});

describe("updateStageSchema's first step of imported deals", () => {
  const base = { stageId: "0190a5b8-7c1e-7d2f-8a3b-4c5d6e7f8a9b", name: "Proposal", probability: "50", staleAfterDays: "10" };

  it("keeps a step, clears a blank one (back to the suggestion) and leaves an absent one unchanged", () => {
    expect(updateStageSchema.parse({ ...base, firstStep: "  Call about the quote " }).firstStep).toBe("Call about the quote");
    expect(updateStageSchema.parse({ ...base, firstStep: "   " }).firstStep).toBeNull();
    expect(updateStageSchema.parse(base).firstStep).toBeUndefined();
  });

  it("refuses a step over 200 characters", () => {
    const result = updateStageSchema.safeParse({ ...base, firstStep: "x".repeat(201) });
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join("."))).toEqual(["firstStep"]);
  });
});
