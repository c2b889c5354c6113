import { describe, expect, it } from "vitest";
import { z } from "zod";

import { groupIssues, validationFailure } from "./result";

const schema = z.object({
  title: z.string().min(1, "Give it a title"),
  nextAction: z.object({ dueAt: z.string().min(1, "Choose when it is due"), details: z.string().min(1, "Say what") }),
  lines: z.array(z.object({ amount: z.number({ error: "Enter an amount" }) })),
});

describe("groupIssues", () => {
  it("keys every issue by its dotted path, array indexes included", () => {
    const parsed = schema.safeParse({ title: "", nextAction: { dueAt: "", details: "x" }, lines: [{ amount: 1 }, { amount: "a" }] });
    expect(groupIssues(parsed.error!.issues)).toEqual({
      fieldErrors: { title: ["Give it a title"], "nextAction.dueAt": ["Choose when it is due"], "lines.1.amount": ["Enter an amount"] },
      formErrors: [],
    });
  });

  it("keeps several messages for one field, in order", () => {
    const issues = [
      { path: ["code"], message: "Too short" },
      { path: ["code"], message: "Letters only" },
    ];
    expect(groupIssues(issues).fieldErrors).toEqual({ code: ["Too short", "Letters only"] });
  });
});

describe("validationFailure", () => {
  it("makes an issue about the whole input the message", () => {
    const parsed = schema.safeParse(null);
    const failure = validationFailure(parsed.error!.issues);
    expect(failure).toEqual({ ok: false, code: "VALIDATION", message: parsed.error!.issues[0]!.message });
  });

  it("falls back to a general message when every issue has a field", () => {
    expect(validationFailure([{ path: ["title"], message: "Give it a title" }])).toEqual({
      ok: false,
      code: "VALIDATION",
      message: "Please correct the highlighted fields.",
      fieldErrors: { title: ["Give it a title"] },
    });
  });
});
